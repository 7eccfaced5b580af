/*
 * fuzz_dict.c - libFuzzer target for the dictionary loaders. Built once
 * per format with -DPB_FUZZ_KIND=<n>: 0 actors, 1 agents, 2 verbs,
 * 3 discards, 4 issues, 5 options. Any input must load (with diagnostics)
 * and freeze without crashing, leaking or reading out of bounds. Without
 * PB_FUZZ_KIND only pb_fuzz_dict() is defined: tests/unit/test_fuzz_regress.c
 * replays saved inputs through it.
 */
#include "pb_dict.h"

#include <stddef.h>
#include <stdint.h>

int pb_fuzz_dict(int kind, const uint8_t *data, size_t size);

int pb_fuzz_dict(int kind, const uint8_t *data, size_t size)
{
    pb_diags diags;
    pb_diags_init(&diags);
    pb_dict *d = pb_dict_new();
    const char *s = (const char *)data;
    switch (kind) {
    case 0: pb_dict_load_actors_buffer(d, "fuzz.actors", s, size, &diags); break;
    case 1: pb_dict_load_agents_buffer(d, "fuzz.agents", s, size, &diags); break;
    case 2: pb_dict_load_verbs_buffer(d, "fuzz.verbs", s, size, &diags); break;
    case 3: pb_dict_load_discards_buffer(d, "fuzz.discards", s, size, &diags); break;
    case 4: pb_dict_load_issues_buffer(d, "fuzz.issues", s, size, &diags); break;
    default: pb_dict_load_options_buffer(d, "fuzz.options", s, size, &diags); break;
    }
    pb_dict_freeze(d, &diags);
    pb_diags_clear(&diags);
    pb_dict_free(d);
    return 0;
}

#ifdef PB_FUZZ_KIND
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return pb_fuzz_dict(PB_FUZZ_KIND, data, size);
}
#endif
