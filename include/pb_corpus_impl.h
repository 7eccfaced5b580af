/*
 * pb_corpus_impl.h - the reader object shared by the format readers
 * (read_*.c); not part of the embedding API.
 */
#ifndef PB_CORPUS_IMPL_H
#define PB_CORPUS_IMPL_H

#include "pb_corpus.h"

typedef struct pb_reader_ops {
    gboolean (*next)(pb_reader *r, pb_doc *doc, GError **error);
    void (*close)(pb_reader *r);
} pb_reader_ops;

struct pb_reader {
    pb_input_format format;
    pb_reader_options opt;   /* strings owned (copied) */
    gboolean id_named, date_named; /* --id-column / --date-column were given: the header must have them */
    pb_input in;
    char *name;              /* input name for diagnostics */
    long record;             /* records returned so far */
    const pb_reader_ops *ops;
    void *state;             /* format-specific */
    guint64 extra_done, extra_total; /* progress of a directory of files */
};

gboolean pb_read_csv_init(pb_reader *r, GError **error);
gboolean pb_read_jsonl_init(pb_reader *r, GError **error);
gboolean pb_read_tabari_init(pb_reader *r, GError **error);
gboolean pb_read_xml_init(pb_reader *r, GError **error);
gboolean pb_read_text_init(pb_reader *r, const char *path, GError **error);

/* A new document with its bookkeeping filled in. */
void pb_doc_start(pb_reader *r, pb_doc *doc, long line);

#endif
