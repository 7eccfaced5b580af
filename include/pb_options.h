/*
 * pb_options.h - TABARI's .options settings.
 *
 * The options file changes how sentences are coded (CODE BY, COMPLEX,
 * COMMA, DEFAULT, MINIMUM WORDS, CONVERT AGENTS ...). polybius stores every
 * line and implements the commands that change coding; the ones that only
 * concerned TABARI's interactive screen (usage files, haiku, skip records)
 * are accepted and ignored. The same parser serves the validation suite's
 * `{ OPTION: ... }` records, which change options between two records.
 */
#ifndef PB_OPTIONS_H
#define PB_OPTIONS_H

#include <glib.h>

typedef enum { PB_CODE_BY_CLAUSE = 0, PB_CODE_BY_SENTENCE, PB_CODE_ALL } pb_code_by;
typedef enum { PB_NONEVENTS_FALSE = 0, PB_NONEVENTS_TRUE, PB_NONEVENTS_ONLY } pb_nonevents;

enum {
    PB_OUT_ID = 1 << 0, PB_OUT_STORY = 1 << 1, PB_OUT_SENTENCE = 1 << 2, PB_OUT_DOC = 1 << 3,
    PB_OUT_TEXT = 1 << 4, PB_OUT_PATTERN = 1 << 5, PB_OUT_SHIFT = 1 << 6, PB_OUT_MATCH = 1 << 7,
    PB_OUT_ACTORS = 1 << 8, PB_OUT_AGENTS = 1 << 9, PB_OUT_PARENT = 1 << 10, PB_OUT_LOCS = 1 << 11
};

typedef struct {
    pb_code_by code_by;
    int min_words;           /* sentences with fewer words are not coded (commas count) */
    gboolean convert_agents; /* agents without an actor become actors */
    gboolean fbis;
    gboolean yyyy;           /* 8-digit dates in TABARI text records */
    int time_shift;          /* -1: on when the verbs have a <TIME> section; 0 off; 1 on */
    gboolean label;
    gboolean dup_warning;
    gboolean check_dominant;
    gboolean subclauses;     /* polybius: participle and subordinate clauses are coded on their own */
    gboolean possessive_nouns; /* polybius: a verb form after ITS, HIS, THEIR ... is a noun */
    gboolean reflexive_pronouns; /* polybius: a pronoun is never a different actor from its antecedent */
    gboolean long_passive;   /* polybius: BY anywhere in the clause after a passive verb */
    gboolean title_names;    /* polybius: the name after a title belongs to the title's actor */
    gboolean implied_roles;  /* polybius: no REB/MIL on an armed group's code, no GOV/ELI on an IGO's */
    gboolean compound_pairs; /* polybius: a compound subject without a target faces itself, both ways */
    gboolean shared_agents;  /* polybius: "Indian and Pakistani troops": the agent after a compound is every member's */

    /* COMPLEX: thresholds (0 = off) and conditions */
    int cx_verbs, cx_actors, cx_pronouns, cx_conj, cx_comma, cx_lateverb;
    gboolean cx_noactprior, cx_noactafter, cx_noverb, cx_nosource, cx_notarget, cx_noevent;
    gboolean cx_explain;

    /* COMMA: limits of deleted comma-delimited clauses */
    gboolean comma_off;
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;

    /* DEFAULT: */
    char default_source[32];  /* "" = none */
    char default_target[32];
    gboolean default_prior, default_after;

    pb_nonevents nonevents;
    unsigned output;          /* PB_OUT_* */

    /* FORWARD: pronoun forwarding between records of one story */
    gboolean forward;         /* a FORWARD command is active and not OFF */
    gboolean forward_doc;
    char forward_fmt[64];

    GPtrArray *labels;        /* "CODE=text" strings (owned) */
} pb_options;

void pb_options_init(pb_options *o);
void pb_options_clear(pb_options *o);
void pb_options_copy(pb_options *dst, const pb_options *src);

/* Apply one options line ("SET: CODE BY CLAUSE"). Returns FALSE and sets
 * *message (owned by the caller) when the command is unknown or malformed;
 * *warning is set instead when the line was understood with an assumption
 * or concerns only TABARI's interactive screen. */
gboolean pb_options_apply(pb_options *o, const char *line, char **message, gboolean *warning);

#endif
