/*
 * arena.c - bump allocator for per-sentence scratch memory (see pb_arena.h).
 *
 * Blocks form a list; allocation bumps an offset in the head block and
 * opens a new, larger block when it is full. reset() moves every block to
 * the spare list, and the next allocations reuse them largest first, so a
 * long run reaches a fixed working set and stops calling malloc.
 */
#include "pb_arena.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct pb_arena_block {
    pb_arena_block *next;
    size_t size;
    size_t used;
    max_align_t data[];
};

#define ALIGNMENT (_Alignof(max_align_t))

static pb_arena_block *block_new(pb_arena *arena, size_t min_size)
{
    size_t size = arena->block_size;
    while (size < min_size)
        size *= 2;
    pb_arena_block *b = g_malloc(sizeof(pb_arena_block) + size);
    b->size = size;
    b->used = 0;
    b->next = NULL;
    arena->system_allocs++;
    if (arena->block_size < (size_t)1 << 24)
        arena->block_size = size * 2;
    return b;
}

void pb_arena_init(pb_arena *arena, size_t first_block_size)
{
    memset(arena, 0, sizeof *arena);
    arena->block_size = first_block_size ? first_block_size : 16384;
}

static void free_list(pb_arena_block *b)
{
    while (b) {
        pb_arena_block *next = b->next;
        g_free(b);
        b = next;
    }
}

void pb_arena_free(pb_arena *arena)
{
    free_list(arena->head);
    free_list(arena->spare);
    arena->head = arena->spare = NULL;
}

void *pb_arena_alloc(pb_arena *arena, size_t size)
{
    void *p = pb_arena_alloc_raw(arena, size);
    memset(p, 0, (size + ALIGNMENT - 1) & ~(ALIGNMENT - 1));
    return p;
}

void *pb_arena_alloc_raw(pb_arena *arena, size_t size)
{
    size = (size + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
    if (size == 0)
        size = ALIGNMENT;
    pb_arena_block *b = arena->head;
    if (!b || b->size - b->used < size) {
        /* Reuse a spare block that is big enough, else make a new one. */
        pb_arena_block **link = &arena->spare;
        while (*link && (*link)->size < size)
            link = &(*link)->next;
        if (*link) {
            b = *link;
            *link = b->next;
            b->used = 0;
        } else {
            b = block_new(arena, size);
        }
        b->next = arena->head;
        arena->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

char *pb_arena_strndup(pb_arena *arena, const char *s, size_t len)
{
    char *p = pb_arena_alloc(arena, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *pb_arena_strdup(pb_arena *arena, const char *s)
{
    return pb_arena_strndup(arena, s, strlen(s));
}

char *pb_arena_printf(pb_arena *arena, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = pb_arena_alloc(arena, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void pb_arena_reset(pb_arena *arena)
{
    /* Keep the spare list sorted by size so the biggest blocks are reused
     * first; the number of blocks is small (a handful). */
    pb_arena_block *b = arena->head;
    while (b) {
        pb_arena_block *next = b->next;
        pb_arena_block **link = &arena->spare;
        while (*link && (*link)->size > b->size)
            link = &(*link)->next;
        b->next = *link;
        b->used = 0;
        *link = b;
        b = next;
    }
    arena->head = NULL;
}
