/*
 * cli_text.c - the command line of the commands that take a piece of text
 * and a --date besides the dictionary options (`explain`, `dict lookup`):
 * one parser, so both answer a bad command line the same way (pb_cli.h).
 */
#include "pb_cli.h"

#include <stdio.h>

char *pb_cli_text_command(const pb_text_command *spec, pb_dict_cli *cli, int *argc, char ***argv, pb_date *date)
{
    char *date_text = NULL;
    GOptionEntry entries[] = {
        {"date", 'd', 0, G_OPTION_ARG_STRING, &date_text, spec->date_help, "DATE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new(spec->summary);
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_add_group(ctx, pb_dict_cli_group(cli));
    char *text = NULL;
    *date = 0;
    if (!pb_cli_parse(ctx, argc, argv)) {
        /* pb_cli_parse said why */
    } else if (*argc < 2) {
        fprintf(stderr, "polybius %s: no %s given (see --help)\n", spec->command, spec->what);
    } else if (date_text && !(*date = pb_date_parse_str(date_text))) {
        fprintf(stderr, "polybius %s: --date '%s' is not a date (YYYY-MM-DD)\n", spec->command, date_text);
    } else {
        if (!*date)
            *date = pb_date_today();
        GString *joined = g_string_new(NULL);
        for (int i = 1; i < *argc; i++)
            g_string_append_printf(joined, "%s%s", i > 1 ? " " : "", (*argv)[i]);
        text = g_string_free(joined, FALSE);
    }
    g_free(date_text);
    g_option_context_free(ctx);
    return text;
}
