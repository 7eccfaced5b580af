/*
 * read_csv.c - CSV and TSV corpora through libcsv (pb_corpus.h).
 *
 * The first row is the header; the id, date and text columns are found by
 * name (case-insensitive). The input is fed to libcsv block by block;
 * complete rows are queued and handed out one document at a time.
 * Quoted fields may hold commas, quotes and line breaks; a UTF-8 byte
 * order mark and CRLF line ends are accepted.
 */
#include "pb_corpus_impl.h"
#include "pb_diag.h"

#include <csv.h>
#include <string.h>

typedef struct {
    struct csv_parser p;
    GPtrArray *row;        /* fields of the row being parsed */
    GQueue rows;           /* complete rows (GPtrArray*) */
    GPtrArray *header;
    int id_col, date_col, text_col;
    int file_col;          /* a manifest: the text is in the file this column names */
    char *base_dir;        /* directory of the CSV, for relative file names */
    GArray *keep_cols;     /* int */
    gboolean first_field;  /* BOM check */
    gboolean done;         /* csv_fini called */
    char *fini_error;      /* an unterminated quote at the end */
    char *row_problem;     /* a NUL byte in the row being parsed */
} csv_state;

static void on_field(void *s, size_t len, void *data)
{
    csv_state *st = data;
    const char *f = s ? s : "";
    if (st->first_field && len >= 3 && memcmp(f, "\xEF\xBB\xBF", 3) == 0) {
        f += 3;
        len -= 3;
    }
    st->first_field = FALSE;
    const char *nul = memchr(f, '\0', len);
    if (nul && !st->row_problem)
        st->row_problem = g_strdup_printf("NUL byte in field %u at byte %zu", st->row->len + 1, (size_t)(nul - f) + 1);
    g_ptr_array_add(st->row, g_strndup(f, len));
}

static void on_row(int c, void *data)
{
    (void)c;
    csv_state *st = data;
    /* a problem found while parsing travels with its row as an extra,
     * last element: a string starting with a NUL marker byte */
    if (st->row_problem) {
        g_ptr_array_add(st->row, g_strdup_printf("%c%s", '\x01', st->row_problem));
        g_free(st->row_problem);
        st->row_problem = NULL;
    }
    g_queue_push_tail(&st->rows, st->row);
    st->row = g_ptr_array_new_with_free_func(g_free);
}

/* Feed blocks until a row is queued or the input ends. */
static gboolean fill_rows(pb_reader *r, csv_state *st, GError **error)
{
    while (g_queue_is_empty(&st->rows) && !st->done) {
        const char *data;
        gssize n = pb_input_block(&r->in, &data, error);
        if (n < 0)
            return FALSE;
        if (n == 0) {
            /* libcsv's states: 2 is "inside a field"; with quoted set, the
             * closing quote never came */
            gboolean open_quote = st->p.quoted && st->p.pstate == 2;
            if (csv_fini(&st->p, on_field, on_row, st) != 0 || open_quote)
                st->fini_error = g_strdup("unterminated quoted field (a '\"' is never closed)");
            st->done = TRUE;
            break;
        }
        if (csv_parse(&st->p, data, (size_t)n, on_field, on_row, st) != (size_t)n) {
            g_set_error(error, PB_ERROR, PB_ERROR_INPUT, "%s: CSV error: %s", r->name,
                        csv_strerror(csv_error(&st->p)));
            return FALSE;
        }
    }
    return TRUE;
}

static int find_column(GPtrArray *header, const char *name)
{
    for (guint i = 0; i < header->len; i++)
        if (g_ascii_strcasecmp(g_ptr_array_index(header, i), name) == 0)
            return (int)i;
    return -1;
}

static gboolean read_header(pb_reader *r, csv_state *st, GError **error)
{
    if (!fill_rows(r, st, error))
        return FALSE;
    st->header = g_queue_pop_head(&st->rows);
    if (!st->header) {
        g_set_error(error, PB_ERROR, PB_ERROR_INPUT, "%s: empty input: expected a header row with a '%s' column",
                    r->name, r->opt.text_field);
        return FALSE;
    }
    for (guint i = 0; i < st->header->len; i++) {
        const char *a = g_ptr_array_index(st->header, i);
        for (guint j = i + 1; j < st->header->len; j++)
            if (g_ascii_strcasecmp(a, g_ptr_array_index(st->header, j)) == 0) {
                g_set_error(error, PB_ERROR, PB_ERROR_INPUT, "%s: duplicate column '%s' in the header (columns %u and %u)",
                            r->name, a, i + 1, j + 1);
                return FALSE;
            }
    }
    st->id_col = find_column(st->header, r->opt.id_field);
    st->date_col = find_column(st->header, r->opt.date_field);
    st->text_col = find_column(st->header, r->opt.text_field);
    st->file_col = -1;
    if (st->text_col < 0 && strcmp(r->opt.text_field, "text") == 0)
        st->file_col = find_column(st->header, "file");
    if (st->text_col < 0 && st->file_col < 0) {
        GString *cols = g_string_new(NULL);
        for (guint i = 0; i < st->header->len; i++)
            g_string_append_printf(cols, "%s'%s'", i ? ", " : "", (const char *)g_ptr_array_index(st->header, i));
        g_set_error(error, PB_ERROR, PB_ERROR_INPUT,
                    "%s: no '%s' column in the header (columns: %s); use --text-column, or a 'file' column naming text files",
                    r->name, r->opt.text_field, cols->str);
        g_string_free(cols, TRUE);
        return FALSE;
    }
    /* a column named on the command line must be there (a misspelt
     * --id-column would otherwise number the records silently) */
    const char *missing = st->id_col < 0 && r->id_named ? r->opt.id_field
                        : st->date_col < 0 && r->date_named ? r->opt.date_field : NULL;
    if (missing) {
        g_set_error(error, PB_ERROR, PB_ERROR_INPUT, "%s: --%s-column names '%s', which is not in the header", r->name,
                    missing == r->opt.id_field ? "id" : "date", missing);
        return FALSE;
    }
    st->keep_cols = g_array_new(FALSE, FALSE, sizeof(int));
    for (char **k = r->opt.keep; k && *k; k++) {
        int c = find_column(st->header, *k);
        if (c < 0) {
            g_set_error(error, PB_ERROR, PB_ERROR_INPUT, "%s: --keep-columns names '%s', which is not in the header", r->name, *k);
            return FALSE;
        }
        g_array_append_val(st->keep_cols, c);
    }
    return TRUE;
}

static const char *field(GPtrArray *row, int col)
{
    return col >= 0 && (guint)col < row->len ? g_ptr_array_index(row, col) : NULL;
}

static gboolean csv_next(pb_reader *r, pb_doc *doc, GError **error)
{
    csv_state *st = r->state;
    if (!fill_rows(r, st, error))
        return FALSE;
    GPtrArray *row = g_queue_pop_head(&st->rows);
    if (!row) {
        if (st->fini_error) {
            /* the unterminated last record */
            pb_doc_start(r, doc, 0);
            doc->id = g_strdup_printf("%ld", doc->record);
            doc->reject = st->fini_error;
            st->fini_error = NULL;
            return TRUE;
        }
        return FALSE;
    }
    pb_doc_start(r, doc, 0);
    char *problem = NULL;
    if (row->len > 0 && ((char *)g_ptr_array_index(row, row->len - 1))[0] == '\x01') {
        problem = g_strdup((char *)g_ptr_array_index(row, row->len - 1) + 1);
        g_ptr_array_remove_index(row, row->len - 1);
    }
    const char *id = field(row, st->id_col);
    doc->id = id && *id ? g_strdup(id) : g_strdup_printf("%ld", doc->record);
    if (st->file_col >= 0) {
        const char *f = field(row, st->file_col);
        char *p = f && *f ? (g_path_is_absolute(f) ? g_strdup(f) : g_build_filename(st->base_dir, f, NULL)) : NULL;
        GError *ferr = NULL;
        if (!p)
            doc->reject = g_strdup("empty 'file' field");
        else if (!g_file_get_contents(p, &doc->text, NULL, &ferr)) {
            doc->reject = g_strdup_printf("cannot read the text file: %s", ferr->message);
            g_error_free(ferr);
        }
        g_free(p);
    } else {
        doc->text = g_strdup(field(row, st->text_col));
    }
    for (guint k = 0; k < st->keep_cols->len; k++) {
        const char *v = field(row, g_array_index(st->keep_cols, int, k));
        g_ptr_array_add(doc->keep, g_strdup(v ? v : ""));
    }
    if (problem)
        doc->reject = problem;
    else if (row->len != st->header->len)
        doc->reject = g_strdup_printf("row has %u field%s; the header has %u", row->len, row->len == 1 ? "" : "s",
                                      st->header->len);
    else if (g_queue_is_empty(&st->rows) && st->done && st->fini_error) {
        /* libcsv hands the unterminated record over as a normal row */
        doc->reject = st->fini_error;
        st->fini_error = NULL;
    }
    pb_doc_finish(doc, field(row, st->date_col), &r->opt);
    g_ptr_array_unref(row);
    return TRUE;
}

static void csv_close(pb_reader *r)
{
    csv_state *st = r->state;
    if (!st)
        return;
    csv_free(&st->p);
    if (st->row)
        g_ptr_array_unref(st->row);
    GPtrArray *row;
    while ((row = g_queue_pop_head(&st->rows)) != NULL)
        g_ptr_array_unref(row);
    if (st->header)
        g_ptr_array_unref(st->header);
    if (st->keep_cols)
        g_array_unref(st->keep_cols);
    g_free(st->fini_error);
    g_free(st->row_problem);
    g_free(st->base_dir);
    g_free(st);
    r->state = NULL;
}

static const pb_reader_ops csv_ops = {csv_next, csv_close};

gboolean pb_read_csv_init(pb_reader *r, GError **error)
{
    csv_state *st = g_new0(csv_state, 1);
    r->state = st;
    r->ops = &csv_ops;
    if (csv_init(&st->p, CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot start the CSV parser");
        return FALSE;
    }
    if (r->format == PB_FMT_TSV)
        csv_set_delim(&st->p, '\t');
    st->row = g_ptr_array_new_with_free_func(g_free);
    st->first_field = TRUE;
    st->base_dir = strcmp(r->name, "<stdin>") == 0 ? g_get_current_dir() : g_path_get_dirname(r->name);
    g_queue_init(&st->rows);
    return read_header(r, st, error);
}
