/*
 * read_text.c - plain-text corpora: one document per file, or a
 * directory of *.txt files read in name order (pb_corpus.h).
 *
 * The id is the file name without ".txt"; the date is --date, or a
 * YYYY-MM-DD (or YYYYMMDD) found in the file name.
 */
#include "pb_corpus_impl.h"
#include "pb_diag.h"

#include <string.h>
#include <sys/stat.h>

typedef struct {
    GPtrArray *files;   /* paths; one entry "-" for standard input */
    guint next;
    gboolean use_input; /* a single input already open as r->in */
} text_state;

static int compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A date in a file name: YYYY-MM-DD or 8 digits. */
static pb_date date_in_name(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i + 8 <= n; i++) {
        if (i + 10 <= n) {
            pb_date d = pb_date_parse(name + i, 10);
            if (d)
                return d;
        }
        gboolean digits = TRUE;
        for (size_t k = 0; k < 8 && digits; k++)
            digits = g_ascii_isdigit(name[i + k]);
        if (digits && (i + 8 == n || !g_ascii_isdigit(name[i + 8])) && (i == 0 || !g_ascii_isdigit(name[i - 1]))) {
            pb_date d = pb_date_parse(name + i, 8);
            if (d)
                return d;
        }
    }
    return 0;
}

static gboolean text_next(pb_reader *r, pb_doc *doc, GError **error)
{
    text_state *st = r->state;
    if (st->next >= st->files->len)
        return FALSE;
    const char *path = g_ptr_array_index(st->files, st->next++);
    pb_doc_start(r, doc, 1);
    GString *text = g_string_new(NULL);
    pb_input own, *in = &own;
    GError *local = NULL;
    if (st->use_input) {
        in = &r->in;
    } else if (!pb_input_open(&own, path, &local)) {
        doc->id = g_path_get_basename(path);
        doc->reject = g_strdup(local->message);
        g_error_free(local);
        g_string_free(text, TRUE);
        return TRUE;
    }
    const char *data;
    gssize n;
    while ((n = pb_input_block(in, &data, &local)) > 0)
        g_string_append_len(text, data, n);
    if (!st->use_input) {
        r->extra_done += own.consumed;
        pb_input_close(&own);
    }
    if (n < 0) {
        g_propagate_error(error, local);
        g_string_free(text, TRUE);
        return FALSE;
    }
    char *base = strcmp(path, "-") == 0 ? g_strdup("stdin") : g_path_get_basename(path);
    if (g_str_has_suffix(base, ".txt"))
        base[strlen(base) - 4] = '\0';
    doc->id = base;
    /* a UTF-8 byte order mark is not text */
    if (text->len >= 3 && memcmp(text->str, "\xEF\xBB\xBF", 3) == 0)
        g_string_erase(text, 0, 3);
    const char *nul = memchr(text->str, '\0', text->len);
    if (nul)
        doc->reject = g_strdup_printf("NUL byte in the text at byte %zu", (size_t)(nul - text->str) + 1);
    doc->text = g_string_free(text, FALSE);
    for (char **k = r->opt.keep; k && *k; k++)
        g_ptr_array_add(doc->keep, g_strdup(""));
    doc->date = date_in_name(doc->id);
    pb_doc_finish(doc, NULL, &r->opt);
    return TRUE;
}

static void text_close(pb_reader *r)
{
    text_state *st = r->state;
    if (!st)
        return;
    g_ptr_array_unref(st->files);
    g_free(st);
    r->state = NULL;
}

static const pb_reader_ops text_ops = {text_next, text_close};

gboolean pb_read_text_init(pb_reader *r, const char *path, GError **error)
{
    text_state *st = g_new0(text_state, 1);
    st->files = g_ptr_array_new_with_free_func(g_free);
    r->state = st;
    r->ops = &text_ops;
    if (strcmp(path, "-") != 0 && g_file_test(path, G_FILE_TEST_IS_DIR)) {
        GDir *dir = g_dir_open(path, 0, error);
        if (!dir)
            return FALSE;
        const char *name;
        while ((name = g_dir_read_name(dir)) != NULL) {
            if (!g_str_has_suffix(name, ".txt"))
                continue;
            char *p = g_build_filename(path, name, NULL);
            struct stat sb;
            if (stat(p, &sb) == 0)
                r->extra_total += (guint64)sb.st_size;
            g_ptr_array_add(st->files, p);
        }
        g_dir_close(dir);
        g_ptr_array_sort(st->files, compare_names);
        if (st->files->len == 0) {
            g_set_error(error, PB_ERROR, PB_ERROR_INPUT, "no .txt files in the directory '%s'", path);
            return FALSE;
        }
    } else {
        /* one document: the input opened by pb_reader_open, read whole */
        st->use_input = TRUE;
        g_ptr_array_add(st->files, g_strdup(path));
    }
    return TRUE;
}
