/*
 * project.c - TABARI project files, dictionary directories, and loading a
 * chosen set of dictionary files into one frozen pb_dict (pb_project.h).
 */
#include "pb_project.h"

#include <string.h>
#include <unistd.h>

void pb_dict_files_init(pb_dict_files *f)
{
    f->actors = g_ptr_array_new_with_free_func(g_free);
    f->agents = g_ptr_array_new_with_free_func(g_free);
    f->verbs = g_ptr_array_new_with_free_func(g_free);
    f->discards = g_ptr_array_new_with_free_func(g_free);
    f->issues = g_ptr_array_new_with_free_func(g_free);
    f->options = g_ptr_array_new_with_free_func(g_free);
    f->texts = g_ptr_array_new_with_free_func(g_free);
}

void pb_dict_files_clear(pb_dict_files *f)
{
    GPtrArray **all[] = {&f->actors, &f->agents, &f->verbs, &f->discards, &f->issues, &f->options, &f->texts};
    for (size_t i = 0; i < G_N_ELEMENTS(all); i++) {
        if (*all[i])
            g_ptr_array_unref(*all[i]);
        *all[i] = NULL;
    }
}

gboolean pb_project_read(const char *path, pb_dict_files *f, pb_diags *diags, GError **error)
{
    char *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &data, &len, error))
        return FALSE;
    char *dir = g_path_get_dirname(path);
    char **lines = g_strsplit(data, "\n", -1);
    int lineno = 0;
    for (char **l = lines; *l; l++) {
        lineno++;
        char *s = g_strstrip(*l);
        if (s[0] != '<')
            continue;
        char *close = strchr(s, '>');
        if (!close)
            continue;
        char *tag = g_ascii_strdown(s + 1, close - s - 1);
        char *value = g_strstrip(g_strdup(close + 1));
        GPtrArray *dest = NULL;
        if (g_str_has_prefix(tag, "actorsfile"))
            dest = f->actors;
        else if (g_str_has_prefix(tag, "agentsfile"))
            dest = f->agents;
        else if (g_str_has_prefix(tag, "verbsfile"))
            dest = f->verbs;
        else if (g_str_has_prefix(tag, "optionsfile"))
            dest = f->options;
        else if (g_str_has_prefix(tag, "issuesfile"))
            dest = f->issues;
        else if (g_str_has_prefix(tag, "discardsfile"))
            dest = f->discards;
        else if (g_str_has_prefix(tag, "textfile"))
            dest = f->texts;
        if (dest) {
            if (!value[0]) {
                pb_diags_add(diags, PB_SEV_ERROR, path, lineno, 1, "<%s> without a file name", tag);
            } else {
                char *p = g_path_is_absolute(value) ? g_strdup(value) : g_build_filename(dir, value, NULL);
                g_ptr_array_add(dest, p);
            }
        }
        g_free(tag);
        g_free(value);
    }
    g_strfreev(lines);
    g_free(dir);
    g_free(data);
    if (f->actors->len == 0 || f->verbs->len == 0)
        pb_diags_add(diags, PB_SEV_ERROR, path, 0, 0, "a project needs at least one <actorsfile> and one <verbsfile>");
    return TRUE;
}

static int compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

gboolean pb_dict_files_from_dir(const char *dir, pb_dict_files *f, GError **error)
{
    GDir *d = g_dir_open(dir, 0, error);
    if (!d)
        return FALSE;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *n;
    while ((n = g_dir_read_name(d)) != NULL)
        g_ptr_array_add(names, g_strdup(n));
    g_dir_close(d);
    g_ptr_array_sort(names, compare_names);
    struct { const char *ext; GPtrArray *dest; } kinds[] = {
        {".actors", f->actors}, {".agents", f->agents}, {".verbs", f->verbs},
        {".discards", f->discards}, {".issues", f->issues}, {".options", f->options},
    };
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        for (size_t k = 0; k < G_N_ELEMENTS(kinds); k++) {
            char *txt = g_strconcat(kinds[k].ext, ".txt", NULL);
            gboolean match = g_str_has_suffix(name, kinds[k].ext) || g_str_has_suffix(name, txt);
            g_free(txt);
            if (match) {
                g_ptr_array_add(kinds[k].dest, g_build_filename(dir, name, NULL));
                break;
            }
        }
    }
    g_ptr_array_unref(names);
    return TRUE;
}

char *pb_bundled_dictionaries(void)
{
    const char *env = g_getenv("POLYBIUS_DICTIONARIES");
    if (env && *env)
        return g_strdup(env);
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *bindir = g_path_get_dirname(exe);
        /* build/polybius -> ../dictionaries ; installed bin -> ../share/polybius */
        const char *candidates[] = {"../dictionaries", "../../dictionaries", "../share/polybius/dictionaries"};
        for (size_t i = 0; i < G_N_ELEMENTS(candidates); i++) {
            char *p = g_build_filename(bindir, candidates[i], NULL);
            char *probe = g_build_filename(p, "cameo_codebook.tsv", NULL);
            gboolean ok = g_file_test(probe, G_FILE_TEST_EXISTS);
            g_free(probe);
            if (ok) {
                char *canon = g_canonicalize_filename(p, NULL);
                g_free(p);
                g_free(bindir);
                return canon;
            }
            g_free(p);
        }
        g_free(bindir);
    }
#ifdef POLYBIUS_DATADIR
    char *p = g_build_filename(POLYBIUS_DATADIR, "dictionaries", NULL);
    if (g_file_test(p, G_FILE_TEST_IS_DIR))
        return p;
    g_free(p);
#endif
    return NULL;
}

pb_dict *pb_dict_load_files(const pb_dict_files *f, pb_diags *diags, GError **error)
{
    pb_dict *d = pb_dict_new();
    struct { GPtrArray *files; gboolean (*load)(pb_dict *, const char *, pb_diags *, GError **); } order[] = {
        {f->options, pb_dict_load_options}, {f->actors, pb_dict_load_actors},
        {f->agents, pb_dict_load_agents}, {f->verbs, pb_dict_load_verbs},
        {f->discards, pb_dict_load_discards}, {f->issues, pb_dict_load_issues},
    };
    for (size_t k = 0; k < G_N_ELEMENTS(order); k++) {
        for (guint i = 0; i < order[k].files->len; i++) {
            if (!order[k].load(d, g_ptr_array_index(order[k].files, i), diags, error)) {
                pb_dict_free(d);
                return NULL;
            }
        }
    }
    pb_dict_freeze(d, diags);
    return d;
}
