/*
 * corpus_input.c - buffered input, format detection and the reader
 * dispatch shared by every corpus format (pb_corpus.h).
 */
#include "pb_corpus_impl.h"
#include "pb_diag.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLOCK (1u << 20)

/* ---- documents ---------------------------------------------------------- */

void pb_doc_clear(pb_doc *doc)
{
    g_free(doc->id);
    g_free(doc->text);
    g_free(doc->reject);
    if (doc->keep)
        g_ptr_array_unref(doc->keep);
    memset(doc, 0, sizeof *doc);
}

void pb_doc_start(pb_reader *r, pb_doc *doc, long line)
{
    memset(doc, 0, sizeof *doc);
    doc->source = r->name;
    doc->record = ++r->record;
    doc->line = line;
    doc->keep = g_ptr_array_new_with_free_func(g_free);
}

char *pb_text_problem(const char *text, size_t len)
{
    if (!text || len == 0)
        return g_strdup("no text");
    const char *nul = memchr(text, '\0', len);
    if (nul)
        return g_strdup_printf("NUL byte in the text at byte %zu", (size_t)(nul - text) + 1);
    const char *end = NULL;
    if (!g_utf8_validate(text, (gssize)len, &end))
        return g_strdup_printf("invalid UTF-8 in the text at byte %zu (convert the input to UTF-8, e.g. with iconv)",
                               (size_t)(end - text) + 1);
    gboolean blank = TRUE;
    for (size_t i = 0; i < len && blank; i++)
        blank = g_ascii_isspace(text[i]);
    if (blank)
        return g_strdup("the text is empty");
    return NULL;
}

void pb_doc_finish(pb_doc *doc, const char *date_text, const pb_reader_options *opt)
{
    if (doc->reject) {
        /* rejected already: keep the date for the record, if it reads */
        if (date_text && !doc->date)
            doc->date = pb_date_parse_str(date_text);
        return;
    }
    if (date_text && *date_text && strspn(date_text, " \t\r\n") < strlen(date_text)) { /* blanks: no date */
        char *t = g_strstrip(g_strdup(date_text));
        doc->date = pb_date_parse_str(t);
        if (!doc->date && strlen(t) > 10) {
            /* "2026-01-08T10:00:00Z" and similar: the date part */
            doc->date = pb_date_parse(t, 10);
        }
        if (!doc->date) {
            /* --date is for records without a date, not for wrong ones */
            doc->reject = g_strdup_printf("unreadable date '%s' (expected YYYY-MM-DD, YYYYMMDD or YYMMDD)", t);
            g_free(t);
            return;
        }
        g_free(t);
    }
    if (!doc->date)
        doc->date = opt->default_date;
    if (!doc->date) {
        doc->reject = g_strdup("no date (give one per record or use --date)");
        return;
    }
    doc->reject = pb_text_problem(doc->text, doc->text ? strlen(doc->text) : 0);
}

/* ---- buffered input ------------------------------------------------------- */

gboolean pb_input_open(pb_input *in, const char *path, GError **error)
{
    memset(in, 0, sizeof *in);
    if (strcmp(path, "-") == 0) {
        in->fd = 0;
        in->name = g_strdup("<stdin>");
    } else {
        in->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (in->fd < 0) {
            g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot open '%s': %s", path, g_strerror(errno));
            return FALSE;
        }
        in->own_fd = TRUE;
        in->name = g_strdup(path);
    }
    struct stat st;
    if (fstat(in->fd, &st) == 0 && S_ISREG(st.st_mode))
        in->size = (guint64)st.st_size;
    else if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "'%s' is a directory", path);
        pb_input_close(in);
        return FALSE;
    }
    in->cap = BLOCK;
    in->buf = g_malloc(in->cap);
    return TRUE;
}

void pb_input_close(pb_input *in)
{
    if (in->own_fd && in->fd >= 0)
        close(in->fd);
    g_free(in->buf);
    g_free(in->name);
    memset(in, 0, sizeof *in);
    in->fd = -1;
}

/* Read more bytes after end; compacts the buffer and grows it when full. */
static gssize fill(pb_input *in, GError **error)
{
    if (in->eof)
        return 0;
    if (in->start > 0 && in->start == in->end) {
        in->start = in->end = 0;
    } else if (in->start > in->cap / 2) {
        memmove(in->buf, in->buf + in->start, in->end - in->start);
        in->end -= in->start;
        in->start = 0;
    }
    if (in->end == in->cap) {
        in->cap *= 2;
        in->buf = g_realloc(in->buf, in->cap);
    }
    for (;;) {
        ssize_t n = read(in->fd, in->buf + in->end, in->cap - in->end);
        if (n < 0 && errno == EINTR && in->stop && *in->stop) {
            /* SIGINT/SIGTERM while waiting for input (an idle pipe) */
            g_set_error(error, PB_ERROR, PB_ERROR_INTERRUPTED, "reading '%s' interrupted", in->name);
            return -1;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot read '%s': %s", in->name, g_strerror(errno));
            return -1;
        }
        if (n == 0)
            in->eof = TRUE;
        in->end += (size_t)n;
        return n;
    }
}

gboolean pb_input_line(pb_input *in, GString *line, GError **error)
{
    g_string_truncate(line, 0);
    for (;;) {
        char *nl = memchr(in->buf + in->start, '\n', in->end - in->start);
        if (nl) {
            size_t n = (size_t)(nl - (in->buf + in->start));
            g_string_append_len(line, in->buf + in->start, (gssize)n);
            in->start += n + 1;
            in->consumed += n + 1;
            break;
        }
        /* no newline: move what we have into the line and read more */
        size_t n = in->end - in->start;
        g_string_append_len(line, in->buf + in->start, (gssize)n);
        in->start = in->end;
        in->consumed += n;
        gssize got = fill(in, error);
        if (got < 0)
            return FALSE;
        if (got == 0) {
            if (line->len == 0)
                return FALSE;
            break;
        }
    }
    if (line->len > 0 && line->str[line->len - 1] == '\r')
        g_string_truncate(line, line->len - 1);
    in->lineno++;
    return TRUE;
}

gssize pb_input_block(pb_input *in, const char **data, GError **error)
{
    if (in->start == in->end) {
        gssize got = fill(in, error);
        if (got <= 0)
            return got;
    }
    *data = in->buf + in->start;
    gssize n = (gssize)(in->end - in->start);
    in->consumed += (guint64)n;
    in->start = in->end;
    return n;
}

size_t pb_input_peek(pb_input *in, size_t n, const char **data, GError **error)
{
    while (in->end - in->start < n && !in->eof)
        if (fill(in, error) < 0)
            break;
    *data = in->buf + in->start;
    return MIN(n, in->end - in->start);
}

/* ---- formats ------------------------------------------------------------------ */

const char *pb_format_name(pb_input_format f)
{
    switch (f) {
    case PB_FMT_TEXT: return "text";
    case PB_FMT_CSV: return "csv";
    case PB_FMT_TSV: return "tsv";
    case PB_FMT_JSONL: return "jsonl";
    case PB_FMT_TABARI: return "tabari";
    case PB_FMT_XML: return "xml";
    default: return "auto";
    }
}

pb_input_format pb_format_from_name(const char *name)
{
    static const struct { const char *n; pb_input_format f; } names[] = {
        {"text", PB_FMT_TEXT}, {"txt", PB_FMT_TEXT}, {"csv", PB_FMT_CSV}, {"tsv", PB_FMT_TSV},
        {"jsonl", PB_FMT_JSONL}, {"ndjson", PB_FMT_JSONL}, {"json", PB_FMT_JSONL}, {"tabari", PB_FMT_TABARI},
        {"xml", PB_FMT_XML}, {"petrarch", PB_FMT_XML}, {"auto", PB_FMT_AUTO},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        if (g_ascii_strcasecmp(name, names[i].n) == 0)
            return names[i].f;
    return (pb_input_format)-1;
}

static pb_input_format from_extension(const char *path)
{
    char *low = g_ascii_strdown(path, -1);
    pb_input_format f = PB_FMT_AUTO;
    if (g_str_has_suffix(low, ".csv"))
        f = PB_FMT_CSV;
    else if (g_str_has_suffix(low, ".tsv") || g_str_has_suffix(low, ".tab"))
        f = PB_FMT_TSV;
    else if (g_str_has_suffix(low, ".jsonl") || g_str_has_suffix(low, ".ndjson") || g_str_has_suffix(low, ".json"))
        f = PB_FMT_JSONL;
    else if (g_str_has_suffix(low, ".xml"))
        f = PB_FMT_XML;
    else if (g_str_has_suffix(low, ".txt"))
        f = PB_FMT_TEXT;
    g_free(low);
    return f;
}

/* Does the first line, split at sep, have a field named like the text
 * column (quotes and blanks around it ignored)? */
static gboolean header_names(const char *line, size_t len, char sep, const char *text_field)
{
    size_t want = strlen(text_field);
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != sep)
            continue;
        const char *f = line + start;
        size_t n = i - start;
        while (n && (g_ascii_isspace(*f) || *f == '"')) {
            f++;
            n--;
        }
        while (n && (g_ascii_isspace(f[n - 1]) || f[n - 1] == '"' || f[n - 1] == '\r'))
            n--;
        if (n == want && g_ascii_strncasecmp(f, text_field, n) == 0)
            return TRUE;
        start = i + 1;
    }
    return FALSE;
}

/* The format of unnamed input (stdin, a file without a known extension)
 * from its first bytes: '{' JSON Lines, '<' XML, 6 or 8 digits and an id
 * TABARI records, a header naming the text column CSV or TSV ("On Monday,
 * Russia said ..." is not one), anything else one text document. */
static pb_input_format from_content(pb_input *in, const char *text_field, GError **error)
{
    const char *d;
    size_t n = pb_input_peek(in, 4096, &d, error);
    size_t i = 0;
    if (n >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && g_ascii_isspace(d[i]))
        i++;
    if (i >= n)
        return PB_FMT_TEXT;
    if (d[i] == '{')
        return PB_FMT_JSONL;
    if (d[i] == '<')
        return PB_FMT_XML;
    size_t digits = 0;
    while (i + digits < n && g_ascii_isdigit(d[i + digits]))
        digits++;
    if ((digits == 6 || digits == 8) && i + digits < n && (d[i + digits] == ' ' || d[i + digits] == '\t'))
        return PB_FMT_TABARI;
    const char *nl = memchr(d + i, '\n', n - i);
    size_t line = nl ? (size_t)(nl - (d + i)) : n - i;
    /* with the default text column, a 'file' column (a list of text
     * files) makes a header too, as in read_csv.c */
    const char *alt = strcmp(text_field, "text") == 0 ? "file" : text_field;
    if (line < 4000 && (header_names(d + i, line, '\t', text_field) || header_names(d + i, line, '\t', alt)))
        return PB_FMT_TSV;
    if (line < 4000 && (header_names(d + i, line, ',', text_field) || header_names(d + i, line, ',', alt)))
        return PB_FMT_CSV;
    return PB_FMT_TEXT;
}

pb_reader *pb_reader_open(const char *path, const pb_reader_options *opt, GError **error)
{
    pb_reader *r = g_new0(pb_reader, 1);
    r->opt = *opt;
    r->id_named = opt->id_field != NULL;
    r->date_named = opt->date_field != NULL;
    r->opt.id_field = g_strdup(opt->id_field ? opt->id_field : "id");
    r->opt.date_field = g_strdup(opt->date_field ? opt->date_field : "date");
    r->opt.text_field = g_strdup(opt->text_field ? opt->text_field : "text");
    r->opt.keep = g_strdupv(opt->keep);
    r->name = g_strdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
    r->in.fd = -1;
    gboolean ok;
    if (strcmp(path, "-") != 0 && g_file_test(path, G_FILE_TEST_IS_DIR)) {
        r->format = PB_FMT_TEXT;
        ok = pb_read_text_init(r, path, error);
    } else {
        r->format = opt->format != PB_FMT_AUTO ? opt->format : from_extension(path);
        ok = pb_input_open(&r->in, path, error);
        r->in.stop = opt->stop;
        if (ok && r->format == PB_FMT_AUTO)
            r->format = from_content(&r->in, r->opt.text_field, error);
        if (ok) {
            switch (r->format) {
            case PB_FMT_CSV: case PB_FMT_TSV: ok = pb_read_csv_init(r, error); break;
            case PB_FMT_JSONL: ok = pb_read_jsonl_init(r, error); break;
            case PB_FMT_TABARI: ok = pb_read_tabari_init(r, error); break;
            case PB_FMT_XML: ok = pb_read_xml_init(r, error); break;
            default: ok = pb_read_text_init(r, path, error); break;
            }
        }
    }
    if (!ok) {
        pb_reader_close(r);
        return NULL;
    }
    return r;
}

gboolean pb_reader_next(pb_reader *r, pb_doc *doc, GError **error)
{
    return r->ops->next(r, doc, error);
}

pb_input_format pb_reader_format(const pb_reader *r)
{
    return r->format;
}

void pb_reader_progress(const pb_reader *r, guint64 *done, guint64 *total)
{
    *done = r->in.consumed + r->extra_done;
    *total = r->in.size + r->extra_total;
}

void pb_reader_close(pb_reader *r)
{
    if (!r)
        return;
    if (r->ops && r->ops->close)
        r->ops->close(r);
    if (r->in.buf || r->in.fd >= 0)
        pb_input_close(&r->in);
    g_free((char *)r->opt.id_field);
    g_free((char *)r->opt.date_field);
    g_free((char *)r->opt.text_field);
    g_strfreev(r->opt.keep);
    g_free(r->name);
    g_free(r);
}
