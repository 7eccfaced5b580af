/*
 * pb_coder.h - coding one sentence into events: the engine's public API.
 *
 * pb_code_sentence() is a pure function of (dictionary, options, sentence,
 * date, previous-sentence context): it reads the frozen dictionary, writes
 * only into the caller's arena and result, and keeps no state between
 * calls. Threads each own a pb_coder (an arena) and share the dictionary.
 *
 * Stages: tokenise, minimum-length check, sparse parse (pb_parse.h),
 * discards and complexity conditions, then per clause each verb's patterns
 * (pb_match.h), source and target by TABARI's default rules, passive
 * voice, subordinate/dominant codes, and finally compound expansion,
 * paired codes, de-duplication, time shifting and issues.
 */
#ifndef PB_CODER_H
#define PB_CODER_H

#include "pb_arena.h"
#include "pb_dict.h"
#include "pb_parse.h"

typedef enum {
    PB_STATUS_CODED = 0,   /* at least one event */
    PB_STATUS_NO_EVENT,    /* parsed, nothing codable */
    PB_STATUS_SHORT,       /* fewer words than MINIMUM WORDS */
    PB_STATUS_DISCARD,     /* a ### phrase or a discard-list phrase */
    PB_STATUS_COMPLEX      /* a +++ phrase or a COMPLEX condition */
} pb_status;

const char *pb_status_name(pb_status s);

typedef struct {
    const char *source;       /* actor code; "" when missing */
    const char *target;
    const char *code;         /* CAMEO (or the dictionary's) event code */
    pb_date date;             /* the sentence date, time-shifted if a <TIME> phrase applied */
    int32_t shift;            /* days shifted */
    /* where it came from, as byte ranges of the sentence text (-1: none) */
    int32_t source_start, source_end;
    int32_t target_start, target_end;
    int32_t verb_start, verb_end;
    const char *source_phrase;  /* the matched dictionary actor phrase (parent) */
    const char *target_phrase;
    const pb_pattern *pattern;  /* NULL when the verb's own code was used */
    const char *pattern_ref;    /* "file:line" of the pattern or verb (file name without directories) */
    const pb_verb *verb;
    const char *issues;         /* "CODE,count;CODE,count" or "" */
} pb_event;

typedef struct {
    pb_status status;
    const char *reason;    /* for discards and complex sentences */
    gboolean story_discard; /* a story-level ('+') discard phrase: the whole story is not coded */
    pb_event *events;
    size_t nevents;
    size_t nwords;
    pb_forward forward;    /* context for the next sentence of the story */
} pb_result;

typedef struct {
    const pb_dict *dict;
    const pb_options *opt;  /* usually &dict->options; the validator changes a copy */
    pb_arena arena;
    GString *trace;         /* when non-NULL, every step is described here (explain) */
} pb_coder;

void pb_coder_init(pb_coder *c, const pb_dict *d, const pb_options *opt);
void pb_coder_clear(pb_coder *c);

/* Code one sentence. Everything in *out lives in c->arena until the next
 * pb_coder_reset(). fwd (may be NULL) is the previous sentence's context. */
void pb_code_sentence(pb_coder *c, const char *text, size_t len, pb_date date, const pb_forward *fwd,
                      pb_result *out);

/* Forget the previous sentence's scratch memory (keep the blocks). */
void pb_coder_reset(pb_coder *c);

#endif
