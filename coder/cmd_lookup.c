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
    pb_dict_cli cli = {0};
    char *date_text = NULL;
    GOptionEntry entries[] = {
        {"date", 'd', 0, G_OPTION_ARG_STRING, &date_text, "Resolve dated actor codes on DATE (YYYY-MM-DD; default: today)",
         "DATE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("\"PHRASE\" - which dictionary entries match, and their codes");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_add_group(ctx, pb_dict_cli_group(&cli));
    int status = PB_EXIT_OK;
    pb_date date = 0;
    if (!pb_cli_parse(ctx, &argc, &argv)) {
        status = PB_EXIT_USAGE;
    } else if (argc < 2) {
        fprintf(stderr, "polybius dict lookup: no PHRASE given (see --help)\n");
        status = PB_EXIT_USAGE;
    } else if (date_text && !(date = pb_date_parse_str(date_text))) {
        fprintf(stderr, "polybius dict lookup: --date '%s' is not a date (YYYY-MM-DD)\n", date_text);
        status = PB_EXIT_USAGE;
    }
    if (status == PB_EXIT_OK && !date)
        date = pb_date_today(); /* as explain does */
    if (status == PB_EXIT_OK) {
        pb_dict *d = pb_dict_cli_load(&cli, NULL);
        if (!d) {
            status = PB_EXIT_INPUT;
        } else {
            GString *text = g_string_new(NULL);
            for (int i = 1; i < argc; i++)
                g_string_append_printf(text, "%s%s", i > 1 ? " " : "", argv[i]);
            pb_arena arena;
            pb_arena_init(&arena, 4096);
            pb_tokens toks;
            pb_tokenize(&arena, text->str, text->len, &toks);
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
            g_string_free(text, TRUE);
            pb_dict_free(d);
        }
    }
    g_free(date_text);
    pb_dict_cli_clear(&cli);
    g_option_context_free(ctx);
    return status;
}
