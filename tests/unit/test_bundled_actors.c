/* test_bundled_actors.c - the bundled dictionaries (dictionaries/) against an
 * independent list of actor phrases: tests/dictionaries/actors.tsv gives a
 * phrase, a date and the CAMEO actor code the phrase should have on that
 * date (header "phrase<TAB>date<TAB>code<TAB>note").
 *
 * Each phrase is put where the coder meets an actor most often, as the
 * subject of a sentence ("<phrase> accused Zorblandia of fraud."), and the
 * sentence goes through the coder's own tokenizer and parser (pb_tokenize,
 * pb_parse) with the whole bundled set (actors, agents, verbs, options ...
 * loaded as the command line loads a dictionary directory). The code is the
 * one the coder would use for the first actor unit of the phrase: its
 * composed actor+agent code, or the codes of its compound group joined with
 * '/'. Full codes are compared (USAGOV, IGOUNODEVWBK).
 *
 * Every mismatch is printed in one table, then the test fails with the
 * count. */
#include "pb_test.h"

#include <stdio.h>
#include <string.h>

#include "pb_project.h"
#include "pb_token.h"

#define SUBJECT_FRAME " accused Zorblandia of fraud."

typedef struct {
    int line;
    char *phrase, *date, *code, *note;
} row;

typedef struct {
    const row *r;
    char *got;
} mismatch;

static pb_dict *load_bundled(void)
{
    char *dir = test_path("dictionaries");
    pb_dict_files f;
    pb_dict_files_init(&f);
    GError *error = NULL;
    if (!pb_dict_files_from_dir(dir, &f, &error))
        fail_msg("cannot list %s: %s", dir, error->message);
    if (f.actors->len == 0 || f.agents->len == 0 || f.options->len == 0)
        fail_msg("%s: no actors, agents or options files", dir);
    pb_diags diags;
    pb_diags_init(&diags);
    pb_dict *d = pb_dict_load_files(&f, &diags, &error);
    if (!d)
        fail_msg("cannot load the bundled dictionaries: %s", error->message);
    if (diags.errors) {
        pb_diags_print(&diags, stderr, FALSE);
        fail_msg("the bundled dictionaries have %d errors", diags.errors);
    }
    pb_diags_clear(&diags);
    pb_dict_files_clear(&f);
    g_free(dir);
    return d;
}

/* The rows of the table; a malformed row fails the test. */
static GPtrArray *read_rows(const char *path)
{
    char *data = NULL;
    GError *error = NULL;
    if (!g_file_get_contents(path, &data, NULL, &error))
        fail_msg("cannot read %s: %s", path, error->message);
    char **lines = g_strsplit(data, "\n", -1);
    g_free(data);
    if (!lines[0] || strcmp(g_strchomp(lines[0]), "phrase\tdate\tcode\tnote") != 0)
        fail_msg("%s: the header must be 'phrase<TAB>date<TAB>code<TAB>note'", path);
    GPtrArray *rows = g_ptr_array_new();
    for (int i = 1; lines[i]; i++) {
        char *l = g_strchomp(lines[i]); /* also drops a '\r' */
        if (!*l)
            continue;
        char **f = g_strsplit(l, "\t", 4);
        guint n = g_strv_length(f);
        if (n < 3 || !*f[0] || !*f[2] || pb_date_parse_str(f[1]) <= 0)
            fail_msg("%s:%d: expected 'phrase<TAB>YYYY-MM-DD<TAB>CODE[<TAB>note]': %s", path, i + 1, l);
        row *r = g_new0(row, 1);
        r->line = i + 1;
        r->phrase = g_strdup(f[0]);
        r->date = g_strdup(f[1]);
        r->code = g_strdup(f[2]);
        r->note = g_strdup(n > 3 ? f[3] : "");
        g_ptr_array_add(rows, r);
        g_strfreev(f);
    }
    g_strfreev(lines);
    return rows;
}

/* The code the coder gives the phrase as the subject of a sentence on
 * date: the first actor unit that starts inside the phrase, with its
 * compound group if it is in one. "(none)" when the phrase holds no actor,
 * "(null)" when its actor resolves to nothing on that date. */
static char *resolve(const pb_dict *d, pb_arena *arena, const char *phrase, pb_date date)
{
    pb_tokens alone;
    pb_tokenize(arena, phrase, strlen(phrase), &alone);
    char *text = g_strconcat(phrase, SUBJECT_FRAME, NULL);
    pb_tokens toks;
    pb_tokenize(arena, text, strlen(text), &toks);
    pb_sentence s;
    pb_parse(d, &d->options, arena, &toks, date, NULL, &s);
    g_free(text);
    for (size_t u = 0; u < s.nunits; u++) {
        const pb_unit *x = &s.units[u];
        if (x->start >= (int32_t)alone.n)
            break;
        if (x->pronoun)
            continue;
        const char *codes[32];
        size_t n = pb_ref_codes(&s, pb_unit_ref(&s, (int32_t)u), codes, G_N_ELEMENTS(codes), arena);
        if (n == 0)
            return g_strdup("(null)");
        GString *g = g_string_new(NULL);
        for (size_t i = 0; i < n; i++)
            g_string_append_printf(g, "%s%s", i ? "/" : "", codes[i]);
        return g_string_free(g, FALSE);
    }
    return g_strdup("(none)");
}

static int width(int have, const char *s)
{
    int n = (int)g_utf8_strlen(s, -1);
    return n > have ? n : have;
}

static void bundled_actors_resolve_as_listed(void **state)
{
    (void)state;
    pb_dict *d = load_bundled();
    char *path = test_path("tests/dictionaries/actors.tsv");
    GPtrArray *rows = read_rows(path);
    assert_true(rows->len > 0);

    pb_arena arena;
    pb_arena_init(&arena, 1 << 16);
    GArray *bad = g_array_new(FALSE, FALSE, sizeof(mismatch));
    for (guint i = 0; i < rows->len; i++) {
        const row *r = g_ptr_array_index(rows, i);
        char *got = resolve(d, &arena, r->phrase, pb_date_parse_str(r->date));
        if (strcmp(got, r->code) != 0) {
            mismatch m = {r, got};
            g_array_append_val(bad, m);
        } else {
            g_free(got);
        }
        pb_arena_reset(&arena);
    }

    if (bad->len) {
        int wp = 6, wd = 10, we = 8, wg = 3;
        for (guint i = 0; i < bad->len; i++) {
            const mismatch *m = &g_array_index(bad, mismatch, i);
            wp = width(wp, m->r->phrase);
            we = width(we, m->r->code);
            wg = width(wg, m->got);
        }
        printf("\n%u of %u rows of tests/dictionaries/actors.tsv resolve to another code:\n\n", bad->len, rows->len);
        printf("%-5s  %-*s  %-*s  %-*s  %-*s  %s\n", "line", wp, "phrase", wd, "date", we, "expected", wg, "got",
               "note");
        for (guint i = 0; i < bad->len; i++) {
            const mismatch *m = &g_array_index(bad, mismatch, i);
            /* pad by characters, not bytes, for phrases with accents */
            int pad = wp - (int)g_utf8_strlen(m->r->phrase, -1);
            printf("%-5d  %s%*s  %-*s  %-*s  %-*s  %s\n", m->r->line, m->r->phrase, pad, "", wd, m->r->date, we,
                   m->r->code, wg, m->got, m->r->note);
        }
        printf("\n");
    } else {
        printf("all %u rows of tests/dictionaries/actors.tsv resolve to the listed code\n", rows->len);
    }
    guint nbad = bad->len, nrows = rows->len;

    for (guint i = 0; i < bad->len; i++)
        g_free(g_array_index(bad, mismatch, i).got);
    g_array_free(bad, TRUE);
    for (guint i = 0; i < rows->len; i++) {
        row *r = g_ptr_array_index(rows, i);
        g_free(r->phrase);
        g_free(r->date);
        g_free(r->code);
        g_free(r->note);
        g_free(r);
    }
    g_ptr_array_free(rows, TRUE);
    pb_arena_free(&arena);
    g_free(path);
    pb_dict_free(d);
    fflush(stdout); /* the table before cmocka's message (stderr) */
    if (nbad)
        fail_msg("%u of %u actor phrases resolve to another code than listed", nbad, nrows);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bundled_actors_resolve_as_listed),
    };
    return cmocka_run_group_tests_name("bundled_actors", tests, NULL, NULL);
}
