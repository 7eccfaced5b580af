/*
 * read_xml.c - PETRARCH XML corpora through GLib's GMarkup (pb_corpus.h).
 *
 *   <Sentences>
 *     <Sentence date="20150101" id="abc12_3" sentence="True">
 *       <Text>...</Text> <Parse>...</Parse> ...
 *     </Sentence>
 *   </Sentences>
 *
 * Only <Sentence> attributes and <Text> are read; other elements are
 * skipped. sentence="True" (any case) marks text that is one sentence
 * already. The file is parsed incrementally, block by block. XML that
 * is not well-formed (an unknown entity, an unclosed tag) ends the input
 * with an error naming the line and column: GMarkup cannot resynchronise
 * after it, and nothing after that point can be read reliably.
 */
#include "pb_corpus_impl.h"
#include "pb_diag.h"

#include <string.h>

typedef struct {
    GMarkupParseContext *ctx;
    GQueue docs;          /* complete pb_doc* */
    pb_doc *cur;          /* inside <Sentence> */
    char *cur_date;
    GString *text;
    gboolean in_text;
    gboolean done;
    GError *pending;      /* a parse error, reported after the queued documents */
    pb_reader *r;
} xml_state;

static void start_element(GMarkupParseContext *ctx, const char *name, const char **attr_names,
                          const char **attr_values, gpointer data, GError **error)
{
    xml_state *st = data;
    if (g_ascii_strcasecmp(name, "Sentence") == 0 || g_ascii_strcasecmp(name, "Story") == 0) {
        int line = 0, col = 0;
        g_markup_parse_context_get_position(ctx, &line, &col);
        if (st->cur) {
            g_set_error(error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                        "Error on line %d char %d: <%s> inside another <%s>", line, col, name, name);
            return;
        }
        pb_doc *doc = g_new0(pb_doc, 1);
        pb_doc_start(st->r, doc, line);
        for (int i = 0; attr_names[i]; i++) {
            if (g_ascii_strcasecmp(attr_names[i], st->r->opt.id_field) == 0) {
                g_free(doc->id); /* attribute names differing only in case */
                doc->id = g_strdup(attr_values[i]);
            } else if (g_ascii_strcasecmp(attr_names[i], st->r->opt.date_field) == 0) {
                g_free(st->cur_date);
                st->cur_date = g_strdup(attr_values[i]);
            }
            else if (g_ascii_strcasecmp(attr_names[i], "sentence") == 0)
                doc->presplit = g_ascii_strcasecmp(attr_values[i], "true") == 0;
        }
        for (char **k = st->r->opt.keep; k && *k; k++) {
            const char *v = "";
            for (int i = 0; attr_names[i]; i++)
                if (g_ascii_strcasecmp(attr_names[i], *k) == 0)
                    v = attr_values[i];
            g_ptr_array_add(doc->keep, g_strdup(v));
        }
        if (!doc->id)
            doc->id = g_strdup_printf("%ld", doc->record);
        st->cur = doc;
        g_string_truncate(st->text, 0);
    } else if (st->cur && g_ascii_strcasecmp(name, st->r->opt.text_field) == 0) {
        st->in_text = TRUE;
    }
}

static void end_element(GMarkupParseContext *ctx, const char *name, gpointer data, GError **error)
{
    (void)ctx;
    (void)error;
    xml_state *st = data;
    if (st->cur && g_ascii_strcasecmp(name, st->r->opt.text_field) == 0) {
        st->in_text = FALSE;
    } else if (st->cur && (g_ascii_strcasecmp(name, "Sentence") == 0 || g_ascii_strcasecmp(name, "Story") == 0)) {
        pb_doc *doc = st->cur;
        doc->text = g_strdup(g_strstrip(st->text->str));
        if (!doc->text[0] && !doc->reject)
            doc->reject = g_strdup_printf("no <%s> in the <Sentence>", st->r->opt.text_field);
        pb_doc_finish(doc, st->cur_date, &st->r->opt);
        g_free(st->cur_date);
        st->cur_date = NULL;
        g_queue_push_tail(&st->docs, doc);
        st->cur = NULL;
    }
}

static void text_cb(GMarkupParseContext *ctx, const char *text, gsize len, gpointer data, GError **error)
{
    (void)ctx;
    (void)error;
    xml_state *st = data;
    if (st->in_text)
        g_string_append_len(st->text, text, (gssize)len);
}

static const GMarkupParser parser = {start_element, end_element, text_cb, NULL, NULL};

static gboolean xml_next(pb_reader *r, pb_doc *doc, GError **error)
{
    xml_state *st = r->state;
    while (g_queue_is_empty(&st->docs) && !st->done) {
        const char *data;
        gssize n = pb_input_block(&r->in, &data, error);
        if (n < 0)
            return FALSE;
        GError *perr = NULL;
        gboolean ok = n == 0 ? g_markup_parse_context_end_parse(st->ctx, &perr)
                             : g_markup_parse_context_parse(st->ctx, data, n, &perr);
        if (!ok) {
            long good = r->record - (st->cur ? 1 : 0);
            g_set_error(&st->pending, PB_ERROR, PB_ERROR_INPUT, "%s: XML error: %s (%ld sentence%s read before it)",
                        r->name, perr->message, good, good == 1 ? "" : "s");
            g_error_free(perr);
            st->done = TRUE;
            break;
        }
        if (n == 0)
            st->done = TRUE;
    }
    pb_doc *next = g_queue_pop_head(&st->docs);
    if (!next) {
        if (st->pending) {
            g_propagate_error(error, st->pending);
            st->pending = NULL;
        }
        return FALSE;
    }
    *doc = *next;
    g_free(next);
    return TRUE;
}

static void xml_close(pb_reader *r)
{
    xml_state *st = r->state;
    if (!st)
        return;
    pb_doc *d;
    while ((d = g_queue_pop_head(&st->docs)) != NULL) {
        pb_doc_clear(d);
        g_free(d);
    }
    if (st->cur) {
        pb_doc_clear(st->cur);
        g_free(st->cur);
    }
    g_free(st->cur_date);
    if (st->pending)
        g_error_free(st->pending);
    g_string_free(st->text, TRUE);
    g_markup_parse_context_free(st->ctx);
    g_free(st);
    r->state = NULL;
}

static const pb_reader_ops xml_ops = {xml_next, xml_close};

gboolean pb_read_xml_init(pb_reader *r, GError **error)
{
    (void)error;
    xml_state *st = g_new0(xml_state, 1);
    st->r = r;
    st->text = g_string_new(NULL);
    g_queue_init(&st->docs);
    st->ctx = g_markup_parse_context_new(&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, st, NULL);
    r->state = st;
    r->ops = &xml_ops;
    return TRUE;
}
