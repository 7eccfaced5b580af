/*
 * pb_dict_build.h - internal API shared by the dictionary loaders.
 *
 * Not part of the embedding API: the loaders (load_*.c) use these helpers
 * to read lines with comments removed, to turn a written phrase or pattern
 * into tokens, and to parse [code] blocks, so that every file format
 * reports problems the same way (file:line:col, what was expected, what
 * was found).
 */
#ifndef PB_DICT_BUILD_H
#define PB_DICT_BUILD_H

#include "pb_dict.h"

/* ---- dictionary construction (dict.c) --------------------------------- */

const char *pb_dict_intern(pb_dict *d, const char *s);
uint32_t pb_dict_add_file(pb_dict *d, const char *name);
uint32_t pb_dict_lit_id(pb_dict *d, const char *word);
uint32_t pb_dict_add_phrase(pb_dict *d, pb_seq seq, pb_root_kind kind, uint32_t target);
void pb_dict_check_synsets(pb_dict *d, pb_diags *diags);
/* Define (or look up) synonym set NAME; returns its id. */
uint32_t pb_dict_synset(pb_dict *d, const char *name, pb_loc loc);

/* Duplicate detection while loading: returns the location of an earlier
 * entry of the same space (a PB_SEEN_* kind, or'ed with a pattern's group)
 * with the same token run, or NULL after recording this one. The pointer
 * is valid until the next call. */
enum { PB_SEEN_ACTOR = 1, PB_SEEN_NOUN, PB_SEEN_ADJECTIVE, PB_SEEN_AGENT, PB_SEEN_DISCARD, PB_SEEN_VERB,
       PB_SEEN_TIME, PB_SEEN_ATTRIB, PB_SEEN_PATTERN };
#define PB_SEEN_SPACE(kind, group) (((uint64_t)(kind) << 32) | (uint32_t)(group))
const pb_loc *pb_dict_seen(pb_dict *d, uint64_t space, pb_seq seq, pb_loc loc);

/* ---- reading lines (load_common.c) ----------------------------------- */

typedef struct {
    const char *name;     /* file name for diagnostics */
    uint32_t file_id;
    const char *data;
    size_t len;
    size_t pos;
    int lineno;           /* line number of the current line */
    gboolean in_comment;  /* inside <!-- --> */
    GString *line;        /* current line, comments removed, right-trimmed */
    gboolean indented;    /* the line started with a blank or tab */
    gboolean tilde_ends;  /* a line starting with '~' ends the file (not in issues files) */
    int indent;           /* columns skipped at the start (0-based) */
    pb_diags *diags;
    pb_dict *dict;
} pb_lines;

void pb_lines_init(pb_lines *r, pb_dict *d, const char *name, const char *data, size_t len, pb_diags *diags);
void pb_lines_clear(pb_lines *r);
/* Next line with content (comments and blank lines skipped). The text is
 * r->line->str with leading blanks removed; column c of the text is
 * column c + r->indent + 1 of the file. FALSE at the end of the file or
 * at a line starting with '~' (TABARI's end mark). */
gboolean pb_lines_next(pb_lines *r);
void pb_lines_error(pb_lines *r, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void pb_lines_warning(pb_lines *r, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Read a whole file for a loader; on failure sets error. */
gboolean pb_read_file(const char *path, char **data, size_t *len, GError **error);

/* ---- phrases and patterns (load_common.c) ---------------------------- */

typedef enum {
    PB_PARSE_ROOT,    /* words only (actors, agents, verbs, nouns, ...) */
    PB_PARSE_PATTERN, /* words, '*', '$', '+', '%', '^', '@', '&SET', '{ | }' */
    PB_PARSE_SYNSET   /* a synset member: words, '&SET', '$', '+' */
} pb_parse_mode;

/* Parse phrase text (the part before any '[' code) into tokens appended to
 * d->toks. endings: which regular endings the last word accepts when it is
 * exact. col0: column of text[0] in the line, for diagnostics. Returns FALSE
 * (with an error reported) when the phrase is malformed. */
gboolean pb_parse_phrase(pb_lines *r, const char *text, int col0, pb_parse_mode mode,
                         pb_endings endings, pb_seq *out);

/* Read path and hand its bytes to a buffer loader. */
gboolean pb_load_path(pb_dict *d, const char *path, pb_diags *diags, GError **error,
                      void (*load)(pb_dict *, const char *, const char *, size_t, pb_diags *));


/* <NOUN>/<ADJECTIVE> lists, shared by the actors and verbs loaders
 * (load_actors.c). pb_noun_section_tag() recognises the tags. */
int pb_noun_section_tag(const char *s, int *section, gboolean *closing);
void pb_load_plain_phrase(pb_lines *r, GArray *blocks, const char *text, int kind);

/* Regular forms of an upper-case verb: itself, -S/-ES/-IES, -ED/-D/-IED,
 * -ING (load_verbs.c). Appends newly allocated strings to out. */
void pb_verb_regular_forms(const char *verb, GPtrArray *out);

/* ---- codes (load_common.c) ------------------------------------------- */

/* A [ ... ] block found on a line. */
typedef struct {
    char *text;     /* contents, blanks squeezed, upper case */
    int col;        /* column of '[' (1-based in the file) */
} pb_code_block;

/* Split "PHRASE [code] [code]" into the phrase part and its code blocks
 * (appended to blocks, GArray of pb_code_block). Warns about and repairs a
 * missing ']' at the end of the line or a '}' used for ']'. Returns the
 * length of the phrase part (right-trimmed). */
size_t pb_split_codes(pb_lines *r, const char *text, GArray *blocks);
void pb_code_blocks_clear(GArray *blocks);

/* Parse a verb/pattern code: "112", "032:033", "---", "###", "+++", "010?",
 * "111!". Reports problems at col. */
gboolean pb_parse_event_code(pb_lines *r, const char *text, int col, pb_event_code *out);

/* Parse an actor code block: "USA", "USAGOV 20170120-20210120",
 * "GME <901103", "UNO >920101", "---". */
gboolean pb_parse_actor_code(pb_lines *r, const char *text, int col, pb_actor_code *out);

#endif
