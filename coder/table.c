/*
 * table.c - whole-file CSV tables through libcsv (pb_table.h).
 */
#include "pb_table.h"
#include "pb_diag.h"

#include <csv.h>
#include <string.h>

typedef struct {
    pb_table *t;
    GPtrArray *row;
    gboolean first;
} table_builder;

static void on_field(void *s, size_t len, void *data)
{
    table_builder *b = data;
    const char *f = s ? s : "";
    if (b->first && len >= 3 && memcmp(f, "\xEF\xBB\xBF", 3) == 0) {
        f += 3;
        len -= 3;
    }
    b->first = FALSE;
    g_ptr_array_add(b->row, g_strndup(f, len));
}

static void on_row(int c, void *data)
{
    (void)c;
    table_builder *b = data;
    if (!b->t->header)
        b->t->header = b->row;
    else
        g_ptr_array_add(b->t->rows, b->row);
    b->row = g_ptr_array_new_with_free_func(g_free);
}

gboolean pb_table_read(const char *path, pb_table *t, GError **error)
{
    memset(t, 0, sizeof *t);
    char *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &data, &len, error))
        return FALSE;
    t->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    struct csv_parser p;
    csv_init(&p, CSV_STRICT_FINI | CSV_APPEND_NULL);
    if (g_str_has_suffix(path, ".tsv"))
        csv_set_delim(&p, '\t');
    table_builder b = {t, g_ptr_array_new_with_free_func(g_free), TRUE};
    gboolean ok = csv_parse(&p, data, len, on_field, on_row, &b) == len &&
                  csv_fini(&p, on_field, on_row, &b) == 0;
    if (!ok)
        g_set_error(error, PB_ERROR, PB_ERROR_INPUT, "%s: CSV error: %s", path, csv_strerror(csv_error(&p)));
    csv_free(&p);
    g_ptr_array_unref(b.row);
    g_free(data);
    if (ok && !t->header) {
        g_set_error(error, PB_ERROR, PB_ERROR_INPUT, "%s: empty file: expected a header row", path);
        ok = FALSE;
    }
    if (!ok)
        pb_table_clear(t);
    return ok;
}

void pb_table_clear(pb_table *t)
{
    if (t->header)
        g_ptr_array_unref(t->header);
    if (t->rows)
        g_ptr_array_unref(t->rows);
    memset(t, 0, sizeof *t);
}

int pb_table_column(const pb_table *t, const char *name)
{
    for (guint i = 0; i < t->header->len; i++)
        if (g_ascii_strcasecmp(g_ptr_array_index(t->header, i), name) == 0)
            return (int)i;
    return -1;
}

const char *pb_table_get(const pb_table *t, guint r, int c)
{
    GPtrArray *row = g_ptr_array_index(t->rows, r);
    return c >= 0 && (guint)c < row->len ? g_ptr_array_index(row, c) : "";
}
