/* test_load_verbs.c - the .verbs format in both layouts (load_verbs.c):
 * roots, irregular forms, PETRARCH-1 blocks with generated forms and
 * multi-word verbs, synonym sets, patterns, <TIME>. */
#include "pb_test.h"
#include "pb_lexicon.h"
#include "pb_dict_build.h"

#include <string.h>

/* "NAME [code]" of the verb phrase that matches at the start of text. */
static char *verb(const pb_dict *d, const char *text)
{
    int32_t p = test_phrase_at_start(d, text, PB_KIND_BIT(PB_ROOT_VERB));
    char *out;
    if (p < 0) {
        out = g_strdup("(none)");
    } else {
        const pb_verb *v = &g_array_index(d->verbs, pb_verb, pb_dict_phrase(d, (uint32_t)p)->target);
        out = g_strdup_printf("%s [%s]", v->name, v->code.code ? v->code.code : "---");
    }
    return out;
}

#define ASSERT_VERB(d, text, want)                                                            \
    do {                                                                                       \
        char *got_ = verb((d), (text));                                                        \
        if (strcmp(got_, (want)) != 0)                                                         \
            fail_msg("'%s': expected %s, got %s", (text), (want), got_);                      \
        g_free(got_);                                                                          \
    } while (0)

static void regular_forms(void **state)
{
    (void)state;
    struct { const char *verb, *forms; } cases[] = {
        {"ACCUSE", "ACCUSE ACCUSES ACCUSED ACCUSING"},
        {"ATTACK", "ATTACK ATTACKS ATTACKED ATTACKING"},
        {"DENY", "DENY DENIES DENIED DENYING"},
        {"PLAY", "PLAY PLAYS PLAYED PLAYING"},
        {"TIE", "TIE TIES TIED TYING"},
        {"PUSH", "PUSH PUSHES PUSHED PUSHING"},
        {"VETO", "VETO VETOES VETOED VETOING"},
        {"AGREE", "AGREE AGREES AGREED AGREEING"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        GPtrArray *f = g_ptr_array_new_with_free_func(g_free);
        pb_verb_regular_forms(cases[i].verb, f);
        GString *g = g_string_new(NULL);
        for (guint k = 0; k < f->len; k++)
            g_string_append_printf(g, "%s%s", k ? " " : "", (char *)g_ptr_array_index(f, k));
        assert_string_equal(g->str, cases[i].forms);
        g_string_free(g, TRUE);
        g_ptr_array_unref(f);
    }
}

static void tabari_layout(void **state)
{
    (void)state;
    pb_dict *d = test_dict(NULL, NULL,
                           "ACCUSE [112]\n"
                           "- * + OF_ ESPIONAGE [1125]\n"
                           "BREAK_ [1717]\n"
                           "{BROKE_ BROKEN_}\n"
                           "CALL [---]\n"
                           "- * FOR [095]\n"
                           "CALLED_ON [094]\n",
                           NULL);
    ASSERT_VERB(d, "accused", "ACCUSE [112]");     /* a stem */
    ASSERT_VERB(d, "broke", "BREAK_ [1717]");
    ASSERT_VERB(d, "broken", "BREAK_ [1717]");
    ASSERT_VERB(d, "breaks", "BREAK_ [1717]");
    ASSERT_VERB(d, "breakdown", "(none)");
    ASSERT_VERB(d, "called on", "CALLED_ON [094]");
    ASSERT_VERB(d, "called", "CALL [---]");
    pb_dict_stats s;
    pb_dict_get_stats(d, &s);
    assert_int_equal(s.verbs, 4);
    assert_int_equal(s.verb_forms, 6);
    assert_int_equal(s.patterns, 2);
    pb_dict_free(d);
}

static void petrarch_blocks(void **state)
{
    (void)state;
    pb_dict *d = test_dict(NULL, NULL,
                           "&SANCTIONS\n+SANCTIONS\n+EMBARGO\n\n"
                           "--- ACCUSE [112] ---\n"
                           "ACCUSE\n"
                           "BLAME\n"
                           "+POINT_FINGER_AT\n"
                           "CHARGE {CHARGES CHARGED CHARGING} [1121]\n"
                           "- * + OF_ SPYING [1125]\n"
                           "--- IMPOSE [---] ---\n"
                           "IMPOSE\n"
                           "- * &SANCTIONS [163]\n"
                           "--- BAN [160] ---\n"
                           "BAN {BANNED BANNING}\n",
                           NULL);
    ASSERT_VERB(d, "accused", "ACCUSE [112]");
    ASSERT_VERB(d, "blamed", "BLAME [112]");
    ASSERT_VERB(d, "pointed finger at", "POINT_FINGER_AT [112]");
    ASSERT_VERB(d, "points finger at", "POINT_FINGER_AT [112]");
    ASSERT_VERB(d, "charged", "CHARGE [1121]");
    ASSERT_VERB(d, "banned", "BAN [160]");
    ASSERT_VERB(d, "bans", "BAN [160]");
    ASSERT_VERB(d, "accusation", "(none)"); /* block members are words, not stems */
    pb_dict_stats s;
    pb_dict_get_stats(d, &s);
    assert_int_equal(s.synsets, 1);
    assert_int_equal(s.patterns, 2);
    pb_dict_free(d);
}

static void patterns_sorted_longest_first(void **state)
{
    (void)state;
    pb_dict *d = test_dict(NULL, NULL,
                           "PROMISE [050]\n"
                           "- * AID [057]\n"
                           "- * MILITARY AID [0332]\n"
                           "- * { FOOD | MEDICAL SUPPLIES } [0331]\n",
                           NULL);
    const pb_group *g = &g_array_index(d->groups, pb_group, 0);
    assert_int_equal(g->npatterns, 3);
    const pb_pattern *p0 = &g_array_index(d->patterns, pb_pattern, g->first_pattern);
    const pb_pattern *p2 = &g_array_index(d->patterns, pb_pattern, g->first_pattern + 2);
    assert_string_equal(p0->code.code, "0331"); /* 15 letters: the longest alternative counts */
    assert_int_equal(p0->length, 15);
    assert_string_equal(p2->code.code, "057");
    pb_dict_free(d);
}

static void codes(void **state)
{
    (void)state;
    pb_dict *d = test_dict(NULL, NULL,
                           "MEET [031:031]\nSAID [023?]\nATTEND [031!]\nVISIT [042:043]\nIGNORE [- - -]\nDROP [###]\n",
                           NULL);
    const pb_verb *v = &g_array_index(d->verbs, pb_verb, 0);
    assert_string_equal(v->code.code, "031");
    assert_string_equal(v->code.code2, "031");
    v = &g_array_index(d->verbs, pb_verb, 1);
    assert_true(v->code.flags & PB_CODE_SUBORDINATE);
    v = &g_array_index(d->verbs, pb_verb, 2);
    assert_true(v->code.flags & PB_CODE_DOMINANT);
    v = &g_array_index(d->verbs, pb_verb, 4);
    assert_int_equal(v->code.special, PB_SPECIAL_NULL);
    v = &g_array_index(d->verbs, pb_verb, 5);
    assert_int_equal(v->code.special, PB_SPECIAL_DISCARD);
    pb_dict_free(d);
}

static void time_section(void **state)
{
    (void)state;
    pb_dict *d = test_dict(NULL, NULL, "<TIME>\nYESTERDAY [-1]\nNEXT_WEEK [+7]\nONCE_UPON_A_TIME [###]\n</TIME>\n", NULL);
    assert_true(d->has_time);
    pb_dict_stats s;
    pb_dict_get_stats(d, &s);
    assert_int_equal(s.time_phrases, 3);
    assert_int_equal(g_array_index(d->verbs, pb_verb, 1).code.shift, 7);
    pb_dict_free(d);
}

static void nested_synsets(void **state)
{
    (void)state;
    pb_dict *d = test_dict(NULL, NULL,
                           "<SYNSETS>\n&TIETYPES\n+MILITARY\n+ECONOMIC\n&TIES\n+&TIETYPES_TIES\n+RELATIONS\n</SYNSETS>\n"
                           "CUT [190]\n- * &TIES [191]\n",
                           NULL);
    const pb_synset *s = &g_array_index(d->synsets, pb_synset, 1);
    assert_string_equal(s->name, "TIES");
    assert_int_equal(s->nmembers, 2);
    pb_dict_free(d);
}

/* TABARI skips the patterns of a duplicate root: one warning at the root,
 * no error for each of its patterns, and the first root's patterns stay. */
static void duplicate_root_patterns_skipped(void **state)
{
    (void)state;
    pb_diags diags;
    pb_diags_init(&diags);
    pb_dict *d = test_dict_diags(
        NULL, NULL, "ACCUSE [112]\n- * SPYING [1125]\nACCUSE [111]\n{ACCUSAL}\n- * THEFT [1121]\n- * FRAUD [1121]\n", NULL,
        &diags);
    assert_int_equal(diags.errors, 0);
    assert_int_equal(diags.warnings, 1);
    assert_int_equal(d->patterns->len, 1);
    /* its forms are skipped with it, not given to the duplicate's code */
    assert_int_equal(test_phrase_at_start(d, "accusal", PB_KIND_BIT(PB_ROOT_VERB)), -1);
    pb_diags_clear(&diags);
    pb_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(regular_forms),
        cmocka_unit_test(tabari_layout),
        cmocka_unit_test(petrarch_blocks),
        cmocka_unit_test(patterns_sorted_longest_first),
        cmocka_unit_test(codes),
        cmocka_unit_test(time_section),
        cmocka_unit_test(nested_synsets),
        cmocka_unit_test(duplicate_root_patterns_skipped),
    };
    return cmocka_run_group_tests_name("load_verbs", tests, NULL, NULL);
}
