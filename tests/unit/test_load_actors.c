/* test_load_actors.c - the .actors format (load_actors.c): entries,
 * synonyms, dated codes on the line and on following lines, stems and
 * exact words, coded compounds, <NOUN>/<ADJECTIVE> lists. */
#include "pb_test.h"
#include "pb_lexicon.h"

#include <string.h>

/* The code the best actor phrase at the start of text resolves to. */
static char *lookup(const pb_dict *d, const char *text, pb_date date)
{
    int32_t p = test_phrase_at_start(d, text, PB_KIND_BIT(PB_ROOT_ACTOR));
    char *out;
    if (p < 0) {
        out = g_strdup("(none)");
    } else {
        uint8_t special = 0;
        const char *code = pb_actor_resolve(d, pb_dict_phrase(d, (uint32_t)p)->target, date, &special);
        out = g_strdup(code ? code : "---");
    }
    return out;
}

#define ASSERT_ACTOR(d, text, date, want)                                                                   \
    do {                                                                                                     \
        char *got_ = lookup((d), (text), (date));                                                            \
        if (strcmp(got_, (want)) != 0)                                                                       \
            fail_msg("'%s' on %d: expected %s, got %s", (text), (int)(date), (want), got_);                 \
        g_free(got_);                                                                                        \
    } while (0)

static void entries_and_synonyms(void **state)
{
    (void)state;
    pb_dict *d = test_dict("COLOMBIA_ [COL]\n"
                           "+COLOMBIAN_\n"
                           "+REPUBLIC_OF_COLOMBIA_\n"
                           "GONDOR\n"
                           "+MINAS_TIRITH\n"
                           "\t[GON]\n"
                           "ARNOR [ARN] ; a comment\n"
                           "UNITED_STATES_ [USA] # another comment\n",
                           NULL, NULL, NULL);
    ASSERT_ACTOR(d, "Colombia", 0, "COL");
    ASSERT_ACTOR(d, "Colombians", 0, "COL");
    ASSERT_ACTOR(d, "Colombia's", 0, "COL");
    ASSERT_ACTOR(d, "Republic of Colombia", 0, "COL");
    ASSERT_ACTOR(d, "Minas Tirith", 0, "GON");
    ASSERT_ACTOR(d, "Gondorian", 0, "GON");          /* stem */
    ASSERT_ACTOR(d, "Colombianness", 0, "(none)");   /* exact: only regular endings */
    ASSERT_ACTOR(d, "United States", 0, "USA");
    ASSERT_ACTOR(d, "United", 0, "(none)");
    pb_dict_stats s;
    pb_dict_get_stats(d, &s);
    assert_int_equal(s.actors, 4);
    assert_int_equal(s.actor_phrases, 7);
    assert_int_equal(s.synonyms, 3);
    pb_dict_free(d);
}

static void dated_codes_and_boundaries(void **state)
{
    (void)state;
    pb_dict *d = test_dict("DONALD_TRUMP_\n"
                           "+TRUMP_\n"
                           "\t[USAGOV 20170120-20210120]\n"
                           "\t[USAGOV 20250120-20290120]\n"
                           "\t[USAELI]\n"
                           "GUSTAVO_PETRO_ [COLGOV 220807-260807] [COLELI]\n"
                           "EAST_GERMANY_ [DDR <19901002]\n"
                           "KOSOVO_ [SRB <20080216] [KSV >20080217]\n",
                           NULL, NULL, NULL);
    ASSERT_ACTOR(d, "Donald Trump", 20190501, "USAGOV");
    ASSERT_ACTOR(d, "Donald Trump", 20220501, "USAELI");
    ASSERT_ACTOR(d, "Trump", 20260108, "USAGOV");
    ASSERT_ACTOR(d, "Trump", 20170120, "USAGOV"); /* inclusive start */
    ASSERT_ACTOR(d, "Trump", 20170119, "USAELI");
    ASSERT_ACTOR(d, "Trump", 20210120, "USAGOV"); /* inclusive end */
    ASSERT_ACTOR(d, "Trump", 20210121, "USAELI");
    ASSERT_ACTOR(d, "Gustavo Petro", 20260108, "COLGOV");
    ASSERT_ACTOR(d, "Gustavo Petro", 20260808, "COLELI");
    ASSERT_ACTOR(d, "East Germany", 19900101, "DDR");
    ASSERT_ACTOR(d, "East Germany", 19901003, "---"); /* a single restriction: null after it */
    ASSERT_ACTOR(d, "Kosovo", 20000101, "SRB");
    ASSERT_ACTOR(d, "Kosovo", 20100101, "KSV");
    ASSERT_ACTOR(d, "Kosovo", 20080216, "SRB");
    ASSERT_ACTOR(d, "Kosovo", 20080217, "KSV");
    pb_dict_stats s;
    pb_dict_get_stats(d, &s);
    assert_int_equal(s.dated_codes, 6);
    pb_dict_free(d);
}

static void special_codes_and_compounds(void **state)
{
    (void)state;
    pb_dict *d = test_dict("THE_SHIRE [FRO/BIL/SAM]\n"
                           "BOROMIR [---]\n"
                           "NASGUL [###]\n"
                           "VOLLEYBALL [+++]\n"
                           "ENT [### <890101] [ENT]\n",
                           NULL, NULL, NULL);
    ASSERT_ACTOR(d, "The Shire", 0, "FRO/BIL/SAM");
    ASSERT_ACTOR(d, "Boromir", 0, "---");
    ASSERT_ACTOR(d, "Ent", 19950101, "ENT");
    int32_t id = -1;
    for (guint i = 0; i < d->phrases->len; i++)
        if (pb_dict_phrase(d, i)->kind == PB_ROOT_ACTOR &&
            strcmp(g_array_index(d->actors, pb_actor, pb_dict_phrase(d, i)->target).parent, "NASGUL") == 0)
            id = (int32_t)pb_dict_phrase(d, i)->target;
    assert_true(id >= 0);
    uint8_t special = 0;
    assert_null(pb_actor_resolve(d, (uint32_t)id, 0, &special));
    assert_int_equal(special, PB_SPECIAL_DISCARD);
    pb_dict_free(d);
}

static void longest_match_and_ties(void **state)
{
    (void)state;
    pb_dict *d = test_dict("UNITED_STATES_ [USA]\n"
                           "UNITED_STATES_NAVY_ [USAMIL]\n"
                           "AL_GORE [AGR]\n"
                           "AL GORE [TEN]\n"
                           "ITHILEN TELEVISION [ITHTV]\n"
                           "ITHILEN [ITH]\n",
                           NULL, NULL, NULL);
    ASSERT_ACTOR(d, "United States Navy", 0, "USAMIL");
    ASSERT_ACTOR(d, "United States Army", 0, "USA");
    ASSERT_ACTOR(d, "Al Gore", 0, "AGR");                         /* tie: the earlier entry */
    ASSERT_ACTOR(d, "Ithilen state-run television", 0, "ITHTV");  /* blank: words may come between */
    ASSERT_ACTOR(d, "Ithilen, state-run television", 0, "ITH");   /* but not across a comma */
    pb_dict_free(d);
}

static void nouns_and_adjectives(void **state)
{
    (void)state;
    pb_dict *d = test_dict("<NOUN>\nBEES\nFORCES_\n</NOUN>\n<ADJECTIVE>\nLAZY\n</ADJECTIVE>\nARNOR [ARN]\n", NULL, NULL,
                           NULL);
    pb_dict_stats s;
    pb_dict_get_stats(d, &s);
    assert_int_equal(s.nouns, 2);
    assert_int_equal(s.adjectives, 1);
    assert_int_equal(s.actors, 1);
    pb_dict_free(d);
}

static void folding_and_hyphens(void **state)
{
    (void)state;
    pb_dict *d = test_dict("BOGOTÁ_ [COL]\nAL-WAZIR [PAL]\nCOTE_D'IVOIRE_ [CIV]\n", NULL, NULL, NULL);
    ASSERT_ACTOR(d, "Bogota", 0, "COL");
    ASSERT_ACTOR(d, "Bogotá", 0, "COL");
    ASSERT_ACTOR(d, "al-Wazir", 0, "PAL");
    ASSERT_ACTOR(d, "al Wazir", 0, "PAL");
    ASSERT_ACTOR(d, "Côte d’Ivoire", 0, "CIV");
    pb_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(entries_and_synonyms),
        cmocka_unit_test(dated_codes_and_boundaries),
        cmocka_unit_test(special_codes_and_compounds),
        cmocka_unit_test(longest_match_and_ties),
        cmocka_unit_test(nouns_and_adjectives),
        cmocka_unit_test(folding_and_hyphens),
    };
    return cmocka_run_group_tests_name("load_actors", tests, NULL, NULL);
}
