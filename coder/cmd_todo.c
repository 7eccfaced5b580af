#include "pb_cli.h"
#include "pb_lexicon.h"
#include <stdio.h>
int pb_cmd_eval(int argc, char **argv) { (void)argc; (void)argv; return 2; }
int pb_cmd_aggregate(int argc, char **argv) { (void)argc; (void)argv; return 2; }
int pb_cmd_dict_lookup(int argc, char **argv) { (void)argc; (void)argv; return 2; }
