/*
 * cmd_eval.c - `polybius eval --gold GOLD EVENTS`: precision, recall and
 * F1 of a coded event file against a gold standard (docs/gold-standard.md).
 *
 * Events are compared per document as multisets of (source, target, code):
 * strictly (exact codes) and leniently (the first three letters of the
 * actor codes, the country or organisation, and the two-digit root of the
 * event code). Only documents listed in the gold file are scored.
 */
#include "pb_cli.h"
#include "pb_codebook.h"
#include "pb_table.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *source, *target, *code;
    gboolean matched;
} tuple;

typedef struct {
    GHashTable *docs; /* doc_id -> GArray of tuple */
    GPtrArray *order; /* doc ids in file order */
} event_set;

static void set_init(event_set *s)
{
    s->docs = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_array_unref);
    s->order = g_ptr_array_new();
}

static void set_clear(event_set *s)
{
    g_hash_table_unref(s->docs);
    g_ptr_array_unref(s->order);
}

static GArray *doc_events(event_set *s, const char *id, gboolean create)
{
    GArray *a = g_hash_table_lookup(s->docs, id);
    if (!a && create) {
        a = g_array_new(FALSE, TRUE, sizeof(tuple));
        g_hash_table_insert(s->docs, (gpointer)id, a);
        g_ptr_array_add(s->order, (gpointer)id);
    }
    return a;
}

static gboolean load(const char *path, pb_table *t, event_set *s, event_set *restrict_to, guint *ignored, GError **error)
{
    if (!pb_table_read(path, t, error))
        return FALSE;
    int cd = pb_table_column(t, "doc_id"), cs = pb_table_column(t, "source"), ct = pb_table_column(t, "target"),
        cc = pb_table_column(t, "code");
    if (cd < 0 || cs < 0 || ct < 0 || cc < 0) {
        g_set_error(error, PB_ERROR, PB_ERROR_INPUT, "%s: expected columns doc_id, source, target, code", path);
        return FALSE;
    }
    for (guint r = 0; r < t->rows->len; r++) {
        const char *id = pb_table_get(t, r, cd);
        if (restrict_to && !doc_events(restrict_to, id, FALSE)) {
            (*ignored)++;
            continue;
        }
        GArray *a = doc_events(s, id, TRUE);
        tuple x = {pb_table_get(t, r, cs), pb_table_get(t, r, ct), pb_table_get(t, r, cc), FALSE};
        if (*x.code)
            g_array_append_val(a, x);
    }
    return TRUE;
}

static gboolean same(const char *a, const char *b, size_t prefix)
{
    if (prefix == 0)
        return strcmp(a, b) == 0;
    return strncmp(a, b, prefix) == 0 && (strlen(a) >= prefix) == (strlen(b) >= prefix);
}

static gboolean tuples_match(const tuple *a, const tuple *b, gboolean lenient)
{
    return same(a->source, b->source, lenient ? 3 : 0) && same(a->target, b->target, lenient ? 3 : 0) &&
           same(a->code, b->code, lenient ? 2 : 0);
}

typedef struct {
    guint tp, coded, gold;
} counts;

static void root_of(const char *code, char root[3])
{
    root[0] = code[0] ? code[0] : '?';
    root[1] = code[0] && code[1] ? code[1] : '?';
    root[2] = '\0';
}

static int root_index(const char *code)
{
    char r[3];
    root_of(code, r);
    if (!g_ascii_isdigit(r[0]) || !g_ascii_isdigit(r[1]))
        return 0;
    int v = (r[0] - '0') * 10 + (r[1] - '0');
    return v >= 1 && v <= 20 ? v : 0;
}

/* Match gold against coded; counts overall and per root (index 1..20, 0
 * for codes outside CAMEO's roots). */
static void score(event_set *gold, event_set *coded, gboolean lenient, counts *all, counts *roots, GString *show)
{
    memset(all, 0, sizeof *all);
    memset(roots, 0, sizeof(counts) * 21);
    for (guint i = 0; i < gold->order->len; i++) {
        const char *id = g_ptr_array_index(gold->order, i);
        GArray *g = doc_events(gold, id, FALSE);
        GArray *c = doc_events(coded, id, FALSE);
        for (guint k = 0; c && k < c->len; k++)
            g_array_index(c, tuple, k).matched = FALSE;
        for (guint k = 0; k < g->len; k++) {
            tuple *x = &g_array_index(g, tuple, k);
            x->matched = FALSE;
            all->gold++;
            roots[root_index(x->code)].gold++;
            for (guint j = 0; c && j < c->len; j++) {
                tuple *y = &g_array_index(c, tuple, j);
                if (!y->matched && tuples_match(x, y, lenient)) {
                    x->matched = y->matched = TRUE;
                    all->tp++;
                    roots[root_index(x->code)].tp++;
                    break;
                }
            }
            if (!x->matched && show)
                g_string_append_printf(show, "MISS  %s  %s %s %s\n", id, x->source, x->target, x->code);
        }
        for (guint j = 0; c && j < c->len; j++) {
            tuple *y = &g_array_index(c, tuple, j);
            all->coded++;
            roots[root_index(y->code)].coded++;
            if (!y->matched && show)
                g_string_append_printf(show, "EXTRA %s  %s %s %s\n", id, y->source, y->target, y->code);
        }
    }
}

static void print_scores(const char *label, const counts *c)
{
    double p = c->coded ? (double)c->tp / c->coded : 0, r = c->gold ? (double)c->tp / c->gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("%-8s %9.3f %9.3f %9.3f   %5u %6u %5u\n", label, p, r, f, c->tp, c->coded, c->gold);
}

int pb_cmd_eval(int argc, char **argv)
{
    char *gold_path = NULL, *codebook_path = NULL;
    gboolean show = FALSE;
    GOptionEntry entries[] = {
        {"gold", 'g', 0, G_OPTION_ARG_FILENAME, &gold_path, "Gold standard CSV (doc_id, source, target, code)", "FILE"},
        {"show", 's', 0, G_OPTION_ARG_NONE, &show, "List every missed and every extra event (strict)", NULL},
        {"codebook", 0, 0, G_OPTION_ARG_FILENAME, &codebook_path, "Codebook for root names", "FILE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("--gold GOLD EVENTS - score coded events against a gold standard");
    g_option_context_set_description(ctx,
        "EVENTS is a CSV written by 'polybius code' (or any CSV with doc_id, source,\n"
        "target and code columns). Strict scores need exact codes; lenient scores compare\n"
        "the first three letters of the actor codes and the two-digit root of the event\n"
        "code. Only documents in the gold file are scored; the gold file lists a document\n"
        "with no events once, with empty source, target and code. See docs/gold-standard.md.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    int status = PB_EXIT_OK;
    if (!pb_cli_parse(ctx, &argc, &argv)) {
        status = PB_EXIT_USAGE;
    } else if (!gold_path || argc != 2) {
        fprintf(stderr, "polybius eval: expected --gold GOLD and one EVENTS file (see --help)\n");
        status = PB_EXIT_USAGE;
    } else {
        pb_table gt = {0}, ct = {0};
        event_set gold, coded;
        set_init(&gold);
        set_init(&coded);
        GError *error = NULL;
        guint ignored = 0;
        if (!load(gold_path, &gt, &gold, NULL, &ignored, &error) || !load(argv[1], &ct, &coded, &gold, &ignored, &error)) {
            fprintf(stderr, "polybius eval: %s\n", error->message);
            g_error_free(error);
            status = PB_EXIT_INPUT;
        } else {
            if (!codebook_path)
                codebook_path = pb_find_codebook(NULL);
            pb_codebook *cb = codebook_path ? pb_codebook_load(codebook_path, NULL) : NULL;
            counts strict, lenient, sroots[21], lroots[21];
            GString *shown = show ? g_string_new(NULL) : NULL;
            score(&gold, &coded, FALSE, &strict, sroots, shown);
            score(&gold, &coded, TRUE, &lenient, lroots, NULL);
            printf("Scored %u documents: %u gold events, %u coded events", gold.order->len, strict.gold, strict.coded);
            if (ignored)
                printf(" (%u coded events in documents not in the gold file ignored)", ignored);
            printf("\n\n%-8s %9s %9s %9s   %5s %6s %5s\n", "", "precision", "recall", "F1", "tp", "coded", "gold");
            print_scores("strict", &strict);
            print_scores("lenient", &lenient);
            printf("\nPer root (strict | lenient F1):\n%-4s %-36s %7s %7s %7s %7s   %5s %6s %5s\n", "root", "name",
                   "P", "R", "F1", "len.F1", "tp", "coded", "gold");
            for (int r = 1; r <= 20; r++) {
                char code[3] = {(char)('0' + r / 10), (char)('0' + r % 10), 0};
                const pb_cameo_code *cc = cb ? pb_codebook_get(cb, code) : NULL;
                counts *c = &sroots[r];
                counts *l = &lroots[r];
                double p = c->coded ? (double)c->tp / c->coded : 0, rr = c->gold ? (double)c->tp / c->gold : 0;
                double f = p + rr > 0 ? 2 * p * rr / (p + rr) : 0;
                double lp = l->coded ? (double)l->tp / l->coded : 0, lr = l->gold ? (double)l->tp / l->gold : 0;
                double lf = lp + lr > 0 ? 2 * lp * lr / (lp + lr) : 0;
                printf("%-4s %-36.36s %7.3f %7.3f %7.3f %7.3f   %5u %6u %5u\n", code, cc ? cc->name : "", p, rr, f, lf,
                       c->tp, c->coded, c->gold);
            }
            if (sroots[0].coded || sroots[0].gold)
                printf("%-4s %-36s %7s %7s %7s %7s   %5u %6u %5u\n", "--", "codes outside the 20 CAMEO roots", "", "", "",
                       "", sroots[0].tp, sroots[0].coded, sroots[0].gold);
            if (shown) {
                printf("\nMisses and extras (strict):\n%s", shown->str);
                g_string_free(shown, TRUE);
            }
            pb_codebook_free(cb);
        }
        set_clear(&gold);
        set_clear(&coded);
        pb_table_clear(&gt);
        pb_table_clear(&ct);
    }
    g_free(gold_path);
    g_free(codebook_path);
    g_option_context_free(ctx);
    return status;
}
