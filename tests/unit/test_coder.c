/* test_coder.c - the coding engine (parse.c, match.c, coder.c): each rule
 * with its own small dictionary. */
#include "pb_test.h"

#include <string.h>

#define ASSERT_CODE(d, text, date, want)                                                       \
    do {                                                                                        \
        char *got_ = test_code((d), (text), (date));                                            \
        if (strcmp(got_, (want)) != 0)                                                          \
            fail_msg("'%s':\n  expected %s\n  got      %s", (text), (want), got_);             \
        g_free(got_);                                                                           \
    } while (0)

static const char *ACTORS = "ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\nROHAN [ROH]\nBREE [BRE]\n"
                            "COLOMBIA_ [COL]\n+COLOMBIAN_\nGUSTAVO_PETRO_\n+PETRO_\n\t[COLGOV 20220807-20260807]\n\t[COLELI]\n"
                            "THE_SHIRE [FRO/BIL/SAM]\n"
                            "<NOUN>\nBOMBS\nROCKETS\n</NOUN>\n<ADJECTIVE>\nBIG\nRED\n</ADJECTIVE>\n";
static const char *AGENTS = "PRESIDENT_ [~GOV]\nSOLDIER_ [~MIL]\nAMBASSADOR_ [~GOV]\nHUMAN_RIGHTS_GROUP_ [NGO~]\n";
static const char *VERBS =
    "&CRIMES\n+ESPIONAGE\n+SPYING\n\n"
    "--- ACCUSE [112] ---\nACCUSE\n- * + OF_ &CRIMES [1125]\n"
    "--- ATTACK [190] ---\nATTACK\n"
    "--- MEET [040] ---\nMEET {MET}\n- % * [040:040]\n"
    "--- VISIT [042:043] ---\nVISIT\n"
    "--- SAY [010?] ---\nSAY {SAID}\n"
    "--- RESTORE [064] ---\nRESTORE\n"
    "--- IGNORE [---] ---\nIGNORE\n- * WARNING [013]\n"
    "--- FREE [066] ---\nFREE\n- + * FROM $ [0841]\n"
    "--- PLAY [###] ---\nPLAY\n"
    "--- PONDER [+++] ---\nPONDER\n";
static const char *OPTIONS = "SET: MINIMUM WORDS = 3\n";

static pb_dict *dict(void)
{
    return test_dict(ACTORS, AGENTS, VERBS, OPTIONS);
}

static void basic_source_verb_target(void **state)
{
    (void)state;
    pb_dict *d = dict();
    ASSERT_CODE(d, "Arnor attacked Gondor on Monday.", 19950101, "ARN GON 190");
    ASSERT_CODE(d, "Arnor is about to restore ties with Gondor.", 19950101, "ARN GON 064");
    ASSERT_CODE(d, "Arnor attacked early yesterday.", 19950101, "(no event)"); /* no target */
    ASSERT_CODE(d, "Ships attacked at dawn.", 19950101, "(no event)");        /* no actor */
    ASSERT_CODE(d, "Arnor did nothing to Gondor", 19950101, "(no event)");
    pb_dict_free(d);
}

static void patterns_and_synsets(void **state)
{
    (void)state;
    pb_dict *d = dict();
    ASSERT_CODE(d, "Arnor accused Gondor of espionage.", 19950101, "ARN GON 1125");
    ASSERT_CODE(d, "Arnor accused Gondor of spying.", 19950101, "ARN GON 1125");
    ASSERT_CODE(d, "Arnor accused Gondor of theft.", 19950101, "ARN GON 112");
    ASSERT_CODE(d, "Gondor was freed from Osgiliath by force.", 19950101, "OSG GON 0841"); /* + * FROM $ */
    ASSERT_CODE(d, "Arnor ignored Gondor.", 19950101, "(no event)");                     /* null code */
    ASSERT_CODE(d, "Arnor ignored a warning from Gondor.", 19950101, "ARN GON 013");
    pb_dict_free(d);
}

static void paired_and_compound_codes(void **state)
{
    (void)state;
    pb_dict *d = dict();
    ASSERT_CODE(d, "Arnor visited Gondor.", 19950101, "ARN GON 042; GON ARN 043");
    ASSERT_CODE(d, "Arnor and Gondor met in Bree.", 19950101, "ARN GON 040; GON ARN 040");
    ASSERT_CODE(d, "Arnor attacked Gondor and Rohan.", 19950101, "ARN GON 190; ARN ROH 190");
    ASSERT_CODE(d, "Arnor, Bree and Rohan attacked Gondor.", 19950101, "ARN GON 190; BRE GON 190; ROH GON 190");
    ASSERT_CODE(d, "The Shire attacked Gondor.", 19950101, "FRO GON 190; BIL GON 190; SAM GON 190");
    pb_dict_free(d);
}

static void agents_and_dates(void **state)
{
    (void)state;
    pb_dict *d = dict();
    ASSERT_CODE(d, "Colombian President Petro attacked Gondor.", 20260108, "COLGOV GON 190");
    ASSERT_CODE(d, "Petro attacked Gondor.", 20260108, "COLGOV GON 190");
    ASSERT_CODE(d, "Petro attacked Gondor.", 20300101, "COLELI GON 190");
    ASSERT_CODE(d, "The ambassador of Arnor attacked Gondor.", 19950101, "ARNGOV GON 190");
    ASSERT_CODE(d, "Arnor soldiers attacked Gondor.", 19950101, "ARNMIL GON 190");
    ASSERT_CODE(d, "Arnor human rights groups accused Gondor.", 19950101, "NGOARN GON 112");
    ASSERT_CODE(d, "Former Arnor president attacked Gondor.", 19950101, "ARNELI GON 190");
    pb_dict_free(d);
}

static void passive_voice_and_clauses(void **state)
{
    (void)state;
    pb_dict *d = dict();
    ASSERT_CODE(d, "Gondor was attacked by Arnor.", 19950101, "ARN GON 190");
    ASSERT_CODE(d, "Arnor attacked Gondor and accused Rohan of spying.", 19950101, "ARN GON 190; ARN ROH 1125");
    ASSERT_CODE(d, "Arnor attacked Gondor, a senior official said.", 19950101, "ARN GON 190");
    ASSERT_CODE(d, "Arnor said it attacked Gondor.", 19950101, "ARN GON 190");      /* subordinate SAID */
    ASSERT_CODE(d, "Arnor said Gondor was wrong.", 19950101, "ARN GON 010");        /* only the subordinate */
    pb_dict_free(d);
}

static void noun_shifts(void **state)
{
    (void)state;
    pb_dict *d = dict();
    ASSERT_CODE(d, "Arnor condemned the attack on Gondor.", 19950101, "(no event)"); /* determiner */
    ASSERT_CODE(d, "Arnor saw an Attack on Gondor today.", 19950101, "(no event)");  /* capitalised */
    ASSERT_CODE(d, "ARNOR ATTACKED GONDOR TODAY.", 19950101, "ARN GON 190");        /* all capitals: no shift */
    pb_dict_free(d);
}

static void discard_complex_short(void **state)
{
    (void)state;
    pb_dict *d = dict();
    ASSERT_CODE(d, "Arnor played Gondor in the final.", 19950101, "(discard)");
    ASSERT_CODE(d, "Arnor pondered Gondor's offer.", 19950101, "(complex)");
    ASSERT_CODE(d, "Arnor attacked", 19950101, "(too short)");
    pb_dict_free(d);
}

static void pronouns(void **state)
{
    (void)state;
    pb_dict *d = dict();
    ASSERT_CODE(d, "Arnor warned that it would attack Gondor.", 19950101, "ARN GON 190");
    ASSERT_CODE(d, "Gondor said Arnor and Rohan met and they attacked Bree.", 19950101,
                "ARN ROH 040; ROH ARN 040; ARN BRE 190; ROH BRE 190");
    pb_dict_free(d);
}

/* polybius options SUBCLAUSES and POSSESSIVE NOUNS, each against the
 * TABARI behaviour they replace */
static void subclauses_and_possessives(void **state)
{
    (void)state;
    const char *verbs = "--- ACCUSE [112] ---\nACCUSE\n--- ATTACK [190] ---\nATTACK\n"
                        "--- SAY [010?] ---\nSAY {SAID}\n--- WARN [130] ---\nWARN\n"
                        "--- IMPOSE [163] ---\nIMPOSE\n--- CAPTURE [173] ---\nCAPTURE\n"
                        "--- DEFEND [051] ---\nDEFEND\n";
    pb_dict *tabari = test_dict(ACTORS, AGENTS, verbs, OPTIONS);
    pb_dict *d = test_dict(ACTORS, AGENTS, verbs,
                           "SET: MINIMUM WORDS = 3\nSET: SUBCLAUSES = TRUE\nSET: POSSESSIVE NOUNS = TRUE\n");
    /* a participle clause keeps the main clause's subject and object */
    ASSERT_CODE(tabari, "Arnor accused Gondor of theft, imposing sanctions on it.", 19950101, "ARN GON 112");
    ASSERT_CODE(d, "Arnor accused Gondor of theft, imposing sanctions on it.", 19950101, "ARN GON 112; ARN GON 163");
    ASSERT_CODE(d, "Arnor accused Gondor of theft, even imposing sanctions on it.", 19950101,
                "ARN GON 112; ARN GON 163");
    /* ... unless it only reports speech */
    ASSERT_CODE(d, "Arnor accused Gondor of theft, saying it attacked Rohan.", 19950101, "ARN GON 112");
    /* a subordinate clause has its own subject, before or after the main clause */
    ASSERT_CODE(tabari, "Arnor warned Gondor after Rohan captured Bree.", 19950101, "ARN GON 130");
    ASSERT_CODE(d, "Arnor warned Gondor after Rohan captured Bree.", 19950101, "ARN GON 130; ROH BRE 173");
    ASSERT_CODE(d, "After Rohan captured Bree, Arnor warned Gondor.", 19950101, "ROH BRE 173; ARN GON 130");
    /* "after" without a subject of its own does not split */
    ASSERT_CODE(d, "Arnor warned Gondor after capturing Bree.", 19950101, "ARN GON 130");
    /* an object pronoun in the dependent clause is the main clause's object */
    ASSERT_CODE(d, "Arnor defended Gondor after Rohan attacked him.", 19950101, "ARN GON 051; ROH GON 190");
    /* after a short opening phrase, the clause after the comma is the sentence */
    ASSERT_CODE(tabari, "On Monday, Arnor accused Gondor.", 19950101, "(no event)");
    ASSERT_CODE(d, "On Monday, Arnor accused Gondor.", 19950101, "ARN GON 112");
    ASSERT_CODE(d, "Arnor accused Gondor of theft, Rohan said.", 19950101, "ARN GON 112"); /* still deleted */
    /* a verb form after a possessive is a noun */
    ASSERT_CODE(tabari, "Arnor said its attack on Gondor was justified.", 19950101, "ARN GON 190");
    ASSERT_CODE(d, "Arnor said its attack on Gondor was justified.", 19950101, "ARN GON 010");
    pb_dict_free(tabari);
    pb_dict_free(d);
}

/* REFLEXIVE PRONOUNS: a pronoun that refers to the source is not its
 * target, even when the two print different codes (agent added) */
static void reflexive_pronouns(void **state)
{
    (void)state;
    const char *verbs = "--- LEAVE [0874] ---\nWITHDRAW {WITHDREW WITHDRAWN}\n";
    pb_dict *tabari = test_dict(ACTORS, AGENTS, verbs, OPTIONS);
    pb_dict *d = test_dict(ACTORS, AGENTS, verbs, "SET: MINIMUM WORDS = 3\nSET: REFLEXIVE PRONOUNS = TRUE\n");
    /* TABARI: "their" becomes the target and the event is dropped as Arnor on itself */
    ASSERT_CODE(tabari, "Arnor soldiers withdrew from their fort in Gondor.", 19950101, "(no event)");
    ASSERT_CODE(d, "Arnor soldiers withdrew from their fort in Gondor.", 19950101, "ARNMIL GON 0874");
    pb_dict_free(tabari);
    pb_dict_free(d);
}

/* Exact one-word roots whose stem changes before an ending: DEPLORE_ for
 * "deploring", ARMY_ for "armies" (a first word, not only a last one) */
static void stem_changes(void **state)
{
    (void)state;
    pb_dict *d = test_dict("ARNOR [ARN]\nGONDOR [GON]\nMILITIA_ [REB]\n", NULL, "DEPLORE_ [111]\n", OPTIONS);
    ASSERT_CODE(d, "Arnor is deploring Gondor.", 19950101, "ARN GON 111");
    ASSERT_CODE(d, "Militias deplored Gondor.", 19950101, "REB GON 111");
    pb_dict_free(d);
}

/* The second row of a paired code [042:043] is the visit seen from the
 * host: its source text is the target text of the first row. */
static void paired_code_texts(void **state)
{
    (void)state;
    pb_dict *d = dict();
    pb_coder c;
    pb_coder_init(&c, d, NULL);
    const char *text = "Arnor visited Gondor.";
    pb_result r;
    pb_code_sentence(&c, text, strlen(text), 19950101, NULL, &r);
    assert_int_equal(r.nevents, 2);
    const pb_event *go = &r.events[0], *host = &r.events[1];
    assert_string_equal(host->code, "043");
    assert_int_equal(go->source_start, host->target_start);
    assert_int_equal(go->source_end, host->target_end);
    assert_int_equal(go->target_start, host->source_start);
    assert_int_equal(go->target_end, host->source_end);
    assert_true(strncmp(text + host->source_start, "Gondor", 6) == 0);
    pb_coder_clear(&c);
    pb_dict_free(d);
}

/* COMPLEX: NOSOURCE, NOTARGET and NOEVENT each say which condition held */
static char *complex_reason(const pb_dict *d, const char *text)
{
    pb_coder c;
    pb_coder_init(&c, d, NULL);
    pb_result r;
    pb_code_sentence(&c, text, strlen(text), 19950101, NULL, &r);
    char *why = g_strdup(r.status == PB_STATUS_COMPLEX ? r.reason : "(not complex)");
    pb_coder_clear(&c);
    return why;
}

static void complex_conditions(void **state)
{
    (void)state;
    const char *verbs = "--- ATTACK [190] ---\nATTACK\n";
    pb_dict *nosrc = test_dict(ACTORS, AGENTS, verbs, "SET: MINIMUM WORDS = 3\nCOMPLEX: NOSOURCE\n");
    pb_dict *notgt = test_dict(ACTORS, AGENTS, verbs, "SET: MINIMUM WORDS = 3\nCOMPLEX: NOTARGET\n");
    pb_dict *noev = test_dict(ACTORS, AGENTS, verbs, "SET: MINIMUM WORDS = 3\nCOMPLEX: NOEVENT\n");
    struct { const pb_dict *d; const char *text, *why; } cases[] = {
        {nosrc, "Ships attacked at dawn.", "no source for a coded verb (NOSOURCE)"},
        {nosrc, "Arnor attacked at dawn.", "(not complex)"}, /* it had a source */
        {notgt, "Arnor attacked at dawn.", "no target for a coded verb (NOTARGET)"},
        {noev, "Nothing at all happened today.", "no event (NOEVENT)"},
        {noev, "Arnor attacked Gondor.", "(not complex)"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *why = complex_reason(cases[i].d, cases[i].text);
        if (strcmp(why, cases[i].why) != 0)
            fail_msg("'%s': expected %s, got %s", cases[i].text, cases[i].why, why);
        g_free(why);
    }
    pb_dict_free(nosrc);
    pb_dict_free(notgt);
    pb_dict_free(noev);
}

/* LONG PASSIVE: the BY phrase may come later in the clause */
static void long_passive(void **state)
{
    (void)state;
    const char *verbs = "--- ATTACK [190] ---\nATTACK\n--- PRAISE [051] ---\nPRAISE\n";
    pb_dict *tabari = test_dict(ACTORS, AGENTS, verbs, OPTIONS);
    pb_dict *d = test_dict(ACTORS, AGENTS, verbs, "SET: MINIMUM WORDS = 3\nSET: LONG PASSIVE = TRUE\n");
    const char *s = "Gondor was attacked near the river in the night by Arnor.";
    ASSERT_CODE(tabari, s, 19950101, "GON ARN 190");
    ASSERT_CODE(d, s, 19950101, "ARN GON 190");
    ASSERT_CODE(d, "Gondor is praised by Arnor.", 19950101, "ARN GON 051");
    /* another verb ends the search: BY belongs to it */
    ASSERT_CODE(d, "Gondor was attacked after Rohan was praised by Arnor.", 19950101, "GON ROH 190");
    pb_dict_free(tabari);
    pb_dict_free(d);
}

/* TITLE NAMES: the name after a title is part of the titled actor, known
 * to the dictionary or not, so "A and B met" is still a compound */
static void title_names(void **state)
{
    (void)state;
    const char *actors = "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nTHEODEN_ [ROHGOV]\n";
    const char *verbs = "--- MEET [040:040] ---\nMEET {MET}\n- % * [046]\n--- ATTACK [190] ---\nATTACK\n";
    pb_dict *tabari = test_dict(actors, AGENTS, verbs, OPTIONS);
    pb_dict *d = test_dict(actors, AGENTS, verbs, "SET: MINIMUM WORDS = 3\nSET: TITLE NAMES = TRUE\n");
    const char *s = "Arnor President Elendil Tarannon and Rohan President Theoden met yesterday afternoon in southern Gondor.";
    ASSERT_CODE(tabari, s, 19950101, "ROHGOV GON 040; GON ROHGOV 040"); /* the names break the compound */
    ASSERT_CODE(d, s, 19950101, "ARNGOV ROHGOV 046; ROHGOV ARNGOV 046");
    /* no capitals to go by in a headline: only dictionary names are folded in */
    ASSERT_CODE(d, "Arnor President Attacks Gondor", 19950101, "ARNGOV GON 190");
    /* a country adjective before an entry of its own country is part of it */
    ASSERT_CODE(tabari, "Rohan Theoden attacked Gondor.", 19950101, "ROH GON 190");
    ASSERT_CODE(d, "Rohan Theoden attacked Gondor.", 19950101, "ROHGOV GON 190");
    ASSERT_CODE(d, "Arnor Theoden attacked Gondor.", 19950101, "ARN GON 190");
    pb_dict_free(tabari);
    pb_dict_free(d);
}

/* An agent of several segments adds only the segments the actor lacks */
static void agent_segments(void **state)
{
    (void)state;
    pb_dict *d = test_dict("ARNOR [ARN]\nGONDOR [GON]\nESTEL_ [ARNGOV]\n", "DEFENCE_MINISTER_ [~GOVMIL]\n",
                           "--- ATTACK [190] ---\nATTACK\n", OPTIONS);
    ASSERT_CODE(d, "Defence Minister Estel attacked Gondor.", 19950101, "ARNGOVMIL GON 190");
    ASSERT_CODE(d, "The Arnor defence minister attacked Gondor.", 19950101, "ARNGOVMIL GON 190");
    pb_dict_free(d);
}

/* IMPLIED ROLES: no armed role on an armed group, no GOV on an IGO */
static void implied_roles(void **state)
{
    (void)state;
    const char *actors = "GONDOR [GON]\nORC_HORDE_ [IMGORC]\nWHITE_COUNCIL_ [IGOWHC]\n";
    const char *agents = "FIGHTER_ [~REB]\nOFFICIAL_ [~GOV]\n";
    const char *verbs = "--- ATTACK [190] ---\nATTACK\n";
    pb_dict *tabari = test_dict(actors, agents, verbs, OPTIONS);
    pb_dict *d = test_dict(actors, agents, verbs, "SET: MINIMUM WORDS = 3\nSET: IMPLIED ROLES = TRUE\n");
    ASSERT_CODE(tabari, "Orc horde fighters attacked Gondor.", 19950101, "IMGORCREB GON 190");
    ASSERT_CODE(d, "Orc horde fighters attacked Gondor.", 19950101, "IMGORC GON 190");
    ASSERT_CODE(d, "White Council officials attacked Gondor.", 19950101, "IGOWHC GON 190");
    ASSERT_CODE(d, "Gondor officials attacked the orc horde.", 19950101, "GONGOV IMGORC 190");
    pb_dict_free(tabari);
    pb_dict_free(d);
}

/* COMPOUND PAIRS: "A and B agreed" codes A->B and B->A */
static void compound_pairs(void **state)
{
    (void)state;
    const char *verbs = "--- AGREE [030] ---\nAGREE\n";
    pb_dict *tabari = test_dict(ACTORS, AGENTS, verbs, OPTIONS);
    pb_dict *d = test_dict(ACTORS, AGENTS, verbs, "SET: MINIMUM WORDS = 3\nSET: COMPOUND PAIRS = TRUE\n");
    ASSERT_CODE(tabari, "Arnor and Gondor agreed to cooperate.", 19950101, "ARN GON 030");
    ASSERT_CODE(d, "Arnor and Gondor agreed to cooperate.", 19950101, "ARN GON 030; GON ARN 030");
    ASSERT_CODE(d, "Arnor and Gondor agreed with Rohan.", 19950101, "ARN ROH 030; GON ROH 030"); /* a target of its own */
    pb_dict_free(tabari);
    pb_dict_free(d);
}

/* SHARED AGENTS: "Arnor and Gondor soldiers" are soldiers of both */
static void shared_agents(void **state)
{
    (void)state;
    const char *verbs = "--- ATTACK [190] ---\nATTACK\n";
    pb_dict *tabari = test_dict(ACTORS, AGENTS, verbs, OPTIONS);
    pb_dict *d = test_dict(ACTORS, AGENTS, verbs, "SET: MINIMUM WORDS = 3\nSET: SHARED AGENTS = TRUE\n");
    ASSERT_CODE(tabari, "Arnor and Gondor soldiers attacked Rohan.", 19950101, "ARN ROH 190; GONMIL ROH 190");
    ASSERT_CODE(d, "Arnor and Gondor soldiers attacked Rohan.", 19950101, "ARNMIL ROH 190; GONMIL ROH 190");
    ASSERT_CODE(d, "Arnor, Bree and Gondor soldiers attacked Rohan.", 19950101,
                "ARNMIL ROH 190; BREMIL ROH 190; GONMIL ROH 190");
    /* a member with an agent keeps it; an agent written first is not shared */
    ASSERT_CODE(d, "The Arnor president and Gondor soldiers attacked Rohan.", 19950101,
                "ARNGOV ROH 190; GONMIL ROH 190");
    ASSERT_CODE(d, "President Arnor and Gondor attacked Rohan.", 19950101, "ARNGOV ROH 190; GON ROH 190");
    ASSERT_CODE(d, "Rohan attacked Arnor and Gondor soldiers.", 19950101, "ROH ARNMIL 190; ROH GONMIL 190");
    pb_dict_free(tabari);
    pb_dict_free(d);
}

/* The engine allocates nothing per token in the steady state: after a
 * warm-up, coding more sentences does not make the arena ask the system
 * for memory. */
static void no_allocation_in_steady_state(void **state)
{
    (void)state;
    pb_dict *d = dict();
    pb_coder c;
    pb_coder_init(&c, d, NULL);
    const char *s[] = {"Arnor accused Gondor of espionage and attacked Rohan, officials said.",
                       "The ambassador of Arnor visited Gondor and Bree on Monday.",
                       "Colombian President Petro attacked Gondor."};
    for (int round = 0; round < 20; round++)
        for (size_t i = 0; i < G_N_ELEMENTS(s); i++) {
            pb_result r;
            pb_code_sentence(&c, s[i], strlen(s[i]), 20260108, NULL, &r);
            pb_coder_reset(&c);
        }
    uint64_t before = c.arena.system_allocs;
    for (int round = 0; round < 500; round++)
        for (size_t i = 0; i < G_N_ELEMENTS(s); i++) {
            pb_result r;
            pb_code_sentence(&c, s[i], strlen(s[i]), 20260108, NULL, &r);
            assert_true(r.nevents > 0);
            pb_coder_reset(&c);
        }
    assert_int_equal(c.arena.system_allocs, before);
    pb_coder_clear(&c);
    pb_dict_free(d);
}

static void explain_trace(void **state)
{
    (void)state;
    pb_dict *d = dict();
    pb_coder c;
    pb_coder_init(&c, d, NULL);
    c.trace = g_string_new(NULL);
    const char *s = "Arnor accused Gondor of espionage.";
    pb_result r;
    pb_code_sentence(&c, s, strlen(s), 19950101, NULL, &r);
    assert_non_null(strstr(c.trace->str, "MATCH  - * + OF_ &CRIMES [1125]"));
    assert_non_null(strstr(c.trace->str, "test.verbs:"));
    assert_non_null(strstr(c.trace->str, "ARN GON 1125"));
    g_string_free(c.trace, TRUE);
    pb_coder_clear(&c);
    pb_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(basic_source_verb_target),
        cmocka_unit_test(patterns_and_synsets),
        cmocka_unit_test(paired_and_compound_codes),
        cmocka_unit_test(agents_and_dates),
        cmocka_unit_test(passive_voice_and_clauses),
        cmocka_unit_test(noun_shifts),
        cmocka_unit_test(discard_complex_short),
        cmocka_unit_test(pronouns),
        cmocka_unit_test(subclauses_and_possessives),
        cmocka_unit_test(reflexive_pronouns),
        cmocka_unit_test(stem_changes),
        cmocka_unit_test(paired_code_texts),
        cmocka_unit_test(complex_conditions),
        cmocka_unit_test(long_passive),
        cmocka_unit_test(title_names),
        cmocka_unit_test(agent_segments),
        cmocka_unit_test(implied_roles),
        cmocka_unit_test(compound_pairs),
        cmocka_unit_test(shared_agents),
        cmocka_unit_test(no_allocation_in_steady_state),
        cmocka_unit_test(explain_trace),
    };
    return cmocka_run_group_tests_name("coder", tests, NULL, NULL);
}
