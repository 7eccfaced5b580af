/*
 * pb_pipeline.h - coding a stream of documents with worker threads, output
 * in input order.
 *
 * The reader hands out documents; the pipeline groups them in batches and
 * gives each batch to the next free worker thread, which owns a pb_coder
 * (its arena) and formats the batch's rows into a buffer. The calling
 * thread writes finished batches strictly in input order, so the output is
 * byte-identical whatever the number of threads. At most a few batches per
 * thread are in flight, so memory is bounded by the batch size, not by the
 * corpus. Rejected records go to the reject sink as they are read.
 */
#ifndef PB_PIPELINE_H
#define PB_PIPELINE_H

#include <signal.h>

#include "pb_corpus.h"
#include "pb_dict.h"
#include "pb_writer.h"

typedef struct {
    guint64 docs;          /* read from the inputs */
    guint64 coded;         /* coded (not rejected, not another shard's) */
    guint64 rejected;
    guint64 other_shard;   /* skipped by --shard */
    guint64 sentences;
    guint64 sentences_with_events;
    guint64 events;
    guint64 too_short, discarded, complex;
    guint64 text_bytes;    /* bytes of text coded */
} pb_stats;

typedef struct {
    const pb_dict *dict;
    const pb_options *opt;
    const pb_writer_options *writer;
    int threads;           /* >= 1 */
    int batch_size;        /* documents per batch */
    guint shard_index;     /* 1-based; 0 = no sharding */
    guint shard_count;
    /* sinks, called from the calling thread only */
    gboolean (*write)(void *sink, const char *data, size_t len, GError **error);
    gboolean (*reject)(void *sink, const pb_doc *doc, GError **error);
    void (*progress)(void *sink, const pb_stats *stats, const pb_reader *reader);
    void *sink;
    volatile sig_atomic_t *stop; /* set by a signal handler: stop reading */
} pb_pipeline_config;

/* Code every document of reader. Returns FALSE with error set when reading
 * or writing fails; stats are accumulated either way. */
gboolean pb_pipeline_run(const pb_pipeline_config *cfg, pb_reader *reader, pb_stats *stats, GError **error);

/* The shard (0-based) of a document id among n: FNV-1a 64-bit hash of the
 * id's bytes, modulo n. Stable across runs, machines and thread counts. */
guint pb_shard_of(const char *id, guint n);

#endif
