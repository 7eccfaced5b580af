/*
 * lexicon.c - matching root phrases against tokens (pb_lexicon.h).
 *
 * pb_lexicon_index looks every word of a sentence up in the literal table
 * once; phrase and pattern matching then compare literal ids, not strings.
 */
#include "pb_lexicon.h"

#include <string.h>

#define MAX_PREFIX_LITS 64
#define MAX_PHRASE_WORDS 64

static gboolean ends_with3(const pb_token *x, const char *suffix)
{
    return x->len > 3 && memcmp(x->norm + x->len - 3, suffix, 3) == 0;
}

/* The literal spelled like the word with its last three letters replaced
 * by c (ARMIES -> ARMY, DEPLORING -> DEPLORE), or PB_NO_LIT. */
static uint32_t changed_stem(const pb_dict *d, const pb_token *x, char c)
{
    char base[256];
    if ((size_t)x->len - 2 >= sizeof base)
        return PB_NO_LIT;
    memcpy(base, x->norm, x->len - 3);
    base[x->len - 3] = c;
    return pb_dict_exact_lit(d, base, x->len - 2);
}

void pb_lexicon_index(const pb_dict *d, pb_arena *arena, pb_tokens *toks)
{
    uint32_t lits[MAX_PREFIX_LITS + 2];
    size_t total = 0;
    for (size_t i = 0; i < toks->n; i++) {
        pb_token *x = &toks->t[i];
        size_t n = 0;
        if (x->kind != PB_TK_COMMA) {
            n = pb_dict_prefix_lits(d, x->norm, x->len, lits, MAX_PREFIX_LITS);
            uint32_t y = ends_with3(x, "IES") ? changed_stem(d, x, 'Y') : PB_NO_LIT;
            if (y != PB_NO_LIT)
                lits[n++] = y | PB_LIT_IES;
            uint32_t e = x->len > 4 && ends_with3(x, "ING") ? changed_stem(d, x, 'E') : PB_NO_LIT;
            if (e != PB_NO_LIT)
                lits[n++] = e | PB_LIT_ING_E;
        }
        x->nlits = (uint16_t)n;
        x->lits = n ? memcpy(PB_ARENA_NEW(arena, uint32_t, n), lits, n * sizeof *lits) : NULL;
        total += n;
    }
    uint32_t size = 64;
    while (size < total * 2)
        size <<= 1;
    toks->litset = PB_ARENA_NEW(arena, uint32_t, size); /* zeroed */
    toks->litset_mask = size - 1;
    for (size_t i = 0; i < toks->n; i++)
        for (size_t k = 0; k < toks->t[i].nlits; k++) {
            uint32_t lit = PB_LIT_ID(toks->t[i].lits[k]);
            uint32_t h = (lit * 2654435761u) & toks->litset_mask;
            while (toks->litset[h] && toks->litset[h] != lit)
                h = (h + 1) & toks->litset_mask;
            toks->litset[h] = lit;
        }
    toks->indexed = TRUE;
}

static gboolean token_matches(const pb_dict *d, const pb_tok *t, const pb_token *x, gboolean last)
{
    return pb_word_matches_lits(d, t, x->norm, x->len, x->lits, x->nlits, last);
}

/* Match words k.. of phrase seq, the previous word having matched at
 * token prev (or the phrase start). Depth-first: a blank connector tries
 * the first matching later token, then the next one, within the
 * comma-delimited stretch. */
static gboolean match_rest(const pb_dict *d, const pb_tokens *toks, const uint8_t *blocked, pb_seq seq,
                           uint32_t k, size_t prev, int32_t *pos)
{
    if (k == seq.count)
        return TRUE;
    const pb_tok *before = pb_dict_tok(d, seq.first + k - 1);
    const pb_tok *t = pb_dict_tok(d, seq.first + k);
    gboolean last = k + 1 == seq.count;
    for (size_t j = prev + 1; j < toks->n; j++) {
        const pb_token *x = &toks->t[j];
        if (x->kind == PB_TK_COMMA)
            return FALSE;
        if (!(blocked && blocked[j]) && token_matches(d, t, x, last)) {
            pos[k] = (int32_t)j;
            if (match_rest(d, toks, blocked, seq, k + 1, j, pos))
                return TRUE;
        }
        if (before->adjacent)
            return FALSE;
    }
    return FALSE;
}

gboolean pb_lexicon_phrase_at(const pb_dict *d, const pb_tokens *toks, const uint8_t *blocked, size_t i,
                              const pb_phrase *p, int32_t *pos)
{
    g_return_val_if_fail(toks->indexed, FALSE);
    if (p->seq.count == 0 || p->seq.count > MAX_PHRASE_WORDS)
        return FALSE;
    const pb_token *x = &toks->t[i];
    const pb_tok *first = pb_dict_tok(d, p->seq.first);
    if (!token_matches(d, first, x, p->seq.count == 1))
        return FALSE;
    pos[0] = (int32_t)i;
    return match_rest(d, toks, blocked, p->seq, 1, i, pos);
}

int32_t pb_lexicon_best_at(const pb_dict *d, const pb_tokens *toks, const uint8_t *blocked, size_t i,
                           unsigned kind_mask, int32_t *pos)
{
    g_return_val_if_fail(toks->indexed, -1);
    const pb_token *x = &toks->t[i];
    if (x->kind == PB_TK_COMMA || (blocked && blocked[i]))
        return -1;
    int32_t best = -1;
    uint32_t best_chars = 0, best_order = 0;
    int32_t trial[MAX_PHRASE_WORDS];
    for (size_t li = 0; li < x->nlits; li++) {
        /* the Y- and E-stems (ARMY for ARMIES, DEPLORE for DEPLORING) can
         * only start a one-word phrase; pb_lexicon_phrase_at checks that */
        uint32_t lit = PB_LIT_ID(x->lits[li]);
        uint32_t from = d->phrase_start[lit], to = d->phrase_start[lit + 1];
        for (uint32_t k = from; k < to; k++) {
            uint32_t pid = d->phrase_index[k];
            const pb_phrase *p = pb_dict_phrase(d, pid);
            if (!(kind_mask & PB_KIND_BIT(p->kind)))
                continue;
            if (best >= 0 && (p->nchars < best_chars || (p->nchars == best_chars && p->order > best_order)))
                break; /* sorted longest first: nothing better follows here */
            if (pb_lexicon_phrase_at(d, toks, blocked, i, p, trial)) {
                best = (int32_t)pid;
                best_chars = p->nchars;
                best_order = p->order;
                memcpy(pos, trial, sizeof(int32_t) * p->seq.count);
                break;
            }
        }
    }
    return best;
}
