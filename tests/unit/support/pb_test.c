/*
 * pb_test.c - helpers for the unit tests (pb_test.h).
 */
#include "pb_test.h"
#include "pb_lexicon.h"

#include <stdio.h>
#include <string.h>

pb_dict *test_dict_diags(const char *actors, const char *agents, const char *verbs, const char *options,
                         pb_diags *diags)
{
    pb_dict *d = pb_dict_new();
    if (options)
        pb_dict_load_options_buffer(d, "test.options", options, strlen(options), diags);
    if (actors)
        pb_dict_load_actors_buffer(d, "test.actors", actors, strlen(actors), diags);
    if (agents)
        pb_dict_load_agents_buffer(d, "test.agents", agents, strlen(agents), diags);
    if (verbs)
        pb_dict_load_verbs_buffer(d, "test.verbs", verbs, strlen(verbs), diags);
    pb_dict_freeze(d, diags);
    return d;
}

pb_dict *test_dict(const char *actors, const char *agents, const char *verbs, const char *options)
{
    pb_diags diags;
    pb_diags_init(&diags);
    pb_dict *d = test_dict_diags(actors, agents, verbs, options, &diags);
    if (diags.errors) {
        pb_diags_print(&diags, stderr, TRUE);
        fail_msg("test dictionary has %d errors", diags.errors);
    }
    pb_diags_clear(&diags);
    return d;
}

char *test_code(const pb_dict *d, const char *text, pb_date date)
{
    pb_coder c;
    pb_coder_init(&c, d, NULL);
    pb_result r;
    pb_code_sentence(&c, text, strlen(text), date, NULL, &r);
    GString *g = g_string_new(NULL);
    if (r.status == PB_STATUS_CODED) {
        for (size_t i = 0; i < r.nevents; i++)
            g_string_append_printf(g, "%s%s %s %s", i ? "; " : "", r.events[i].source, r.events[i].target,
                                   r.events[i].code);
    } else {
        g_string_append_printf(g, "(%s)", pb_status_name(r.status));
    }
    pb_coder_clear(&c);
    return g_string_free(g, FALSE);
}

char *test_first_diag(const pb_diags *d)
{
    if (!d->items || d->items->len == 0)
        return g_strdup("");
    const pb_diag *x = g_ptr_array_index(d->items, 0);
    return g_strdup_printf("%d:%d: %s: %s", x->line, x->col, x->severity == PB_SEV_ERROR ? "error" : "warning",
                           x->message);
}

char *test_path(const char *relative)
{
    return g_build_filename(PB_TEST_SRCDIR, relative, NULL);
}

char *test_shared(const char *relative)
{
    char *p = g_build_filename(PB_TEST_SRCDIR, "..", "shared", "third_party", relative, NULL);
    if (!g_file_test(p, G_FILE_TEST_EXISTS)) {
        printf("SKIP: %s is absent (../shared/third_party not available)\n", relative);
        g_free(p);
        return NULL;
    }
    return p;
}

int32_t test_phrase_at_start(const pb_dict *d, const char *text, unsigned kinds)
{
    pb_arena a;
    pb_arena_init(&a, 1024);
    pb_tokens t;
    pb_tokenize(&a, text, strlen(text), &t);
    pb_lexicon_index(d, &a, &t);
    int32_t pos[64];
    int32_t p = pb_lexicon_best_at(d, &t, NULL, 0, kinds, pos);
    pb_arena_free(&a);
    return p;
}
