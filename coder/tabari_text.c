/*
 * tabari_text.c - reading TABARI text records (pb_tabari.h), for the
 * validation suite and as a corpus format (pb_corpus.h).
 */
#include "pb_tabari.h"
#include "pb_corpus_impl.h"

#include <ctype.h>
#include <string.h>

void pb_tabari_reader_init(pb_tabari_reader *r, pb_input *in)
{
    memset(r, 0, sizeof *r);
    r->in = in;
    r->line = g_string_new(NULL);
}

void pb_tabari_reader_clear(pb_tabari_reader *r)
{
    if (r->line)
        g_string_free(r->line, TRUE);
    r->line = NULL;
}

void pb_tabari_record_clear(pb_tabari_record *rec)
{
    g_free(rec->date_text);
    g_free(rec->id);
    g_free(rec->text);
    g_free(rec->comment);
    memset(rec, 0, sizeof *rec);
}

static gboolean pb_tabari_line(pb_tabari_reader *r, GError **error)
{
    return pb_input_line(r->in, r->line, error);
}

static gboolean blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return FALSE;
    return TRUE;
}

gboolean pb_tabari_next(pb_tabari_reader *r, pb_tabari_record *rec, GError **error)
{
    memset(rec, 0, sizeof *rec);
    GString *l = r->line;
    /* find a header */
    for (;;) {
        if (!pb_tabari_line(r, error))
            return FALSE;
        const char *s = l->str;
        if (r->in->lineno == 1 && l->len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            g_string_erase(l, 0, 3);
        if (l->len > 0 && isdigit((unsigned char)l->str[0]))
            break;
    }
    const char *s = l->str;
    size_t n = l->len;
    rec->line = (int)r->in->lineno;
    size_t d = 0;
    while (d < n && isdigit((unsigned char)s[d]))
        d++;
    /* A run of exactly 6 digits is YYMMDD and of 8 YYYYMMDD, whatever SET:
     * YYYY says; otherwise TABARI's fixed width applies (6, or 8 with SET:
     * YYYY; "9501201" in its validation suite is 950120). */
    size_t want = r->yyyy ? 8 : 6;
    size_t take = (d == 6 || d == 8) ? d : d >= want ? want : d;
    rec->date_text = g_strndup(s, take);
    rec->date = (take == 6 || take == 8) ? pb_date_parse(s, take) : 0;
    size_t k = take;
    while (k < n && isspace((unsigned char)s[k]))
        k++;
    rec->id = g_strstrip(g_strndup(s + k, n - k));
    GString *text = g_string_new(NULL);
    GString *comment = g_string_new(NULL);
    gboolean in_comment = FALSE, seen_comment = FALSE;
    while (pb_tabari_line(r, error)) {
        s = l->str;
        n = l->len;
        if (blank(s, n))
            break; /* a blank line ends the record, even inside an unclosed comment */
        size_t i = 0;
        if (!in_comment && text->len > 0)
            g_string_append_c(text, ' ');
        while (i < n) {
            if (!in_comment && i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
                in_comment = seen_comment = TRUE;
                i += 2;
                continue;
            }
            if (in_comment && i + 1 < n && s[i] == '*' && s[i + 1] == '/') {
                in_comment = FALSE;
                g_string_append_c(comment, ' ');
                i += 2;
                continue;
            }
            /* TABARI reads verification blocks up to the end of the record,
             * even after a comment closes, so the comment text keeps
             * everything from the first comment on. */
            if (in_comment || seen_comment)
                g_string_append_c(comment, s[i]);
            if (!in_comment)
                g_string_append_c(text, s[i]);
            i++;
        }
        if (seen_comment)
            g_string_append_c(comment, ' ');
    }
    rec->text = g_strstrip(g_string_free(text, FALSE));
    rec->comment = g_string_free(comment, FALSE);
    return error == NULL || *error == NULL;
}

/* ---- as a corpus format ---------------------------------------------------- */

static gboolean tabari_next(pb_reader *r, pb_doc *doc, GError **error)
{
    pb_tabari_reader *tr = r->state;
    pb_tabari_record rec;
    if (!pb_tabari_next(tr, &rec, error))
        return FALSE;
    pb_doc_start(r, doc, rec.line);
    doc->id = rec.id[0] ? g_strdup(rec.id) : g_strdup_printf("%ld", doc->record);
    doc->text = g_strdup(rec.text);
    for (char **k = r->opt.keep; k && *k; k++)
        g_ptr_array_add(doc->keep, g_strdup(""));
    if (!rec.date)
        doc->reject = g_strdup_printf("unreadable date '%s' in the record header (expected YYMMDD or YYYYMMDD)",
                                      rec.date_text);
    else
        doc->date = rec.date;
    pb_doc_finish(doc, NULL, &r->opt);
    pb_tabari_record_clear(&rec);
    return TRUE;
}

static void tabari_close(pb_reader *r)
{
    pb_tabari_reader *tr = r->state;
    if (!tr)
        return;
    pb_tabari_reader_clear(tr);
    g_free(tr);
    r->state = NULL;
}

static const pb_reader_ops tabari_ops = {tabari_next, tabari_close};

gboolean pb_read_tabari_init(pb_reader *r, GError **error)
{
    (void)error;
    pb_tabari_reader *tr = g_new0(pb_tabari_reader, 1);
    pb_tabari_reader_init(tr, &r->in);
    tr->yyyy = r->opt.yyyy;
    r->state = tr;
    r->ops = &tabari_ops;
    return TRUE;
}
