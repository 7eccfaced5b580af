/*
 * pb_match.h - matching a verb's patterns against a parsed clause.
 *
 * A pattern is read left to right from the start of the clause: the words
 * before '*' must appear before the verb in that order, the words after it
 * after the verb. A blank between two tokens lets other words come in
 * between; '_' makes them adjacent. '$', '+', '%', '^' and '@' match whole
 * actors (a compound actor counts as one); '&SET' and '{ a | b }' try each
 * member. Matching never crosses a comma that ends a clause or a
 * conjunction that splits one. The search backtracks, so a pattern matches
 * whenever some reading of the clause satisfies it; the first reading in
 * left-to-right order decides which actors fill '$' and '+'.
 */
#ifndef PB_MATCH_H
#define PB_MATCH_H

#include "pb_parse.h"

typedef struct {
    pb_ref source, target, compound, attrib;  /* filled by $ + % @ */
    uint32_t length;                          /* letters matched (alternatives counted as matched) */
    int32_t first, last;                      /* extent of the matched words */
} pb_match;

/* The clause region a verb's patterns may use. */
typedef struct {
    int32_t lo, hi;  /* words [lo, hi) */
    int32_t v, ve;   /* the verb's first and last word */
} pb_verb_site;

void pb_verb_site_init(const pb_sentence *s, const pb_clause *c, int32_t v, pb_verb_site *site);

/* Try one pattern; TRUE and *m filled when it matches. */
gboolean pb_match_pattern(const pb_dict *d, const pb_sentence *s, const pb_pattern *p, const pb_verb_site *site,
                          pb_match *m);

/* Try a group's patterns longest first, with TABARI's rule for
 * alternatives (a match through a shorter alternative lets longer patterns
 * still be tried). Returns the pattern index in d->patterns or -1.
 * trace (may be NULL) receives one line per pattern tried. */
int32_t pb_match_group(const pb_dict *d, const pb_sentence *s, uint32_t group, const pb_verb_site *site,
                       pb_match *m, GString *trace);

#endif
