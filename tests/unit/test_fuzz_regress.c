/* test_fuzz_regress.c - every input that once crashed a fuzz target
 * (tests/fuzz/regress/<target>/) and every seed input (tests/fuzz/seeds/
 * <target>/) replayed through the fuzz targets' own code. Under `make
 * asan` a memory error, leak or undefined behaviour in any of them fails
 * the run; in a normal build they must simply finish. */
#define _GNU_SOURCE
#define PB_FUZZ_NO_ENTRY
#include "pb_test.h"

#include "../fuzz/fuzz_coder.c"
#include "../fuzz/fuzz_dict.c"
#include "../fuzz/fuzz_reader.c"
#include "../fuzz/fuzz_text.c"

#include <string.h>

typedef struct {
    const char *target;
    int kind;   /* dictionary kind or input format; -1 text; -2 coder */
    gboolean dict;
} target;

static const target targets[] = {
    {"actors", 0, TRUE}, {"agents", 1, TRUE}, {"verbs", 2, TRUE}, {"discards", 3, TRUE},
    {"issues", 4, TRUE}, {"options", 5, TRUE}, {"textfile", PB_FMT_TEXT, FALSE}, {"csv", PB_FMT_CSV, FALSE},
    {"tsv", PB_FMT_TSV, FALSE}, {"jsonl", PB_FMT_JSONL, FALSE}, {"tabari", PB_FMT_TABARI, FALSE},
    {"xml", PB_FMT_XML, FALSE}, {"text", -1, FALSE}, {"coder", -2, FALSE},
};

static int replay_dir(const target *t, const char *kind)
{
    char *rel = g_strdup_printf("tests/fuzz/%s/%s", kind, t->target);
    char *dir = test_path(rel);
    g_free(rel);
    GDir *d = g_dir_open(dir, 0, NULL);
    int n = 0;
    for (const char *name; d && (name = g_dir_read_name(d)) != NULL;) {
        char *path = g_build_filename(dir, name, NULL);
        gchar *data = NULL;
        gsize len = 0;
        assert_true(g_file_get_contents(path, &data, &len, NULL));
        const uint8_t *bytes = (const uint8_t *)data;
        if (t->kind == -1)
            pb_fuzz_text(bytes, len);
        else if (t->kind == -2)
            pb_fuzz_coder(bytes, len);
        else if (t->dict)
            pb_fuzz_dict(t->kind, bytes, len);
        else
            pb_fuzz_reader(t->kind, bytes, len);
        g_free(data);
        g_free(path);
        n++;
    }
    if (d)
        g_dir_close(d);
    g_free(dir);
    return n;
}

static void replay_regressions(void **state)
{
    (void)state;
    int n = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(targets); i++)
        n += replay_dir(&targets[i], "regress");
    assert_true(n >= 3); /* the directory is there and read */
}

static void replay_seeds(void **state)
{
    (void)state;
    int n = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(targets); i++) {
        int k = replay_dir(&targets[i], "seeds");
        if (k == 0)
            fail_msg("no seed inputs for fuzz target %s", targets[i].target);
        n += k;
    }
    assert_true(n > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(replay_regressions),
        cmocka_unit_test(replay_seeds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
