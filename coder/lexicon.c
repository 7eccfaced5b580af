/*
 * lexicon.c - matching root phrases against tokens (pb_lexicon.h).
 */
#include "pb_lexicon.h"

#include <string.h>

#define MAX_PREFIX_LITS 64
#define MAX_PHRASE_WORDS 64

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
        if (!(blocked && blocked[j]) && pb_word_matches(d, t, x->norm, x->len, last)) {
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
    if (p->seq.count == 0 || p->seq.count > MAX_PHRASE_WORDS)
        return FALSE;
    const pb_token *x = &toks->t[i];
    const pb_tok *first = pb_dict_tok(d, p->seq.first);
    if (!pb_word_matches(d, first, x->norm, x->len, p->seq.count == 1))
        return FALSE;
    pos[0] = (int32_t)i;
    return match_rest(d, toks, blocked, p->seq, 1, i, pos);
}

int32_t pb_lexicon_best_at(const pb_dict *d, const pb_tokens *toks, const uint8_t *blocked, size_t i,
                           unsigned kind_mask, int32_t *pos)
{
    const pb_token *x = &toks->t[i];
    if (x->kind == PB_TK_COMMA || (blocked && blocked[i]))
        return -1;
    uint32_t lits[MAX_PREFIX_LITS];
    size_t nl = pb_dict_prefix_lits(d, x->norm, x->len, lits, MAX_PREFIX_LITS);
    /* Y -> IES plurals: ARMIES has no literal prefix ARMY; try the base. */
    uint32_t extra = PB_NO_LIT;
    if (x->len > 3 && memcmp(x->norm + x->len - 3, "IES", 3) == 0) {
        char base[256];
        if ((size_t)x->len - 2 < sizeof base) {
            memcpy(base, x->norm, x->len - 3);
            base[x->len - 3] = 'Y';
            base[x->len - 2] = '\0';
            uint32_t tmp[MAX_PREFIX_LITS];
            size_t n = pb_dict_prefix_lits(d, base, x->len - 2, tmp, MAX_PREFIX_LITS);
            if (n > 0 && pb_dict_lit_len(d, tmp[n - 1]) == x->len - 2)
                extra = tmp[n - 1];
        }
    }
    int32_t best = -1;
    uint32_t best_chars = 0, best_order = 0;
    int32_t trial[MAX_PHRASE_WORDS];
    for (size_t li = 0; li < nl + (extra != PB_NO_LIT); li++) {
        uint32_t lit = li < nl ? lits[li] : extra;
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
