/*
 * fuzz_text.c - libFuzzer target for the sentence splitter and the
 * tokenizer: split any bytes into sentences, tokenise each one, and check
 * the spans and offsets stay inside the input.
 */
#include "pb_split.h"
#include "pb_token.h"

#include <stdint.h>
#include <stdlib.h>

int pb_fuzz_text(const uint8_t *data, size_t size);

int pb_fuzz_text(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(pb_span));
    pb_split_sentences(s, size, spans);
    pb_arena arena;
    pb_arena_init(&arena, 4096);
    for (guint i = 0; i < spans->len; i++) {
        pb_span *sp = &g_array_index(spans, pb_span, i);
        if (sp->start > sp->end || sp->end > size)
            abort();
        pb_tokens t;
        pb_tokenize(&arena, s + sp->start, sp->end - sp->start, &t);
        for (size_t k = 0; k < t.n; k++)
            if (t.t[k].start > t.t[k].end || t.t[k].end > sp->end - sp->start)
                abort();
        pb_arena_reset(&arena);
    }
    pb_tokens all;
    pb_tokenize(&arena, s, size, &all);
    pb_arena_free(&arena);
    g_array_unref(spans);
    return 0;
}

#ifndef PB_FUZZ_NO_ENTRY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return pb_fuzz_text(data, size);
}
#endif
