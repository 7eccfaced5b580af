/*
 * cmd_codebook.c - `polybius codebook`: the CAMEO event codebook as CSV
 * (code, name, root, quad_class, goldstein), codes quoted so that
 * spreadsheets and R keep their leading zeros.
 */
#include "pb_cli.h"
#include "pb_codebook.h"

#include <csv.h>
#include <stdio.h>
#include <string.h>

static void quoted(const char *s)
{
    csv_fwrite(stdout, s, strlen(s));
}

int pb_cmd_codebook(int argc, char **argv)
{
    char *path = NULL;
    GOptionEntry entries[] = {
        {"codebook", 0, 0, G_OPTION_ARG_FILENAME, &path, "Codebook TSV (default: the bundled one)", "FILE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("- print the CAMEO event codebook as CSV");
    g_option_context_set_description(ctx, "Columns: code, name, root, quad_class (GDELT convention: 1 verbal\n"
                                          "cooperation 01-05, 2 material cooperation 06-09, 3 verbal conflict 10-14,\n"
                                          "4 material conflict 15-20), goldstein (empty where CAMEO has none).");
    g_option_context_add_main_entries(ctx, entries, NULL);
    int status = PB_EXIT_OK;
    if (!pb_cli_parse(ctx, &argc, &argv)) {
        status = PB_EXIT_USAGE;
    } else {
        if (!path)
            path = pb_find_codebook(NULL);
        GError *error = NULL;
        pb_codebook *cb = path ? pb_codebook_load(path, &error) : NULL;
        if (!cb) {
            fprintf(stderr, "polybius codebook: %s\n", error ? error->message : "no codebook found; use --codebook FILE");
            if (error)
                g_error_free(error);
            status = PB_EXIT_INPUT;
        } else {
            size_t n;
            const pb_cameo_code *e = pb_codebook_entries(cb, &n);
            printf("code,name,root,quad_class,goldstein\n");
            for (size_t i = 0; i < n; i++) {
                quoted(e[i].code);
                putchar(',');
                quoted(e[i].name);
                putchar(',');
                quoted(e[i].root);
                printf(",%d,", e[i].quad_class);
                if (e[i].has_goldstein)
                    printf("%.1f", e[i].goldstein);
                putchar('\n');
            }
            pb_codebook_free(cb);
        }
    }
    g_free(path);
    g_option_context_free(ctx);
    return status;
}
