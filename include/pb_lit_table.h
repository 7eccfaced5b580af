/*
 * pb_lit_table.h - the dictionary's literal words, found by text.
 *
 * Every distinct upper-case word of the dictionaries is a literal with a
 * small integer id (pb_dict.lits holds the strings). This open-addressing
 * table maps a word to its id with FNV-1a hashes. Because FNV-1a is
 * computed letter by letter, the hash of every prefix of a word comes for
 * free while hashing it: pb_lit_table_prefixes finds all literals that are
 * prefixes of a text word (ACCUS, ACCUSE for ACCUSED) with one probe per
 * letter, which is how the coder finds candidate phrases. No per-letter
 * nodes are built, so loading stays cheap and the table is small (8 bytes
 * a slot, at most half full).
 */
#ifndef PB_LIT_TABLE_H
#define PB_LIT_TABLE_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t *slots;  /* literal id, 0 = empty */
    uint32_t *hashes; /* the FNV-1a hash of that slot's literal */
    uint32_t mask;    /* slots - 1; 0 before the first insertion */
    uint32_t count;
} pb_lit_table;

/* The text of literal id: strings[id], lens[id] letters. */
typedef struct {
    const char *const *strings;
    const guint16 *lens;
} pb_lit_texts;

#define PB_FNV_BASIS 2166136261u
#define PB_FNV_PRIME 16777619u

static inline uint32_t pb_fnv1a(const char *s, size_t n)
{
    uint32_t h = PB_FNV_BASIS;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * PB_FNV_PRIME;
    return h;
}

void pb_lit_table_clear(pb_lit_table *t);

/* The id of the literal spelled w[0..n), or 0 (ids start at 1). */
uint32_t pb_lit_table_find(const pb_lit_table *t, pb_lit_texts texts, const char *w, size_t n);

/* Record that literal id (its text already in texts) is spelled w[0..n);
 * the caller has checked that it is absent. */
void pb_lit_table_add(pb_lit_table *t, const char *w, size_t n, uint32_t id);

/* Every literal that is a prefix of w[0..n) (the whole word included),
 * shortest first; writes at most max ids to out and returns the count. */
size_t pb_lit_table_prefixes(const pb_lit_table *t, pb_lit_texts texts, const char *w, size_t n, uint32_t *out,
                             size_t max);

#endif
