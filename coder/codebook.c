/*
 * codebook.c - the CAMEO codebook table (pb_codebook.h).
 */
#include "pb_codebook.h"
#include "pb_diag.h"
#include "pb_project.h"

#include <stdlib.h>
#include <string.h>

struct pb_codebook {
    GStringChunk *strings;
    GArray *entries;     /* pb_cameo_code */
    GHashTable *index;   /* code -> index + 1 */
};

pb_codebook *pb_codebook_load(const char *path, GError **error)
{
    char *data = NULL;
    if (!g_file_get_contents(path, &data, NULL, error))
        return NULL;
    pb_codebook *cb = g_new0(pb_codebook, 1);
    cb->strings = g_string_chunk_new(8192);
    cb->entries = g_array_new(FALSE, TRUE, sizeof(pb_cameo_code));
    cb->index = g_hash_table_new(g_str_hash, g_str_equal);
    char **lines = g_strsplit(data, "\n", -1);
    int lineno = 0;
    for (char **l = lines; *l; l++) {
        lineno++;
        g_strchomp(*l);
        if (lineno == 1 || !**l || **l == '#')
            continue;
        char **f = g_strsplit(*l, "\t", -1);
        if (g_strv_length(f) < 4) {
            g_set_error(error, PB_ERROR, PB_ERROR_DICT, "%s:%d: expected code, name, root, quad_class, goldstein",
                        path, lineno);
            g_strfreev(f);
            g_strfreev(lines);
            g_free(data);
            pb_codebook_free(cb);
            return NULL;
        }
        pb_cameo_code c = {0};
        c.code = g_string_chunk_insert_const(cb->strings, f[0]);
        c.name = g_string_chunk_insert_const(cb->strings, f[1]);
        c.root = g_string_chunk_insert_const(cb->strings, f[2]);
        c.quad_class = atoi(f[3]);
        if (f[4] && *f[4]) {
            c.has_goldstein = TRUE;
            c.goldstein = g_ascii_strtod(f[4], NULL);
        }
        g_array_append_val(cb->entries, c);
        g_hash_table_insert(cb->index, (gpointer)c.code, GUINT_TO_POINTER(cb->entries->len));
        g_strfreev(f);
    }
    g_strfreev(lines);
    g_free(data);
    return cb;
}

void pb_codebook_free(pb_codebook *cb)
{
    if (!cb)
        return;
    g_string_chunk_free(cb->strings);
    g_array_unref(cb->entries);
    g_hash_table_unref(cb->index);
    g_free(cb);
}

const pb_cameo_code *pb_codebook_get(const pb_codebook *cb, const char *code)
{
    guint i = GPOINTER_TO_UINT(g_hash_table_lookup(cb->index, code));
    return i ? &g_array_index(cb->entries, pb_cameo_code, i - 1) : NULL;
}

void pb_codebook_describe(const pb_codebook *cb, const char *code, pb_cameo_code *out)
{
    const pb_cameo_code *c = cb ? pb_codebook_get(cb, code) : NULL;
    if (c) {
        *out = *c;
        return;
    }
    memset(out, 0, sizeof *out);
    out->code = code;
    if (code && g_ascii_isdigit(code[0]) && g_ascii_isdigit(code[1])) {
        char root[3] = {code[0], code[1], 0};
        const pb_cameo_code *r = cb ? pb_codebook_get(cb, root) : NULL;
        if (r) {
            out->root = r->root;
            out->quad_class = r->quad_class;
        }
    }
}

const pb_cameo_code *pb_codebook_entries(const pb_codebook *cb, size_t *n)
{
    *n = cb->entries->len;
    return (const pb_cameo_code *)cb->entries->data;
}

char *pb_find_codebook(const char *dir)
{
    char *bundled = pb_bundled_dictionaries();
    const char *dirs[] = {dir, bundled};
    char *found = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(dirs) && !found; i++) {
        if (!dirs[i])
            continue;
        char *p = g_build_filename(dirs[i], "cameo_codebook.tsv", NULL);
        if (g_file_test(p, G_FILE_TEST_EXISTS))
            found = p;
        else
            g_free(p);
    }
    g_free(bundled);
    return found;
}
