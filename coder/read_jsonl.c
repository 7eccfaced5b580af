/*
 * read_jsonl.c - JSON Lines corpora through jansson (pb_corpus.h).
 *
 * One JSON object per line. Fields are named by --id-field,
 * --date-field, --text-field; a dotted name ("meta.date") reaches into
 * nested objects. Blank lines are skipped; a line that is not a JSON
 * object is a rejected record, and reading goes on.
 */
#include "pb_corpus_impl.h"

#include <jansson.h>
#include <string.h>

typedef struct {
    GString *line;
} jsonl_state;

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: case JSON_REAL: return "a number";
    case JSON_TRUE: case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

/* The value at a dotted path, or NULL. */
static json_t *lookup(json_t *obj, const char *path)
{
    char **parts = g_strsplit(path, ".", -1);
    json_t *v = obj;
    for (char **p = parts; *p && v; p++)
        v = json_is_object(v) ? json_object_get(v, *p) : NULL;
    g_strfreev(parts);
    /* a key that itself contains dots */
    if (!v && strchr(path, '.'))
        v = json_object_get(obj, path);
    return v;
}

/* A scalar as text: strings as they are, numbers written out. */
static char *scalar_text(json_t *v)
{
    if (!v || json_is_null(v))
        return NULL;
    if (json_is_string(v))
        return g_strndup(json_string_value(v), json_string_length(v));
    if (json_is_integer(v))
        return g_strdup_printf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
    char *dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    char *out = g_strdup(dump);
    free(dump);
    return out;
}

static gboolean jsonl_next(pb_reader *r, pb_doc *doc, GError **error)
{
    jsonl_state *st = r->state;
    for (;;) {
        if (!pb_input_line(&r->in, st->line, error))
            return FALSE;
        const char *s = st->line->str;
        size_t n = st->line->len;
        if (r->in.lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            n -= 3;
        }
        gboolean blank = TRUE;
        for (size_t i = 0; i < n && blank; i++)
            blank = g_ascii_isspace(s[i]);
        if (blank)
            continue;
        pb_doc_start(r, doc, r->in.lineno);
        json_error_t jerr;
        json_t *obj = json_loadb(s, n, JSON_REJECT_DUPLICATES, &jerr);
        if (!obj) {
            doc->id = g_strdup_printf("%ld", doc->record);
            doc->reject = g_strdup_printf("broken JSON at column %d: %s", jerr.column, jerr.text);
            return TRUE;
        }
        if (!json_is_object(obj)) {
            doc->id = g_strdup_printf("%ld", doc->record);
            doc->reject = g_strdup_printf("the line is %s, not a JSON object", type_name(obj));
            json_decref(obj);
            return TRUE;
        }
        char *id = scalar_text(lookup(obj, r->opt.id_field));
        doc->id = id && *id ? id : (g_free(id), g_strdup_printf("%ld", doc->record));
        json_t *text = lookup(obj, r->opt.text_field);
        if (text && !json_is_string(text) && !json_is_null(text))
            doc->reject = g_strdup_printf("field '%s' is %s, expected a string", r->opt.text_field, type_name(text));
        else if (text && json_is_string(text))
            doc->text = g_strndup(json_string_value(text), json_string_length(text));
        for (char **k = r->opt.keep; k && *k; k++) {
            char *v = scalar_text(lookup(obj, *k));
            g_ptr_array_add(doc->keep, v ? v : g_strdup(""));
        }
        json_t *date = lookup(obj, r->opt.date_field);
        char *date_text = scalar_text(date);
        if (!text && !doc->reject)
            doc->reject = g_strdup_printf("no '%s' field", r->opt.text_field);
        pb_doc_finish(doc, date_text, &r->opt);
        g_free(date_text);
        json_decref(obj);
        return TRUE;
    }
}

static void jsonl_close(pb_reader *r)
{
    jsonl_state *st = r->state;
    if (!st)
        return;
    g_string_free(st->line, TRUE);
    g_free(st);
    r->state = NULL;
}

static const pb_reader_ops jsonl_ops = {jsonl_next, jsonl_close};

gboolean pb_read_jsonl_init(pb_reader *r, GError **error)
{
    (void)error;
    jsonl_state *st = g_new0(jsonl_state, 1);
    st->line = g_string_sized_new(4096);
    r->state = st;
    r->ops = &jsonl_ops;
    return TRUE;
}
