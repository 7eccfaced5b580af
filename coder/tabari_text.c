/*
 * tabari_text.c - reading TABARI text records (pb_tabari.h).
 */
#include "pb_tabari.h"

#include <ctype.h>
#include <string.h>

void pb_tabari_reader_init(pb_tabari_reader *r, const char *data, size_t len)
{
    memset(r, 0, sizeof *r);
    r->data = data;
    r->len = len;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        r->pos = 3;
}

void pb_tabari_record_clear(pb_tabari_record *rec)
{
    g_free(rec->date_text);
    g_free(rec->id);
    g_free(rec->text);
    g_free(rec->comment);
    memset(rec, 0, sizeof *rec);
}

/* The next line as [*s, *s + *n), without its end of line. */
static gboolean next_line(pb_tabari_reader *r, const char **s, size_t *n)
{
    if (r->pos >= r->len)
        return FALSE;
    const char *p = r->data + r->pos;
    const char *nl = memchr(p, '\n', r->len - r->pos);
    size_t len = nl ? (size_t)(nl - p) : r->len - r->pos;
    r->pos += len + (nl ? 1 : 0);
    r->lineno++;
    if (len > 0 && p[len - 1] == '\r')
        len--;
    *s = p;
    *n = len;
    return TRUE;
}

static gboolean blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return FALSE;
    return TRUE;
}

gboolean pb_tabari_next(pb_tabari_reader *r, pb_tabari_record *rec)
{
    memset(rec, 0, sizeof *rec);
    const char *s;
    size_t n;
    /* find a header */
    for (;;) {
        if (!next_line(r, &s, &n))
            return FALSE;
        if (n > 0 && isdigit((unsigned char)s[0]))
            break;
    }
    rec->line = r->lineno;
    size_t d = 0;
    while (d < n && isdigit((unsigned char)s[d]))
        d++;
    size_t want = r->yyyy ? 8 : 6;
    size_t take = d >= want ? want : d;
    rec->date_text = g_strndup(s, take);
    rec->date = take == want ? pb_date_parse(s, take) : 0;
    size_t k = take;
    while (k < n && isspace((unsigned char)s[k]))
        k++;
    rec->id = g_strstrip(g_strndup(s + k, n - k));
    GString *text = g_string_new(NULL);
    GString *comment = g_string_new(NULL);
    gboolean in_comment = FALSE, seen_comment = FALSE;
    while (next_line(r, &s, &n)) {
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
    return TRUE;
}
