/* test_options.c - TABARI .options commands (options.c): each command and
 * setting, TABARI's defaults, abbreviations, the polybius extensions, and
 * the messages for malformed lines. */
#include "pb_test.h"
#include "pb_options.h"

#include <string.h>

/* Apply one line; returns the message (or "") and sets *ok. */
static char *apply(pb_options *o, const char *line, gboolean *ok, gboolean *warning)
{
    char *msg = NULL;
    *ok = pb_options_apply(o, line, &msg, warning);
    return msg ? msg : g_strdup("");
}

#define APPLY_OK(o, line)                                                             \
    do {                                                                              \
        gboolean ok_, warn_;                                                          \
        char *m_ = apply((o), (line), &ok_, &warn_);                                  \
        if (!ok_ || warn_)                                                            \
            fail_msg("'%s' should apply cleanly; got '%s'", (line), m_);             \
        g_free(m_);                                                                   \
    } while (0)

static void tabari_defaults(void **state)
{
    (void)state;
    pb_options o;
    pb_options_init(&o);
    assert_int_equal(o.code_by, PB_CODE_BY_CLAUSE);
    assert_int_equal(o.min_words, 8);
    assert_int_equal(o.comma_min, 2);
    assert_int_equal(o.comma_max, 10);
    assert_int_equal(o.comma_bmin, 128);
    assert_int_equal(o.comma_bmax, 0);
    assert_false(o.subclauses);
    assert_false(o.possessive_nouns);
    assert_false(o.reflexive_pronouns);
    assert_false(o.forward);
    pb_options_clear(&o);
}

static void set_commands(void **state)
{
    (void)state;
    pb_options o;
    pb_options_init(&o);
    APPLY_OK(&o, "SET: CODE BY SENTENCE");
    assert_int_equal(o.code_by, PB_CODE_BY_SENTENCE);
    APPLY_OK(&o, "SET: CODE ALL");
    assert_int_equal(o.code_by, PB_CODE_ALL);
    APPLY_OK(&o, "SET: MINIMUM WORDS = 4");
    assert_int_equal(o.min_words, 4);
    APPLY_OK(&o, "set: convert agents = true");   /* case does not matter */
    assert_true(o.convert_agents);
    APPLY_OK(&o, "SET: SUBCLAUSES = TRUE");
    APPLY_OK(&o, "SET: POSSESSIVE NOUNS = T");
    APPLY_OK(&o, "SET: REFLEXIVE PRONOUNS = TRUE");
    APPLY_OK(&o, "SET: LONG PASSIVE = TRUE");
    assert_true(o.long_passive);
    APPLY_OK(&o, "SET: TITLE NAMES = TRUE");
    assert_true(o.title_names);
    APPLY_OK(&o, "SET: IMPLIED ROLES = TRUE");
    assert_true(o.implied_roles);
    APPLY_OK(&o, "SET: COMPOUND PAIRS = TRUE");
    assert_true(o.compound_pairs);
    assert_false(o.shared_agents);
    APPLY_OK(&o, "SET: SHARED AGENTS = TRUE");
    assert_true(o.shared_agents);
    assert_true(o.subclauses && o.possessive_nouns && o.reflexive_pronouns);
    APPLY_OK(&o, "SET: SUBCLAUSES = FALSE");
    assert_false(o.subclauses);
    pb_options_clear(&o);
}

static void comma_complex_default_forward(void **state)
{
    (void)state;
    pb_options o;
    pb_options_init(&o);
    APPLY_OK(&o, "COMMA: MIN = 3 MAX = 12 BMIN = 1 BMAX = 5 EMIN = 2 EMAX = 8");
    assert_int_equal(o.comma_min, 3);
    assert_int_equal(o.comma_max, 12);
    assert_int_equal(o.comma_bmin, 1);
    assert_int_equal(o.comma_bmax, 5);
    assert_int_equal(o.comma_emax, 8);
    APPLY_OK(&o, "COMMA: OFF");
    assert_true(o.comma_off);
    APPLY_OK(&o, "COMPLEX: VERBS 4 CONJ 3 NOACTPRIOR");
    assert_int_equal(o.cx_verbs, 4);
    assert_int_equal(o.cx_conj, 3);
    assert_true(o.cx_noactprior);
    APPLY_OK(&o, "FORWARD: * DOC");
    assert_true(o.forward && o.forward_doc);
    APPLY_OK(&o, "FORWARD: OFF");
    assert_false(o.forward);
    APPLY_OK(&o, "COMP: ACTORS 6"); /* commands may be abbreviated to four letters */
    assert_int_equal(o.cx_actors, 6);
    pb_options_clear(&o);
}

static void malformed_lines(void **state)
{
    (void)state;
    static const struct {
        const char *line;
        const char *message;
        gboolean ok, warning;
    } cases[] = {
        {"FROBNICATE: 3", "unknown options command 'FROBNICATE:'", FALSE, FALSE},
        {"SET CODE BY CLAUSE", "expected 'COMMAND: arguments', found 'SET CODE BY CLAUSE'", FALSE, FALSE},
        {"SET: CODE BY PARAGRAPH", "SET: CODE expects BY CLAUSE, BY SENTENCE or ALL, found 'CODE BY PARAGRAPH'", FALSE, FALSE},
        {"SET: MINIMUM WORDS = many", "SET: MINIMUM WORDS expects '= number', found 'MINIMUM WORDS = MANY'", FALSE, FALSE},
        {"SET: SUBCLAUSES = maybe", "SET: SUBCLAUSES expects TRUE or FALSE, found 'SUBCLAUSES = MAYBE'", FALSE, FALSE},
        {"SET: HAIKU = TRUE", "SET: HAIKU only concerns TABARI's interactive program; ignored", TRUE, TRUE},
        {"SET: CODE NONRESTRICTIVE = TRUE", "SET: CODE NONRESTRICTIVE is not implemented; ignored", TRUE, TRUE},
        {"SET: ALLCAPS = TRUE", "SET: ALLCAPS is not needed: polybius notices text in capitals by itself; ignored", TRUE,
         TRUE},
        {"NONEVENTS: SOMETIMES", "NONEVENTS: expects TRUE, ONLY or FALSE; found 'SOMETIMES'", FALSE, FALSE},
        {"LABEL: 010", "LABEL: expects 'code = text'; found '010'", FALSE, FALSE},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        pb_options o;
        pb_options_init(&o);
        gboolean ok, warning;
        char *m = apply(&o, cases[i].line, &ok, &warning);
        if (strcmp(m, cases[i].message) != 0 || ok != cases[i].ok || warning != cases[i].warning)
            fail_msg("'%s':\n  expected %s (ok %d, warning %d)\n  got      %s (ok %d, warning %d)", cases[i].line,
                     cases[i].message, cases[i].ok, cases[i].warning, m, ok, warning);
        g_free(m);
        pb_options_clear(&o);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tabari_defaults),
        cmocka_unit_test(set_commands),
        cmocka_unit_test(comma_complex_default_forward),
        cmocka_unit_test(malformed_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
