/* test_lit_table.c - the literal table (lit_table.c): exact lookup,
 * prefix lookup in order, growth past many rehashes, colliding slots, and
 * the dictionary's use of it for stems and exact words (pb_dict_prefix_lits,
 * pb_word_matches_lits). */
#include "pb_test.h"
#include "pb_dict_build.h"
#include "pb_lexicon.h"
#include "pb_lit_table.h"

#include <string.h>

typedef struct {
    GPtrArray *strings;
    GArray *lens;
    pb_lit_table t;
} fixture;

static void add(fixture *f, const char *w)
{
    g_ptr_array_add(f->strings, g_strdup(w));
    guint16 len = (guint16)strlen(w);
    g_array_append_val(f->lens, len);
    pb_lit_table_add(&f->t, w, strlen(w), f->strings->len - 1);
}

static pb_lit_texts texts(const fixture *f)
{
    return (pb_lit_texts){(const char *const *)f->strings->pdata, (const guint16 *)(void *)f->lens->data};
}

static void fixture_init(fixture *f)
{
    f->strings = g_ptr_array_new_with_free_func(g_free);
    f->lens = g_array_new(FALSE, FALSE, sizeof(guint16));
    memset(&f->t, 0, sizeof f->t);
    add(f, ""); /* id 0 is "none" */
    f->t.count = 0;
}

static void fixture_clear(fixture *f)
{
    g_ptr_array_unref(f->strings);
    g_array_unref(f->lens);
    pb_lit_table_clear(&f->t);
}

static void exact_and_prefixes(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    add(&f, "ACCUS");
    add(&f, "ACCUSE");
    add(&f, "ACCUSED");
    add(&f, "A");
    assert_int_equal(pb_lit_table_find(&f.t, texts(&f), "ACCUSE", 6), 2);
    assert_int_equal(pb_lit_table_find(&f.t, texts(&f), "ACCUSES", 7), 0);
    assert_int_equal(pb_lit_table_find(&f.t, texts(&f), "ACCUSEDX", 6), 2); /* length counts, not NUL */
    uint32_t out[8];
    size_t n = pb_lit_table_prefixes(&f.t, texts(&f), "ACCUSEDLY", 9, out, 8);
    assert_int_equal(n, 4); /* A, ACCUS, ACCUSE, ACCUSED: shortest first */
    assert_int_equal(out[0], 4);
    assert_int_equal(out[1], 1);
    assert_int_equal(out[2], 2);
    assert_int_equal(out[3], 3);
    n = pb_lit_table_prefixes(&f.t, texts(&f), "ACCUSEDLY", 9, out, 2); /* max respected */
    assert_int_equal(n, 2);
    assert_int_equal(pb_lit_table_prefixes(&f.t, texts(&f), "BAN", 3, out, 8), 0);
    fixture_clear(&f);
}

static void grows_and_keeps_everything(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    char w[32];
    for (int i = 1; i <= 50000; i++) {
        snprintf(w, sizeof w, "W%dX", i);
        add(&f, w);
    }
    assert_true(f.t.count == 50000 && (f.t.mask + 1) >= 100000); /* at most half full */
    for (int i = 1; i <= 50000; i += 7) {
        snprintf(w, sizeof w, "W%dX", i);
        assert_int_equal(pb_lit_table_find(&f.t, texts(&f), w, strlen(w)), (uint32_t)i);
    }
    snprintf(w, sizeof w, "W%dX", 50001);
    assert_int_equal(pb_lit_table_find(&f.t, texts(&f), w, strlen(w)), 0);
    fixture_clear(&f);
}

/* In the dictionary: a stem (ACCUS~... written ACCUS) matches every word
 * it begins; an exact word (ACCUSE_) only itself and its endings. */
static void stems_and_exact_words(void **state)
{
    (void)state;
    pb_dict *d = test_dict("ARNOR [ARN]\nGONDOR_ [GON]\nARMY_ [ARNMIL]\n", NULL, NULL, NULL);
    pb_arena a;
    pb_arena_init(&a, 1024);
    pb_tokens t;
    const char *text = "ARNORIAN GONDORIAN GONDOR'S ARMIES ARM";
    pb_tokenize(&a, text, strlen(text), &t);
    pb_lexicon_index(d, &a, &t);
    int32_t pos[64];
    assert_true(pb_lexicon_best_at(d, &t, NULL, 0, PB_KIND_BIT(PB_ROOT_ACTOR), pos) >= 0);  /* stem ARNOR */
    assert_int_equal(pb_lexicon_best_at(d, &t, NULL, 1, PB_KIND_BIT(PB_ROOT_ACTOR), pos), -1); /* exact GONDOR_ */
    assert_true(pb_lexicon_best_at(d, &t, NULL, 2, PB_KIND_BIT(PB_ROOT_ACTOR), pos) >= 0);  /* GONDOR + 'S */
    assert_true(pb_lexicon_best_at(d, &t, NULL, 3, PB_KIND_BIT(PB_ROOT_ACTOR), pos) >= 0);  /* ARMY -> ARMIES */
    assert_int_equal(pb_lexicon_best_at(d, &t, NULL, 4, PB_KIND_BIT(PB_ROOT_ACTOR), pos), -1); /* ARM is not ARMY */
    assert_true(pb_lexicon_has_lit(&t, pb_dict_exact_lit(d, "ARMY", 4)));
    assert_false(pb_lexicon_has_lit(&t, pb_dict_exact_lit(d, "ROHAN", 5)));
    pb_arena_free(&a);
    pb_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exact_and_prefixes),
        cmocka_unit_test(grows_and_keeps_everything),
        cmocka_unit_test(stems_and_exact_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
