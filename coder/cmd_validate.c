/*
 * cmd_validate.c - `polybius validate`: run a TABARI validation project or
 * text file and report PASS/FAIL per record.
 *
 * Each record's comment holds the expected events ({ SRC / TGT / CODE }),
 * or {---} (no event), {###} (discard), {+++} (complex), a '-{' that stops
 * checking from there, or { OPTION: ... } commands that change the options
 * for the records that follow. As TABARI counts them, the checked records
 * are those before FINAL-01 except the first.
 */
#include "pb_cli.h"
#include "pb_coder.h"
#include "pb_tabari.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    char src[64], tgt[64], code[32];
    pb_date date; /* expected (shifted) date, 0 if none given */
} expected_event;

typedef struct {
    GArray *events;       /* expected_event */
    gboolean none, discard, complex, stop, has_check;
    GPtrArray *options;   /* option lines */
} expectation;

static void trim_copy(char *dst, size_t size, const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= size)
        n = size - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

static void parse_expectation(const char *comment, expectation *e)
{
    memset(e, 0, sizeof *e);
    e->events = g_array_new(FALSE, TRUE, sizeof(expected_event));
    e->options = g_ptr_array_new_with_free_func(g_free);
    const char *p = comment;
    while ((p = strchr(p, '{')) != NULL) {
        if (e->stop)
            break;
        if (p > comment && p[-1] == '-') {
            e->stop = TRUE;
            e->has_check = TRUE;
            break;
        }
        const char *close = strchr(p, '}');
        const char *body = p + 1;
        while (*body == ' ')
            body++;
        if (g_ascii_strncasecmp(body, "OPTION:", 7) == 0) {
            const char *end = close ? close : p + strlen(p);
            char *line = g_strndup(body + 7, (gsize)(end - body - 7));
            g_strstrip(line);
            g_ptr_array_add(e->options, line);
            if (!close)
                break;
            p = close + 1;
            continue;
        }
        if (!close)
            break;
        char *inner = g_strndup(p + 1, (gsize)(close - p - 1));
        char *t = g_strstrip(g_strdup(inner));
        e->has_check = TRUE;
        if (strcmp(t, "---") == 0)
            e->none = TRUE;
        else if (strcmp(t, "###") == 0)
            e->discard = TRUE;
        else if (strcmp(t, "+++") == 0)
            e->complex = TRUE;
        else {
            char **parts = g_strsplit(inner, "/", 3);
            if (g_strv_length(parts) == 3) {
                expected_event x = {0};
                trim_copy(x.src, sizeof x.src, parts[0], strlen(parts[0]));
                trim_copy(x.tgt, sizeof x.tgt, parts[1], strlen(parts[1]));
                trim_copy(x.code, sizeof x.code, parts[2], strlen(parts[2]));
                const char *q = close + 1;
                while (*q == ' ')
                    q++;
                size_t dn = 0;
                while (isdigit((unsigned char)q[dn]))
                    dn++;
                if (dn == 6 || dn == 8)
                    x.date = pb_date_parse(q, dn);
                g_array_append_val(e->events, x);
            }
            g_strfreev(parts);
        }
        g_free(t);
        g_free(inner);
        p = close + 1;
    }
}

static void expectation_clear(expectation *e)
{
    g_array_unref(e->events);
    g_ptr_array_unref(e->options);
}

/* Story and sentence numbers from a record id by a FORWARD format. */
static void forward_ids(const char *fmt, const char *id, long *story, long *sentence)
{
    *story = *sentence = -1;
    const char *f = fmt;
    while (*f == '^')
        f++;
    long st = 0, se = 0;
    gboolean has_st = FALSE, has_se = FALSE;
    for (size_t i = 0; f[i] && id[i]; i++) {
        if (f[i] == 'N') {
            has_st = TRUE;
            st = isdigit((unsigned char)id[i]) ? st * 10 + (id[i] - '0') : st * 10;
        } else if (f[i] == 'S') {
            has_se = TRUE;
            se = isdigit((unsigned char)id[i]) ? se * 10 + (id[i] - '0') : se * 10;
        }
    }
    if (has_st)
        *story = st;
    if (has_se)
        *sentence = se;
}

typedef struct {
    int passed, failed, options;
    gboolean quiet;
    const char *explain;  /* record id whose coding is traced */
    GString *failures;
} tally;

static void describe_events(GString *g, const pb_result *r)
{
    if (r->status != PB_STATUS_CODED) {
        g_string_append_printf(g, "(%s%s%s)", pb_status_name(r->status), r->reason ? ": " : "", r->reason ? r->reason : "");
        return;
    }
    for (size_t i = 0; i < r->nevents; i++)
        g_string_append_printf(g, "%s{ %s / %s / %s }", i ? " " : "", r->events[i].source, r->events[i].target,
                               r->events[i].code);
}

static void describe_expected(GString *g, const expectation *e)
{
    if (e->none)
        g_string_append(g, "{---}");
    else if (e->discard)
        g_string_append(g, "{###}");
    else if (e->complex)
        g_string_append(g, "{+++}");
    for (guint i = 0; i < e->events->len; i++) {
        const expected_event *x = &g_array_index(e->events, expected_event, i);
        g_string_append_printf(g, "%s{ %s / %s / %s }", i ? " " : "", x->src, x->tgt, x->code);
    }
    if (e->stop)
        g_string_append(g, " -{...");
}

static gboolean check(const expectation *e, const pb_result *r, gboolean shifting)
{
    if (e->none)
        return r->nevents == 0;
    if (e->discard)
        return r->status == PB_STATUS_DISCARD;
    if (e->complex)
        return r->status == PB_STATUS_COMPLEX;
    guint n = e->events->len;
    if (!e->stop && r->nevents != n)
        return FALSE;
    if (e->stop && r->nevents < n)
        return FALSE;
    for (guint i = 0; i < n; i++) {
        const expected_event *x = &g_array_index(e->events, expected_event, i);
        const pb_event *ev = &r->events[i];
        if (strcmp(x->src, ev->source) != 0 || strcmp(x->tgt, ev->target) != 0 || strcmp(x->code, ev->code) != 0)
            return FALSE;
        if (i == 0 && shifting && x->date != ev->date)
            return FALSE;
    }
    return TRUE;
}

static int run_text(const pb_dict *d, const char *path, gboolean all, tally *t)
{
    pb_input in;
    GError *error = NULL;
    if (!pb_input_open(&in, path, &error)) {
        fprintf(stderr, "polybius validate: %s\n", error->message);
        g_error_free(error);
        return PB_EXIT_INPUT;
    }
    pb_options opt;
    pb_options_copy(&opt, &d->options);
    pb_coder coder;
    pb_coder_init(&coder, d, &opt);
    pb_tabari_reader reader;
    pb_tabari_reader_init(&reader, &in);
    pb_tabari_record rec;
    gboolean first = TRUE;
    pb_forward fwd = {0};
    long prev_story = -1, prev_sentence = -1;
    while (reader.yyyy = opt.yyyy, pb_tabari_next(&reader, &rec, &error)) {
        if (!all && g_str_has_prefix(rec.id, "FINAL-01")) {
            pb_tabari_record_clear(&rec);
            break;
        }
        expectation e;
        parse_expectation(rec.comment, &e);
        if (e.options->len > 0) {
            for (guint i = 0; i < e.options->len; i++) {
                char *msg = NULL;
                gboolean warning = FALSE;
                if (!pb_options_apply(&opt, g_ptr_array_index(e.options, i), &msg, &warning))
                    fprintf(stderr, "%s:%d: option '%s': %s\n", path, rec.line,
                            (const char *)g_ptr_array_index(e.options, i), msg);
                g_free(msg);
            }
            if (!first) {
                t->options++;
                t->passed++;
                if (!t->quiet)
                    printf("PASS %s (option)\n", rec.id);
            }
            first = FALSE;
            expectation_clear(&e);
            pb_tabari_record_clear(&rec);
            continue;
        }
        long story = -1, sentence = -1;
        const pb_forward *use = NULL;
        if (opt.forward) {
            forward_ids(opt.forward_fmt, rec.id, &story, &sentence);
            if (story >= 0 && story == prev_story && sentence == prev_sentence + 1)
                use = &fwd;
        }
        pb_result res;
        gboolean traced = t->explain && strstr(rec.id, t->explain) != NULL;
        if (traced)
            coder.trace = g_string_new(NULL);
        pb_code_sentence(&coder, rec.text, strlen(rec.text), rec.date, use, &res);
        if (traced) {
            printf("---- %s: %s\n%s----\n", rec.id, rec.text, coder.trace->str);
            g_string_free(coder.trace, TRUE);
            coder.trace = NULL;
        }
        gboolean shifting = opt.time_shift > 0 || (opt.time_shift < 0 && d->has_time);
        if (!first) {
            gboolean ok = e.has_check && check(&e, &res, shifting);
            if (!e.has_check && !e.none) {
                ok = FALSE;
            }
            if (ok) {
                t->passed++;
                if (!t->quiet)
                    printf("PASS %s\n", rec.id);
            } else {
                t->failed++;
                GString *g = g_string_new(NULL);
                g_string_append_printf(g, "FAIL %s (line %d)\n  expected: ", rec.id, rec.line);
                if (e.has_check)
                    describe_expected(g, &e);
                else
                    g_string_append(g, "no verification record available");
                g_string_append(g, "\n  produced: ");
                describe_events(g, &res);
                g_string_append_c(g, '\n');
                fputs(g->str, stdout);
                g_string_append(t->failures, g->str);
                g_string_free(g, TRUE);
            }
        }
        first = FALSE;
        fwd = res.forward;
        prev_story = story;
        prev_sentence = sentence;
        pb_coder_reset(&coder);
        expectation_clear(&e);
        pb_tabari_record_clear(&rec);
    }
    pb_coder_clear(&coder);
    pb_options_clear(&opt);
    pb_tabari_reader_clear(&reader);
    pb_input_close(&in);
    if (error) {
        fprintf(stderr, "polybius validate: %s\n", error->message);
        g_error_free(error);
        return PB_EXIT_INPUT;
    }
    return PB_EXIT_OK;
}

int pb_cmd_validate(int argc, char **argv)
{
    pb_dict_cli cli = {0};
    gboolean all = FALSE, quiet = FALSE;
    char *explain = NULL;
    GOptionEntry entries[] = {
        {"explain", 'e', 0, G_OPTION_ARG_STRING, &explain, "Show every coding step of the records whose id contains ID", "ID"},
        {"all", 'a', 0, G_OPTION_ARG_NONE, &all, "Also run the records after FINAL-01", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print only failures and the summary", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("PROJECT|TEXTFILE - run a TABARI validation suite");
    g_option_context_set_description(ctx,
        "PROJECT is a TABARI .project file (its dictionaries, options and text files are\n"
        "used); a text file is coded with the dictionaries given by the dictionary options.\n"
        "Prints PASS or FAIL per record (with expected and produced events) and ends\n"
        "with 'N passed, M failed'. Exit status 0 when every record passes, 1 otherwise.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_add_group(ctx, pb_dict_cli_group(&cli));
    int status = PB_EXIT_OK;
    if (!pb_cli_parse(ctx, &argc, &argv)) {
        status = PB_EXIT_USAGE;
        goto out;
    }
    if (argc != 2) {
        fprintf(stderr, "polybius validate: expected one PROJECT or TEXTFILE (see --help)\n");
        status = PB_EXIT_USAGE;
        goto out;
    }
    const char *arg = argv[1];
    GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);
    if (g_str_has_suffix(arg, ".project")) {
        g_free(cli.project);
        cli.project = g_strdup(arg);
        pb_dict_files f;
        pb_dict_files_init(&f);
        pb_diags diags;
        pb_diags_init(&diags);
        GError *error = NULL;
        if (!pb_project_read(arg, &f, &diags, &error)) {
            fprintf(stderr, "polybius validate: %s\n", error->message);
            g_error_free(error);
            status = PB_EXIT_INPUT;
        }
        for (guint i = 0; f.texts && i < f.texts->len; i++)
            g_ptr_array_add(texts, g_strdup(g_ptr_array_index(f.texts, i)));
        pb_diags_clear(&diags);
        pb_dict_files_clear(&f);
    } else {
        g_ptr_array_add(texts, g_strdup(arg));
    }
    if (status == PB_EXIT_OK) {
        pb_dict *d = pb_dict_cli_load(&cli, NULL);
        if (!d) {
            status = PB_EXIT_INPUT;
        } else {
            tally t = {0};
            t.quiet = quiet;
            t.explain = explain;
            t.failures = g_string_new(NULL);
            for (guint i = 0; i < texts->len && status == PB_EXIT_OK; i++)
                status = run_text(d, g_ptr_array_index(texts, i), all, &t);
            if (status == PB_EXIT_OK) {
                printf("%d passed, %d failed\n", t.passed, t.failed);
                if (t.failed > 0)
                    status = PB_EXIT_INPUT;
            }
            g_string_free(t.failures, TRUE);
            pb_dict_free(d);
        }
    }
    g_ptr_array_unref(texts);
out:
    g_free(explain);
    pb_dict_cli_clear(&cli);
    g_option_context_free(ctx);
    return status;
}
