/*
 * polybius.h - the embedding API: everything a program needs to load
 * dictionaries, read corpora, code sentences and write events.
 *
 *   pb_dict_files f; pb_dict_files_init(&f); pb_dict_files_from_dir("dictionaries", &f, &err);
 *   pb_diags diags; pb_diags_init(&diags);
 *   pb_dict *d = pb_dict_load_files(&f, &diags, &err);      // frozen, shareable
 *   pb_coder c; pb_coder_init(&c, d, NULL);                // one per thread
 *   pb_result r; pb_code_sentence(&c, text, len, 20260108, NULL, &r);
 *   for (size_t i = 0; i < r.nevents; i++) ... r.events[i].source, .target, .code
 *   pb_coder_reset(&c);                                    // after each sentence
 */
#ifndef POLYBIUS_H
#define POLYBIUS_H

#include "pb_arena.h"
#include "pb_codebook.h"
#include "pb_coder.h"
#include "pb_corpus.h"
#include "pb_date.h"
#include "pb_diag.h"
#include "pb_dict.h"
#include "pb_dict_cache.h"
#include "pb_lit_table.h"
#include "pb_lexicon.h"
#include "pb_match.h"
#include "pb_options.h"
#include "pb_outfile.h"
#include "pb_parse.h"
#include "pb_pipeline.h"
#include "pb_project.h"
#include "pb_split.h"
#include "pb_table.h"
#include "pb_tabari.h"
#include "pb_text.h"
#include "pb_token.h"
#include "pb_version.h"
#include "pb_writer.h"

#endif
