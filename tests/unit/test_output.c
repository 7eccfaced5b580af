/* test_output.c - the event writers (writer.c), the codebook
 * (codebook.c), CSV tables (table.c), and the pipeline's ordering and
 * sharding (pipeline.c). */
#include "pb_test.h"
#include "pb_codebook.h"
#include "pb_pipeline.h"
#include "pb_table.h"
#include "pb_writer.h"

#include <string.h>
#include <unistd.h>

static pb_event sample_event(const char *src, const char *tgt, const char *code)
{
    pb_event e;
    memset(&e, 0, sizeof e);
    e.source = src;
    e.target = tgt;
    e.code = code;
    e.date = 20260108;
    e.source_start = 0;
    e.source_end = 5;
    e.verb_start = 6;
    e.verb_end = 13;
    e.target_start = 15;
    e.target_end = 21;
    e.pattern_ref = "polybius.verbs.txt:12";
    e.issues = "";
    return e;
}

static pb_codebook *codebook(void)
{
    char *p = test_path("dictionaries/cameo_codebook.tsv");
    pb_codebook *cb = pb_codebook_load(p, NULL);
    g_free(p);
    assert_non_null(cb);
    return cb;
}

static void csv_rows(void **state)
{
    (void)state;
    pb_codebook *cb = codebook();
    pb_writer_options w = {PB_OUTPUT_CSV, TRUE, NULL, cb};
    GString *out = g_string_new(NULL);
    pb_write_header(&w, out);
    const char *text = "Arnor accused \"Gondor\", sources said";
    pb_event e = sample_event("ARNGOV", "", "112");
    pb_row_context row = {"doc,1", 3, text, strlen(text), NULL};
    pb_write_events(&w, &row, &e, 1, out);
    const char *want =
        "doc_id,sentence,date,source,source_country,source_role,target,target_country,target_role,code,root_code,"
        "quad_class,goldstein,source_text,verb_text,target_text,pattern,issues,text\n"
        "\"doc,1\",3,\"2026-01-08\",\"ARNGOV\",\"ARN\",\"GOV\",,,,\"112\",\"11\",3,-2.0,\"Arnor\",\"accused\","
        "\"Gondor\",\"polybius.verbs.txt:12\",,\"Arnor accused \"\"Gondor\"\", sources said\"\n";
    assert_string_equal(out->str, want);
    g_string_free(out, TRUE);
    pb_codebook_free(cb);
}

/* Kept columns named like an event column are written "input_NAME"; line
 * breaks inside any value become blanks, so one event is one line. */
static void kept_columns_and_line_breaks(void **state)
{
    (void)state;
    char *keep[] = {"source", "outlet", NULL};
    pb_writer_options w = {PB_OUTPUT_CSV, TRUE, keep, NULL};
    GString *out = g_string_new(NULL);
    pb_write_header(&w, out);
    assert_non_null(strstr(out->str, ",text,input_source,outlet\n"));
    const char *text = "Arnor\naccused  Gondor of theft";
    pb_event e = sample_event("ARN", "GON", "112");
    GPtrArray *values = g_ptr_array_new();
    g_ptr_array_add(values, (gpointer) "AFP");
    g_ptr_array_add(values, (gpointer) "Line one\r\nline two");
    pb_row_context row = {"d1", 1, text, strlen(text), values};
    g_string_truncate(out, 0);
    pb_write_events(&w, &row, &e, 1, out);
    assert_non_null(strstr(out->str, ",\"Arnor accused  Gondor of theft\",\"AFP\",\"Line one  line two\"\n"));
    assert_null(strchr(out->str, '\r'));
    assert_int_equal(strchr(out->str, '\n') - out->str, (long)out->len - 1); /* one line */
    w.format = PB_OUTPUT_JSONL;
    g_string_truncate(out, 0);
    pb_write_events(&w, &row, &e, 1, out);
    assert_non_null(strstr(out->str, "\"input_source\":\"AFP\""));
    assert_non_null(strstr(out->str, "\"source\":\"ARN\""));
    g_ptr_array_unref(values);
    g_string_free(out, TRUE);
}

static void tsv_and_jsonl_rows(void **state)
{
    (void)state;
    pb_codebook *cb = codebook();
    const char *text = "Arnor\taccused Gondor\nyesterday";
    pb_event e = sample_event("ARN", "GON", "0811");
    e.target_start = 14;
    e.target_end = 20;
    char *keep[] = {"source_name", NULL};
    GPtrArray *kv = g_ptr_array_new();
    g_ptr_array_add(kv, "AP");
    pb_row_context row = {"d1", 1, text, strlen(text), kv};
    pb_writer_options w = {PB_OUTPUT_TSV, FALSE, keep, cb};
    GString *out = g_string_new(NULL);
    pb_write_events(&w, &row, &e, 1, out);
    assert_string_equal(out->str, "d1\t1\t2026-01-08\tARN\tARN\t\tGON\tGON\t\t0811\t08\t2\t5.0\tArnor\taccused\tGondor"
                                  "\tpolybius.verbs.txt:12\t\tAP\n");
    g_string_truncate(out, 0);
    w.format = PB_OUTPUT_JSONL;
    e.code = "9999";
    pb_write_events(&w, &row, &e, 1, out);
    assert_non_null(strstr(out->str, "\"code\":\"9999\",\"root_code\":null,\"quad_class\":null,\"goldstein\":null"));
    assert_non_null(strstr(out->str, "\"doc_id\":\"d1\",\"sentence\":1"));
    assert_non_null(strstr(out->str, "\"source_name\":\"AP\"}\n"));
    g_string_free(out, TRUE);
    g_ptr_array_unref(kv);
    pb_codebook_free(cb);
}

static void actor_parts(void **state)
{
    (void)state;
    struct { const char *code, *country, *role; } cases[] = {
        {"USAGOV", "USA", "GOV"}, {"COLREB", "COL", "REB"}, {"IGOUNOREFHCR", "IGO", "REF"},
        {"USA", "USA", ""}, {"ISRGOVPTYLKD", "ISR", "GOV"}, {"NGOHRIAMN", "NGO", "HRI"},
        {"~EDU", "", ""}, {"", "", ""}, {"RUSMILGOV", "RUS", "MIL"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char c[4], r[4];
        pb_actor_parts(cases[i].code, c, r);
        assert_string_equal(c, cases[i].country);
        assert_string_equal(r, cases[i].role);
    }
}

static void codebook_lookup(void **state)
{
    (void)state;
    pb_codebook *cb = codebook();
    const pb_cameo_code *c = pb_codebook_get(cb, "036");
    assert_non_null(c);
    assert_string_equal(c->root, "03");
    assert_int_equal(c->quad_class, 1);
    c = pb_codebook_get(cb, "1213");
    assert_non_null(c);
    assert_false(c->has_goldstein);
    pb_cameo_code d;
    pb_codebook_describe(cb, "075A", &d);
    assert_string_equal(d.root, "07");
    assert_int_equal(d.quad_class, 2);
    assert_null(d.name);
    size_t n;
    pb_codebook_entries(cb, &n);
    assert_int_equal(n, 317);
    pb_codebook_free(cb);
}

static void shards_are_stable(void **state)
{
    (void)state;
    /* FNV-1a 64: fixed values, so a corpus splits the same everywhere */
    assert_int_equal(pb_shard_of("", 7), 14695981039346656037ull % 7);
    assert_int_equal(pb_shard_of("a", 1000), 12638187200555641996ull % 1000);
    guint counts[3] = {0};
    for (int i = 0; i < 3000; i++) {
        char id[32];
        g_snprintf(id, sizeof id, "doc-%d", i);
        counts[pb_shard_of(id, 3)]++;
    }
    for (int k = 0; k < 3; k++)
        assert_true(counts[k] > 900 && counts[k] < 1100);
}

typedef struct {
    GString *out;
    guint rejects;
} mem_sink;

static gboolean mem_write(void *s, const char *data, size_t len, GError **error)
{
    (void)error;
    g_string_append_len(((mem_sink *)s)->out, data, (gssize)len);
    return TRUE;
}

static gboolean mem_reject(void *s, const pb_doc *doc, GError **error)
{
    (void)doc;
    (void)error;
    ((mem_sink *)s)->rejects++;
    return TRUE;
}

/* The output is byte-identical for 1, 2 and 4 threads and any batch size. */
static void threads_keep_input_order(void **state)
{
    (void)state;
    pb_dict *d = test_dict("ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n", NULL,
                           "--- ATTACK [190] ---\nATTACK\n--- PRAISE [051] ---\nPRAISE\n", "SET: MINIMUM WORDS = 3\n");
    char *dir = g_dir_make_tmp("polybius-pipe-XXXXXX", NULL);
    char *path = g_build_filename(dir, "c.jsonl", NULL);
    GString *corpus = g_string_new(NULL);
    for (int i = 0; i < 2000; i++)
        g_string_append_printf(corpus, "{\"id\":\"d%d\",\"date\":\"2026-01-%02d\",\"text\":\"%s %s %s. Rohan praised Arnor.\"}\n",
                               i, 1 + i % 28, i % 2 ? "Arnor" : "Gondor", i % 3 ? "attacked" : "praised",
                               i % 2 ? "Gondor" : "Rohan");
    g_string_append(corpus, "not json\n");
    g_file_set_contents(path, corpus->str, (gssize)corpus->len, NULL);
    pb_writer_options w = {PB_OUTPUT_CSV, TRUE, NULL, NULL};
    char *first = NULL;
    int configs[][2] = {{1, 256}, {2, 7}, {4, 1}, {2, 1000}};
    for (size_t k = 0; k < G_N_ELEMENTS(configs); k++) {
        mem_sink sink = {g_string_new(NULL), 0};
        pb_pipeline_config cfg = {0};
        cfg.dict = d;
        cfg.opt = &d->options;
        cfg.writer = &w;
        cfg.threads = configs[k][0];
        cfg.batch_size = configs[k][1];
        cfg.write = mem_write;
        cfg.reject = mem_reject;
        cfg.sink = &sink;
        pb_reader_options ro = {0};
        pb_reader *r = pb_reader_open(path, &ro, NULL);
        pb_stats st = {0};
        assert_true(pb_pipeline_run(&cfg, r, &st, NULL));
        pb_reader_close(r);
        assert_int_equal(st.docs, 2001);
        assert_int_equal(st.coded + st.rejected, st.docs);
        assert_int_equal(sink.rejects, 1);
        assert_int_equal(st.sentences, 4000);
        assert_int_equal(st.events, 4000);
        if (!first)
            first = g_strdup(sink.out->str);
        else
            assert_string_equal(sink.out->str, first);
        g_string_free(sink.out, TRUE);
    }
    g_free(first);
    unlink(path);
    rmdir(dir);
    g_free(path);
    g_free(dir);
    g_string_free(corpus, TRUE);
    pb_dict_free(d);
}

/* A story-level discard phrase ('+' in the discards file) drops the whole
 * document, the events of sentences before it included; a sentence-level
 * one drops its sentence only. The counts still add up. */
static void story_discards(void **state)
{
    (void)state;
    pb_diags diags;
    pb_diags_init(&diags);
    pb_dict *d = pb_dict_new();
    const char *actors = "ARNOR [ARN]\nGONDOR [GON]\n", *verbs = "--- ATTACK [190] ---\nATTACK\n";
    const char *discards = "+PENALTY_SHOOTOUT_\nFRIENDLY_MATCH_\n", *options = "SET: MINIMUM WORDS = 3\n";
    pb_dict_load_options_buffer(d, "t.options", options, strlen(options), &diags);
    pb_dict_load_actors_buffer(d, "t.actors", actors, strlen(actors), &diags);
    pb_dict_load_verbs_buffer(d, "t.verbs", verbs, strlen(verbs), &diags);
    pb_dict_load_discards_buffer(d, "t.discards", discards, strlen(discards), &diags);
    pb_dict_freeze(d, &diags);
    assert_int_equal(diags.errors, 0);
    char *dir = g_dir_make_tmp("polybius-discard-XXXXXX", NULL);
    char *path = g_build_filename(dir, "c.jsonl", NULL);
    const char *corpus =
        "{\"id\":\"story\",\"date\":\"2026-01-08\",\"text\":\"Arnor attacked Gondor. Gondor won the penalty shootout.\"}\n"
        "{\"id\":\"sentence\",\"date\":\"2026-01-08\",\"text\":\"Arnor attacked Gondor. Gondor attacked Arnor in a friendly match.\"}\n"
        "{\"id\":\"headline\",\"date\":\"2026-01-08\",\"text\":\"Penalty shootout! Arnor attacked Gondor.\"}\n";
    g_file_set_contents(path, corpus, -1, NULL);
    pb_writer_options w = {PB_OUTPUT_CSV, TRUE, NULL, NULL};
    mem_sink sink = {g_string_new(NULL), 0};
    pb_pipeline_config cfg = {0};
    cfg.dict = d;
    cfg.opt = &d->options;
    cfg.writer = &w;
    cfg.threads = 1;
    cfg.batch_size = 16;
    cfg.write = mem_write;
    cfg.reject = mem_reject;
    cfg.sink = &sink;
    pb_reader_options ro = {0};
    pb_reader *r = pb_reader_open(path, &ro, NULL);
    pb_stats st = {0};
    assert_true(pb_pipeline_run(&cfg, r, &st, NULL));
    pb_reader_close(r);
    assert_null(strstr(sink.out->str, "\"story\""));          /* nothing from the discarded story */
    assert_non_null(strstr(sink.out->str, "\"sentence\",1,")); /* the other story keeps its first sentence */
    assert_null(strstr(sink.out->str, "\"sentence\",2,"));
    assert_null(strstr(sink.out->str, "\"headline\"")); /* a two-word sentence still drops its story */
    assert_int_equal(st.sentences, 6);
    assert_int_equal(st.discarded, 5);
    assert_int_equal(st.events, 1);
    assert_int_equal(st.sentences_with_events, 1);
    g_string_free(sink.out, TRUE);
    unlink(path);
    rmdir(dir);
    g_free(path);
    g_free(dir);
    pb_diags_clear(&diags);
    pb_dict_free(d);
}

static void tables(void **state)
{
    (void)state;
    char *dir = g_dir_make_tmp("polybius-table-XXXXXX", NULL);
    char *path = g_build_filename(dir, "t.csv", NULL);
    g_file_set_contents(path, "\xEF\xBB\xBF" "a,B\n1,\"x,y\"\n2\n", -1, NULL);
    pb_table t;
    assert_true(pb_table_read(path, &t, NULL));
    assert_int_equal(pb_table_column(&t, "b"), 1);
    assert_int_equal(pb_table_column(&t, "a"), 0);
    assert_string_equal(pb_table_get(&t, 0, 1), "x,y");
    assert_string_equal(pb_table_get(&t, 1, 1), "");
    pb_table_clear(&t);
    unlink(path);
    rmdir(dir);
    g_free(path);
    g_free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_rows),
        cmocka_unit_test(kept_columns_and_line_breaks),
        cmocka_unit_test(tsv_and_jsonl_rows),
        cmocka_unit_test(actor_parts),
        cmocka_unit_test(codebook_lookup),
        cmocka_unit_test(shards_are_stable),
        cmocka_unit_test(threads_keep_input_order),
        cmocka_unit_test(story_discards),
        cmocka_unit_test(tables),
    };
    return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
