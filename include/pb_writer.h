/*
 * pb_writer.h - the event dataset: CSV (RFC 4180, through libcsv), TSV
 * and JSON Lines (through jansson), with the columns documented in
 * docs/output.md.
 *
 * Rows are formatted into a caller's buffer, so that worker threads can
 * format their batch and the writer thread only copies bytes, in order.
 */
#ifndef PB_WRITER_H
#define PB_WRITER_H

#include <glib.h>

#include "pb_codebook.h"
#include "pb_coder.h"

typedef enum { PB_OUTPUT_CSV = 0, PB_OUTPUT_TSV, PB_OUTPUT_JSONL } pb_output_format;

typedef struct {
    pb_output_format format;
    gboolean text;              /* include the sentence text */
    char **keep;                /* extra columns, NULL-terminated or NULL */
    const pb_codebook *codebook;
} pb_writer_options;

typedef struct {
    const char *doc_id;
    int sentence;               /* 1-based within the document */
    const char *text;           /* the sentence */
    size_t text_len;
    GPtrArray *keep;            /* values of the extra columns */
} pb_row_context;

void pb_write_header(const pb_writer_options *w, GString *out);
/* Append s as one CSV field (quoted, quotes doubled; nothing for NULL or ""). */
void pb_csv_append(GString *g, const char *s);
/* Is name one of the event columns? A kept column of that name is
 * written as "input_NAME". */
gboolean pb_is_output_column(const char *name);
void pb_write_events(const pb_writer_options *w, const pb_row_context *row, const pb_event *events, size_t n,
                     GString *out);

/* The country part and the role of an actor code (CAMEO conventions:
 * the first three letters; the first role segment after them). Empty
 * strings when there is none. */
void pb_actor_parts(const char *code, char country[4], char role[4]);

#endif
