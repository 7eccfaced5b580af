/* test_split.c - newswire sentence splitting (pb_split.h): a table of
 * tricky cases; the expected sentences are joined with " | ". */
#include "pb_test.h"
#include "pb_split.h"

#include <string.h>

static char *split(const char *s)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(pb_span));
    pb_split_sentences(s, strlen(s), a);
    GString *g = g_string_new(NULL);
    for (guint i = 0; i < a->len; i++) {
        pb_span *sp = &g_array_index(a, pb_span, i);
        g_string_append_printf(g, "%s%.*s", i ? " | " : "", (int)(sp->end - sp->start), s + sp->start);
    }
    g_array_unref(a);
    return g_string_free(g, FALSE);
}

static const struct { const char *in, *out; } cases[] = {
    {"Rebels attacked. Troops fled.", "Rebels attacked. | Troops fled."},
    {"Rebels attacked! Troops fled?", "Rebels attacked! | Troops fled?"},
    {"Rebels attacked? No. Troops fled.", "Rebels attacked? | No. | Troops fled."},
    {"The U.S. Navy sailed. It docked.", "The U.S. Navy sailed. | It docked."},
    {"He flew to the U.S. The talks began.", "He flew to the U.S. | The talks began."},
    {"He flew to the U.S. on Monday.", "He flew to the U.S. on Monday."},
    {"The U.N. Security Council met.", "The U.N. Security Council met."},
    {"Mr. Smith met Mrs. Jones.", "Mr. Smith met Mrs. Jones."},
    {"Gen. Petraeus and Col. Reed spoke.", "Gen. Petraeus and Col. Reed spoke."},
    {"Dr. Ali said so. Prof. Lee disagreed.", "Dr. Ali said so. | Prof. Lee disagreed."},
    {"Sen. Warren and Rep. Ocasio-Cortez voted.", "Sen. Warren and Rep. Ocasio-Cortez voted."},
    {"Gov. Newsom spoke. Lt. Gov. Kounalakis too.", "Gov. Newsom spoke. | Lt. Gov. Kounalakis too."},
    {"It happened on Jan. 6 in Washington.", "It happened on Jan. 6 in Washington."},
    {"The deadline is Sept. 30. Talks resume.", "The deadline is Sept. 30. | Talks resume."},
    {"Prices rose 3.5 percent. Markets fell.", "Prices rose 3.5 percent. | Markets fell."},
    {"Growth was 2.4%. Inflation was 3.1%.", "Growth was 2.4%. | Inflation was 3.1%."},
    {"J. Smith arrived. He spoke.", "J. Smith arrived. | He spoke."},
    {"George W. Bush spoke.", "George W. Bush spoke."},
    {"Acme Corp. shares fell. Investors fled.", "Acme Corp. shares fell. | Investors fled."},
    {"He joined Acme Inc. The firm grew.", "He joined Acme Inc. | The firm grew."},
    {"\"We will fight,\" he said. \"We will win.\"", "\"We will fight,\" he said. | \"We will win.\""},
    {"“We will fight,” he said. “We will win.”", "“We will fight,” he said. | “We will win.”"},
    {"He said: \"Go.\" They went.", "He said: \"Go.\" | They went."},
    {"They left (quietly). Others stayed.", "They left (quietly). | Others stayed."},
    {"The army (which had left.) returned.", "The army (which had left.) returned."},
    {"Wait... The troops came.", "Wait... | The troops came."},
    {"Wait... the troops came.", "Wait... the troops came."},
    {"Wait… The troops came.", "Wait… | The troops came."},
    {"He said no. but they went.", "He said no. but they went."},
    {"Headline Without Period\nBody text follows.", "Headline Without Period | Body text follows."},
    {"Line one\nLine two", "Line one | Line two"},
    {"Para one.\n\nPara two.", "Para one. | Para two."},
    {"Windows lines.\r\nNext line.", "Windows lines. | Next line."},
    {"No end punctuation", "No end punctuation"},
    {"", ""},
    {"   \n  \n ", ""},
    {"One.Two.", "One.Two."},
    {"Version 2.0 shipped.", "Version 2.0 shipped."},
    {"He earned $1.5 million. She earned more.", "He earned $1.5 million. | She earned more."},
    {"At 10 a.m. the talks began.", "At 10 a.m. the talks began."},
    {"The talks began at 10 a.m. They ended at noon.", "The talks began at 10 a.m. | They ended at noon."},
    {"No. 10 Downing Street said no.", "No. 10 Downing Street said no."},
    {"St. Petersburg hosted the summit.", "St. Petersburg hosted the summit."},
    {"Mt. Everest is high. It is cold.", "Mt. Everest is high. | It is cold."},
    {"The vote was 7 vs. 5. It passed.", "The vote was 7 vs. 5. | It passed."},
    {"Smith et al. wrote it.", "Smith et al. wrote it."},
    {"Troops entered. 200 people fled.", "Troops entered. | 200 people fled."},
    {"Troops entered. 'They shot,' a witness said.", "Troops entered. | 'They shot,' a witness said."},
    {"Is it over? Yes! It is.", "Is it over? | Yes! | It is."},
    {"What?! No way.", "What?! | No way."},
    {"Ceasefire (U.N.) holds. Fighting stopped.", "Ceasefire (U.N.) holds. | Fighting stopped."},
    {"Kim Jong Un met Moon Jae-in. They shook hands.", "Kim Jong Un met Moon Jae-in. | They shook hands."},
    {"Éric Zemmour spoke. Élysée replied.", "Éric Zemmour spoke. | Élysée replied."},
    {"A. B. Cohen and C. D. Levi signed.", "A. B. Cohen and C. D. Levi signed."},
    {"He said it was \"unacceptable.\" Talks stalled.", "He said it was \"unacceptable.\" | Talks stalled."},
    {"Troops left Fri. Talks resumed.", "Troops left Fri. | Talks resumed."},
    {"The U.K. and the U.S. agreed.", "The U.K. and the U.S. agreed."},
    {"E.U. officials met. N.A.T.O. allies too.", "E.U. officials met. | N.A.T.O. allies too."},
    {"He flew to the U.K. But talks failed.", "He flew to the U.K. | But talks failed."},
    {"Mrs. May resigned. Mr. Johnson won.", "Mrs. May resigned. | Mr. Johnson won."},
    {"Ships sailed.    Planes flew.", "Ships sailed. | Planes flew."},
    {"Tabs\tare blanks. Yes.", "Tabs\tare blanks. | Yes."},
    {"A sentence ending with a number 42. Next one.", "A sentence ending with a number 42. | Next one."},
    {"Email x@y.org. Then call.", "Email x@y.org. | Then call."},
};

static void newswire_cases(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = split(cases[i].in);
        if (strcmp(got, cases[i].out) != 0) {
            print_error("case %zu '%s':\n  expected '%s'\n  got      '%s'\n", i, cases[i].in, cases[i].out, got);
            failures++;
        }
        g_free(got);
    }
    assert_true(G_N_ELEMENTS(cases) >= 60);
    assert_int_equal(failures, 0);
}

/* The seed story splits into the 25 sentences its gold events number. */
static void seed_story(void **state)
{
    (void)state;
    char *path = test_path("corpus/01-trump-invites-petro.txt");
    char *text = NULL;
    gsize len = 0;
    assert_true(g_file_get_contents(path, &text, &len, NULL));
    GArray *a = g_array_new(FALSE, FALSE, sizeof(pb_span));
    pb_split_sentences(text, len, a);
    assert_int_equal(a->len, 25);
    pb_span *s6 = &g_array_index(a, pb_span, 5);
    assert_true(g_str_has_prefix(text + s6->start, "Trump took to his Truth Social platform, writing:"));
    g_array_unref(a);
    g_free(text);
    g_free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(newswire_cases),
        cmocka_unit_test(seed_story),
    };
    return cmocka_run_group_tests_name("split", tests, NULL, NULL);
}
