/*
 * pb_lexicon.h - finding dictionary phrases in a tokenised sentence.
 *
 * A root phrase (actor, agent, verb form, noun, adjective, time, discard,
 * issue ...) matches at token i when its first word matches token i and
 * each following word matches the next token ('_' connector) or a later
 * token in the same comma-delimited stretch (blank connector). Among the
 * phrases that match at i the one with the most letters wins, and the
 * earlier entry wins a tie. Candidates come from the dictionary's literal
 * table (every literal that is a prefix of the token, and its Y- and
 * E-stems) and the phrase index (phrases grouped by first literal,
 * longest first).
 */
#ifndef PB_LEXICON_H
#define PB_LEXICON_H

#include "pb_dict.h"
#include "pb_token.h"

#define PB_KIND_BIT(k) (1u << (k))
#define PB_KINDS_PARSE (PB_KIND_BIT(PB_ROOT_ACTOR) | PB_KIND_BIT(PB_ROOT_AGENT) | PB_KIND_BIT(PB_ROOT_VERB) | \
                        PB_KIND_BIT(PB_ROOT_NOUN) | PB_KIND_BIT(PB_ROOT_ADJECTIVE) | PB_KIND_BIT(PB_ROOT_TIME) | \
                        PB_KIND_BIT(PB_ROOT_ATTRIB))

/* Look every word of toks up in d's literal table once (memory from the
 * arena); the functions below need it. */
void pb_lexicon_index(const pb_dict *d, pb_arena *arena, pb_tokens *toks);

/* Can some word of the indexed sentence match literal lit? (inline: the
 * matcher asks for every pattern word) */
static inline gboolean pb_lexicon_has_lit(const pb_tokens *toks, uint32_t lit)
{
    uint32_t h = (lit * 2654435761u) & toks->litset_mask;
    while (toks->litset[h]) {
        if (toks->litset[h] == lit)
            return TRUE;
        h = (h + 1) & toks->litset_mask;
    }
    return FALSE;
}

/* The best phrase of a kind in kind_mask whose first word matches token i.
 * blocked (may be NULL) marks tokens that cannot be used. On success returns
 * the phrase id and fills pos[0..count-1] with the token of each phrase
 * word (pos must hold 64 entries); returns -1 when nothing matches. */
int32_t pb_lexicon_best_at(const pb_dict *d, const pb_tokens *toks, const uint8_t *blocked, size_t i,
                           unsigned kind_mask, int32_t *pos);

/* Does phrase p match with its first word at token i? Fills pos. */
gboolean pb_lexicon_phrase_at(const pb_dict *d, const pb_tokens *toks, const uint8_t *blocked, size_t i,
                              const pb_phrase *p, int32_t *pos);


#endif
