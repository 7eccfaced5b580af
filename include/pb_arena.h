/*
 * pb_arena.h - a bump allocator for per-sentence scratch memory.
 *
 * Coding a sentence needs many small, short-lived arrays (tokens, word
 * types, candidate actors, events). They all come from one arena that is
 * reset after each sentence, so the coding path does no malloc/free in the
 * steady state: after the first few sentences the arena's blocks are big
 * enough and reset() only moves a pointer back. Each thread owns its arena.
 */
#ifndef PB_ARENA_H
#define PB_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct pb_arena_block pb_arena_block;

typedef struct pb_arena {
    pb_arena_block *head;     /* block being filled */
    pb_arena_block *spare;    /* blocks kept for reuse after a reset */
    size_t block_size;        /* size of the next new block */
    uint64_t system_allocs;   /* malloc calls made so far (for tests) */
} pb_arena;

void pb_arena_init(pb_arena *arena, size_t first_block_size);
void pb_arena_free(pb_arena *arena);

/* Zeroed memory, aligned for any type. Aborts on out-of-memory like GLib. */
void *pb_arena_alloc(pb_arena *arena, size_t size);
/* The same without zeroing, for buffers written before they are read. */
void *pb_arena_alloc_raw(pb_arena *arena, size_t size);
/* Copy of [s, s+len) with a NUL appended. */
char *pb_arena_strndup(pb_arena *arena, const char *s, size_t len);
char *pb_arena_strdup(pb_arena *arena, const char *s);
char *pb_arena_printf(pb_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Forget everything allocated; keep the memory for the next sentence. */
void pb_arena_reset(pb_arena *arena);

#define PB_ARENA_NEW(arena, type, n) ((type *)pb_arena_alloc((arena), sizeof(type) * (size_t)(n)))

#endif
