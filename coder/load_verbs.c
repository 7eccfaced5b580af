/*
 * load_verbs.c - the .verbs format, TABARI layout and PETRARCH-1 layout.
 *
 * TABARI:      ROOT [code]           a verb and its default code
 *              {FORM_ FORM_}         its irregular forms (optional)
 *              - pattern [code]      its patterns
 * PETRARCH-1:  --- NAME [code] ---   a block: a group of verbs sharing patterns
 *              VERB {FORMS} [code]   members (forms generated, own code optional)
 *              +CALL_OFF             multi-word member, '+' marks the inflecting word
 *              - pattern [code]      patterns of the whole block
 * Both:        &NAME / +member       synonym sets
 *              <SYNSETS> <TIME> <ATTRIB> <NOUN> <ADJECTIVE> sections
 *
 * A group (pb_group) owns patterns; each verb (pb_verb) points to a group;
 * each form of a verb is a root phrase pointing to the verb.
 */
#include "pb_dict_build.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { SEC_NONE, SEC_SYNSETS, SEC_TIME, SEC_ATTRIB, SEC_NOUN, SEC_ADJ };

typedef struct {
    pb_lines r;
    GArray *blocks;
    int section;
    int32_t group;      /* group receiving patterns, -1 if none */
    gboolean duplicate_root; /* the last TABARI root was a duplicate: its patterns are skipped */
    int32_t verb;       /* last verb (for a TABARI {forms} line), -1 if none */
    gboolean in_block;  /* inside a PETRARCH-1 --- block --- */
    int32_t synset;     /* synset receiving '+' members, -1 if none */
    pb_event_code block_code; /* code of the current block */
    int block_line;     /* line of the current block header */
    guint block_verbs;  /* number of verbs when the block started */
} verb_loader;

/* ---- regular forms -------------------------------------------------------- */

static gboolean is_vowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

void pb_verb_regular_forms(const char *w, GPtrArray *out)
{
    size_t n = strlen(w);
    g_ptr_array_add(out, g_strdup(w));
    if (n == 0)
        return;
    char last = w[n - 1];
    char prev = n > 1 ? w[n - 2] : '\0';
    gboolean cons_y = last == 'Y' && n > 1 && !is_vowel(prev);
    /* third person singular */
    if (cons_y)
        g_ptr_array_add(out, g_strdup_printf("%.*sIES", (int)(n - 1), w));
    else if (last == 'S' || last == 'X' || last == 'Z' || last == 'O' ||
             (last == 'H' && (prev == 'C' || prev == 'S')))
        g_ptr_array_add(out, g_strdup_printf("%sES", w));
    else
        g_ptr_array_add(out, g_strdup_printf("%sS", w));
    /* past */
    if (last == 'E')
        g_ptr_array_add(out, g_strdup_printf("%sD", w));
    else if (cons_y)
        g_ptr_array_add(out, g_strdup_printf("%.*sIED", (int)(n - 1), w));
    else
        g_ptr_array_add(out, g_strdup_printf("%sED", w));
    /* gerund */
    if (last == 'E' && prev == 'I')
        g_ptr_array_add(out, g_strdup_printf("%.*sYING", (int)(n - 2), w));
    else if (last == 'E' && n > 2 && prev != 'E' && prev != 'Y' && prev != 'O')
        g_ptr_array_add(out, g_strdup_printf("%.*sING", (int)(n - 1), w));
    else
        g_ptr_array_add(out, g_strdup_printf("%sING", w));
}

/* ---- groups, verbs, phrases ----------------------------------------------- */

static int32_t new_group(verb_loader *L, uint8_t kind)
{
    pb_dict *d = L->r.dict;
    pb_group g = {0};
    g.kind = kind;
    g.building = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    g_array_append_val(d->groups, g);
    return (int32_t)d->groups->len - 1;
}

static int32_t new_verb(verb_loader *L, const pb_event_code *code, int32_t group, const char *name)
{
    pb_dict *d = L->r.dict;
    pb_verb v = {0};
    v.code = *code;
    v.group = (uint32_t)group;
    v.name = pb_dict_intern(d, name);
    v.loc.file = L->r.file_id;
    v.loc.line = (uint32_t)L->r.lineno;
    g_array_append_val(d->verbs, v);
    return (int32_t)d->verbs->len - 1;
}

static uint8_t root_kind(const verb_loader *L)
{
    return L->section == SEC_TIME ? PB_ROOT_TIME : L->section == SEC_ATTRIB ? PB_ROOT_ATTRIB : PB_ROOT_VERB;
}

/* Add one written form of a verb as a root phrase. FALSE if it duplicates
 * an earlier verb form (which then wins); also ends that warning. */
static gboolean add_form(verb_loader *L, const char *form, pb_endings endings, int32_t verb, int col, const char *also)
{
    pb_dict *d = L->r.dict;
    pb_seq seq;
    if (!pb_parse_phrase(&L->r, form, col, PB_PARSE_ROOT, endings, &seq))
        return FALSE;
    pb_loc loc = {L->r.file_id, (uint32_t)L->r.lineno};
    uint8_t kind = root_kind(L);
    const pb_loc *prev = pb_dict_seen(
        d, PB_SEEN_SPACE(kind == PB_ROOT_VERB ? PB_SEEN_VERB : kind == PB_ROOT_TIME ? PB_SEEN_TIME : PB_SEEN_ATTRIB, 0), seq,
        loc);
    gboolean ok = prev == NULL;
    if (prev)
        pb_lines_warning(&L->r, col + 1, "verb form '%s' is already defined at %s:%u; the first definition is used%s",
                         form, pb_dict_file(d, *prev), prev->line, also);
    else
        pb_dict_add_phrase(d, seq, (pb_root_kind)kind, (uint32_t)verb);
    return ok;
}

/* ---- codes ------------------------------------------------------------------ */

static gboolean parse_time_code(verb_loader *L, const pb_code_block *b, pb_event_code *out)
{
    memset(out, 0, sizeof *out);
    const char *t = b->text;
    if (strcmp(t, "---") == 0) {
        out->special = PB_SPECIAL_NULL;
        return TRUE;
    }
    if (strcmp(t, "###") == 0) {
        out->special = PB_SPECIAL_DISCARD;
        return TRUE;
    }
    if (strcmp(t, "+++") == 0) {
        out->special = PB_SPECIAL_COMPLEX;
        return TRUE;
    }
    char *end = NULL;
    long v = strtol(t, &end, 10);
    if (!*t || *end) {
        pb_lines_error(&L->r, b->col, "expected a day offset such as -1 or +7 in a <TIME> code, found '%s'", t);
        return FALSE;
    }
    if (v > 8192 || v < -8192) {
        pb_lines_warning(&L->r, b->col, "time shift %ld is beyond 8192 days; read as 0", v);
        v = 0;
    }
    out->shift = (int32_t)v;
    out->code = pb_dict_intern(L->r.dict, t);
    return TRUE;
}

/* The code of a root, member or pattern line. *present is FALSE when the
 * line has no [code] at all. */
static gboolean line_code(verb_loader *L, pb_event_code *out, gboolean *present)
{
    memset(out, 0, sizeof *out);
    *present = L->blocks->len > 0;
    if (!*present)
        return TRUE;
    const pb_code_block *b = &g_array_index(L->blocks, pb_code_block, 0);
    if (L->blocks->len > 1)
        pb_lines_warning(&L->r, g_array_index(L->blocks, pb_code_block, 1).col, "only one code is used; the others are ignored");
    if (L->section == SEC_TIME)
        return parse_time_code(L, b, out);
    return pb_parse_event_code(&L->r, b->text, b->col, out);
}

/* ---- synsets ------------------------------------------------------------------ */

static void start_synset(verb_loader *L, const char *s)
{
    pb_dict *d = L->r.dict;
    size_t n = 1;
    while (isalnum((unsigned char)s[n]))
        n++;
    size_t rest = n;
    while (s[rest] == '_')
        rest++;
    if (n == 1 || s[rest] != '\0') {
        pb_lines_error(&L->r, L->r.indent + 1, "expected a synonym set name '&NAME' alone on the line, found '%s'", s);
        L->synset = -1;
        return;
    }
    char *name = g_ascii_strup(s + 1, (gssize)(n - 1));
    pb_loc loc = {L->r.file_id, (uint32_t)L->r.lineno};
    uint32_t id = pb_dict_synset(d, name, loc);
    pb_synset *set = &g_array_index(d->synsets, pb_synset, id);
    if (set->defined) {
        pb_lines_error(&L->r, L->r.indent + 1, "synonym set '&%s' is defined twice (first at %s:%u)", name,
                       pb_dict_file(d, set->loc), set->loc.line);
        L->synset = -1;
    } else {
        if (set->used)
            pb_lines_warning(&L->r, L->r.indent + 1, "synonym set '&%s' is used before its definition (at %s:%u)",
                             name, pb_dict_file(d, set->loc), set->loc.line);
        set->defined = 1;
        set->loc = loc;
        set->first_member = 0;
        set->nmembers = 0;
        L->synset = (int32_t)id;
    }
    g_free(name);
}

/* Members of one synset are stored contiguously in d->seqs, so a set's
 * members are appended only while it is the last set being filled; a
 * member that comes after another set started is an error. */
static void add_synset_member(verb_loader *L, const char *s)
{
    pb_dict *d = L->r.dict;
    pb_seq seq;
    if (!pb_parse_phrase(&L->r, s, L->r.indent + 1, PB_PARSE_SYNSET, PB_END_NONE, &seq))
        return;
    /* taken after parsing: a reference to a new set name grows d->synsets */
    pb_synset *set = &g_array_index(d->synsets, pb_synset, L->synset);
    for (uint32_t i = 0; i < seq.count; i++) {
        const pb_tok *t = pb_dict_tok(d, seq.first + i);
        if (t->type != PB_TOK_SYNSET)
            continue;
        const pb_synset *ref = &g_array_index(d->synsets, pb_synset, t->ref);
        if ((int32_t)t->ref == L->synset) {
            pb_lines_error(&L->r, L->r.indent + 1, "synonym set '&%s' includes itself", set->name);
            return;
        }
        if (!ref->defined) {
            pb_lines_error(&L->r, L->r.indent + 1, "synonym set '&%s' is used in '&%s' before its definition",
                           ref->name, set->name);
            return;
        }
    }
    if (set->nmembers == 0)
        set->first_member = d->seqs->len;
    else if (set->first_member + set->nmembers != d->seqs->len) {
        pb_lines_error(&L->r, L->r.indent + 1, "member of '&%s' separated from its set", set->name);
        return;
    }
    g_array_append_val(d->seqs, seq);
    set->nmembers++;
}

/* ---- patterns ------------------------------------------------------------------ */

static void count_verb_tokens(const pb_dict *d, pb_seq seq, int *verbs, int *at)
{
    for (uint32_t i = 0; i < seq.count; i++) {
        const pb_tok *t = pb_dict_tok(d, seq.first + i);
        if (t->type == PB_TOK_VERB) {
            if (*verbs == 0)
                *at = (int)i;
            (*verbs)++;
        }
    }
}

static void add_pattern(verb_loader *L, const char *s)
{
    pb_dict *d = L->r.dict;
    pb_code_blocks_clear(L->blocks);
    size_t n = pb_split_codes(&L->r, s, L->blocks);
    if (L->group < 0 && L->duplicate_root)
        return;
    if (L->group < 0) {
        pb_lines_error(&L->r, L->r.indent + 1, "pattern before any verb: a pattern follows the verb it belongs to");
        return;
    }
    pb_event_code code;
    gboolean present;
    if (!line_code(L, &code, &present))
        return;
    if (!present) {
        pb_lines_warning(&L->r, (int)strlen(s) + L->r.indent + 1, "pattern without a [code]; pattern skipped");
        return;
    }
    /* s starts with '-' */
    char *text = g_strndup(s + 1, n > 0 ? n - 1 : 0);
    pb_seq seq;
    if (!pb_parse_phrase(&L->r, text, L->r.indent + 1, PB_PARSE_PATTERN, PB_END_NONE, &seq)) {
        g_free(text);
        return;
    }
    int verbs = 0, at = -1;
    count_verb_tokens(d, seq, &verbs, &at);
    if (verbs == 0) {
        pb_lines_warning(&L->r, L->r.indent + 1, "pattern has no '*' (the verb's position); pattern skipped: '%s'", g_strstrip(text));
        g_free(text);
        return;
    }
    if (verbs > 1) {
        pb_lines_warning(&L->r, L->r.indent + 1, "pattern has %d '*' but a pattern has exactly one verb; pattern skipped: '%s'",
                         verbs, g_strstrip(text));
        g_free(text);
        return;
    }
    pb_pattern pat = {0};
    pat.seq = seq;
    pat.verb_at = (uint32_t)at;
    pat.length = pb_seq_letters(d, seq, &pat.alt_extra);
    pat.code = code;
    pat.loc.file = L->r.file_id;
    pat.loc.line = (uint32_t)L->r.lineno;
    pat.text = pb_dict_intern(d, g_strstrip(text));
    g_free(text);
    /* A pattern identical to an earlier one of the same group is unreachable. */
    const pb_loc *prev = pb_dict_seen(d, PB_SEEN_SPACE(PB_SEEN_PATTERN, L->group), seq, pat.loc);
    if (prev) {
        pb_lines_warning(&L->r, L->r.indent + 1, "pattern is the same as the one at %s:%u, which is tried first; this one is unreachable",
                         pb_dict_file(d, *prev), prev->line);
        return;
    }
    g_array_append_val(d->patterns, pat);
    uint32_t id = d->patterns->len - 1;
    pb_group *g = &g_array_index(d->groups, pb_group, L->group);
    g_array_append_val(g->building, id);
}

/* ---- roots and members ------------------------------------------------------- */

static void add_tabari_root(verb_loader *L, const char *s)
{
    pb_code_blocks_clear(L->blocks);
    size_t n = pb_split_codes(&L->r, s, L->blocks);
    pb_event_code code;
    gboolean present;
    if (n == 0) {
        pb_lines_error(&L->r, L->r.indent + 1, "expected a verb before the code");
        return;
    }
    if (!line_code(L, &code, &present))
        return;
    char *root = g_strndup(s, n);
    if (!present && L->section != SEC_ATTRIB) {
        pb_lines_warning(&L->r, (int)n + L->r.indent + 1, "verb '%s' has no [code]; read as [---]", root);
        code.special = PB_SPECIAL_NULL;
    }
    L->group = new_group(L, root_kind(L));
    L->verb = new_verb(L, &code, L->group, root);
    L->duplicate_root = !add_form(L, root, PB_END_VERB, L->verb, L->r.indent, " and the patterns below this one are skipped");
    if (L->duplicate_root)
        L->group = -1; /* TABARI: the patterns of a duplicate root are skipped */
    g_free(root);
}

static void add_irregular_forms(verb_loader *L, const char *s)
{
    const char *close = strchr(s, '}');
    if (!close) {
        pb_lines_error(&L->r, L->r.indent + 1, "'{' of the verb forms is not closed");
        return;
    }
    if (L->duplicate_root)
        return; /* the forms of a skipped duplicate root go with it */
    if (L->verb < 0) {
        pb_lines_error(&L->r, L->r.indent + 1, "verb forms '{...}' without a verb above them");
        return;
    }
    char *inner = g_strndup(s + 1, (gsize)(close - s - 1));
    char **parts = g_strsplit_set(inner, " \t", -1);
    for (char **p = parts; *p; p++)
        if (**p)
            add_form(L, *p, PB_END_VERB, L->verb, L->r.indent, "");
    g_strfreev(parts);
    g_free(inner);
}

/* The forms of a PETRARCH-1 member "+CALL_OFF": generate the inflections
 * of the marked word and keep the others fixed. */
static void member_forms(const char *phrase, GPtrArray *out)
{
    char **words = g_strsplit(phrase, "_", -1);
    guint nw = g_strv_length(words);
    guint marked = 0;
    for (guint i = 0; i < nw; i++) {
        if (words[i][0] == '+') {
            marked = i;
            memmove(words[i], words[i] + 1, strlen(words[i]));
        }
    }
    GPtrArray *inflections = g_ptr_array_new_with_free_func(g_free);
    pb_verb_regular_forms(words[marked], inflections);
    for (guint k = 0; k < inflections->len; k++) {
        GString *g = g_string_new(NULL);
        for (guint i = 0; i < nw; i++) {
            if (!words[i][0])
                continue;
            if (g->len)
                g_string_append_c(g, '_');
            g_string_append(g, i == marked ? (const char *)g_ptr_array_index(inflections, k) : words[i]);
            g_string_append_c(g, '=');
        }
        g_ptr_array_add(out, g_string_free(g, FALSE));
    }
    g_ptr_array_unref(inflections);
    g_strfreev(words);
}

/* An explicit form "+FOUGHT_BACK" or "SAID": every word exact. */
static char *explicit_form(const char *form)
{
    GString *g = g_string_new(NULL);
    char **words = g_strsplit(form, "_", -1);
    for (char **w = words; *w; w++) {
        const char *x = (*w)[0] == '+' ? *w + 1 : *w;
        if (!*x)
            continue;
        if (g->len)
            g_string_append_c(g, '_');
        g_string_append(g, x);
        g_string_append_c(g, '=');
    }
    g_strfreev(words);
    return g_string_free(g, FALSE);
}

static void add_block_member(verb_loader *L, const char *s)
{
    pb_code_blocks_clear(L->blocks);
    size_t n = pb_split_codes(&L->r, s, L->blocks);
    pb_event_code code;
    gboolean present;
    if (!line_code(L, &code, &present))
        return;
    char *text = g_strndup(s, n);
    char *brace = strchr(text, '{');
    char *forms = NULL;
    gboolean braces = FALSE;
    if (brace) {
        char *close = strchr(brace, '}');
        if (!close) {
            pb_lines_error(&L->r, (int)(brace - text) + L->r.indent + 1, "'{' of the verb forms is not closed");
            g_free(text);
            return;
        }
        braces = TRUE;
        forms = g_strndup(brace + 1, (gsize)(close - brace - 1));
        *brace = '\0';
    }
    g_strstrip(text);
    if (!text[0]) {
        pb_lines_error(&L->r, L->r.indent + 1, "expected a verb");
        g_free(text);
        g_free(forms);
        return;
    }
    if (!present) {
        /* members without a code take the block's code */
        code = L->block_code;
    }
    int32_t verb = new_verb(L, &code, L->group, text[0] == '+' ? text + 1 : text);
    GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
    if (!braces) {
        member_forms(text, all);
    } else {
        g_ptr_array_add(all, explicit_form(text));
        char **parts = g_strsplit_set(forms, " \t", -1);
        for (char **p = parts; *p; p++)
            if (**p)
                g_ptr_array_add(all, explicit_form(*p));
        g_strfreev(parts);
        if (forms[0] != '\0' && strspn(forms, " \t") != strlen(forms)) {
            /* listed forms add to the regular ones */
            member_forms(text, all);
        }
    }
    GHashTable *done = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < all->len; i++) {
        const char *f = g_ptr_array_index(all, i);
        if (g_hash_table_contains(done, f))
            continue;
        g_hash_table_add(done, (gpointer)f);
        add_form(L, f, PB_END_NONE, verb, L->r.indent, "");
    }
    g_hash_table_unref(done);
    g_ptr_array_unref(all);
    g_free(text);
    g_free(forms);
}

static void start_block(verb_loader *L, const char *s)
{
    pb_code_blocks_clear(L->blocks);
    /* "--- NAME [code] ---" */
    const char *p = s;
    while (*p == '-')
        p++;
    char *body = g_strdup(p);
    char *tail = body + strlen(body);
    while (tail > body && (tail[-1] == '-' || isspace((unsigned char)tail[-1])))
        *--tail = '\0';
    size_t n = pb_split_codes(&L->r, body, L->blocks);
    pb_event_code code;
    gboolean present;
    if (!line_code(L, &code, &present)) {
        memset(&code, 0, sizeof code);
        code.special = PB_SPECIAL_NULL;
    } else if (!present) {
        pb_lines_warning(&L->r, L->r.indent + 1, "verb block without a [code]; its verbs default to [---]");
        code.special = PB_SPECIAL_NULL;
    }
    char *name = g_strndup(body, n);
    g_strstrip(name);
    if (!name[0])
        pb_lines_warning(&L->r, L->r.indent + 1, "verb block without a name");
    L->group = new_group(L, root_kind(L));
    L->duplicate_root = FALSE;
    L->block_code = code;
    L->block_line = L->r.lineno;
    L->block_verbs = L->r.dict->verbs->len;
    L->in_block = TRUE;
    L->verb = -1;
    g_free(name);
    g_free(body);
}

static void end_block(verb_loader *L)
{
    if (L->in_block && L->r.dict->verbs->len == L->block_verbs)
        pb_diags_add(L->r.diags, PB_SEV_WARNING, L->r.name, L->block_line, 0,
                     "verb block has no verbs: the block and its patterns are never used");
    L->in_block = FALSE;
}

/* ---- sections ------------------------------------------------------------------- */

static void section_tag(verb_loader *L, const char *s)
{
    gboolean closing = s[1] == '/';
    const char *name = s + (closing ? 2 : 1);
    int sec;
    if (g_ascii_strncasecmp(name, "SYN", 3) == 0)
        sec = SEC_SYNSETS;
    else if (g_ascii_strncasecmp(name, "TIME", 4) == 0)
        sec = SEC_TIME;
    else if (g_ascii_strncasecmp(name, "ATTRIB", 6) == 0)
        sec = SEC_ATTRIB;
    else if (g_ascii_strncasecmp(name, "NOUN", 4) == 0)
        sec = SEC_NOUN;
    else if (g_ascii_strncasecmp(name, "ADJ", 3) == 0)
        sec = SEC_ADJ;
    else {
        pb_lines_warning(&L->r, L->r.indent + 1, "unknown section tag '%s' ignored", s);
        return;
    }
    end_block(L);
    L->synset = -1;
    L->group = -1;
    L->duplicate_root = FALSE;
    L->verb = -1;
    if (closing) {
        if (L->section != sec)
            pb_lines_error(&L->r, L->r.indent + 1, "'%s' closes a section that is not open", s);
        L->section = SEC_NONE;
        return;
    }
    if (L->section != SEC_NONE)
        pb_lines_error(&L->r, L->r.indent + 1, "section '%s' opened inside another section", s);
    L->section = sec;
    if (sec == SEC_TIME)
        L->r.dict->has_time = TRUE;
    if (sec == SEC_ATTRIB)
        L->r.dict->has_attrib = TRUE;
}

void pb_dict_load_verbs_buffer(pb_dict *d, const char *name, const char *data, size_t len, pb_diags *diags)
{
    verb_loader L = {0};
    pb_lines_init(&L.r, d, name, data, len, diags);
    L.blocks = g_array_new(FALSE, FALSE, sizeof(pb_code_block));
    L.group = L.verb = L.synset = -1;
    while (pb_lines_next(&L.r)) {
        const char *s = L.r.line->str;
        if (s[0] == '<') {
            section_tag(&L, s);
            continue;
        }
        if (s[0] == '&') {
            end_block(&L);
            start_synset(&L, s);
            continue;
        }
        if (s[0] == '+' && L.synset >= 0) {
            add_synset_member(&L, s + 1);
            continue;
        }
        L.synset = -1;
        if (L.section == SEC_SYNSETS) {
            pb_lines_error(&L.r, L.r.indent + 1, "expected '&NAME' or '+member' in <SYNSETS>, found '%s'", s);
            continue;
        }
        if (L.section == SEC_NOUN || L.section == SEC_ADJ) {
            pb_load_plain_phrase(&L.r, L.blocks, s, L.section == SEC_NOUN ? PB_ROOT_NOUN : PB_ROOT_ADJECTIVE);
            continue;
        }
        if (g_str_has_prefix(s, "---") && (s[3] == ' ' || isalpha((unsigned char)s[3])) && L.section == SEC_NONE) {
            end_block(&L);
            start_block(&L, s);
            continue;
        }
        if (s[0] == '-') {
            add_pattern(&L, s);
            continue;
        }
        if (s[0] == '{') {
            add_irregular_forms(&L, s);
            continue;
        }
        if (s[0] == '~' || s[0] == '_') {
            pb_lines_warning(&L.r, L.r.indent + 1, "line ignored: '%s'", s);
            continue;
        }
        if (L.in_block) {
            add_block_member(&L, s);
            L.verb = -1;
        } else {
            add_tabari_root(&L, s);
        }
    }
    end_block(&L);
    if (L.section != SEC_NONE)
        pb_diags_add(diags, PB_SEV_ERROR, name, L.r.lineno, 0, "a section is not closed at the end of the file");
    pb_code_blocks_clear(L.blocks);
    g_array_unref(L.blocks);
    pb_lines_clear(&L.r);
}

gboolean pb_dict_load_verbs(pb_dict *d, const char *path, pb_diags *diags, GError **error)
{
    return pb_load_path(d, path, diags, error, pb_dict_load_verbs_buffer);
}
