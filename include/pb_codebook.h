/*
 * pb_codebook.h - the CAMEO event codebook: name, root, quad class and
 * Goldstein score of every event code, read from dictionaries/
 * cameo_codebook.tsv (code, name, root, quad_class, goldstein).
 *
 * Codes that are not in the codebook (a dictionary's own codes) still get
 * a root (their first two digits) and that root's quad class; their name
 * and Goldstein score are missing.
 */
#ifndef PB_CODEBOOK_H
#define PB_CODEBOOK_H

#include <glib.h>

typedef struct {
    const char *code;
    const char *name;
    const char *root;       /* "01" .. "20" */
    int quad_class;         /* 1-4, 0 unknown */
    gboolean has_goldstein;
    double goldstein;
} pb_cameo_code;

typedef struct pb_codebook pb_codebook;

pb_codebook *pb_codebook_load(const char *path, GError **error);
void pb_codebook_free(pb_codebook *cb);
/* The entry for code, or NULL. */
const pb_cameo_code *pb_codebook_get(const pb_codebook *cb, const char *code);
/* Root, quad class and Goldstein for any code (see above); out->name may
 * be NULL. */
void pb_codebook_describe(const pb_codebook *cb, const char *code, pb_cameo_code *out);
/* The codebook to use: DIR/cameo_codebook.tsv when dir has one, else the
 * bundled dictionaries' (new string, or NULL when there is none). */
char *pb_find_codebook(const char *dir);

/* All entries in file order. */
const pb_cameo_code *pb_codebook_entries(const pb_codebook *cb, size_t *n);

#endif
