/*
 * cmd_aggregate.c - `polybius aggregate EVENTS`: event counts by dyad (or
 * actor, or country dyad) and period, the table most analyses in R start
 * from: events, the four quad-class counts, and the sum and mean of the
 * Goldstein scores. With --fill every key appears in every period of the
 * range, with zero counts, as time-series models expect.
 */
#include "pb_cli.h"
#include "pb_writer.h"
#include "pb_codebook.h"
#include "pb_date.h"
#include "pb_table.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    guint events;
    guint quad[5];
    double goldstein_sum;
    guint goldstein_n;
} cell;

/* The period label of a date. */
static char *period_of(pb_date d, const char *period)
{
    int y = d / 10000, m = d / 100 % 100, day = d % 100;
    if (strcmp(period, "day") == 0)
        return g_strdup_printf("%04d-%02d-%02d", y, m, day);
    if (strcmp(period, "month") == 0)
        return g_strdup_printf("%04d-%02d", y, m);
    if (strcmp(period, "quarter") == 0)
        return g_strdup_printf("%04d-Q%d", y, (m - 1) / 3 + 1);
    if (strcmp(period, "year") == 0)
        return g_strdup_printf("%04d", y);
    GDate g;
    g_date_clear(&g, 1);
    g_date_set_dmy(&g, (GDateDay)day, (GDateMonth)m, (GDateYear)y);
    return g_strdup_printf("%04d-W%02u", g_date_get_iso8601_week_of_year(&g) >= 52 && m == 1 ? y - 1
                                         : g_date_get_iso8601_week_of_year(&g) == 1 && m == 12 ? y + 1 : y,
                           g_date_get_iso8601_week_of_year(&g));
}

static int compare_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The keys of a table, sorted (GLib 2.74 has no get_keys_as_ptr_array). */
static GPtrArray *sorted_keys(GHashTable *h)
{
    GPtrArray *a = g_ptr_array_new();
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, h);
    while (g_hash_table_iter_next(&it, &k, NULL))
        g_ptr_array_add(a, k);
    g_ptr_array_sort(a, compare_str);
    return a;
}

int pb_cmd_aggregate(int argc, char **argv)
{
    char *by = NULL, *period = NULL, *codebook_path = NULL;
    gboolean fill = FALSE;
    GOptionEntry entries[] = {
        {"by", 'b', 0, G_OPTION_ARG_STRING, &by,
         "dyad (default), country-dyad, source, target, source-country or target-country", "KEY"},
        {"period", 'p', 0, G_OPTION_ARG_STRING, &period, "day, week, month (default), quarter or year", "P"},
        {"fill", 0, 0, G_OPTION_ARG_NONE, &fill, "Every key in every period of the range, zeros included", NULL},
        {"codebook", 0, 0, G_OPTION_ARG_FILENAME, &codebook_path, "Codebook for quad classes and Goldstein", "FILE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("EVENTS - count events by dyad and period");
    g_option_context_set_description(ctx,
        "EVENTS is a CSV written by 'polybius code'. Output (CSV on standard output): the key\n"
        "columns, period, events, quad1..quad4 (GDELT quad classes), goldstein_sum and\n"
        "goldstein_mean. Periods: 2026-01-08, 2026-W02, 2026-01, 2026-Q1, 2026.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    int status = PB_EXIT_OK;
    const char *key_cols[2] = {NULL, NULL};
    if (!pb_cli_parse(ctx, &argc, &argv)) {
        status = PB_EXIT_USAGE;
        goto out;
    }
    if (!by || strcmp(by, "dyad") == 0) {
        key_cols[0] = "source";
        key_cols[1] = "target";
    } else if (strcmp(by, "country-dyad") == 0) {
        key_cols[0] = "source_country";
        key_cols[1] = "target_country";
    } else if (strcmp(by, "source") == 0 || strcmp(by, "target") == 0) {
        key_cols[0] = by;
    } else if (strcmp(by, "source-country") == 0) {
        key_cols[0] = "source_country";
    } else if (strcmp(by, "target-country") == 0) {
        key_cols[0] = "target_country";
    } else {
        fprintf(stderr, "polybius aggregate: unknown --by '%s'\n", by);
        status = PB_EXIT_USAGE;
        goto out;
    }
    if (!period)
        period = g_strdup("month");
    if (strcmp(period, "day") && strcmp(period, "week") && strcmp(period, "month") && strcmp(period, "quarter") &&
        strcmp(period, "year")) {
        fprintf(stderr, "polybius aggregate: unknown --period '%s' (day, week, month, quarter, year)\n", period);
        status = PB_EXIT_USAGE;
        goto out;
    }
    if (argc != 2) {
        fprintf(stderr, "polybius aggregate: expected one EVENTS file (see --help)\n");
        status = PB_EXIT_USAGE;
        goto out;
    }
    pb_table t;
    GError *error = NULL;
    if (!pb_table_read(argv[1], &t, &error)) {
        fprintf(stderr, "polybius aggregate: %s\n", error->message);
        g_error_free(error);
        status = PB_EXIT_INPUT;
        goto out;
    }
    int kc[2] = {pb_table_column(&t, key_cols[0]), key_cols[1] ? pb_table_column(&t, key_cols[1]) : -2};
    int dc = pb_table_column(&t, "date"), cc = pb_table_column(&t, "code");
    if (kc[0] < 0 || kc[1] == -1 || dc < 0 || cc < 0) {
        fprintf(stderr, "polybius aggregate: %s: expected columns %s%s%s, date and code\n", argv[1], key_cols[0],
                key_cols[1] ? ", " : "", key_cols[1] ? key_cols[1] : "");
        pb_table_clear(&t);
        status = PB_EXIT_INPUT;
        goto out;
    }
    if (!codebook_path)
        codebook_path = pb_find_codebook(NULL);
    pb_codebook *cb = codebook_path ? pb_codebook_load(codebook_path, NULL) : NULL;
    GHashTable *cells = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *periods = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    pb_date first = 0, last = 0;
    for (guint r = 0; r < t.rows->len; r++) {
        pb_date d = pb_date_parse_str(pb_table_get(&t, r, dc));
        if (!d)
            continue;
        first = first && first < d ? first : d;
        last = last > d ? last : d;
        GString *key = g_string_new(NULL);
        pb_csv_append(key, pb_table_get(&t, r, kc[0]));
        if (kc[1] >= 0) {
            g_string_append_c(key, ',');
            pb_csv_append(key, pb_table_get(&t, r, kc[1]));
        }
        char *p = period_of(d, period);
        char *ck = g_strdup_printf("%s\t%s", key->str, p);
        cell *c = g_hash_table_lookup(cells, ck);
        if (!c) {
            c = g_new0(cell, 1);
            g_hash_table_insert(cells, g_strdup(ck), c);
        }
        pb_cameo_code info;
        pb_codebook_describe(cb, pb_table_get(&t, r, cc), &info);
        c->events++;
        c->quad[info.quad_class >= 1 && info.quad_class <= 4 ? info.quad_class : 0]++;
        if (info.has_goldstein) {
            c->goldstein_sum += info.goldstein;
            c->goldstein_n++;
        }
        g_hash_table_replace(keys, g_string_free(key, FALSE), NULL);
        g_hash_table_replace(periods, p, NULL);
        g_free(ck);
    }
    if (fill && first) {
        for (pb_date d = first; d && d <= last; d = pb_date_add_days(d, 1))
            g_hash_table_replace(periods, period_of(d, period), NULL);
    }
    GPtrArray *kl = sorted_keys(keys);
    GPtrArray *pl = sorted_keys(periods);
    printf("%s%s%s,period,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean\n", key_cols[0],
           key_cols[1] ? "," : "", key_cols[1] ? key_cols[1] : "");
    for (guint i = 0; i < kl->len; i++) {
        for (guint j = 0; j < pl->len; j++) {
            char *ck = g_strdup_printf("%s\t%s", (char *)g_ptr_array_index(kl, i), (char *)g_ptr_array_index(pl, j));
            cell *c = g_hash_table_lookup(cells, ck);
            g_free(ck);
            if (!c && !fill)
                continue;
            cell zero = {0};
            if (!c)
                c = &zero;
            printf("%s,\"%s\",%u,%u,%u,%u,%u,%.1f,", (char *)g_ptr_array_index(kl, i), (char *)g_ptr_array_index(pl, j),
                   c->events, c->quad[1], c->quad[2], c->quad[3], c->quad[4], c->goldstein_sum);
            if (c->goldstein_n)
                printf("%.2f", c->goldstein_sum / c->goldstein_n);
            printf("\n");
        }
    }
    g_ptr_array_unref(kl);
    g_ptr_array_unref(pl);
    g_hash_table_unref(cells);
    g_hash_table_unref(keys);
    g_hash_table_unref(periods);
    pb_codebook_free(cb);
    pb_table_clear(&t);
out:
    g_free(by);
    g_free(period);
    g_free(codebook_path);
    g_option_context_free(ctx);
    return status;
}
