/*
 * writer.c - formatting event rows as CSV, TSV or JSON Lines (pb_writer.h).
 *
 * CSV: every text field quoted (libcsv's csv_write doubles embedded
 * quotes), numbers bare, a missing value an empty field, '\n' line ends,
 * so that R and pandas read codes such as "036" as text and empty fields
 * as NA. TSV: no quoting; tabs and line breaks inside fields become
 * blanks. JSON Lines: one object per event, null for a missing value.
 */
#include "pb_writer.h"

#include <csv.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {
    "doc_id", "sentence", "date", "source", "source_country", "source_role", "target", "target_country",
    "target_role", "code", "root_code", "quad_class", "goldstein", "source_text", "verb_text", "target_text",
    "pattern", "issues",
};
enum { COL_SENTENCE = 1, COL_QUAD = 11, COL_GOLDSTEIN = 12 };

gboolean pb_is_output_column(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(columns); i++)
        if (strcmp(columns[i], name) == 0)
            return TRUE;
    return strcmp(name, "text") == 0;
}

/* Role segments, in CAMEO's order of precedence: primary roles first. */
static const char *const roles[] = {
    "GOV", "MIL", "REB", "OPP", "COP", "JUD", "SPY", "INS", "SEP", "UAF", "PTY", "LEG", "ELI", "MED",
    "EDU", "BUS", "CRM", "CVL", "LAB", "REF", "HRI", "HLH", "AGR", "DEV", "ENV", "MOD", "RAD",
};

void pb_actor_parts(const char *code, char country[4], char role[4])
{
    country[0] = role[0] = '\0';
    if (!code || strlen(code) < 3 || code[0] == '~')
        return;
    memcpy(country, code, 3);
    country[3] = '\0';
    size_t n = strlen(code);
    for (size_t i = 3; i + 3 <= n; i += 3)
        for (size_t r = 0; r < G_N_ELEMENTS(roles); r++)
            if (memcmp(code + i, roles[r], 3) == 0) {
                memcpy(role, roles[r], 3);
                role[3] = '\0';
                return;
            }
}

/* ---- field output ------------------------------------------------------ */

typedef struct {
    const pb_writer_options *w;
    GString *out;
    json_t *obj;        /* JSON Lines */
    int col;            /* columns written on this row */
    char *scratch;
    size_t scratch_size;
} row_writer;

static void sep(row_writer *rw)
{
    if (rw->col++ > 0 && rw->w->format != PB_OUTPUT_JSONL)
        g_string_append_c(rw->out, rw->w->format == PB_OUTPUT_TSV ? '\t' : ',');
}

static void put_text(row_writer *rw, const char *name, const char *s, size_t n)
{
    /* one event, one line: line breaks inside a value (a sentence laid out
     * over lines, a multi-line metadata field) become blanks */
    if (s && n && (memchr(s, '\n', n) || memchr(s, '\r', n))) {
        char *flat = g_strndup(s, n);
        for (char *c = flat; *c; c++)
            if (*c == '\n' || *c == '\r')
                *c = ' ';
        put_text(rw, name, flat, n);
        g_free(flat);
        return;
    }
    sep(rw);
    if (rw->w->format == PB_OUTPUT_JSONL) {
        json_object_set_new(rw->obj, name, s && n ? json_stringn(s, n) : json_null());
        return;
    }
    if (!s || n == 0)
        return;
    if (rw->w->format == PB_OUTPUT_TSV) {
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            g_string_append_c(rw->out, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
        }
        return;
    }
    size_t need = csv_write(NULL, 0, s, n);
    if (need > rw->scratch_size) {
        rw->scratch_size = need * 2;
        rw->scratch = g_realloc(rw->scratch, rw->scratch_size);
    }
    csv_write(rw->scratch, rw->scratch_size, s, n);
    g_string_append_len(rw->out, rw->scratch, (gssize)need);
}

static void put_str(row_writer *rw, const char *name, const char *s)
{
    put_text(rw, name, s, s ? strlen(s) : 0);
}

static void put_int(row_writer *rw, const char *name, int v, gboolean present)
{
    sep(rw);
    if (rw->w->format == PB_OUTPUT_JSONL)
        json_object_set_new(rw->obj, name, present ? json_integer(v) : json_null());
    else if (present)
        g_string_append_printf(rw->out, "%d", v);
}

static void put_real(row_writer *rw, const char *name, double v, gboolean present)
{
    sep(rw);
    if (rw->w->format == PB_OUTPUT_JSONL) {
        json_object_set_new(rw->obj, name, present ? json_real(v) : json_null());
    } else if (present) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_ascii_formatd(buf, sizeof buf, "%.1f", v);
        g_string_append(rw->out, buf);
    }
}

/* A kept corpus column keeps its name unless an event column has it
 * ("source" is often the news outlet): then it is written "input_source". */
static const char *keep_name(const char *k, char *buf, size_t size)
{
    if (!pb_is_output_column(k))
        return k;
    g_snprintf(buf, size, "input_%s", k);
    return buf;
}

void pb_write_header(const pb_writer_options *w, GString *out)
{
    if (w->format == PB_OUTPUT_JSONL)
        return;
    const char *sepc = w->format == PB_OUTPUT_TSV ? "\t" : ",";
    for (size_t i = 0; i < G_N_ELEMENTS(columns); i++)
        g_string_append_printf(out, "%s%s", i ? sepc : "", columns[i]);
    if (w->text)
        g_string_append_printf(out, "%stext", sepc);
    for (char **k = w->keep; k && *k; k++) {
        char name[128];
        g_string_append_printf(out, "%s%s", sepc, keep_name(*k, name, sizeof name));
    }
    g_string_append_c(out, '\n');
}

void pb_write_events(const pb_writer_options *w, const pb_row_context *row, const pb_event *events, size_t n,
                     GString *out)
{
    row_writer rw = {0};
    rw.w = w;
    rw.out = out;
    for (size_t i = 0; i < n; i++) {
        const pb_event *e = &events[i];
        rw.col = 0;
        if (w->format == PB_OUTPUT_JSONL)
            rw.obj = json_object();
        char date[11];
        pb_date_format(e->date, date);
        char sc[4], sr[4], tc[4], tr[4];
        pb_actor_parts(e->source, sc, sr);
        pb_actor_parts(e->target, tc, tr);
        pb_cameo_code cc;
        pb_codebook_describe(w->codebook, e->code, &cc);
        put_str(&rw, "doc_id", row->doc_id);
        put_int(&rw, "sentence", row->sentence, TRUE);
        put_str(&rw, "date", date);
        put_str(&rw, "source", e->source);
        put_str(&rw, "source_country", sc);
        put_str(&rw, "source_role", sr);
        put_str(&rw, "target", e->target);
        put_str(&rw, "target_country", tc);
        put_str(&rw, "target_role", tr);
        put_str(&rw, "code", e->code);
        put_str(&rw, "root_code", cc.root);
        put_int(&rw, "quad_class", cc.quad_class, cc.quad_class > 0);
        put_real(&rw, "goldstein", cc.goldstein, cc.has_goldstein);
        put_text(&rw, "source_text", e->source_start >= 0 ? row->text + e->source_start : NULL,
                 e->source_start >= 0 ? (size_t)(e->source_end - e->source_start) : 0);
        put_text(&rw, "verb_text", e->verb_start >= 0 ? row->text + e->verb_start : NULL,
                 e->verb_start >= 0 ? (size_t)(e->verb_end - e->verb_start) : 0);
        put_text(&rw, "target_text", e->target_start >= 0 ? row->text + e->target_start : NULL,
                 e->target_start >= 0 ? (size_t)(e->target_end - e->target_start) : 0);
        put_str(&rw, "pattern", e->pattern_ref);
        put_str(&rw, "issues", e->issues);
        if (w->text)
            put_text(&rw, "text", row->text, row->text_len);
        for (guint k = 0; w->keep && w->keep[k]; k++) {
            char name[128];
            put_str(&rw, keep_name(w->keep[k], name, sizeof name),
                    row->keep && k < row->keep->len ? g_ptr_array_index(row->keep, k) : NULL);
        }
        if (w->format == PB_OUTPUT_JSONL) {
            char *s = json_dumps(rw.obj, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
            g_string_append(out, s);
            free(s);
            json_decref(rw.obj);
        }
        g_string_append_c(out, '\n');
    }
    g_free(rw.scratch);
}

void pb_csv_append(GString *g, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0)
        return;
    size_t need = csv_write(NULL, 0, s, n);
    gsize at = g->len;
    g_string_set_size(g, at + need);
    csv_write(g->str + at, need, s, n);
}
