/* test_dict_cache.c - compiled dictionaries (dict_cache.c): a cache codes
 * exactly like the text it came from, its warnings come back, it goes
 * stale when a source file changes, and a damaged cache is refused (or
 * rebuilt by pb_dict_load_cached) without crashing. */
#include "pb_test.h"
#include "pb_dict_cache.h"

#include <string.h>
#include <unistd.h>

typedef struct {
    char *dir;
    pb_dict_files files;
    char *cache;
} fixture;

static const char *ACTORS = "ARNOR [ARN]\nGONDOR [GON]\nGUSTAVO_PETRO_\n+PETRO_\n\t[COLGOV 20220807-20260807]\n\t[COLELI]\n"
                            "THE_SHIRE [FRO/BIL/SAM]\nROHAN [ROH] [ROH]\n";
static const char *AGENTS = "PRESIDENT_ [~GOV]\nSOLDIER_ [~MIL]\n";
static const char *VERBS = "&CRIMES\n+ESPIONAGE\n+SPYING\n--- ACCUSE [112] ---\nACCUSE\n- * + OF_ &CRIMES [1125]\n"
                           "--- VISIT [042:043] ---\nVISIT\n- * { CAPITAL_ | BORDER_ } [043]\n<TIME>\nYESTERDAY [-1]\n</TIME>\n";
static const char *OPTIONS = "SET: MINIMUM WORDS = 3\nLABEL: 112 = accuse\n";
static const char *DISCARDS = "+PENALTY_SHOOTOUT_\n";
static const char *ISSUES = "<ISSUE CATEGORY=\"DRUGS\" TYPE=\"ALL\">\nn:cocaine [DRUGS]\n</ISSUE>\n";

static char *put(fixture *f, const char *name, const char *text)
{
    char *p = g_build_filename(f->dir, name, NULL);
    g_file_set_contents(p, text, -1, NULL);
    return p;
}

static void fixture_init(fixture *f)
{
    f->dir = g_dir_make_tmp("polybius-cache-XXXXXX", NULL);
    pb_dict_files_init(&f->files);
    g_ptr_array_add(f->files.actors, put(f, "t.actors", ACTORS));
    g_ptr_array_add(f->files.agents, put(f, "t.agents", AGENTS));
    g_ptr_array_add(f->files.verbs, put(f, "t.verbs", VERBS));
    g_ptr_array_add(f->files.options, put(f, "t.options", OPTIONS));
    g_ptr_array_add(f->files.discards, put(f, "t.discards", DISCARDS));
    g_ptr_array_add(f->files.issues, put(f, "t.issues", ISSUES));
    f->cache = g_build_filename(f->dir, "t.pbd", NULL);
}

static void fixture_clear(fixture *f)
{
    const char *names[] = {"t.actors", "t.agents", "t.verbs", "t.options", "t.discards", "t.issues", "t.pbd"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        char *p = g_build_filename(f->dir, names[i], NULL);
        unlink(p);
        g_free(p);
    }
    rmdir(f->dir);
    g_free(f->dir);
    g_free(f->cache);
    pb_dict_files_clear(&f->files);
}

static const char *const SENTENCES[] = {
    "Arnor accused Gondor of espionage yesterday.",
    "President Petro visited the Gondor capital.",
    "The Shire accused Rohan soldiers.",
    "Gondor seized cocaine and accused Arnor.",
    "Nothing happened here at all.",
};

static char *code_all(const pb_dict *d)
{
    GString *g = g_string_new(NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(SENTENCES); i++) {
        char *r = test_code(d, SENTENCES[i], 20260108);
        g_string_append_printf(g, "%s\n", r);
        g_free(r);
    }
    return g_string_free(g, FALSE);
}

static void round_trip(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    pb_diags text_diags;
    pb_diags_init(&text_diags);
    pb_dict *text = pb_dict_load_files(&f.files, &text_diags, NULL);
    assert_non_null(text);
    assert_int_equal(text_diags.errors, 0);
    assert_int_equal(text_diags.warnings, 1); /* ROHAN's second undated code */
    assert_true(pb_dict_cache_write(text, &f.files, &text_diags, f.cache, NULL));
    /* the same dictionary gives the same bytes (no stray padding) */
    char *again = g_strconcat(f.cache, ".again", NULL);
    assert_true(pb_dict_cache_write(text, &f.files, &text_diags, again, NULL));
    gchar *b1 = NULL, *b2 = NULL;
    gsize n1 = 0, n2 = 0;
    assert_true(g_file_get_contents(f.cache, &b1, &n1, NULL) && g_file_get_contents(again, &b2, &n2, NULL));
    assert_true(n1 == n2 && memcmp(b1, b2, n1) == 0);
    g_free(b1);
    g_free(b2);
    unlink(again);
    g_free(again);

    pb_diags diags;
    pb_diags_init(&diags);
    const char *why = NULL;
    pb_dict *cached = pb_dict_cache_read(f.cache, &f.files, &diags, &why, NULL);
    assert_non_null(cached);
    assert_int_equal(diags.warnings, 1);
    assert_string_equal(((const pb_diag *)g_ptr_array_index(diags.items, 0))->message,
                        ((const pb_diag *)g_ptr_array_index(text_diags.items, 0))->message);
    char *a = code_all(text), *b = code_all(cached);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "ARN GON 1125")); /* the test codes something */
    assert_int_equal(cached->options.min_words, 3);
    assert_int_equal(cached->options.labels->len, 1);
    assert_true(cached->has_time);
    g_free(a);
    g_free(b);
    pb_dict_free(cached);
    pb_dict_free(text);
    pb_diags_clear(&diags);
    pb_diags_clear(&text_diags);
    fixture_clear(&f);
}

static void stale_when_a_source_changes(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    gboolean used = TRUE;
    pb_diags diags;
    pb_diags_init(&diags);
    GPtrArray *notices = g_ptr_array_new_with_free_func(g_free);
    pb_dict *d = pb_dict_load_cached(&f.files, f.cache, &diags, &used, notices, NULL);
    assert_non_null(d);
    assert_false(used); /* first run: built from the text, cache written */
    assert_true(g_file_test(f.cache, G_FILE_TEST_EXISTS));
    pb_dict_free(d);
    d = pb_dict_load_cached(&f.files, f.cache, &diags, &used, notices, NULL);
    assert_true(used);
    pb_dict_free(d);
    /* the verbs change: the old cache must not be used */
    g_free(put(&f, "t.verbs", "--- ACCUSE [111] ---\nACCUSE\n"));
    const char *why = NULL;
    assert_null(pb_dict_cache_read(f.cache, &f.files, &diags, &why, NULL));
    assert_string_equal(why, "a dictionary file changed since the cache was written");
    d = pb_dict_load_cached(&f.files, f.cache, &diags, &used, notices, NULL);
    assert_false(used);
    char *r = test_code(d, "Arnor accused Gondor of espionage.", 20260108);
    assert_string_equal(r, "ARN GON 111");
    g_free(r);
    pb_dict_free(d);
    d = pb_dict_load_cached(&f.files, f.cache, &diags, &used, notices, NULL);
    assert_true(used); /* rewritten for the new text */
    pb_dict_free(d);
    assert_int_equal(notices->len, 0); /* stale is normal, nothing to say */
    /* a file that is not a cache is never overwritten */
    g_file_set_contents(f.cache, "doc_id,sentence\n", -1, NULL);
    d = pb_dict_load_cached(&f.files, f.cache, &diags, &used, notices, NULL);
    assert_non_null(d);
    assert_false(used);
    assert_int_equal(notices->len, 1);
    assert_non_null(strstr(g_ptr_array_index(notices, 0), "is not a polybius dictionary cache; it is left alone"));
    gchar *kept = NULL;
    g_file_get_contents(f.cache, &kept, NULL, NULL);
    assert_string_equal(kept, "doc_id,sentence\n");
    g_free(kept);
    pb_dict_free(d);
    g_ptr_array_unref(notices);
    pb_diags_clear(&diags);
    fixture_clear(&f);
}

/* Damaged caches: truncated, or with bytes changed after the header. Each
 * is refused with an error or, when the change is harmless, read; nothing
 * crashes (make asan runs this too). */
static void damaged_caches(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    pb_diags diags;
    pb_diags_init(&diags);
    pb_dict *d = pb_dict_load_files(&f.files, &diags, NULL);
    assert_true(pb_dict_cache_write(d, &f.files, &diags, f.cache, NULL));
    pb_dict_free(d);
    gchar *good = NULL;
    gsize size = 0;
    assert_true(g_file_get_contents(f.cache, &good, &size, NULL));
    guint32 seed = 12345;
    int refused = 0, read = 0;
    for (int trial = 0; trial < 600; trial++) {
        gchar *bad = g_memdup2(good, size);
        gsize len = size;
        if (trial % 3 == 0) {
            len = (gsize)(trial * 7919) % size; /* truncated */
        } else {
            for (int k = 0; k < 1 + trial % 4; k++) {
                seed = seed * 1103515245u + 12345u;
                gsize at = 32 + (seed >> 8) % (size - 32); /* keep the magic, layout and sources */
                bad[at] = (gchar)(seed >> 3);
            }
        }
        g_file_set_contents(f.cache, bad, (gssize)len, NULL);
        const char *why = NULL;
        GError *error = NULL;
        pb_diags dd;
        pb_diags_init(&dd);
        pb_dict *x = pb_dict_cache_read(f.cache, &f.files, &dd, &why, &error);
        if (x) {
            char *codes = code_all(x);
            g_free(codes);
            pb_dict_free(x);
            read++;
        } else {
            assert_true(error != NULL || why != NULL);
            if (error)
                g_error_free(error);
            refused++;
        }
        pb_diags_clear(&dd);
        g_free(bad);
    }
    assert_true(refused > 500); /* the checksum refuses nearly every change */
    /* a damaged cache is rebuilt by the loader, with a warning */
    g_file_set_contents(f.cache, good, 40, NULL);
    pb_diags dd;
    pb_diags_init(&dd);
    gboolean used = TRUE;
    GPtrArray *notices = g_ptr_array_new_with_free_func(g_free);
    d = pb_dict_load_cached(&f.files, f.cache, &dd, &used, notices, NULL);
    assert_non_null(d);
    assert_false(used);
    assert_non_null(strstr(g_ptr_array_index(notices, 0), "is damaged; rebuilding it"));
    g_ptr_array_unref(notices);
    pb_dict_free(d);
    pb_diags_clear(&dd);
    (void)read;
    g_free(good);
    pb_diags_clear(&diags);
    fixture_clear(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(stale_when_a_source_changes),
        cmocka_unit_test(damaged_caches),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
