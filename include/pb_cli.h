/*
 * pb_cli.h - the command-line front end: one function per subcommand and
 * the dictionary options every subcommand shares.
 *
 * Exit status of every command: 0 success, 1 input or dictionary error,
 * 2 usage error (the command line itself is wrong).
 */
#ifndef PB_CLI_H
#define PB_CLI_H

#include "pb_project.h"

enum { PB_EXIT_OK = 0, PB_EXIT_INPUT = 1, PB_EXIT_USAGE = 2 };

/* --dictionaries DIR, --actors F, --agents F, --verbs F, --discards F,
 * --issues F, --options F, --project F, --dictionary-cache F. */
typedef struct {
    char *dir;
    char **actors, **agents, **verbs, **discards, **issues, **options;
    char *project;
    char *cache;         /* compiled dictionary to read, or to write when stale */
    gboolean show_warnings;
} pb_dict_cli;

/* A GOptionGroup with the dictionary options, filling cli. */
GOptionGroup *pb_dict_cli_group(pb_dict_cli *cli);
void pb_dict_cli_clear(pb_dict_cli *cli);
/* Resolve the options into file lists (bundled set, directory, project,
 * explicit files). FALSE with a message on stderr when impossible. */
gboolean pb_dict_cli_files(const pb_dict_cli *cli, pb_dict_files *files);
/* Load the chosen dictionaries (through --dictionary-cache when given).
 * Errors are printed (file:line:col) and NULL returned; warnings are
 * printed only with --warnings. */
pb_dict *pb_dict_cli_load(const pb_dict_cli *cli, double *load_seconds);

/* Parse argv with a GOptionContext; on error print it and return FALSE. */
gboolean pb_cli_parse(GOptionContext *ctx, int *argc, char ***argv);

/* What a command that takes text and --date (cli_text.c) is called, the
 * name of its text in messages, its --help summary and --date help. */
typedef struct {
    const char *command; /* "explain", "dict lookup" */
    const char *what;    /* "SENTENCE" */
    const char *summary;
    const char *date_help;
} pb_text_command;
/* Parse such a command line (the dictionary options go into cli): the
 * words after the options joined by blanks (g_free), with *date set
 * (today without --date); NULL after printing why the line is wrong. */
char *pb_cli_text_command(const pb_text_command *spec, pb_dict_cli *cli, int *argc, char ***argv, pb_date *date);

int pb_cmd_code(int argc, char **argv);
int pb_cmd_validate(int argc, char **argv);
int pb_cmd_eval(int argc, char **argv);
int pb_cmd_explain(int argc, char **argv);
int pb_cmd_dict(int argc, char **argv);
/* `polybius dict lookup` (cmd_lookup.c): every dictionary phrase that matches
 * the text and what it resolves to on a date. */
int pb_cmd_dict_lookup(int argc, char **argv);
int pb_cmd_codebook(int argc, char **argv);
int pb_cmd_aggregate(int argc, char **argv);

#endif
