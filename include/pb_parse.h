/*
 * pb_parse.h - TABARI's sparse parse of one sentence.
 *
 * No grammar, no external parser: a handful of robust rules over the
 * dictionary classification of the words, in this order:
 *   1. classify words (longest dictionary phrase first; built-in
 *      determiners, conjunctions, pronouns, prepositions, auxiliaries);
 *   2. shift verbs to nouns after a determiner or when capitalised in mid
 *      sentence; null-coded actors become nouns, pattern-less null verbs
 *      become null words;
 *   3. build actor units: an actor with the agent directly after or before
 *      it (or before IN/OF and the actor), FORMER turning the role to ELI;
 *   4. find compound actors (np , np ... AND np) and compound nouns and
 *      adjectives, whose commas and conjunctions do not split the sentence;
 *   5. delete comma-delimited clauses within the COMMA limits;
 *   6. split clauses at the remaining conjunctions;
 *   7. resolve pronouns to earlier actors (or the previous sentence's).
 * Everything lives in the caller's arena.
 */
#ifndef PB_PARSE_H
#define PB_PARSE_H

#include "pb_arena.h"
#include "pb_dict.h"
#include "pb_token.h"

typedef enum {
    PB_W_NULL = 0,
    PB_W_ACTOR,
    PB_W_AGENT,
    PB_W_VERB,
    PB_W_NOUN,
    PB_W_ADJ,
    PB_W_DETERM,
    PB_W_CONJ,
    PB_W_PREP,
    PB_W_PRONOUN,
    PB_W_AUXIL,
    PB_W_BY,
    PB_W_COMMA,
    PB_W_NUMBER,
    PB_W_FORMER,
    PB_W_TIME,
    PB_W_ATTRIB
} pb_wtype;

const char *pb_wtype_name(int type);

typedef struct {
    uint8_t type;      /* pb_wtype */
    uint8_t head;      /* first word of its dictionary phrase */
    uint8_t deleted;   /* inside a deleted comma clause */
    uint8_t absorbed;  /* conjunction or comma inside a compound phrase */
    uint8_t opens;     /* SUBCLAUSES: a comma or subordinator that opens a clause (pb_clause_kind) */
    int32_t phrase;    /* dictionary phrase covering the word, -1 */
    int32_t head_tok;  /* first word of that phrase, -1 */
    int32_t root_end;  /* on a head: last word of its phrase */
    int32_t unit;      /* actor unit covering the word, -1 */
    int32_t clause;
} pb_word;

/* An actor as the coder sees it: an actor phrase with its agent, a
 * stand-alone agent (CONVERT AGENTS), or a resolved pronoun. */
typedef struct {
    int32_t start, end;   /* first and last word, agent included */
    int32_t actor_tok;    /* head word of the actor phrase, -1 */
    int32_t agent_tok;    /* head word of the agent phrase, -1 */
    int32_t actor;        /* pb_actor id, -1 */
    int32_t agent;        /* pb_agent id, -1 */
    int32_t group;        /* compound group, -1 */
    int32_t ref_unit;     /* pronoun: the unit it stands for, -1 */
    int32_t ref_group;    /* pronoun: the compound it stands for, -1 */
    uint8_t former;
    uint8_t pronoun;
    uint8_t special;      /* pb_special of the resolved actor code */
    const char *code;     /* composed code; "A/B" for coded compounds; NULL = null */
    const char *raw_code; /* the actor's code before the agent was added */
    const char *forward;  /* pronoun resolved from the previous sentence: its code */
} pb_unit;

typedef struct {
    int32_t first_unit, last_unit; /* members are consecutive units */
} pb_group_span;

typedef enum {
    PB_CLAUSE_MAIN,        /* the first clause, or one after a conjunction */
    PB_CLAUSE_PARTICIPLE,  /* SUBCLAUSES: ", imposing sanctions on him": the subject carries over */
    PB_CLAUSE_SUBORDINATE  /* SUBCLAUSES: "after the U.S. captured ...": has its own subject */
} pb_clause_kind;

typedef struct {
    int32_t start, end;  /* words [start, end) */
    uint8_t kind;        /* pb_clause_kind */
} pb_clause;

typedef struct {
    pb_tokens toks;
    pb_word *w;
    pb_unit *units;
    size_t nunits;
    pb_group_span *groups;
    size_t ngroups;
    pb_clause *clauses;
    size_t nclauses;
    int deleted_clauses;   /* comma clauses removed */
    int conjunctions;      /* conjunctions that split clauses */
    int pronouns;
    gboolean discard;      /* a ### actor or verb root */
    gboolean complex;      /* a +++ actor or verb root */
    gboolean title_case;   /* a headline: most long words capitalised */
    gboolean reflexive_pronouns; /* the REFLEXIVE PRONOUNS option */
    const char *why;       /* the word that made it discard/complex */
    pb_date date;
} pb_sentence;

/* What the previous sentence of the same story leaves for pronoun
 * forwarding (FORWARD option): the code of its first actor before a verb. */
typedef struct {
    char code[64];
    gboolean compound;
    gboolean valid;
} pb_forward;

/* Parse the tokens of a sentence. fwd may be NULL. */
void pb_parse(const pb_dict *d, const pb_options *opt, pb_arena *arena, const pb_tokens *toks,
              pb_date date, const pb_forward *fwd, pb_sentence *out);

/* The codes an actor reference stands for: a unit (which may be a coded
 * compound or a pronoun) or a compound group. Appends to out (arena). */
typedef struct {
    int32_t unit;   /* -1 when group is set */
    int32_t group;  /* -1 when unit is set */
} pb_ref;

#define PB_REF_NONE ((pb_ref){-1, -1})
static inline gboolean pb_ref_set(pb_ref r) { return r.unit >= 0 || r.group >= 0; }

size_t pb_ref_codes(const pb_sentence *s, pb_ref r, const char **out, size_t max, pb_arena *arena);
/* The first and last word of a reference (for source_text). */
void pb_ref_span(const pb_sentence *s, pb_ref r, int32_t *start, int32_t *end);
/* The reference for the unit at u (its compound group if it has one, the
 * antecedent of a pronoun). */
pb_ref pb_unit_ref(const pb_sentence *s, int32_t u);
gboolean pb_ref_is_compound(const pb_sentence *s, pb_ref r);
gboolean pb_ref_same(const pb_sentence *s, pb_ref a, pb_ref b);

#endif
