/*
 * main.c - the polybius command: dispatch to subcommands in the style of
 * git (polybius code ..., polybius validate ...). Each subcommand lives in
 * its own cmd_*.c file and parses its own options.
 */
#include "pb_cli.h"
#include "pb_version.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"code", pb_cmd_code, "code a corpus into CAMEO events (CSV, TSV or JSON Lines)"},
    {"validate", pb_cmd_validate, "run a TABARI validation project or file"},
    {"explain", pb_cmd_explain, "show every step of coding one sentence"},
    {"eval", pb_cmd_eval, "score coded events against a gold standard"},
    {"dict", pb_cmd_dict, "dictionary tools: lint, stats, lookup, compile"},
    {"codebook", pb_cmd_codebook, "print the CAMEO event codebook as CSV"},
    {"aggregate", pb_cmd_aggregate, "count events by dyad and period for R"},
};

static void usage(FILE *out)
{
    fprintf(out, "Usage: polybius COMMAND [OPTIONS] [ARGS]\n\n"
                 "polybius %s - dictionary-driven political event coder (CAMEO).\n\nCommands:\n", PB_VERSION);
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'polybius COMMAND --help' describes a command's options.\n"
                 "Exit status: 0 success, 1 input or dictionary error, 2 usage error.\n");
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C.UTF-8");
    if (argc < 2) {
        usage(stderr);
        return PB_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return PB_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("polybius %s\n", PB_VERSION);
        return PB_EXIT_OK;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "polybius: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return PB_EXIT_USAGE;
}
