/*
 * pb_test.h - helpers shared by the cmocka unit tests: dictionaries built
 * from strings, and coding a sentence to a compact "SRC TGT CODE; ..."
 * string that assertions can compare.
 */
#ifndef PB_TEST_H
#define PB_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <glib.h>

#include "pb_coder.h"
#include "pb_dict.h"

/* A frozen dictionary from in-memory files (any may be NULL). Fails the
 * test if loading reports an error. */
pb_dict *test_dict(const char *actors, const char *agents, const char *verbs, const char *options);
/* The same, but returns the diagnostics instead of failing. */
pb_dict *test_dict_diags(const char *actors, const char *agents, const char *verbs, const char *options,
                         pb_diags *diags);
/* Code text on date (YYYYMMDD) and describe the result:
 * "SRC TGT CODE; SRC TGT CODE", or "(no event)", "(discard)", ... */
char *test_code(const pb_dict *d, const char *text, pb_date date);
/* The first diagnostic line "line:col: error|warning: message" or "". */
char *test_first_diag(const pb_diags *d);
/* The dictionary phrase of a kind in kinds (PB_KIND_BIT mask) that matches
 * at the start of text, or -1. */
int32_t test_phrase_at_start(const pb_dict *d, const char *text, unsigned kinds);
/* Path of a file in the source tree. */
char *test_path(const char *relative);
/* ../shared/third_party/<relative>, or NULL (and a skip message) when absent. */
char *test_shared(const char *relative);

#endif
