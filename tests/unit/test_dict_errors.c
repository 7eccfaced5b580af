/* test_dict_errors.c - the planted-error catalogue: malformed dictionary
 * lines of every format, each with the exact diagnostic expected (file,
 * line, column, severity, message). Warnings are repairs with a stated
 * assumption; errors are entries that cannot be used. */
#include "pb_test.h"
#include "pb_dict_build.h"

#include <string.h>

typedef enum { K_ACTORS, K_AGENTS, K_VERBS, K_DISCARDS, K_ISSUES, K_OPTIONS } kind;

static const struct {
    const char *name;
    kind k;
    const char *content;
    const char *expected; /* first diagnostic, "file:line:col: severity: message" */
} cases[] = {
    {"code without phrase", K_ACTORS, "ARNOR [ARN]\n[USA]\n", "t.actors:2:1: error: code without a phrase: expected 'PHRASE [CODE]'"},
    {"code line first", K_ACTORS, "\t[USA]\n", "t.actors:1:2: error: code line without an actor phrase above it"},
    {"orphan synonym", K_ACTORS, "+GONDOR\n", "t.actors:1:1: error: synonym '+GONDOR' without an actor phrase above it"},
    {"unreadable date", K_ACTORS, "ARNOR [ARN 20201345-20211231]\n",
     "t.actors:1:7: error: malformed date '20201345': expected YYYYMMDD or YYMMDD"},
    {"end before start", K_ACTORS, "ARNOR [ARN 20210101-20200101] [ARN]\n",
     "t.actors:1:7: warning: end date 20200101 is before start date 20210101: this code can never apply and is ignored"},
    {"date without code", K_ACTORS, "ARNOR [20200101-20211231]\n",
     "t.actors:1:7: error: expected an actor code before the date restriction, found '20200101-20211231'"},
    {"code glued to date", K_ACTORS, "ARNOR [AAA950601-990815]\n",
     "t.actors:1:7: error: expected a blank between the code and its date in 'AAA950601-990815'"},
    {"bad character in code", K_ACTORS, "ARNOR [US$A]\n", "t.actors:1:7: error: invalid character '$' in actor code 'US$A'"},
    {"empty compound member", K_ACTORS, "ARNOR [USA//GBR]\n", "t.actors:1:7: error: empty member in coded compound 'USA//GBR'"},
    {"empty code", K_ACTORS, "ARNOR []\n", "t.actors:1:7: error: empty code '[]': expected an actor code"},
    {"missing bracket", K_ACTORS, "ARNOR [ARN\n", "t.actors:1:11: warning: missing ']' at the end of the code; assumed"},
    {"malformed restriction", K_ACTORS, "ARNOR [ARN 2020-01]\n",
     "t.actors:1:7: error: malformed date '2020': expected YYYYMMDD or YYMMDD"},
    {"unclosed noun list", K_ACTORS, "<NOUN>\nBEES\n", "t.actors:2: error: missing </NOUN> at the end of the file"},
    {"binary file", K_ACTORS, "ARNOR\0[ARN]\n", "t.actors: error: not a text file (NUL bytes): nothing loaded"},
    {"duplicate phrase", K_ACTORS, "ARNOR [ARN]\nARNOR [GON]\n",
     "t.actors:2:1: warning: duplicate actor phrase 'ARNOR' (first at t.actors:1); the first entry is used"},
    {"entry without code", K_ACTORS, "ARNOR\nGONDOR [GON]\n", "t.actors:1: warning: actor 'ARNOR' has no code; it is read as null [---]"},
    {"control characters", K_ACTORS, "AR\x01\x02\x03\x04NOR [ARN]\n",
     "t.actors:1:3: error: binary data (4 control characters) in a dictionary line; line skipped"},
    {"agent tilde inside", K_AGENTS, "PRESIDENT_ [GO~V]\n",
     "t.agents:1:12: error: agent code 'GO~V': '~' must be at the start (~GOV) or the end (NGO~)"},
    {"agent undefined set", K_AGENTS, "SPOKES!PERSON! [~GOV]\n", "t.agents:1:7: error: substitution set !PERSON! is not defined"},
    /* found by fuzzing: sets inside sets multiplied into gigabytes */
    {"agent set naming a set", K_AGENTS, "!PERSON! = MAN, !WOMAN!\n",
     "t.agents:1:11: error: substitution set !PERSON!: member '!WOMAN!' names a set; sets cannot contain sets"},
    {"agent sets expand too far", K_AGENTS,
     "!A! = 1,2,3,4,5,6,7,8,9\n!B! = 1,2,3,4,5,6,7,8,9\n!C! = 1,2,3,4,5,6,7,8,9\nX!A!!B!!C! [~GOV]\n",
     "t.agents:4:1: error: the substitution sets of this entry stand for more than 512 phrases; entry skipped"},
    {"agent without tilde", K_AGENTS, "PRESIDENT_ [GOV]\n",
     "t.agents:1:12: warning: agent code 'GOV' has no '~'; read as '~GOV' (appended to the actor code)"},
    {"pattern with two verbs", K_VERBS, "ACCUSE [112]\n- * COMMIT * AID [033]\n",
     "t.verbs:2:1: warning: pattern has 2 '*' but a pattern has exactly one verb; pattern skipped: '* COMMIT * AID'"},
    {"pattern without verb", K_VERBS, "ACCUSE [112]\n- ESPIONAGE [1125]\n",
     "t.verbs:2:1: warning: pattern has no '*' (the verb's position); pattern skipped: 'ESPIONAGE'"},
    {"undefined synset", K_VERBS, "ACCUSE [112]\n- * &CRIMES [1121]\n",
     "t.verbs:2: error: synonym set '&CRIMES' is used but never defined"},
    {"synset includes itself", K_VERBS, "&WEAPONS\n+GUNS\n+&WEAPONS_SYSTEMS\n",
     "t.verbs:3:1: error: synonym set '&WEAPONS' includes itself"},
    /* found by fuzzing: naming a new set inside a member grew the set table under the loader */
    {"synset member names a later set", K_VERBS, "&NEGATION\n+NOT_\n+WILL_&OT\n+DID_NOT\n",
     "t.verbs:3:1: error: synonym set '&OT' is used in '&NEGATION' before its definition"},
    {"synset defined twice", K_VERBS, "&ARMS\n+GUNS\n&ARMS\n+TANKS\nBUY [060]\n- * &ARMS [062]\n",
     "t.verbs:3:1: error: synonym set '&ARMS' is defined twice (first at t.verbs:1)"},
    {"duplicate TABARI root", K_VERBS, "ACCUSE [112]\n- * SPYING [1125]\nACCUSE [111]\n- * THEFT [1121]\n",
     "t.verbs:3:1: warning: verb form 'ACCUSE' is already defined at t.verbs:1; the first definition is used and the "
     "patterns below this one are skipped"},
    {"pattern before verb", K_VERBS, "- * AID [070]\n",
     "t.verbs:1:1: error: pattern before any verb: a pattern follows the verb it belongs to"},
    {"block without verbs", K_VERBS, "--- EMPTY [010] ---\n--- FULL [020] ---\nAPPEAL\n",
     "t.verbs:1: warning: verb block has no verbs: the block and its patterns are never used"},
    {"unclosed section", K_VERBS, "<TIME>\nYESTERDAY [-1]\n", "t.verbs:2: error: a section is not closed at the end of the file"},
    {"bad time offset", K_VERBS, "<TIME>\nLATER [+x]\n</TIME>\n",
     "t.verbs:2:7: error: expected a day offset such as -1 or +7 in a <TIME> code, found '+X'"},
    {"unclosed alternatives", K_VERBS, "CALL [---]\n- * FOR { SANCTIONS | EMBARGO [172]\n",
     "t.verbs:2:30: warning: expected '|' or '}' in alternatives, found the end of the pattern; pattern skipped"},
    {"bad event code", K_VERBS, "CALL [09$]\n", "t.verbs:1:6: error: expected an event code (digits), '---', '###' or '+++', found '09$'"},
    {"unknown section", K_VERBS, "<VERBS>\nCALL [095]\n", "t.verbs:1:1: warning: unknown section tag '<VERBS>' ignored"},
    {"closing the wrong section", K_VERBS, "<TIME>\nTODAY [0]\n</NOUN>\n",
     "t.verbs:3:1: error: '</NOUN>' closes a section that is not open"},
    {"unknown option", K_OPTIONS, "FROBNICATE: 3\n", "t.options:1:1: error: unknown options command 'FROBNICATE:'"},
    {"bad CODE BY", K_OPTIONS, "SET: CODE BY PARAGRAPH\n",
     "t.options:1:1: error: SET: CODE expects BY CLAUSE, BY SENTENCE or ALL, found 'CODE BY PARAGRAPH'"},
    {"bad COMMA", K_OPTIONS, "COMMA: WIDE\n",
     "t.options:1:1: error: COMMA: expects OFF or MIN=, MAX=, BMIN=, BMAX=, EMIN=, EMAX=; found 'WIDE'"},
    {"interactive option", K_OPTIONS, "SET: HAIKU = FALSE\n",
     "t.options:1:1: warning: SET: HAIKU only concerns TABARI's interactive program; ignored"},
    {"issue outside block", K_ISSUES, "oil [ENERGY]\n", "t.issues:1:1: error: issue phrase outside an <ISSUE> block: 'oil [ENERGY]'"},
    {"unclosed issue block", K_ISSUES, "<ISSUE CATEGORY=\"E\">\noil [ENERGY]\n",
     "t.issues:2: error: missing </ISSUE> at the end of the file"},
    {"discard with code", K_DISCARDS, "WORLD CUP [###]\n", "t.discards:1:11: warning: a discard phrase has no code; the code is ignored"},
};

static void catalogue(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        pb_diags diags;
        pb_diags_init(&diags);
        pb_dict *d = pb_dict_new();
        const char *c = cases[i].content;
        size_t len = strlen(c);
        if (strcmp(cases[i].name, "binary file") == 0)
            len = sizeof "ARNOR\0[ARN]\n" - 1;
        switch (cases[i].k) {
        case K_ACTORS: pb_dict_load_actors_buffer(d, "t.actors", c, len, &diags); break;
        case K_AGENTS: pb_dict_load_agents_buffer(d, "t.agents", c, len, &diags); break;
        case K_VERBS: pb_dict_load_verbs_buffer(d, "t.verbs", c, len, &diags); break;
        case K_DISCARDS: pb_dict_load_discards_buffer(d, "t.discards", c, len, &diags); break;
        case K_ISSUES: pb_dict_load_issues_buffer(d, "t.issues", c, len, &diags); break;
        case K_OPTIONS: pb_dict_load_options_buffer(d, "t.options", c, len, &diags); break;
        }
        pb_dict_freeze(d, &diags);
        char *buf = NULL;
        size_t blen = 0;
        FILE *f = open_memstream(&buf, &blen);
        pb_diags_print(&diags, f, TRUE);
        fclose(f);
        char *nl = buf ? strchr(buf, '\n') : NULL;
        if (nl)
            *nl = '\0';
        if (!buf || strcmp(buf, cases[i].expected) != 0) {
            print_error("%s:\n  expected: %s\n  got:      %s\n", cases[i].name, cases[i].expected, buf ? buf : "(nothing)");
            failures++;
        }
        free(buf);
        pb_diags_clear(&diags);
        pb_dict_free(d);
    }
    assert_true(G_N_ELEMENTS(cases) >= 25);
    assert_int_equal(failures, 0);
}

/* Every problem is reported, not only the first. */
static void all_errors_reported(void **state)
{
    (void)state;
    pb_diags diags;
    pb_diags_init(&diags);
    const char *actors = "A [ARN 20201345-20211231]\nB [US$A]\nC [GON]\nD []\n";
    pb_dict *d = test_dict_diags(actors, NULL, NULL, NULL, &diags);
    assert_int_equal(diags.errors, 3);
    GString *lines = g_string_new(NULL);
    for (guint i = 0; i < diags.items->len; i++) {
        const pb_diag *x = g_ptr_array_index(diags.items, i);
        if (x->severity == PB_SEV_ERROR)
            g_string_append_printf(lines, "%d ", x->line);
    }
    assert_string_equal(lines->str, "1 2 4 ");
    g_string_free(lines, TRUE);
    pb_diags_clear(&diags);
    pb_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(catalogue),
        cmocka_unit_test(all_errors_reported),
    };
    return cmocka_run_group_tests_name("dict_errors", tests, NULL, NULL);
}
