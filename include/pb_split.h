/*
 * pb_split.h - splitting a document into sentences (newswire rules).
 *
 * The coder codes sentences; documents from a corpus are split first.
 * Spans are byte ranges of the document text, trimmed of blanks.
 */
#ifndef PB_SPLIT_H
#define PB_SPLIT_H

#include <glib.h>
#include <stddef.h>

typedef struct {
    size_t start, end; /* bytes [start, end) */
} pb_span;

/* Append the sentences of s[0..len) to out (a GArray of pb_span). */
void pb_split_sentences(const char *s, size_t len, GArray *out);

#endif
