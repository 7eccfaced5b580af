/* test_tokenize.c - one sentence to tokens (pb_token.h). */
#include "pb_test.h"
#include "pb_token.h"

#include <string.h>

/* The tokens of s joined with '|'. */
static char *toks(const char *s)
{
    pb_arena a;
    pb_arena_init(&a, 1024);
    pb_tokens t;
    pb_tokenize(&a, s, strlen(s), &t);
    GString *g = g_string_new(NULL);
    for (size_t i = 0; i < t.n; i++)
        g_string_append_printf(g, "%s%s", i ? "|" : "", t.t[i].norm);
    pb_arena_free(&a);
    return g_string_free(g, FALSE);
}

static void words_and_punctuation(void **state)
{
    (void)state;
    struct { const char *in, *out; } cases[] = {
        {"Arnor restored ties with Gondor.", "ARNOR|RESTORED|TIES|WITH|GONDOR"},
        {"Gondor's army", "GONDOR'S|ARMY"},
        {"the nations' envoys", "THE|NATIONS'|ENVOYS"},
        {"al-Assad met anti-Gondor crowds", "AL|ASSAD|MET|ANTI|GONDOR|CROWDS"},
        {"the U.S. and the U.N. agreed", "THE|U.S.|AND|THE|U.N.|AGREED"},
        {"talks with the EU.", "TALKS|WITH|THE|EU"},
        {"some 1,500 troops", "SOME|1500|TROOPS"},
        {"a 3.5 percent rise", "A|3.5|PERCENT|RISE"},
        {"he said, adding", "HE|SAID|,|ADDING"},
        {"first (and last); then: done", "FIRST|,|AND|LAST|,|,|THEN|,|DONE"},
        {"\"We will win,\" he said", "WE|WILL|WIN|,|HE|SAID"},
        {"Is it war? No!", "IS|IT|WAR|NO"},
        {"Gen. Smith", "GEN|SMITH"},
        {"J. Smith", "J.|SMITH"},
        {"Petro’s “abhorrent” raid", "PETRO'S|ABHORRENT|RAID"},
        {"Bogotá", "BOGOTA"},
        {"Dol_Amroth", "DOL|AMROTH"},
        {"$14 billion", "$14|BILLION"},
        {"AT&T shares", "AT&T|SHARES"},
        {"", ""},
        {"   ", ""},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = toks(cases[i].in);
        if (strcmp(got, cases[i].out) != 0)
            fail_msg("'%s': expected '%s', got '%s'", cases[i].in, cases[i].out, got);
        g_free(got);
    }
}

static void offsets_and_flags(void **state)
{
    (void)state;
    const char *s = "Petro’s “raid”, 1,500 men";
    pb_arena a;
    pb_arena_init(&a, 1024);
    pb_tokens t;
    pb_tokenize(&a, s, strlen(s), &t);
    assert_int_equal(t.n, 5);
    /* Petro’s: bytes 0..8 (’ is 3 bytes) */
    assert_int_equal(t.t[0].start, 0);
    assert_int_equal(t.t[0].end, 9);
    assert_true(t.t[0].cap);
    assert_string_equal(t.t[1].norm, "RAID");
    assert_int_equal(t.t[2].kind, PB_TK_COMMA);
    assert_int_equal(t.t[3].kind, PB_TK_NUMBER);
    assert_false(t.t[4].cap);
    assert_false(t.all_caps);
    pb_tokenize(&a, "ARNOR ATTACKS GONDOR", 20, &t);
    assert_true(t.all_caps);
    pb_arena_free(&a);
}

static void hostile_bytes(void **state)
{
    (void)state;
    const char s[] = "A\x00" "B \xFF\xFE C\x1A" "D";
    pb_arena a;
    pb_arena_init(&a, 64);
    pb_tokens t;
    pb_tokenize(&a, s, sizeof s - 1, &t);
    assert_int_equal(t.n, 4);
    assert_string_equal(t.t[0].norm, "A");
    assert_string_equal(t.t[3].norm, "D");
    pb_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_and_punctuation),
        cmocka_unit_test(offsets_and_flags),
        cmocka_unit_test(hostile_bytes),
    };
    return cmocka_run_group_tests_name("tokenize", tests, NULL, NULL);
}
