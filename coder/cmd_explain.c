/*
 * cmd_explain.c - `polybius explain "SENTENCE"`: every step of coding one
 * sentence, for dictionary editors: the words and what the dictionaries
 * made of them (with file:line), the actors, compounds, deleted comma
 * clauses and clauses, each pattern tried for each verb and whether it
 * matched, the source and target chosen and the events.
 */
#include "pb_cli.h"
#include "pb_coder.h"

#include <stdio.h>
#include <string.h>

int pb_cmd_explain(int argc, char **argv)
{
    pb_dict_cli cli = {0};
    char *date_text = NULL;
    GOptionEntry entries[] = {
        {"date", 'd', 0, G_OPTION_ARG_STRING, &date_text, "Date of the sentence (YYYY-MM-DD; default: today)", "DATE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("\"SENTENCE\" - show every step of coding one sentence");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_add_group(ctx, pb_dict_cli_group(&cli));
    int status = PB_EXIT_OK;
    pb_date date = 0;
    if (!pb_cli_parse(ctx, &argc, &argv)) {
        status = PB_EXIT_USAGE;
    } else if (argc < 2) {
        fprintf(stderr, "polybius explain: no SENTENCE given (see --help)\n");
        status = PB_EXIT_USAGE;
    } else if (date_text && (date = pb_date_parse_str(date_text)) == 0) {
        fprintf(stderr, "polybius explain: --date '%s' is not a date (YYYY-MM-DD)\n", date_text);
        status = PB_EXIT_USAGE;
    }
    if (status == PB_EXIT_OK) {
        if (!date)
            date = pb_date_today();
        pb_dict *d = pb_dict_cli_load(&cli, NULL);
        if (!d) {
            status = PB_EXIT_INPUT;
        } else {
            GString *text = g_string_new(NULL);
            for (int i = 1; i < argc; i++)
                g_string_append_printf(text, "%s%s", i > 1 ? " " : "", argv[i]);
            pb_coder coder;
            pb_coder_init(&coder, d, NULL);
            coder.trace = g_string_new(NULL);
            char when[11];
            pb_date_format(date, when);
            printf("Sentence: %s\nDate: %s\n", text->str, when);
            pb_result res;
            pb_code_sentence(&coder, text->str, text->len, date, NULL, &res);
            fputs(coder.trace->str, stdout);
            printf("Result: %s%s%s, %zu event%s\n", pb_status_name(res.status), res.reason ? " - " : "",
                   res.reason ? res.reason : "", res.nevents, res.nevents == 1 ? "" : "s");
            g_string_free(coder.trace, TRUE);
            pb_coder_clear(&coder);
            g_string_free(text, TRUE);
            pb_dict_free(d);
        }
    }
    g_free(date_text);
    pb_dict_cli_clear(&cli);
    g_option_context_free(ctx);
    return status;
}
