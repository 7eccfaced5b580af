/* test_load_agents.c - the .agents format (load_agents.c). */
#include "pb_test.h"
#include "pb_lexicon.h"

#include <string.h>

/* "~CODE" or "CODE~" of the agent phrase at the start of text. */
static char *agent(const pb_dict *d, const char *text)
{
    int32_t p = test_phrase_at_start(d, text, PB_KIND_BIT(PB_ROOT_AGENT));
    char *out;
    if (p < 0) {
        out = g_strdup("(none)");
    } else {
        const pb_agent *g = &g_array_index(d->agents, pb_agent, pb_dict_phrase(d, (uint32_t)p)->target);
        out = g->prefix ? g_strdup_printf("%s~", g->code) : g_strdup_printf("~%s", g->code);
    }
    return out;
}

#define ASSERT_AGENT(d, text, want)                                                           \
    do {                                                                                       \
        char *got_ = agent((d), (text));                                                       \
        if (strcmp(got_, (want)) != 0)                                                         \
            fail_msg("'%s': expected %s, got %s", (text), (want), got_);                      \
        g_free(got_);                                                                          \
    } while (0)

static void suffix_prefix_and_plurals(void **state)
{
    (void)state;
    pb_dict *d = test_dict(NULL,
                           "PRESIDENT_ [~GOV]\n"
                           "HUMAN_RIGHTS_GROUP_ [NGO~]\n"
                           "ARMY_ [~MIL]\n"
                           "POLICEMAN_ {POLICEMEN_} [~COP]\n"
                           "RIOT_POLICE {} [~COP]\n",
                           NULL, NULL);
    ASSERT_AGENT(d, "president", "~GOV");
    ASSERT_AGENT(d, "presidents", "~GOV");
    ASSERT_AGENT(d, "president's", "~GOV");
    ASSERT_AGENT(d, "human rights groups", "NGO~");
    ASSERT_AGENT(d, "armies", "~MIL");      /* Y -> IES */
    ASSERT_AGENT(d, "policemen", "~COP");   /* listed plural */
    ASSERT_AGENT(d, "riot police", "~COP");
    pb_dict_free(d);
}

static void substitution_sets(void **state)
{
    (void)state;
    pb_dict *d = test_dict(NULL, "!PERSON! = MAN, WOMAN\nSPOKES!PERSON!_ [~GOV]\nCHAIR!PERSON!_ [~GOV]\n", NULL, NULL);
    ASSERT_AGENT(d, "spokesman", "~GOV");
    ASSERT_AGENT(d, "spokeswoman", "~GOV");
    ASSERT_AGENT(d, "chairman", "~GOV");
    pb_dict_stats s;
    pb_dict_get_stats(d, &s);
    assert_int_equal(s.agents, 2);
    assert_int_equal(s.agent_phrases, 4);
    pb_dict_free(d);
}

static void repairs_are_warnings(void **state)
{
    (void)state;
    pb_diags diags;
    pb_diags_init(&diags);
    pb_dict *d = test_dict_diags(NULL, "ENVIRONMENTALIST_ [~ENV}\nMINISTER_ [GOV]\nISLAMIC_EXTREMIST\n", NULL, NULL, &diags);
    assert_int_equal(diags.errors, 0);
    assert_int_equal(diags.warnings, 3);
    char *first = test_first_diag(&diags);
    assert_string_equal(first, "1:24: warning: '}' closes a code opened with '['; read as ']'");
    g_free(first);
    ASSERT_AGENT(d, "environmentalists", "~ENV");
    ASSERT_AGENT(d, "minister", "~GOV");
    pb_diags_clear(&diags);
    pb_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(suffix_prefix_and_plurals),
        cmocka_unit_test(substitution_sets),
        cmocka_unit_test(repairs_are_warnings),
    };
    return cmocka_run_group_tests_name("load_agents", tests, NULL, NULL);
}
