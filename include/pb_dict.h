/*
 * pb_dict.h - the loaded dictionary: actors, agents, verbs and their
 * patterns, synonym sets, nouns, adjectives, time and attribution phrases,
 * discards, issues and options, in one immutable structure.
 *
 * Life cycle: pb_dict_new(), any number of pb_dict_load_*() calls (each
 * appends one file and records its problems in a pb_diags list), then
 * pb_dict_freeze(), which builds the lookup indexes and sorts patterns.
 * After freezing nothing changes the dictionary: the coder reads it from
 * any number of threads at once.
 *
 * Representation. Every word that appears in any phrase or pattern is a
 * *literal*, interned once to an integer id. A phrase (an actor name, an
 * agent, a verb form, a pattern) is a sequence of pb_tok in one flat array;
 * a pattern token is a literal word, the verb marker '*', an actor marker
 * ($ + % ^ @), a synonym set or a set of alternatives. Root phrases (the
 * ones that classify text words: actors, agents, verbs, nouns, ...) are
 * indexed by their first literal; the literal table (pb_lit_table.h) finds,
 * for one text word, every literal that is a prefix of it (stems match by
 * prefix, exact words are checked after) with one probe per letter, so
 * classifying a sentence is one left-to-right pass over its words.
 */
#ifndef PB_DICT_H
#define PB_DICT_H

#include <glib.h>
#include <stdint.h>

#include "pb_date.h"
#include "pb_diag.h"
#include "pb_lit_table.h"
#include "pb_options.h"

/* ---- tokens of phrases and patterns ---------------------------------- */

typedef enum {
    PB_TOK_WORD = 1, /* a literal word or stem */
    PB_TOK_VERB,     /* '*': the verb */
    PB_TOK_SOURCE,   /* '$' */
    PB_TOK_TARGET,   /* '+' */
    PB_TOK_COMPOUND, /* '%' */
    PB_TOK_SKIP,     /* '^' */
    PB_TOK_ATTRIB,   /* '@' */
    PB_TOK_SYNSET,   /* '&NAME' */
    PB_TOK_ALT       /* '{ a | b }' */
} pb_tok_type;

typedef enum {
    PB_MODE_STEM = 0, /* word without '_': matches any word starting with it */
    PB_MODE_EXACT,    /* word followed by '_': the word, plus regular endings if last */
    PB_MODE_ONLY      /* word followed by '=': the word alone */
} pb_mode;

typedef enum {
    PB_END_NONE = 0,
    PB_END_NOUN, /* S 'S (ES IES) */
    PB_END_VERB, /* S ED ES EN ING */
    PB_END_ANY   /* both (words in verb patterns) */
} pb_endings;

typedef struct {
    uint8_t type;     /* pb_tok_type */
    uint8_t mode;     /* pb_mode, for WORD */
    uint8_t endings;  /* pb_endings accepted after this word (WORD) */
    uint8_t adjacent; /* the next token must match the very next text word */
    uint32_t ref;     /* WORD: literal id; SYNSET: synset id; ALT: alternative-set id */
} pb_tok;

/* A run of tokens [first, first + count) in pb_dict.toks. */
typedef struct {
    uint32_t first;
    uint32_t count;
} pb_seq;

/* Where an entry was read: file index into pb_dict.files and line. */
typedef struct {
    uint32_t file;
    uint32_t line;
} pb_loc;

/* ---- codes ------------------------------------------------------------- */

typedef enum {
    PB_SPECIAL_NONE = 0,
    PB_SPECIAL_NULL,    /* [---] */
    PB_SPECIAL_DISCARD, /* [###] */
    PB_SPECIAL_COMPLEX  /* [+++] */
} pb_special;

enum {
    PB_CODE_SUBORDINATE = 1, /* code ends in '?' */
    PB_CODE_DOMINANT = 2     /* code ends in '!' */
};

/* The code of a verb, pattern, time or attribution phrase. */
typedef struct {
    const char *code;  /* event code, or NULL for special codes */
    const char *code2; /* second code of a paired code [A:B], or NULL */
    uint8_t special;   /* pb_special */
    uint8_t flags;     /* PB_CODE_* */
    int32_t shift;     /* time phrases: signed day offset */
} pb_event_code;

/* One code of an actor, with its date restriction. */
typedef struct {
    const char *code;  /* "USA", "GME/GMW" (coded compound), or NULL if special */
    pb_date from;      /* 0: open */
    pb_date to;        /* 0: open */
    uint8_t special;   /* pb_special */
    uint8_t restricted;/* 1 if from/to apply */
} pb_actor_code;

typedef struct {
    uint32_t first_code; /* into pb_dict.actor_codes */
    uint32_t ncodes;
    const char *parent;  /* the head phrase of its synonym block, as written */
    pb_loc loc;
} pb_actor;

typedef struct {
    const char *code;  /* without the '~' */
    uint8_t prefix;    /* 1 for CODE~ (goes before the actor code) */
    pb_loc loc;
} pb_agent;

/* A verb (one root or block member). Several root phrases (its forms) point
 * to it; its patterns are those of its group. */
typedef struct {
    pb_event_code code;
    uint32_t group;    /* into pb_dict.groups */
    const char *name;  /* the root as written */
    pb_loc loc;
} pb_verb;

typedef struct {
    pb_seq seq;        /* the pattern's tokens */
    uint32_t verb_at;  /* index of '*' within seq */
    uint32_t length;   /* letters, for longest-first ordering */
    uint32_t alt_extra;/* longest alternative's letters, included in length */
    pb_event_code code;
    pb_loc loc;
    const char *text;  /* the pattern as written (for explain and output) */
    /* A sentence can match only if it contains one of the literals
     * need_lits[need_first .. need_first + need_count) (none: no test). */
    uint32_t need_first;
    uint32_t need_count;
} pb_pattern;

typedef struct {
    uint32_t first_pattern; /* into pb_dict.patterns (sorted by length after freeze) */
    uint32_t npatterns;
    GArray *building;       /* pattern ids while loading; NULL after freeze */
    uint8_t kind;           /* PB_ROOT_VERB, PB_ROOT_TIME, PB_ROOT_ATTRIB */
} pb_group;

typedef struct {
    const char *name;       /* without '&' */
    uint32_t first_member;  /* into pb_dict.seqs */
    uint32_t nmembers;
    pb_loc loc;
    uint8_t defined;
    uint8_t used;
} pb_synset;

typedef struct {
    uint32_t first_branch;  /* into pb_dict.seqs */
    uint32_t nbranches;
} pb_altset;

typedef struct {
    const char *category;
    const char *code;
    uint8_t numeric;        /* TYPE="NUMERIC": the number before the phrase */
    uint8_t all;            /* TYPE="ALL": every match, not only the first */
    uint8_t exclude;        /* '~phrase': not an issue; its words are kept from the other phrases */
    pb_loc loc;
} pb_issue;

/* ---- root phrases ------------------------------------------------------ */

typedef enum {
    PB_ROOT_ACTOR = 1,
    PB_ROOT_AGENT,
    PB_ROOT_VERB,
    PB_ROOT_NOUN,
    PB_ROOT_ADJECTIVE,
    PB_ROOT_TIME,
    PB_ROOT_ATTRIB,
    PB_ROOT_DISCARD,     /* sentence discard phrase (PETRARCH discards file) */
    PB_ROOT_ISSUE
} pb_root_kind;

typedef struct {
    pb_seq seq;        /* WORD tokens only */
    uint32_t target;   /* actor, agent, verb, issue id; discards: 1 = story level */
    uint16_t nchars;   /* letters matched, for longest match */
    uint8_t kind;      /* pb_root_kind */
    uint8_t pad;
    uint32_t order;    /* load order: earlier entries win ties */
} pb_phrase;

/* ---- the dictionary ---------------------------------------------------- */


/* Entries already read, by kind and token run (loading only). */
typedef struct {
    uint64_t space;    /* what kind of entry (and pattern group) */
    pb_seq seq;
    pb_loc loc;
} pb_seen_entry;

typedef struct {
    uint32_t *slots;   /* index + 1 into entries; 0 = empty */
    uint32_t *hashes;  /* hash of each slot's entry */
    uint32_t mask;
    pb_seen_entry *entries; /* dense, in reading order */
    uint32_t count, capacity;
} pb_seen_table;

typedef struct pb_dict {
    GStringChunk *strings;     /* every string the dictionary owns */
    GPtrArray *files;          /* file names, char* */

    GPtrArray *lits;           /* literal id -> upper-case string */
    GArray *lit_lens;          /* literal id -> guint16 length */
    pb_lit_table lit_table;    /* text -> id, and prefix lookup of words */

    GArray *toks;              /* pb_tok */
    GArray *seqs;              /* pb_seq: synset members, alternative branches */
    GArray *phrases;           /* pb_phrase: root phrases of every kind */
    GArray *actors;            /* pb_actor */
    GArray *actor_codes;       /* pb_actor_code */
    GArray *agents;            /* pb_agent */
    GArray *verbs;             /* pb_verb */
    GArray *groups;            /* pb_group */
    GArray *patterns;          /* pb_pattern */
    GArray *synsets;           /* pb_synset */
    GHashTable *synset_ids;    /* name -> id + 1 (loading, lint) */
    pb_seen_table seen;        /* duplicate detection while loading (pb_dict_seen) */
    GArray *altsets;           /* pb_altset */
    GArray *issues;            /* pb_issue */
    GPtrArray *issue_categories; /* char*, in order of first appearance */

    pb_options options;        /* TABARI .options settings */
    gboolean has_time;         /* a <TIME> section was read */
    gboolean has_attrib;       /* an <ATTRIB> section was read */

    /* Built by pb_dict_freeze(). */
    gboolean frozen;
    uint32_t *phrase_start;    /* literal id -> first index in phrase_index */
    uint32_t *phrase_index;    /* phrase ids grouped by first literal, longest first */
    GArray *need_lits;         /* uint32_t: the patterns' required literals (pb_pattern.need_first) */
    uint32_t *seq_letters;     /* letters of each d->seqs entry (alternative branches) */
} pb_dict;

/* Literal ids: 0 is never used, so 0 can mean "none". */
#define PB_NO_LIT 0u

pb_dict *pb_dict_new(void);
void pb_dict_free(pb_dict *dict);

/* Each loader reads one file (or an in-memory buffer, for tests and
 * fuzzing) and appends its entries. Problems go to diags; FALSE with a
 * GError only when the file cannot be read at all. */
gboolean pb_dict_load_actors(pb_dict *dict, const char *path, pb_diags *diags, GError **error);
gboolean pb_dict_load_agents(pb_dict *dict, const char *path, pb_diags *diags, GError **error);
gboolean pb_dict_load_verbs(pb_dict *dict, const char *path, pb_diags *diags, GError **error);
gboolean pb_dict_load_discards(pb_dict *dict, const char *path, pb_diags *diags, GError **error);
gboolean pb_dict_load_issues(pb_dict *dict, const char *path, pb_diags *diags, GError **error);
gboolean pb_dict_load_options(pb_dict *dict, const char *path, pb_diags *diags, GError **error);

void pb_dict_load_actors_buffer(pb_dict *dict, const char *name, const char *data, size_t len, pb_diags *diags);
void pb_dict_load_agents_buffer(pb_dict *dict, const char *name, const char *data, size_t len, pb_diags *diags);
void pb_dict_load_verbs_buffer(pb_dict *dict, const char *name, const char *data, size_t len, pb_diags *diags);
void pb_dict_load_discards_buffer(pb_dict *dict, const char *name, const char *data, size_t len, pb_diags *diags);
void pb_dict_load_issues_buffer(pb_dict *dict, const char *name, const char *data, size_t len, pb_diags *diags);
void pb_dict_load_options_buffer(pb_dict *dict, const char *name, const char *data, size_t len, pb_diags *diags);

/* Build indexes, sort patterns, check cross-references (undefined
 * synsets ...). Problems go to diags. */
void pb_dict_freeze(pb_dict *dict, pb_diags *diags);

/* ---- lookups (after freeze) ------------------------------------------- */

static inline const char *pb_dict_lit(const pb_dict *d, uint32_t id)
{
    return g_ptr_array_index(d->lits, id);
}
static inline guint16 pb_dict_lit_len(const pb_dict *d, uint32_t id)
{
    return g_array_index(d->lit_lens, guint16, id);
}
static inline const pb_tok *pb_dict_tok(const pb_dict *d, uint32_t i)
{
    return &g_array_index(d->toks, pb_tok, i);
}
static inline const pb_phrase *pb_dict_phrase(const pb_dict *d, uint32_t i)
{
    return &g_array_index(d->phrases, pb_phrase, i);
}
static inline const char *pb_dict_file(const pb_dict *d, pb_loc loc)
{
    return loc.file < d->files->len ? g_ptr_array_index(d->files, loc.file) : "-";
}

/* Every literal that is a prefix of (or equal to) the upper-case word w of
 * length n. Writes up to max ids into out (shortest first); returns the count. */
size_t pb_dict_prefix_lits(const pb_dict *d, const char *w, size_t n, uint32_t *out, size_t max);

/* The literal spelled exactly w (length n), or PB_NO_LIT. */
uint32_t pb_dict_exact_lit(const pb_dict *d, const char *w, size_t n);

/* Does text word w (length n, upper case) satisfy dictionary word token t?
 * last is TRUE when t is the last word of its phrase (endings apply). */
gboolean pb_word_matches(const pb_dict *d, const pb_tok *t, const char *w, size_t n, gboolean last);

/* The same for a word whose candidate literals are known (pb_lexicon_index
 * filled lits): an entry is a literal id, with PB_LIT_IES when the literal
 * is the word's Y-stem (ARMY for ARMIES) and PB_LIT_ING_E when it is its
 * E-stem (DEPLORE for DEPLORING); the others are prefixes of the word.
 * No string comparison is needed. */
#define PB_LIT_IES (1u << 30)
#define PB_LIT_ING_E (2u << 30)
#define PB_LIT_ID(e) ((e) & ~(3u << 30))
gboolean pb_word_matches_lits(const pb_dict *d, const pb_tok *t, const char *w, size_t n, const uint32_t *lits,
                              size_t nlits, gboolean last);

/* The actor code of actor a on date (0 = no date: the default code). Sets
 * *special. Returns NULL when the actor is null on that date. */
const char *pb_actor_resolve(const pb_dict *d, uint32_t actor, pb_date date, uint8_t *special);

/* Letters in a token run (pattern length ordering); *alt_longest (may be
 * NULL) receives the letters of the longest branch of each alternative. */
uint32_t pb_seq_letters(const pb_dict *d, pb_seq seq, uint32_t *alt_longest);

/* Counts for `dict stats`. */
typedef struct {
    guint actors, actor_phrases, synonyms, dated_codes, agents, agent_phrases;
    guint verbs, verb_forms, patterns, synsets, nouns, adjectives;
    guint time_phrases, attrib_phrases, discards, issues;
} pb_dict_stats;
void pb_dict_get_stats(const pb_dict *d, pb_dict_stats *s);

#endif
