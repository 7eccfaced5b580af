/*
 * pb_corpus.h - reading corpora: plain text, CSV/TSV, JSON Lines, TABARI
 * text records and PETRARCH XML, one document at a time.
 *
 * Every reader streams: it reads its input in large blocks and hands out
 * one document at a time, so memory does not grow with the corpus. A
 * record that cannot be coded (no text, a bad date, broken JSON, a ragged
 * CSV row ...) is still returned, with doc->reject set to the reason, so
 * that the caller can list it in the rejects file and the counts
 * reconcile. Only a problem with the input as a whole (a file that cannot
 * be opened, a CSV header without the text column) is a GError.
 */
#ifndef PB_CORPUS_H
#define PB_CORPUS_H

#include <glib.h>
#include <signal.h>

#include "pb_date.h"

typedef enum {
    PB_FMT_AUTO = 0,
    PB_FMT_TEXT,    /* one document per file */
    PB_FMT_CSV,
    PB_FMT_TSV,
    PB_FMT_JSONL,
    PB_FMT_TABARI,
    PB_FMT_XML      /* PETRARCH <Sentences><Sentence> */
} pb_input_format;

const char *pb_format_name(pb_input_format f);
/* "csv", "tsv", "jsonl", "text", "tabari", "xml"; PB_FMT_AUTO if unknown. */
pb_input_format pb_format_from_name(const char *name);

typedef struct {
    char *id;
    pb_date date;          /* 0: none (rejected unless a default date was given) */
    char *text;
    GPtrArray *keep;       /* values of the --keep-columns, in order (char*) */
    const char *source;    /* input name (owned by the reader) */
    long record;           /* 1-based record number within its source */
    long line;             /* line where the record starts; 0 when unknown */
    char *reject;          /* why the record cannot be coded, or NULL */
    gboolean presplit;     /* the text is one sentence already */
} pb_doc;

void pb_doc_clear(pb_doc *doc);

typedef struct {
    pb_input_format format;
    const char *id_field;     /* default "id" */
    const char *date_field;   /* default "date" */
    const char *text_field;   /* default "text" */
    char **keep;              /* extra columns/fields to carry (NULL-terminated) or NULL */
    pb_date default_date;     /* --date: used when a record has no usable date */
    gboolean yyyy;            /* TABARI records with 8-digit dates */
    const volatile sig_atomic_t *stop; /* when set (by a signal), a blocked read gives up */
} pb_reader_options;

typedef struct pb_reader pb_reader;

/* Open path ("-" is standard input; a directory reads its *.txt files).
 * The format is opt->format, or guessed from the name and first bytes. */
pb_reader *pb_reader_open(const char *path, const pb_reader_options *opt, GError **error);
/* The next document. FALSE at the end of the input, or with *error set
 * when reading fails. */
gboolean pb_reader_next(pb_reader *r, pb_doc *doc, GError **error);
pb_input_format pb_reader_format(const pb_reader *r);
/* Bytes read so far and the input's size (0 when unknown, e.g. a pipe). */
void pb_reader_progress(const pb_reader *r, guint64 *done, guint64 *total);
void pb_reader_close(pb_reader *r);

/* ---- internals shared by the format readers (corpus_input.c) ------- */

typedef struct {
    int fd;
    gboolean own_fd;
    char *buf;
    size_t cap, start, end;
    gboolean eof;
    guint64 consumed;
    guint64 size;
    char *name;
    long lineno;            /* lines returned by pb_input_line */
    const volatile sig_atomic_t *stop; /* see pb_reader_options */
} pb_input;

gboolean pb_input_open(pb_input *in, const char *path, GError **error);
void pb_input_close(pb_input *in);
/* The next line without its line end (\n, \r\n); FALSE at the end. */
gboolean pb_input_line(pb_input *in, GString *line, GError **error);
/* Up to the next block of bytes: *data points into the buffer, valid
 * until the next call. Returns 0 at the end, -1 on error. */
gssize pb_input_block(pb_input *in, const char **data, GError **error);
/* Make at least n bytes available for peeking (fewer at the end). */
size_t pb_input_peek(pb_input *in, size_t n, const char **data, GError **error);

/* Check text for what the coder cannot take: returns a reason or NULL. */
char *pb_text_problem(const char *text, size_t len);

/* Shared record completion: parse date text (or use the default), check
 * the text; sets doc->reject when something is wrong. */
void pb_doc_finish(pb_doc *doc, const char *date_text, const pb_reader_options *opt);

#endif
