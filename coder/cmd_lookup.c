/*
 * cmd_lookup.c - `polybius dict lookup "PHRASE"`: every dictionary entry
 * that matches the text, where it is defined, and what it resolves to on
 * a date. The same matcher as the coder's, without the parser.
 */
#include "pb_cli.h"
#include "pb_lexicon.h"

#include <stdio.h>
#include <string.h>

static const char *kind_name(int kind)
{
    switch (kind) {
    case PB_ROOT_ACTOR: return "actor";
    case PB_ROOT_AGENT: return "agent";
    case PB_ROOT_VERB: return "verb";
    case PB_ROOT_NOUN: return "noun";
    case PB_ROOT_ADJECTIVE: return "adjective";
    case PB_ROOT_TIME: return "time";
    case PB_ROOT_ATTRIB: return "attribution";
    case PB_ROOT_DISCARD: return "discard";
    case PB_ROOT_ISSUE: return "issue";
    }
    return "?";
}

static void describe(const pb_dict *d, const pb_phrase *p, pb_date date)
{
    switch (p->kind) {
    case PB_ROOT_ACTOR: {
        const pb_actor *a = &g_array_index(d->actors, pb_actor, p->target);
        uint8_t special = 0;
        const char *code = pb_actor_resolve(d, p->target, date, &special);
        printf("  %s:%u  entry '%s'  -> %s", pb_dict_file(d, a->loc), a->loc.line, a->parent,
               code ? code : special == PB_SPECIAL_DISCARD ? "[###] discard" : special == PB_SPECIAL_COMPLEX ? "[+++] complex"
                                                                                                     : "[---] null");
        if (a->ncodes > 1) {
            printf("  (codes:");
            for (uint32_t i = 0; i < a->ncodes; i++) {
                const pb_actor_code *c = &g_array_index(d->actor_codes, pb_actor_code, a->first_code + i);
                printf(" %s", c->code ? c->code : "---");
                if (c->restricted) {
                    /* as in the dictionary: >FROM, <TO or FROM-TO */
                    if (!c->to)
                        printf(" >%d", (int)c->from);
                    else if (!c->from)
                        printf(" <%d", (int)c->to);
                    else
                        printf(" %d-%d", (int)c->from, (int)c->to);
                }
                printf(i + 1 < a->ncodes ? ";" : ")");
            }
        }
        printf("\n");
        break;
    }
    case PB_ROOT_AGENT: {
        const pb_agent *a = &g_array_index(d->agents, pb_agent, p->target);
        printf("  %s:%u  -> %s%s%s\n", pb_dict_file(d, a->loc), a->loc.line, a->prefix ? "" : "~", a->code,
               a->prefix ? "~" : "");
        break;
    }
    case PB_ROOT_VERB:
    case PB_ROOT_TIME:
    case PB_ROOT_ATTRIB: {
        const pb_verb *v = &g_array_index(d->verbs, pb_verb, p->target);
        const pb_group *g = &g_array_index(d->groups, pb_group, v->group);
        const char *code = v->code.special == PB_SPECIAL_NULL ? "---" : v->code.special == PB_SPECIAL_DISCARD ? "###"
                           : v->code.special == PB_SPECIAL_COMPLEX ? "+++" : v->code.code ? v->code.code : "";
        printf("  %s:%u  verb '%s' [%s], %u pattern%s\n", pb_dict_file(d, v->loc), v->loc.line, v->name, code,
               g->npatterns, g->npatterns == 1 ? "" : "s");
        break;
    }
    case PB_ROOT_ISSUE: {
        const pb_issue *is = &g_array_index(d->issues, pb_issue, p->target);
        printf("  %s:%u  issue %s %s\n", pb_dict_file(d, is->loc), is->loc.line, is->category,
               is->exclude ? "(exclusion)" : is->code);
        break;
    }
    default:
        printf("\n");
    }
}

int pb_cmd_dict_lookup(int argc, char **argv)
{
    static const pb_text_command spec = {"dict lookup", "PHRASE",
                                          "\"PHRASE\" - which dictionary entries match, and their codes",
                                          "Resolve dated actor codes on DATE (YYYY-MM-DD; default: today)"};
    pb_dict_cli cli = {0};
    pb_date date;
    char *text = pb_cli_text_command(&spec, &cli, &argc, &argv, &date);
    int status = text ? PB_EXIT_OK : PB_EXIT_USAGE;
    if (text) {
        pb_dict *d = pb_dict_cli_load(&cli, NULL);
        if (!d) {
            status = PB_EXIT_INPUT;
        } else {
            pb_arena arena;
            pb_arena_init(&arena, 4096);
            pb_tokens toks;
            pb_tokenize(&arena, text, strlen(text), &toks);
            pb_lexicon_index(d, &arena, &toks);
            int found = 0;
            int32_t pos[64];
            for (size_t i = 0; i < toks.n; i++) {
                uint32_t lits[64];
                size_t nl = pb_dict_prefix_lits(d, toks.t[i].norm, toks.t[i].len, lits, 64);
                for (size_t li = 0; li < nl; li++) {
                    for (uint32_t k = d->phrase_start[lits[li]]; k < d->phrase_start[lits[li] + 1]; k++) {
                        const pb_phrase *p = pb_dict_phrase(d, d->phrase_index[k]);
                        if (!pb_lexicon_phrase_at(d, &toks, NULL, i, p, pos))
                            continue;
                        found++;
                        printf("%s '", kind_name(p->kind));
                        for (uint32_t w = 0; w < p->seq.count; w++)
                            printf("%s%s", w ? " " : "", toks.t[pos[w]].norm);
                        printf("' (%u letters)\n", p->nchars);
                        describe(d, p, date);
                    }
                }
            }
            if (!found)
                printf("no dictionary entry matches\n");
            pb_arena_free(&arena);
            pb_dict_free(d);
        }
    }
    g_free(text);
    pb_dict_cli_clear(&cli);
    return status;
}
