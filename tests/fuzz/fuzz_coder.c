/*
 * fuzz_coder.c - libFuzzer target for the whole coder. The input is a
 * sentence, or "VERBS\n%%\nSENTENCE": a verbs dictionary added to a small
 * fixed one, then the sentence to code. Each input is coded twice: with
 * TABARI's rules and with every polybius option on. Coding must finish
 * without crashing, and every event's text offsets must lie inside the
 * sentence.
 */
#define _GNU_SOURCE
#include "pb_coder.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *actors = "ARNOR [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\nOSGILIATH [OSG]\nTHE_SHIRE [FRO/BIL/SAM]\n"
                            "DONALD_TRUMP_\n+TRUMP_\n\t[USAGOV 20170120-20210120]\n\t[USAELI]\n"
                            "ITHILEN TELEVISION [ITHTV]\n<NOUN>\nBOMBS\n</NOUN>\n<ADJECTIVE>\nBIG\n</ADJECTIVE>\n";
static const char *agents = "PRESIDENT_ [~GOV]\nSOLDIER_ [~MIL]\nHUMAN_RIGHTS_GROUP_ [NGO~]\n";
static const char *verbs = "&WEAPONS\n+GUNS\n+TANKS_\n--- ATTACK [190] ---\nATTACK\n- * + WITH &WEAPONS [195]\n"
                           "- + WAS * BY $ [190]\n--- MEET [040:040] ---\nMEET {MET}\n- % * [046]\n"
                           "SAY [010?]\n- * { WOULD | WILL } ATTACK_ + [138]\n<TIME>\nYESTERDAY [-1]\n</TIME>\n";
static const char *const option_sets[] = {
    "SET: MINIMUM WORDS = 1\nFORWARD: *\n",
    "SET: MINIMUM WORDS = 1\nFORWARD: *\nSET: SUBCLAUSES = TRUE\nSET: POSSESSIVE NOUNS = TRUE\n"
    "SET: REFLEXIVE PRONOUNS = TRUE\nSET: LONG PASSIVE = TRUE\nSET: TITLE NAMES = TRUE\n"
    "SET: IMPLIED ROLES = TRUE\nSET: COMPOUND PAIRS = TRUE\nSET: SHARED AGENTS = TRUE\n",
};

int pb_fuzz_coder(const uint8_t *data, size_t size);

static void code_once(const char *options, const char *s, size_t size, const char *sep)
{
    pb_diags diags;
    pb_diags_init(&diags);
    pb_dict *d = pb_dict_new();
    pb_dict_load_options_buffer(d, "f.options", options, strlen(options), &diags);
    pb_dict_load_actors_buffer(d, "f.actors", actors, strlen(actors), &diags);
    pb_dict_load_agents_buffer(d, "f.agents", agents, strlen(agents), &diags);
    pb_dict_load_verbs_buffer(d, "f.verbs", verbs, strlen(verbs), &diags);
    const char *text = s;
    size_t len = size;
    if (sep) {
        pb_dict_load_verbs_buffer(d, "fuzz.verbs", s, (size_t)(sep - s), &diags);
        text = sep + 4;
        len = size - (size_t)(text - s);
    }
    pb_dict_freeze(d, &diags);
    pb_coder c;
    pb_coder_init(&c, d, NULL);
    pb_result r;
    pb_forward fwd = {"ARN", FALSE, TRUE};
    pb_code_sentence(&c, text, len, 20260108, &fwd, &r);
    for (size_t i = 0; i < r.nevents; i++) {
        const pb_event *e = &r.events[i];
        if (!e->source || !e->target || !e->code)
            abort();
        if (e->source_start >= 0 && (e->source_end < e->source_start || (size_t)e->source_end > len))
            abort();
        if (e->verb_start >= 0 && (e->verb_end < e->verb_start || (size_t)e->verb_end > len))
            abort();
    }
    pb_coder_clear(&c);
    pb_diags_clear(&diags);
    pb_dict_free(d);
}

int pb_fuzz_coder(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *sep = size >= 4 ? memmem(s, size, "\n%%\n", 4) : NULL;
    for (size_t i = 0; i < sizeof option_sets / sizeof option_sets[0]; i++)
        code_once(option_sets[i], s, size, sep);
    return 0;
}

#ifndef PB_FUZZ_NO_ENTRY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return pb_fuzz_coder(data, size);
}
#endif
