/*
 * pb_text.h - folding Unicode text to the ASCII the dictionaries use.
 *
 * The field's dictionaries are upper-case ASCII. News text is UTF-8 with
 * accents, typographic quotes and dashes. pb_fold maps one code point to
 * its ASCII form (keeping case: "É" -> "E", "é" -> "e", "’" -> "'",
 * "“" -> "\"", "—" -> "-", "ß" -> "ss"), or to "" for a code point with no
 * ASCII reading, which the tokenizer treats as a separator.
 */
#ifndef PB_TEXT_H
#define PB_TEXT_H

#include <glib.h>
#include <stddef.h>

/* Fold c into out (NUL-terminated, at most 4 chars); returns its length. */
size_t pb_fold(gunichar c, char out[8]);

/* Decode one UTF-8 code point at s (n bytes available). Returns the number
 * of bytes used (>= 1); *c is (gunichar)-1 for an invalid or overlong
 * sequence, which then uses exactly one byte. */
size_t pb_utf8_next(const char *s, size_t n, gunichar *c);

/* Fold a whole string to upper-case ASCII (a new string; invalid UTF-8
 * bytes and unmappable characters become blanks). */
char *pb_fold_upper(const char *s, size_t len);

#endif
