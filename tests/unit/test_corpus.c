/* test_corpus.c - the corpus readers (pb_corpus.h): each format, its
 * options, and malformed records that must come back as rejects. */
#include "pb_test.h"
#include "pb_corpus.h"

#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

static char *tmpdir;

static int setup(void **state)
{
    (void)state;
    tmpdir = g_dir_make_tmp("polybius-test-XXXXXX", NULL);
    return tmpdir ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    GDir *d = g_dir_open(tmpdir, 0, NULL);
    const char *n;
    while (d && (n = g_dir_read_name(d)) != NULL) {
        char *p = g_build_filename(tmpdir, n, NULL);
        unlink(p);
        g_free(p);
    }
    if (d)
        g_dir_close(d);
    rmdir(tmpdir);
    g_free(tmpdir);
    return 0;
}

static char *write_file(const char *name, const char *data, size_t len)
{
    char *p = g_build_filename(tmpdir, name, NULL);
    assert_true(g_file_set_contents(p, data, (gssize)len, NULL));
    return p;
}

/* Read every document of a file into "id|date|text|reject" lines. */
static char *read_all(const char *path, const pb_reader_options *opt)
{
    GError *error = NULL;
    pb_reader *r = pb_reader_open(path, opt, &error);
    if (!r) {
        char *msg = g_strdup_printf("ERROR %s", error->message);
        g_error_free(error);
        return msg;
    }
    GString *g = g_string_new(NULL);
    pb_doc doc;
    while (pb_reader_next(r, &doc, &error)) {
        g_string_append_printf(g, "%s|%d|%s|%s", doc.id, (int)doc.date, doc.text ? doc.text : "",
                               doc.reject ? doc.reject : "");
        for (guint k = 0; doc.keep && k < doc.keep->len; k++)
            g_string_append_printf(g, "|%s", (char *)g_ptr_array_index(doc.keep, k));
        g_string_append_c(g, '\n');
        pb_doc_clear(&doc);
    }
    if (error) {
        g_string_append_printf(g, "ERROR %s\n", error->message);
        g_error_free(error);
    }
    pb_reader_close(r);
    return g_string_free(g, FALSE);
}

#define ASSERT_READ(path, opt, want)                                                              \
    do {                                                                                           \
        char *got_ = read_all((path), (opt));                                                      \
        if (strcmp(got_, (want)) != 0)                                                             \
            fail_msg("%s:\nexpected:\n%s\ngot:\n%s", (path), (want), got_);                       \
        g_free(got_);                                                                              \
    } while (0)

static void csv_reader(void **state)
{
    (void)state;
    const char csv[] = "\xEF\xBB\xBFid,date,text,source\r\n"
                       "a1,2026-01-08,\"Arnor attacked Gondor, officials said.\",AP\r\n"
                       "a2,20260109,\"A quote: \"\"no\"\"\nand a new line\",Reuters\r\n"
                       "a3,not-a-date,Some text,AFP\r\n"
                       "a4,2026-01-10,,AFP\r\n"
                       "a5,2026-01-10,ragged\r\n";
    char *p = write_file("c.csv", csv, sizeof csv - 1);
    char *keep[] = {"source", NULL};
    pb_reader_options opt = {0};
    opt.keep = keep;
    ASSERT_READ(p, &opt,
                "a1|20260108|Arnor attacked Gondor, officials said.||AP\n"
                "a2|20260109|A quote: \"no\"\nand a new line||Reuters\n"
                "a3|0|Some text|unreadable date 'not-a-date' (expected YYYY-MM-DD, YYYYMMDD or YYMMDD)|AFP\n"
                "a4|20260110||no text|AFP\n"
                "a5|20260110|ragged|row has 3 fields; the header has 4|\n");
    g_free(p);
}

static void csv_header_problems(void **state)
{
    (void)state;
    pb_reader_options opt = {0};
    char *p = write_file("d.csv", "id,text,text\n1,a,b\n", 19);
    char *got = read_all(p, &opt);
    assert_true(g_str_has_prefix(got, "ERROR "));
    assert_non_null(strstr(got, "duplicate column 'text' in the header (columns 2 and 3)"));
    g_free(got);
    g_free(p);
    p = write_file("m.csv", "id,body\n1,a\n", 12);
    got = read_all(p, &opt);
    assert_non_null(strstr(got, "no 'text' column in the header (columns: 'id', 'body')"));
    g_free(got);
    opt.text_field = "body";
    opt.default_date = 20200101;
    ASSERT_READ(p, &opt, "1|20200101|a|\n");
    g_free(p);
    p = write_file("u.csv", "id,date,text\n1,2020-01-01,\"unterminated\n2,2020-01-01,x\n", 55);
    opt.text_field = NULL;
    got = read_all(p, &opt);
    assert_non_null(strstr(got, "unterminated quoted field"));
    g_free(got);
    g_free(p);
}

static void jsonl_reader(void **state)
{
    (void)state;
    const char data[] = "{\"id\": \"j1\", \"date\": \"2026-01-08\", \"text\": \"Arnor attacked Gondor.\"}\n"
                        "\n"
                        "{\"id\": 42, \"meta\": {\"date\": 20260109}, \"text\": \"Caf\\u00e9 talks.\"}\n"
                        "{\"id\": \"j3\", \"date\": \"2026-01-08\", \"text\": 17}\n"
                        "[1, 2, 3]\n"
                        "{\"id\": \"j5\", broken\n"
                        "{\"id\": \"j6\", \"date\": \"2026-01-08\"}\n"
                        "{\"id\": \"j7\", \"date\": \"2026-01-08\", \"text\": \"bad\\u0000nul\"}\n";
    char *p = write_file("j.jsonl", data, sizeof data - 1);
    pb_reader_options opt = {0};
    opt.date_field = "date";
    char *got = read_all(p, &opt);
    assert_non_null(strstr(got, "j1|20260108|Arnor attacked Gondor.|\n"));
    assert_non_null(strstr(got, "j3|20260108||field 'text' is a number, expected a string\n"));
    assert_non_null(strstr(got, "4|0||the line is an array, not a JSON object\n"));
    assert_non_null(strstr(got, "5|0||broken JSON at column"));
    assert_non_null(strstr(got, "j6|20260108||no 'text' field\n"));
    assert_non_null(strstr(got, "7|0||broken JSON at column"));
    g_free(got);
    opt.date_field = "meta.date";
    got = read_all(p, &opt);
    assert_non_null(strstr(got, "42|20260109|Café talks.|\n"));
    g_free(got);
    g_free(p);
}

static void deep_json(void **state)
{
    (void)state;
    GString *g = g_string_new("{\"id\":\"deep\",\"text\":\"x\",\"a\":");
    for (int i = 0; i < 10000; i++)
        g_string_append_c(g, '[');
    for (int i = 0; i < 10000; i++)
        g_string_append_c(g, ']');
    g_string_append(g, "}\n");
    char *p = write_file("deep.jsonl", g->str, g->len);
    pb_reader_options opt = {0};
    char *got = read_all(p, &opt);
    assert_non_null(strstr(got, "broken JSON"));
    assert_non_null(strstr(got, "depth"));
    g_free(got);
    g_free(p);
    g_string_free(g, TRUE);
}

static void tabari_reader(void **state)
{
    (void)state;
    const char data[] = "A comment line before the records\n\n"
                        "950101  DEMO-01\nArnor restored ties\nwith Gondor. /* a comment */\n\n"
                        "9501XX  BAD-01\nText\n\n"
                        "19950102 LONG-01\nEight digits without YYYY\n\n";
    char *p = write_file("t.text", data, sizeof data - 1);
    pb_reader_options opt = {0};
    opt.format = PB_FMT_TABARI;
    char *got = read_all(p, &opt);
    assert_non_null(strstr(got, "DEMO-01|19950101|Arnor restored ties with Gondor.|\n"));
    assert_non_null(strstr(got, "unreadable date '9501' in the record header (expected YYMMDD or YYYYMMDD)"));
    /* eight digits are YYYYMMDD even without SET: YYYY */
    assert_non_null(strstr(got, "LONG-01|19950102|Eight digits without YYYY|\n"));
    g_free(got);
    opt.yyyy = TRUE;
    got = read_all(p, &opt);
    assert_non_null(strstr(got, "LONG-01|19950102|Eight digits without YYYY|\n"));
    g_free(got);
    g_free(p);
}

static void xml_reader(void **state)
{
    (void)state;
    const char data[] = "<Sentences>\n"
                        "<Sentence date=\"20150101\" id=\"abc_1\" source=\"AFP\" sentence=\"True\">\n"
                        "<Text>Arnor &amp; Gondor met.</Text>\n<Parse>(ROOT (S ...))</Parse>\n</Sentence>\n"
                        "<Sentence date=\"2015-01-02\" id=\"abc_2\" sentence=\"false\"><Text><![CDATA[Two. Sentences.]]></Text></Sentence>\n"
                        "<Sentence id=\"abc_3\"><Text>No date.</Text></Sentence>\n"
                        "</Sentences>\n";
    char *p = write_file("x.xml", data, sizeof data - 1);
    pb_reader_options opt = {0};
    ASSERT_READ(p, &opt,
                "abc_1|20150101|Arnor & Gondor met.|\n"
                "abc_2|20150102|Two. Sentences.|\n"
                "abc_3|0|No date.|no date (give one per record or use --date)\n");
    g_free(p);
    const char bad[] = "<Sentences><Sentence id=\"1\" date=\"20150101\"><Text>ok</Text></Sentence>"
                       "<Sentence id=\"2\"><Text>&bogus;</Text></Sentence></Sentences>";
    p = write_file("bad.xml", bad, sizeof bad - 1);
    char *got = read_all(p, &opt);
    assert_non_null(strstr(got, "1|20150101|ok|\n"));
    assert_non_null(strstr(got, "ERROR "));
    assert_non_null(strstr(got, "XML error"));
    g_free(got);
    g_free(p);
}

static void text_files_and_directories(void **state)
{
    (void)state;
    char *sub = g_build_filename(tmpdir, "docs", NULL);
    g_mkdir(sub, 0755);
    char *a = g_build_filename(sub, "2026-01-08-story.txt", NULL);
    char *b = g_build_filename(sub, "undated.txt", NULL);
    char *c = g_build_filename(sub, "ignored.md", NULL);
    g_file_set_contents(a, "Arnor attacked Gondor.", -1, NULL);
    g_file_set_contents(b, "Gondor replied.", -1, NULL);
    g_file_set_contents(c, "not a text file", -1, NULL);
    pb_reader_options opt = {0};
    ASSERT_READ(sub, &opt,
                "2026-01-08-story|20260108|Arnor attacked Gondor.|\n"
                "undated|0|Gondor replied.|no date (give one per record or use --date)\n");
    opt.default_date = 20250101;
    ASSERT_READ(b, &opt, "undated|20250101|Gondor replied.|\n");
    unlink(a);
    unlink(b);
    unlink(c);
    rmdir(sub);
    g_free(a);
    g_free(b);
    g_free(c);
    g_free(sub);
}

static void format_detection(void **state)
{
    (void)state;
    pb_reader_options opt = {0};
    struct { const char *name, *data; pb_input_format f; } cases[] = {
        {"a", "{\"id\":1}\n", PB_FMT_JSONL},
        {"b", "<Sentences></Sentences>", PB_FMT_XML},
        {"c", "950101 X\ntext\n", PB_FMT_TABARI},
        {"d", "id,date,text\n", PB_FMT_CSV},
        {"e", "id\tdate\ttext\n", PB_FMT_TSV},
        {"f", "Plain words only.", PB_FMT_TEXT},
        /* a comma does not make a header: the first line must name the text column */
        {"g", "On Monday, Russia said it would attend.\n", PB_FMT_TEXT},
        {"h", "\"id\",\"date\",\"Text\"\r\n", PB_FMT_CSV},
        {"i", "Kyiv\tMonday\tnothing else\n", PB_FMT_TEXT},
        {"j", "id,date,file\n", PB_FMT_CSV}, /* a list of text files */
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *p = write_file(cases[i].name, cases[i].data, strlen(cases[i].data));
        GError *error = NULL;
        pb_reader *r = pb_reader_open(p, &opt, &error);
        assert_non_null(r);
        assert_int_equal(pb_reader_format(r), cases[i].f);
        pb_reader_close(r);
        if (error)
            g_error_free(error);
        g_free(p);
    }
    GError *error = NULL;
    assert_null(pb_reader_open("/nonexistent/file.csv", &opt, &error));
    assert_non_null(strstr(error->message, "cannot open '/nonexistent/file.csv'"));
    g_error_free(error);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_reader),
        cmocka_unit_test(csv_header_problems),
        cmocka_unit_test(jsonl_reader),
        cmocka_unit_test(deep_json),
        cmocka_unit_test(tabari_reader),
        cmocka_unit_test(xml_reader),
        cmocka_unit_test(text_files_and_directories),
        cmocka_unit_test(format_detection),
    };
    return cmocka_run_group_tests_name("corpus", tests, setup, teardown);
}
