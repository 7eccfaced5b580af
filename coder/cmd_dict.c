/*
 * cmd_dict.c - `polybius dict lint|stats|lookup`: tools for dictionary
 * editors. lint prints every problem as file:line:col; stats counts
 * entries by kind; lookup shows which entry a phrase matches and the code
 * it resolves to on a date.
 */
#include "pb_cli.h"
#include "pb_dict_cache.h"
#include "pb_lexicon.h"

#include <stdio.h>
#include <string.h>

/* The kind of a dictionary file from its name. */
static const char *kind_of(const char *path)
{
    char *base = g_path_get_basename(path);
    char *low = g_ascii_strdown(base, -1);
    const char *kind = NULL;
    static const char *const kinds[] = {"actor", "agent", "verb", "discard", "issue", "option", "project"};
    for (size_t i = 0; i < G_N_ELEMENTS(kinds) && !kind; i++)
        if (strstr(low, kinds[i]))
            kind = kinds[i];
    g_free(low);
    g_free(base);
    return kind;
}

static gboolean add_by_kind(pb_dict_files *f, const char *path, const char *kind, pb_diags *diags)
{
    if (!kind) {
        fprintf(stderr, "polybius: cannot tell what kind of dictionary '%s' is; name it *.actors, *.agents, *.verbs, "
                        "*.discards, *.issues, *.options or *.project, or use --as KIND\n", path);
        return FALSE;
    }
    GPtrArray *dest = NULL;
    if (g_str_has_prefix(kind, "actor"))
        dest = f->actors;
    else if (g_str_has_prefix(kind, "agent"))
        dest = f->agents;
    else if (g_str_has_prefix(kind, "verb"))
        dest = f->verbs;
    else if (g_str_has_prefix(kind, "discard"))
        dest = f->discards;
    else if (g_str_has_prefix(kind, "issue"))
        dest = f->issues;
    else if (g_str_has_prefix(kind, "option"))
        dest = f->options;
    else if (g_str_has_prefix(kind, "project")) {
        GError *error = NULL;
        if (!pb_project_read(path, f, diags, &error)) {
            fprintf(stderr, "polybius: %s\n", error->message);
            g_error_free(error);
            return FALSE;
        }
        return TRUE;
    } else {
        fprintf(stderr, "polybius: unknown dictionary kind '%s'\n", kind);
        return FALSE;
    }
    g_ptr_array_add(dest, g_strdup(path));
    return TRUE;
}

/* Load the files named on the command line (lint, stats). */
static pb_dict *load_named(int argc, char **argv, const char *as, pb_diags *diags, int *status)
{
    pb_dict_files f;
    pb_dict_files_init(&f);
    for (int i = 1; i < argc; i++) {
        const char *path = argv[i];
        if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
            GError *error = NULL;
            if (!pb_dict_files_from_dir(path, &f, &error)) {
                fprintf(stderr, "polybius: %s\n", error->message);
                g_error_free(error);
                *status = PB_EXIT_INPUT;
                pb_dict_files_clear(&f);
                return NULL;
            }
            continue;
        }
        if (!add_by_kind(&f, path, as ? as : kind_of(path), diags)) {
            *status = PB_EXIT_USAGE;
            pb_dict_files_clear(&f);
            return NULL;
        }
    }
    GError *error = NULL;
    pb_dict *d = pb_dict_load_files(&f, diags, &error);
    pb_dict_files_clear(&f);
    if (!d) {
        fprintf(stderr, "polybius: %s\n", error->message);
        g_error_free(error);
        *status = PB_EXIT_INPUT;
    }
    return d;
}

static int cmd_lint(int argc, char **argv)
{
    char *as = NULL;
    gboolean quiet = FALSE;
    GOptionEntry entries[] = {
        {"as", 0, 0, G_OPTION_ARG_STRING, &as, "Read every FILE as this kind (actors, agents, verbs, discards, issues, options, project)", "KIND"},
        {"errors-only", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print errors only, not warnings", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("FILE... - check dictionaries");
    g_option_context_set_description(ctx,
        "Prints every problem as FILE:LINE:COL: error|warning: message. A warning is a\n"
        "problem the loader repaired with a stated assumption; an error is an entry that\n"
        "cannot be used. The kind of each file comes from its name (*.actors, *.verbs ...).\n"
        "Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    int status = PB_EXIT_OK;
    if (!pb_cli_parse(ctx, &argc, &argv)) {
        status = PB_EXIT_USAGE;
    } else if (argc < 2) {
        fprintf(stderr, "polybius dict lint: no FILE given (see --help)\n");
        status = PB_EXIT_USAGE;
    } else {
        pb_diags diags;
        pb_diags_init(&diags);
        pb_dict *d = load_named(argc, argv, as, &diags, &status);
        if (d) {
            pb_diags_print(&diags, stdout, !quiet);
            fprintf(stderr, "%d error%s, %d warning%s\n", diags.errors, diags.errors == 1 ? "" : "s",
                    diags.warnings, diags.warnings == 1 ? "" : "s");
            status = diags.errors ? PB_EXIT_INPUT : PB_EXIT_OK;
            pb_dict_free(d);
        } else {
            pb_diags_print(&diags, stdout, !quiet);
        }
        pb_diags_clear(&diags);
    }
    g_free(as);
    g_option_context_free(ctx);
    return status;
}

static int cmd_stats(int argc, char **argv)
{
    char *as = NULL;
    gboolean tsv = FALSE;
    GOptionEntry entries[] = {
        {"as", 0, 0, G_OPTION_ARG_STRING, &as, "Read every FILE as this kind", "KIND"},
        {"tsv", 0, 0, G_OPTION_ARG_NONE, &tsv, "Print 'kind<TAB>count' lines", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("FILE... - count dictionary entries by kind");
    g_option_context_add_main_entries(ctx, entries, NULL);
    int status = PB_EXIT_OK;
    if (!pb_cli_parse(ctx, &argc, &argv)) {
        status = PB_EXIT_USAGE;
    } else if (argc < 2) {
        fprintf(stderr, "polybius dict stats: no FILE given (see --help)\n");
        status = PB_EXIT_USAGE;
    } else {
        pb_diags diags;
        pb_diags_init(&diags);
        pb_dict *d = load_named(argc, argv, as, &diags, &status);
        if (d) {
            pb_dict_stats s;
            pb_dict_get_stats(d, &s);
            struct { const char *name; guint n; } rows[] = {
                {"actors", s.actors}, {"actor_phrases", s.actor_phrases}, {"synonyms", s.synonyms},
                {"dated_codes", s.dated_codes}, {"agents", s.agents}, {"agent_phrases", s.agent_phrases},
                {"verbs", s.verbs}, {"verb_forms", s.verb_forms}, {"patterns", s.patterns},
                {"synsets", s.synsets}, {"nouns", s.nouns}, {"adjectives", s.adjectives},
                {"time_phrases", s.time_phrases}, {"attrib_phrases", s.attrib_phrases},
                {"discards", s.discards}, {"issues", s.issues},
                {"errors", (guint)diags.errors}, {"warnings", (guint)diags.warnings},
            };
            for (size_t i = 0; i < G_N_ELEMENTS(rows); i++)
                printf(tsv ? "%s\t%u\n" : "%-16s %8u\n", rows[i].name, rows[i].n);
            pb_dict_free(d);
        }
        pb_diags_clear(&diags);
    }
    g_free(as);
    g_option_context_free(ctx);
    return status;
}

/* polybius dict compile -o FILE [dictionary options]: load the chosen
 * dictionaries and write them as a compiled cache (pb_dict_cache.h). */
static int cmd_compile(int argc, char **argv)
{
    char *out = NULL;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write the compiled dictionaries to FILE", "FILE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    pb_dict_cli cli = {0};
    GOptionContext *ctx = g_option_context_new("-o FILE - compile dictionaries for fast loading");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_add_group(ctx, pb_dict_cli_group(&cli));
    g_option_context_set_description(
        ctx, "Loads the dictionaries chosen by the dictionary options (default: the bundled set) and writes\n"
             "them to FILE. 'polybius code --dictionary-cache FILE' (and every command that loads\n"
             "dictionaries) then reads FILE instead of the text while the text files are unchanged, and\n"
             "rewrites it when one of them changed. The text files stay the source of truth.");
    int status = PB_EXIT_OK;
    if (!pb_cli_parse(ctx, &argc, &argv)) {
        status = PB_EXIT_USAGE;
    } else if (!out || argc > 1 || strcmp(out, "-") == 0) {
        fprintf(stderr, "polybius dict compile: give the output file with -o FILE (see --help)\n");
        status = PB_EXIT_USAGE;
    } else if (cli.cache) {
        fprintf(stderr, "polybius dict compile: --dictionary-cache is for the commands that use a cache; "
                        "compile writes the file given with -o\n");
        status = PB_EXIT_USAGE;
    } else {
        pb_dict_files files;
        pb_dict_files_init(&files);
        if (!pb_dict_cli_files(&cli, &files)) {
            status = PB_EXIT_INPUT;
        } else {
            pb_diags diags;
            pb_diags_init(&diags);
            GError *error = NULL;
            gint64 t0 = g_get_monotonic_time();
            pb_dict *d = pb_dict_load_files(&files, &diags, &error);
            pb_diags_print(&diags, stderr, cli.show_warnings);
            if (!d) {
                fprintf(stderr, "polybius dict compile: %s\n", error->message);
                g_error_free(error);
                status = PB_EXIT_INPUT;
            } else if (diags.errors > 0) {
                fprintf(stderr, "polybius dict compile: %d dictionary error%s; nothing written\n", diags.errors,
                        diags.errors == 1 ? "" : "s");
                status = PB_EXIT_INPUT;
            } else if (!pb_dict_cache_write(d, &files, &diags, out, &error)) {
                fprintf(stderr, "polybius dict compile: %s\n", error->message);
                g_error_free(error);
                status = PB_EXIT_INPUT;
            } else {
                double secs = (double)(g_get_monotonic_time() - t0) / 1e6;
                fprintf(stderr, "polybius dict compile: %s written (%d warning%s; %.3f s)\n", out, diags.warnings,
                        diags.warnings == 1 ? "" : "s", secs);
            }
            pb_dict_free(d);
            pb_diags_clear(&diags);
        }
        pb_dict_files_clear(&files);
    }
    g_free(out);
    pb_dict_cli_clear(&cli);
    g_option_context_free(ctx);
    return status;
}

int pb_cmd_dict(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        FILE *out = argc < 2 ? stderr : stdout;
        fprintf(out, "Usage: polybius dict lint|stats|lookup|compile [OPTIONS] ...\n\n"
                     "  lint FILE...        every problem as file:line:col (exit 1 on errors)\n"
                     "  stats FILE...       entry counts by kind\n"
                     "  lookup \"PHRASE\"     which entry matches and the code on --date\n"
                     "  compile -o FILE     compiled dictionaries for --dictionary-cache\n");
        return argc < 2 ? PB_EXIT_USAGE : PB_EXIT_OK;
    }
    if (strcmp(argv[1], "lint") == 0)
        return cmd_lint(argc - 1, argv + 1);
    if (strcmp(argv[1], "stats") == 0)
        return cmd_stats(argc - 1, argv + 1);
    if (strcmp(argv[1], "lookup") == 0)
        return pb_cmd_dict_lookup(argc - 1, argv + 1);
    if (strcmp(argv[1], "compile") == 0)
        return cmd_compile(argc - 1, argv + 1);
    fprintf(stderr, "polybius dict: unknown tool '%s' (lint, stats, lookup, compile)\n", argv[1]);
    return PB_EXIT_USAGE;
}
