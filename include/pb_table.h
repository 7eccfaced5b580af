/*
 * pb_table.h - reading a whole CSV file into memory as a table of strings
 * (libcsv), for the small files of eval and aggregate: a gold standard,
 * an event file. Columns are found by header name.
 */
#ifndef PB_TABLE_H
#define PB_TABLE_H

#include <glib.h>

typedef struct {
    GPtrArray *header;  /* char* */
    GPtrArray *rows;    /* GPtrArray* of char* */
} pb_table;

gboolean pb_table_read(const char *path, pb_table *t, GError **error);
void pb_table_clear(pb_table *t);
/* Column index by name (case-insensitive), or -1. */
int pb_table_column(const pb_table *t, const char *name);
/* Field of row r, column c; "" when the row is short or c < 0. */
const char *pb_table_get(const pb_table *t, guint r, int c);

#endif
