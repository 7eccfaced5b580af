/*
 * cli_dict.c - the dictionary options shared by every subcommand
 * (pb_cli.h): which files to load, and loading them with diagnostics.
 */
#include "pb_cli.h"
#include "pb_dict_cache.h"

#include <stdio.h>
#include <string.h>

GOptionGroup *pb_dict_cli_group(pb_dict_cli *cli)
{
    GOptionEntry entries[] = {
        {"dictionaries", 'D', 0, G_OPTION_ARG_FILENAME, &cli->dir,
         "Dictionary directory (default: the bundled dictionaries)", "DIR"},
        {"actors", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli->actors,
         "Actors file; replaces the bundled actors (repeatable)", "FILE"},
        {"agents", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli->agents,
         "Agents file; replaces the bundled agents (repeatable)", "FILE"},
        {"verbs", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli->verbs,
         "Verbs file; replaces the bundled verbs (repeatable)", "FILE"},
        {"discards", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli->discards,
         "Discards file; replaces the bundled discards (repeatable)", "FILE"},
        {"issues", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli->issues,
         "Issues file; replaces the bundled issues (repeatable)", "FILE"},
        {"options", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli->options,
         "TABARI .options file; replaces the bundled options (repeatable)", "FILE"},
        {"project", 0, 0, G_OPTION_ARG_FILENAME, &cli->project,
         "TABARI .project file naming the dictionaries", "FILE"},
        {"dictionary-cache", 0, 0, G_OPTION_ARG_FILENAME, &cli->cache,
         "Compiled dictionaries: read FILE when it is current, else load the text and rewrite FILE", "FILE"},
        {"warnings", 'W', 0, G_OPTION_ARG_NONE, &cli->show_warnings,
         "Print dictionary warnings too", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionGroup *g = g_option_group_new("dictionaries", "Dictionary options:",
                                         "Show the dictionary options", NULL, NULL);
    g_option_group_add_entries(g, entries);
    return g;
}

void pb_dict_cli_clear(pb_dict_cli *cli)
{
    g_free(cli->dir);
    g_strfreev(cli->actors);
    g_strfreev(cli->agents);
    g_strfreev(cli->verbs);
    g_strfreev(cli->discards);
    g_strfreev(cli->issues);
    g_strfreev(cli->options);
    g_free(cli->project);
    g_free(cli->cache);
    memset(cli, 0, sizeof *cli);
}

static void replace(GPtrArray *dest, char **files)
{
    if (!files || !files[0])
        return;
    g_ptr_array_set_size(dest, 0);
    for (char **f = files; *f; f++)
        g_ptr_array_add(dest, g_strdup(*f));
}

gboolean pb_dict_cli_files(const pb_dict_cli *cli, pb_dict_files *files)
{
    GError *error = NULL;
    if (cli->project) {
        pb_diags diags;
        pb_diags_init(&diags);
        gboolean ok = pb_project_read(cli->project, files, &diags, &error);
        if (!ok) {
            fprintf(stderr, "polybius: %s\n", error->message);
            g_error_free(error);
            pb_diags_clear(&diags);
            return FALSE;
        }
        pb_diags_print(&diags, stderr, FALSE);
        ok = diags.errors == 0;
        pb_diags_clear(&diags);
        if (!ok)
            return FALSE;
    } else {
        gboolean explicit_all = cli->actors && cli->verbs;
        char *dir = cli->dir ? g_strdup(cli->dir) : (explicit_all ? NULL : pb_bundled_dictionaries());
        if (!dir && !explicit_all) {
            fprintf(stderr, "polybius: cannot find the bundled dictionaries; set POLYBIUS_DICTIONARIES or use --dictionaries DIR\n");
            return FALSE;
        }
        if (dir && !pb_dict_files_from_dir(dir, files, &error)) {
            fprintf(stderr, "polybius: %s\n", error->message);
            g_error_free(error);
            g_free(dir);
            return FALSE;
        }
        g_free(dir);
    }
    replace(files->actors, cli->actors);
    replace(files->agents, cli->agents);
    replace(files->verbs, cli->verbs);
    replace(files->discards, cli->discards);
    replace(files->issues, cli->issues);
    replace(files->options, cli->options);
    return TRUE;
}

pb_dict *pb_dict_cli_load(const pb_dict_cli *cli, double *load_seconds)
{
    pb_dict_files files;
    pb_dict_files_init(&files);
    if (!pb_dict_cli_files(cli, &files)) {
        pb_dict_files_clear(&files);
        return NULL;
    }
    gint64 t0 = g_get_monotonic_time();
    pb_diags diags;
    pb_diags_init(&diags);
    GError *error = NULL;
    GPtrArray *notices = g_ptr_array_new_with_free_func(g_free);
    pb_dict *d = cli->cache ? pb_dict_load_cached(&files, cli->cache, &diags, NULL, notices, &error)
                            : pb_dict_load_files(&files, &diags, &error);
    /* problems with the cache itself are always said: they cost speed */
    for (guint i = 0; i < notices->len; i++)
        fprintf(stderr, "polybius: %s\n", (const char *)g_ptr_array_index(notices, i));
    g_ptr_array_unref(notices);
    if (load_seconds)
        *load_seconds = (double)(g_get_monotonic_time() - t0) / 1e6;
    if (!d) {
        fprintf(stderr, "polybius: %s\n", error->message);
        g_error_free(error);
    } else {
        pb_diags_print(&diags, stderr, cli->show_warnings);
        if (diags.errors > 0) {
            fprintf(stderr, "polybius: %d dictionary error%s; nothing coded\n", diags.errors, diags.errors == 1 ? "" : "s");
            pb_dict_free(d);
            d = NULL;
        } else if (diags.warnings > 0 && !cli->show_warnings) {
            /* quiet unless asked: warnings are for dictionary editors (dict lint) */
        }
    }
    pb_diags_clear(&diags);
    pb_dict_files_clear(&files);
    return d;
}

gboolean pb_cli_parse(GOptionContext *ctx, int *argc, char ***argv)
{
    GError *error = NULL;
    if (!g_option_context_parse(ctx, argc, argv, &error)) {
        fprintf(stderr, "polybius: %s (see --help)\n", error->message);
        g_error_free(error);
        return FALSE;
    }
    return TRUE;
}
