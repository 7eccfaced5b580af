/*
 * pb_token.h - splitting one sentence into the words the coder matches.
 *
 * The rules follow TABARI's input filter so that dictionaries written for
 * TABARI behave as their authors expect: words are upper-cased ASCII
 * (accents folded); hyphens, underscores, slashes, quotes, '?' and '!'
 * separate words; a period stays inside a word only between digits or
 * after a capital letter (U.N., U.S.); ',' ';' ':' '(' ')' are comma
 * tokens, except a comma between digits, which is dropped (1,500 ->
 * 1500); apostrophes stay inside words (Gondor's). Each token keeps the
 * byte offsets of the text it came from, so a matched phrase can be shown
 * as written.
 */
#ifndef PB_TOKEN_H
#define PB_TOKEN_H

#include "pb_arena.h"

#include <glib.h>

typedef enum { PB_TK_WORD = 0, PB_TK_NUMBER, PB_TK_COMMA } pb_token_kind;

typedef struct {
    const char *norm;   /* upper-case ASCII, NUL-terminated (arena) */
    uint32_t start;     /* byte offset of the first byte in the original text */
    uint32_t end;       /* byte offset one past the last byte */
    uint16_t len;       /* strlen(norm) */
    uint8_t kind;       /* pb_token_kind */
    uint8_t cap;        /* the word starts with a capital letter in the text */
    uint16_t nlits;     /* entries in lits */
    const uint32_t *lits; /* dictionary literals the word can match (pb_lexicon_index) */
} pb_token;

typedef struct {
    pb_token *t;
    size_t n;
    gboolean all_caps;  /* no lower-case letter in the sentence */
    gboolean indexed;   /* lits filled for a dictionary (pb_lexicon_index) */
    uint32_t *litset;   /* open-addressing set of every literal id in lits (0 = empty slot) */
    uint32_t litset_mask;
} pb_tokens;

/* Tokenise [text, text+len). Memory comes from the arena. */
void pb_tokenize(pb_arena *arena, const char *text, size_t len, pb_tokens *out);

#endif
