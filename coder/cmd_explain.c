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
    static const pb_text_command spec = {"explain", "SENTENCE", "\"SENTENCE\" - show every step of coding one sentence",
                                          "Date of the sentence (YYYY-MM-DD; default: today)"};
    pb_dict_cli cli = {0};
    pb_date date;
    char *text = pb_cli_text_command(&spec, &cli, &argc, &argv, &date);
    int status = text ? PB_EXIT_OK : PB_EXIT_USAGE;
    if (text) {
        pb_dict *d = pb_dict_cli_load(&cli, NULL);
        if (!d) {
            status = PB_EXIT_INPUT;
        } else {
            pb_coder coder;
            pb_coder_init(&coder, d, NULL);
            coder.trace = g_string_new(NULL);
            char when[11];
            pb_date_format(date, when);
            printf("Sentence: %s\nDate: %s\n", text, when);
            pb_result res;
            pb_code_sentence(&coder, text, strlen(text), date, NULL, &res);
            fputs(coder.trace->str, stdout);
            printf("Result: %s%s%s, %zu event%s\n", pb_status_name(res.status), res.reason ? " - " : "",
                   res.reason ? res.reason : "", res.nevents, res.nevents == 1 ? "" : "s");
            g_string_free(coder.trace, TRUE);
            pb_coder_clear(&coder);
            pb_dict_free(d);
        }
    }
    g_free(text);
    pb_dict_cli_clear(&cli);
    return status;
}
