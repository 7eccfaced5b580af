/*
 * lit_table.c - literal words by text: an open-addressing FNV-1a table
 * with linear probing (pb_lit_table.h).
 */
#include "pb_lit_table.h"

#include <string.h>

void pb_lit_table_clear(pb_lit_table *t)
{
    g_free(t->slots);
    g_free(t->hashes);
    memset(t, 0, sizeof *t);
}

static uint32_t probe(const pb_lit_table *t, pb_lit_texts texts, uint32_t h, const char *w, size_t n)
{
    if (!t->mask)
        return 0;
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        uint32_t id = t->slots[i];
        if (!id)
            return 0;
        if (t->hashes[i] == h && texts.lens[id] == n && memcmp(texts.strings[id], w, n) == 0)
            return id;
    }
}

uint32_t pb_lit_table_find(const pb_lit_table *t, pb_lit_texts texts, const char *w, size_t n)
{
    return probe(t, texts, pb_fnv1a(w, n), w, n);
}

static void place(pb_lit_table *t, uint32_t h, uint32_t id)
{
    uint32_t i = h & t->mask;
    while (t->slots[i])
        i = (i + 1) & t->mask;
    t->slots[i] = id;
    t->hashes[i] = h;
}

void pb_lit_table_add(pb_lit_table *t, const char *w, size_t n, uint32_t id)
{
    if ((t->count + 1) * 2 > t->mask + 1 || !t->mask) {
        pb_lit_table old = *t;
        uint32_t size = old.mask ? (old.mask + 1) * 2 : 1024;
        t->slots = g_new0(uint32_t, size);
        t->hashes = g_new0(uint32_t, size); /* empty slots too: the table is written to caches */
        t->mask = size - 1;
        for (uint32_t i = 0; old.mask && i <= old.mask; i++)
            if (old.slots[i])
                place(t, old.hashes[i], old.slots[i]);
        g_free(old.slots);
        g_free(old.hashes);
    }
    place(t, pb_fnv1a(w, n), id);
    t->count++;
}

size_t pb_lit_table_prefixes(const pb_lit_table *t, pb_lit_texts texts, const char *w, size_t n, uint32_t *out,
                             size_t max)
{
    size_t count = 0;
    uint32_t h = PB_FNV_BASIS;
    for (size_t i = 0; i < n && count < max; i++) {
        h = (h ^ (unsigned char)w[i]) * PB_FNV_PRIME;
        uint32_t id = probe(t, texts, h, w, i + 1);
        if (id)
            out[count++] = id;
    }
    return count;
}
