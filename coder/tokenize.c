/*
 * tokenize.c - one sentence to tokens (pb_token.h).
 *
 * One pass over the UTF-8 text. Each code point is folded to ASCII first
 * (pb_fold), then classified; the folded bytes of a word are collected in
 * an arena buffer as they come, so there is no allocation per token beyond
 * the arena.
 */
#include "pb_token.h"
#include "pb_text.h"

#include <ctype.h>
#include <string.h>

typedef struct {
    char c;            /* folded ASCII character */
    uint32_t start;    /* byte offset of the code point it came from */
    uint32_t end;
} folded_char;

static gboolean word_char(char c)
{
    return isalnum((unsigned char)c) || c == '\'' || c == '$' || c == '&' || c == '%';
}

void pb_tokenize(pb_arena *arena, const char *text, size_t len, pb_tokens *out)
{
    /* Fold the whole sentence first: at most 4 ASCII chars per byte is a
     * generous bound (a code point of n >= 2 bytes folds to <= 4 chars). */
    folded_char *f = pb_arena_alloc_raw(arena, sizeof(folded_char) * (len * 2 + 8)); /* read only below nf */
    size_t nf = 0;
    gboolean lower = FALSE;
    for (size_t i = 0; i < len;) {
        const unsigned char b = (unsigned char)text[i];
        if (b > 0 && b < 0x80) { /* ASCII folds to itself */
            f[nf].c = (char)b;
            f[nf].start = (uint32_t)i;
            f[nf].end = (uint32_t)(i + 1);
            lower |= b >= 'a' && b <= 'z';
            nf++;
            i++;
            continue;
        }
        gunichar c;
        size_t used = pb_utf8_next(text + i, len - i, &c);
        char buf[8];
        size_t k = (c == (gunichar)-1) ? 0 : pb_fold(c, buf);
        if (k == 0) {
            buf[0] = ' ';
            k = 1;
        }
        for (size_t j = 0; j < k && nf < len * 2 + 8; j++) {
            f[nf].c = buf[j];
            f[nf].start = (uint32_t)i;
            f[nf].end = (uint32_t)(i + used);
            if (islower((unsigned char)buf[j]))
                lower = TRUE;
            nf++;
        }
        i += used;
    }
    /* At most one token per folded char. */
    pb_token *toks = pb_arena_alloc_raw(arena, sizeof(pb_token) * (nf + 1)); /* each token zeroed when made */
    char *norm = pb_arena_alloc_raw(arena, nf * 2 + 2); /* each word written, then NUL-terminated */
    size_t ntok = 0, npos = 0;
    size_t i = 0;
    while (i < nf) {
        char c = f[i].c;
        char prev = i > 0 ? f[i - 1].c : ' ';
        char next = i + 1 < nf ? f[i + 1].c : ' ';
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') {
            if (c == ',' || c == ':') {
                if (isdigit((unsigned char)prev) && isdigit((unsigned char)next)) {
                    i++; /* 1,500 -> 1500 is handled inside the word loop */
                    continue;
                }
            }
            pb_token *t = &toks[ntok++];
            *t = (pb_token){0};
            t->norm = ",";
            t->len = 1;
            t->kind = PB_TK_COMMA;
            t->start = f[i].start;
            t->end = f[i].end;
            i++;
            continue;
        }
        if (!word_char(c) || (c == '\'' )) {
            i++;
            continue;
        }
        /* A word. */
        size_t start = i;
        char *w = norm + npos;
        size_t wl = 0;
        uint32_t last_end = f[i].end;
        for (; i < nf; i++) {
            char x = f[i].c;
            if (word_char(x)) {
                w[wl++] = (char)toupper((unsigned char)x);
                last_end = f[i].end;
                continue;
            }
            char p = f[i - 1].c;
            char n = i + 1 < nf ? f[i + 1].c : ' ';
            if ((x == ',' || x == ':') && isdigit((unsigned char)p) && isdigit((unsigned char)n)) {
                if (x == ':') {
                    w[wl++] = ':';
                    last_end = f[i].end;
                }
                continue; /* digit group separator */
            }
            if (x == '.') {
                gboolean between_digits = isdigit((unsigned char)p) && isdigit((unsigned char)n);
                gboolean after_capital = isupper((unsigned char)p);
                if (between_digits) {
                    w[wl++] = '.';
                    last_end = f[i].end;
                    continue;
                }
                if (after_capital) {
                    /* Keep the period of an abbreviation (U.N., U.S.) but not
                     * the full stop after a one-word capital name ("EU."). */
                    gboolean abbreviation = memchr(w, '.', wl) != NULL || isalpha((unsigned char)n);
                    gboolean single = wl == 1; /* an initial: "J." */
                    if (abbreviation || single || (n != ' ' && n != '"' && n != '\'')) {
                        w[wl++] = '.';
                        last_end = f[i].end;
                        if (isalpha((unsigned char)n))
                            continue;
                        i++;
                    }
                }
            }
            break;
        }
        /* Apostrophes: drop a leading one (opening quote); keep a trailing
         * one only as a plural possessive (NATIONS'). */
        size_t skip = 0;
        while (skip < wl && w[skip] == '\'')
            skip++;
        while (wl > skip && w[wl - 1] == '\'' && !(wl - skip >= 2 && w[wl - 2] == 'S'))
            wl--;
        if (wl <= skip)
            continue;
        if (skip)
            memmove(w, w + skip, wl - skip);
        wl -= skip;
        w[wl] = '\0';
        pb_token *t = &toks[ntok++];
        *t = (pb_token){0};
        t->norm = w;
        t->len = (uint16_t)MIN(wl, 65535);
        t->kind = isdigit((unsigned char)w[0]) ? PB_TK_NUMBER : PB_TK_WORD;
        t->start = f[start].start;
        t->end = last_end;
        /* first letter (not apostrophe) capitalised in the text */
        for (size_t k = start; k < i; k++) {
            if (isalpha((unsigned char)f[k].c)) {
                t->cap = isupper((unsigned char)f[k].c) != 0;
                break;
            }
        }
        npos += wl + 1;
    }
    toks[ntok] = (pb_token){0}; /* one zeroed token past the end, as before */
    out->t = toks;
    out->n = ntok;
    out->all_caps = !lower;
    out->indexed = FALSE; /* pb_lexicon_index fills lits */
}
