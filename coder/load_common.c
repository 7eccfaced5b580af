/*
 * load_common.c - what every dictionary loader shares: reading lines with
 * comments removed, parsing a written phrase or pattern into tokens, and
 * parsing [code] blocks (pb_dict_build.h).
 *
 * Column numbers in diagnostics are 1-based byte columns of the original
 * line, so an editor can jump to them.
 */
#include "pb_dict_build.h"
#include "pb_text.h"

#include <ctype.h>
#include <stdarg.h>
#include <string.h>

/* ---- files and lines -------------------------------------------------- */

gboolean pb_read_file(const char *path, char **data, size_t *len, GError **error)
{
    gsize n = 0;
    if (!g_file_get_contents(path, data, &n, error))
        return FALSE;
    *len = n;
    return TRUE;
}

void pb_lines_init(pb_lines *r, pb_dict *d, const char *name, const char *data, size_t len, pb_diags *diags)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    r->dict = d;
    r->file_id = pb_dict_add_file(d, name);
    r->data = data;
    r->len = len;
    r->line = g_string_new(NULL);
    r->diags = diags;
    r->tilde_ends = TRUE;
    /* A file with NUL bytes near its start is not a dictionary. */
    size_t probe = len < 8192 ? len : 8192;
    if (probe > 0 && memchr(data, '\0', probe)) {
        pb_diags_add(diags, PB_SEV_ERROR, name, 0, 0, "not a text file (NUL bytes): nothing loaded");
        r->pos = len;
    }
    /* A UTF-8 byte order mark is not part of the first line. */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        r->pos = 3;
}

void pb_lines_clear(pb_lines *r)
{
    g_string_free(r->line, TRUE);
    r->line = NULL;
}

void pb_lines_error(pb_lines *r, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    pb_diags_add(r->diags, PB_SEV_ERROR, r->name, r->lineno, col, "%s", msg);
    g_free(msg);
}

void pb_lines_warning(pb_lines *r, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    pb_diags_add(r->diags, PB_SEV_WARNING, r->name, r->lineno, col, "%s", msg);
    g_free(msg);
}

/* The first occurrence of marker (m bytes) in the n bytes at s, or NULL:
 * memchr finds its first byte, which most lines do not have at all. */
static const char *find_marker(const char *s, size_t n, const char *marker, size_t m)
{
    const char *end = s + n;
    for (const char *p = s; (size_t)(end - p) >= m; p++) {
        p = memchr(p, marker[0], (size_t)(end - p) - m + 1);
        if (!p)
            return NULL;
        if (memcmp(p, marker, m) == 0)
            return p;
    }
    return NULL;
}

/* Remove <!-- --> spans (which may cross lines) from raw into out. */
static void strip_html_comments(pb_lines *r, const char *raw, size_t n, GString *out)
{
    size_t i = 0;
    while (i < n) {
        if (r->in_comment) {
            const char *end = find_marker(raw + i, n - i, "-->", 3);
            if (!end)
                return;
            i = (size_t)(end - raw) + 3;
            r->in_comment = FALSE;
            continue;
        }
        const char *start = find_marker(raw + i, n - i, "<!--", 4);
        if (!start) {
            g_string_append_len(out, raw + i, (gssize)(n - i));
            return;
        }
        g_string_append_len(out, raw + i, start - (raw + i));
        i = (size_t)(start - raw) + 4;
        r->in_comment = TRUE;
    }
}

/* Cut a ';' comment, or a '#' comment that follows a blank or a ']',
 * outside [...]. */
static void strip_comment(GString *s)
{
    int depth = 0;
    for (gsize i = 0; i < s->len; i++) {
        char c = s->str[i];
        if (c == '[')
            depth++;
        else if (c == ']' && depth > 0)
            depth--;
        else if (depth == 0 && (c == ';' || (c == '#' && (i == 0 || s->str[i - 1] == ' ' || s->str[i - 1] == '\t' ||
                                                           s->str[i - 1] == ']')))) {
            g_string_truncate(s, i);
            return;
        }
    }
}

gboolean pb_lines_next(pb_lines *r)
{
    while (r->pos < r->len) {
        const char *raw = r->data + r->pos;
        const char *nl = memchr(raw, '\n', r->len - r->pos);
        size_t n = nl ? (size_t)(nl - raw) : r->len - r->pos;
        r->pos += n + (nl ? 1 : 0);
        r->lineno++;
        if (n > 0 && raw[n - 1] == '\r')
            n--;
        if (memchr(raw, '\0', n)) {
            pb_lines_error(r, (int)((const char *)memchr(raw, '\0', n) - raw) + 1,
                           "NUL byte in a dictionary line (binary data?); line skipped");
            continue;
        }
        g_string_truncate(r->line, 0);
        strip_html_comments(r, raw, n, r->line);
        GString *s = r->line;
        /* leading blanks */
        gsize lead = 0;
        while (lead < s->len && (s->str[lead] == ' ' || s->str[lead] == '\t'))
            lead++;
        r->indented = lead > 0;
        r->indent = (int)lead;
        if (lead == s->len)
            continue;
        char first = s->str[lead];
        if (first == '#' || (lead == 0 && first == '/'))
            continue;
        if (first == '/' && lead + 1 < s->len && s->str[lead + 1] == '/')
            continue;
        if (lead == 0 && first == '~' && r->tilde_ends)
            return FALSE;
        g_string_erase(s, 0, (gssize)lead);
        strip_comment(s);
        while (s->len > 0 && isspace((unsigned char)s->str[s->len - 1]))
            g_string_truncate(s, s->len - 1);
        if (s->len == 0)
            continue;
        /* A stray control character (real files have a few) reads as a
         * blank; a line full of them is binary data. */
        gsize controls = 0, first_control = 0;
        gboolean ascii = TRUE;
        for (gsize i = 0; i < s->len; i++) {
            unsigned char c = (unsigned char)s->str[i];
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                if (controls++ == 0)
                    first_control = i;
            }
            ascii &= c < 0x80;
        }
        if (controls > 0) {
            if (controls > 3 && controls * 10 > s->len) {
                pb_lines_error(r, (int)first_control + r->indent + 1,
                               "binary data (%zu control characters) in a dictionary line; line skipped", (size_t)controls);
                continue;
            }
            pb_lines_warning(r, (int)first_control + r->indent + 1, "control character 0x%02X read as a blank",
                             (unsigned char)s->str[first_control]);
            for (gsize i = 0; i < s->len; i++)
                if ((unsigned char)s->str[i] < 0x20 || (unsigned char)s->str[i] == 0x7F)
                    s->str[i] = ' ';
        }
        if (!ascii && !g_utf8_validate(s->str, (gssize)s->len, NULL)) {
            const char *end = NULL;
            g_utf8_validate(s->str, (gssize)s->len, &end);
            pb_lines_warning(r, (int)(end - s->str) + r->indent + 1,
                             "invalid UTF-8; the bytes are read as blanks");
        }
        return TRUE;
    }
    return FALSE;
}

/* ---- phrases and patterns --------------------------------------------- */

typedef struct {
    pb_lines *r;
    const char *s;  /* folded, upper-case text */
    size_t pos;
    int col0;
    pb_parse_mode mode;
    gboolean ok;
} phrase_parser;

static gboolean is_marker(char c)
{
    return c == '*' || c == '$' || c == '+' || c == '%' || c == '^' || c == '@';
}

/* Bytes that end a word in a phrase or pattern: NUL, blanks and the
 * format's punctuation. A table, because parse_seq asks for every byte of
 * every dictionary. */
static const gboolean word_stop[256] = {
    [0] = TRUE,    [' '] = TRUE, ['\t'] = TRUE, ['\n'] = TRUE, ['\v'] = TRUE,
    ['\f'] = TRUE, ['\r'] = TRUE, ['_'] = TRUE,  ['='] = TRUE,  ['~'] = TRUE,
    ['{'] = TRUE,  ['}'] = TRUE, ['|'] = TRUE,  ['['] = TRUE,  [']'] = TRUE,
};

static inline gboolean is_word_char(char c)
{
    return !word_stop[(unsigned char)c];
}

static uint8_t marker_type(char c)
{
    switch (c) {
    case '*': return PB_TOK_VERB;
    case '$': return PB_TOK_SOURCE;
    case '+': return PB_TOK_TARGET;
    case '%': return PB_TOK_COMPOUND;
    case '^': return PB_TOK_SKIP;
    default: return PB_TOK_ATTRIB;
    }
}

/* A malformed phrase: an error, except in a verb pattern, where the one
 * pattern is skipped with a warning (the rest of the verb still works). */
static void pp_error(phrase_parser *p, const char *fmt, const char *found)
{
    if (p->ok) {
        char *msg = g_strdup_printf(fmt, found);
        if (p->mode == PB_PARSE_PATTERN)
            pb_lines_warning(p->r, p->col0 + (int)p->pos + 1, "%s; pattern skipped", msg);
        else
            pb_lines_error(p->r, p->col0 + (int)p->pos + 1, "%s", msg);
        g_free(msg);
    }
    p->ok = FALSE;
}

/* Append a sequence of tokens to d->toks; returns its pb_seq. */
static pb_seq commit_tokens(pb_dict *d, GArray *toks)
{
    pb_seq seq = {d->toks->len, toks->len};
    g_array_append_vals(d->toks, toks->data, toks->len);
    return seq;
}

uint32_t pb_dict_synset(pb_dict *d, const char *name, pb_loc loc)
{
    gpointer v = g_hash_table_lookup(d->synset_ids, name);
    if (v)
        return GPOINTER_TO_UINT(v) - 1;
    pb_synset s = {0};
    s.name = pb_dict_intern(d, name);
    s.loc = loc;
    g_array_append_val(d->synsets, s);
    uint32_t id = d->synsets->len - 1;
    g_hash_table_insert(d->synset_ids, (gpointer)s.name, GUINT_TO_POINTER(id + 1));
    return id;
}

static GArray *parse_seq(phrase_parser *p, gboolean in_alt);

/* After a token: read its connector ('_', '=', '~', blanks) and set the
 * token's mode and adjacency. */
static void read_connector(phrase_parser *p, pb_tok *t)
{
    const char *s = p->s;
    if (t->type == PB_TOK_WORD) {
        if (s[p->pos] == '_') {
            t->mode = PB_MODE_EXACT;
            p->pos++;
            if (s[p->pos] && !isspace((unsigned char)s[p->pos]) && s[p->pos] != '|' && s[p->pos] != '}')
                t->adjacent = 1;
        } else if (s[p->pos] == '=') {
            t->mode = PB_MODE_ONLY;
            p->pos++;
            if (s[p->pos] == '_') {
                p->pos++;
                if (s[p->pos] && !isspace((unsigned char)s[p->pos]))
                    t->adjacent = 1;
            }
        } else if (s[p->pos] == '~') {
            t->mode = PB_MODE_STEM;
            t->adjacent = 1;
            p->pos++;
        }
    } else if (s[p->pos] == '_') {
        p->pos++;
        if (s[p->pos] && !isspace((unsigned char)s[p->pos]) && s[p->pos] != '|' && s[p->pos] != '}')
            t->adjacent = 1;
    }
}

static gboolean parse_alternatives(phrase_parser *p, GArray *out)
{
    pb_dict *d = p->r->dict;
    p->pos++; /* '{' */
    GPtrArray *branches = g_ptr_array_new();
    for (;;) {
        GArray *b = parse_seq(p, TRUE);
        g_ptr_array_add(branches, b);
        if (!p->ok)
            break;
        if (p->s[p->pos] == '|') {
            p->pos++;
            continue;
        }
        if (p->s[p->pos] == '}') {
            p->pos++;
            break;
        }
        pp_error(p, "expected '|' or '}' in alternatives, found %s", p->s[p->pos] ? "something else" : "the end of the pattern");
        break;
    }
    if (p->ok) {
        pb_altset alt = {d->seqs->len, branches->len};
        for (guint i = 0; i < branches->len; i++) {
            GArray *b = g_ptr_array_index(branches, i);
            if (b->len == 0) {
                pp_error(p, "empty alternative in %s", "{ | }");
                break;
            }
        }
        if (p->ok) {
            GArray *seqs = g_array_new(FALSE, FALSE, sizeof(pb_seq));
            for (guint i = 0; i < branches->len; i++) {
                pb_seq sq = commit_tokens(d, g_ptr_array_index(branches, i));
                g_array_append_val(seqs, sq);
            }
            alt.first_branch = d->seqs->len;
            g_array_append_vals(d->seqs, seqs->data, seqs->len);
            g_array_unref(seqs);
            g_array_append_val(d->altsets, alt);
            pb_tok t = {0};
            t.type = PB_TOK_ALT;
            t.ref = d->altsets->len - 1;
            read_connector(p, &t);
            g_array_append_val(out, t);
        }
    }
    for (guint i = 0; i < branches->len; i++)
        g_array_unref(g_ptr_array_index(branches, i));
    g_ptr_array_unref(branches);
    return p->ok;
}

static GArray *parse_seq(phrase_parser *p, gboolean in_alt)
{
    pb_dict *d = p->r->dict;
    GArray *out = g_array_new(FALSE, TRUE, sizeof(pb_tok));
    const char *s = p->s;
    while (p->ok && s[p->pos]) {
        char c = s[p->pos];
        if (isspace((unsigned char)c)) {
            p->pos++;
            continue;
        }
        if (c == '|' || c == '}') {
            if (!in_alt)
                pp_error(p, "'%s' outside of { ... } alternatives", c == '|' ? "|" : "}");
            break;
        }
        if (c == '{') {
            if (p->mode != PB_PARSE_PATTERN) {
                pp_error(p, "alternatives %s are only allowed in verb patterns", "{ | }");
                break;
            }
            if (in_alt) {
                pp_error(p, "nested %s alternatives are not supported", "{ }");
                break;
            }
            parse_alternatives(p, out);
            continue;
        }
        if (c == '_' || c == '=' || c == '~') {
            /* a stray connector (e.g. "__" or a leading "_") joins nothing */
            p->pos++;
            continue;
        }
        pb_tok t = {0};
        if (p->mode != PB_PARSE_ROOT && is_marker(c) && !is_word_char(s[p->pos + 1])) {
            t.type = marker_type(c);
            if (p->mode == PB_PARSE_SYNSET && t.type != PB_TOK_SOURCE && t.type != PB_TOK_TARGET) {
                pp_error(p, "'%s' is not allowed in a synonym set member", (char[]){c, 0});
                break;
            }
            p->pos++;
        } else if (p->mode != PB_PARSE_ROOT && c == '&') {
            size_t start = ++p->pos;
            while (isalnum((unsigned char)s[p->pos]))
                p->pos++;
            if (p->pos == start) {
                pp_error(p, "expected a synonym set name after '&', found %s", s[p->pos] ? "a symbol" : "nothing");
                break;
            }
            char *name = g_strndup(s + start, p->pos - start);
            t.type = PB_TOK_SYNSET;
            pb_loc loc = {p->r->file_id, (uint32_t)p->r->lineno};
            t.ref = pb_dict_synset(d, name, loc);
            g_array_index(d->synsets, pb_synset, t.ref).used = 1;
            g_free(name);
        } else {
            size_t start = p->pos;
            while (is_word_char(s[p->pos]))
                p->pos++;
            if (p->pos == start) {
                if (s[p->pos] == '[' || s[p->pos] == ']') {
                    pb_lines_warning(p->r, p->col0 + (int)p->pos + 1, "stray '%c' in a phrase ignored", s[p->pos]);
                    p->pos++;
                    continue;
                }
                pp_error(p, "unexpected '%s' in a phrase", (char[]){s[p->pos], 0});
                break;
            }
            char *word = g_strndup(s + start, p->pos - start);
            t.type = PB_TOK_WORD;
            t.mode = PB_MODE_STEM;
            t.ref = pb_dict_lit_id(d, word);
            g_free(word);
        }
        read_connector(p, &t);
        g_array_append_val(out, t);
    }
    return out;
}

gboolean pb_parse_phrase(pb_lines *r, const char *text, int col0, pb_parse_mode mode,
                         pb_endings endings, pb_seq *out)
{
    char *folded = pb_fold_upper(text, strlen(text));
    /* A hyphen in a phrase is an underscore (TABARI): hyphens in the text
     * become blanks, so AL-WAZIR must match AL WAZIR and ANTI- matches ANTI. */
    for (char *c = folded; *c; c++)
        if (*c == '-')
            *c = '_';
    phrase_parser p = {r, folded, 0, col0, mode, TRUE};
    GArray *toks = parse_seq(&p, FALSE);
    if (p.ok && folded[p.pos] != '\0')
        pp_error(&p, "unexpected '%s' in phrase", (char[]){folded[p.pos], 0});
    if (p.ok && toks->len == 0) {
        /* e.g. a phrase written only in a non-Latin script: nothing in it
         * can match the ASCII-folded text */
        pb_lines_warning(r, col0 + 1, "phrase has no letters that can match text; entry skipped");
        p.ok = FALSE;
    }
    if (p.ok) {
        /* Regular endings apply to exact words: the last word of a root
         * phrase, every word of a pattern. */
        for (guint i = 0; i < toks->len; i++) {
            pb_tok *t = &g_array_index(toks, pb_tok, i);
            if (t->type != PB_TOK_WORD)
                continue;
            if (mode == PB_PARSE_ROOT)
                t->endings = (i + 1 == toks->len) ? (uint8_t)endings : PB_END_NONE;
            else
                /* in a pattern, a word joined to the next by '_' is not a
                 * phrase end and takes no endings (PLAN_TO_* does not match
                 * PLAN'S TO) */
                t->endings = t->adjacent ? PB_END_NONE : (uint8_t)endings;
        }
        pb_tok *last = &g_array_index(toks, pb_tok, toks->len - 1);
        last->adjacent = 0;
        *out = commit_tokens(r->dict, toks);
    }
    g_array_unref(toks);
    g_free(folded);
    return p.ok;
}

uint32_t pb_seq_letters(const pb_dict *d, pb_seq seq, uint32_t *alt_longest)
{
    uint32_t n = 0, alt = 0;
    for (uint32_t i = 0; i < seq.count; i++) {
        const pb_tok *t = pb_dict_tok(d, seq.first + i);
        if (t->type == PB_TOK_WORD) {
            n += pb_dict_lit_len(d, t->ref);
        } else if (t->type == PB_TOK_SYNSET) {
            /* TABARI counts no letters for a synonym set */
        } else if (t->type == PB_TOK_ALT) {
            const pb_altset *a = &g_array_index(d->altsets, pb_altset, t->ref);
            uint32_t best = 0;
            for (uint32_t b = 0; b < a->nbranches; b++) {
                pb_seq bs = g_array_index(d->seqs, pb_seq, a->first_branch + b);
                uint32_t k = pb_seq_letters(d, bs, NULL);
                best = MAX(best, k);
            }
            alt += best;
            n += best;
        }
    }
    if (alt_longest)
        *alt_longest = alt;
    return n;
}

/* ---- codes ---------------------------------------------------------------- */

void pb_code_blocks_clear(GArray *blocks)
{
    for (guint i = 0; i < blocks->len; i++)
        g_free(g_array_index(blocks, pb_code_block, i).text);
    g_array_set_size(blocks, 0);
}

/* Upper-case copy of a code block with blanks normalised: runs become
 * one blank, and blanks are dropped where real files put them inside one
 * token ("< 950601", "950601 - 990815", "- - -", " ~GOV", "032 : 033"). */
static char *squeeze_code(const char *s, size_t n)
{
    /* first the blanks made single and trimmed (in tmp), then the blanks
     * inside tokens dropped (in out); neither is longer than the input */
    char small[256];
    char *tmp = n < sizeof small ? small : g_malloc(n + 1);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char c = (unsigned char)s[i];
        if (isspace(c)) {
            if (len > 0 && tmp[len - 1] != ' ')
                tmp[len++] = ' ';
        } else {
            tmp[len++] = (char)toupper(c);
        }
    }
    while (len > 0 && tmp[len - 1] == ' ')
        len--;
    char *out = g_malloc(len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        const char c = tmp[i];
        if (c == ' ' && i > 0 && i + 1 < len) {
            const char a = tmp[i - 1], b = tmp[i + 1];
            const gboolean drop = a == '<' || a == '>' || (a == '-' && b == '-') ||
                                  (isdigit((unsigned char)a) && b == '-') || (a == '-' && isdigit((unsigned char)b)) ||
                                  a == ':' || b == ':' || a == '/' || b == '/' || a == '~' || b == '~';
            if (drop)
                continue;
        }
        out[k++] = c;
    }
    out[k] = '\0';
    if (tmp != small)
        g_free(tmp);
    return out;
}

size_t pb_split_codes(pb_lines *r, const char *text, GArray *blocks)
{
    const char *open = strchr(text, '[');
    size_t phrase_len = open ? (size_t)(open - text) : strlen(text);
    while (phrase_len > 0 && isspace((unsigned char)text[phrase_len - 1]))
        phrase_len--;
    const char *p = open;
    while (p && *p == '[') {
        int col = (int)(p - text) + r->indent + 1;
        const char *close = strchr(p + 1, ']');
        const char *next_open = strchr(p + 1, '[');
        const char *end;
        if (close && (!next_open || close < next_open)) {
            end = close;
        } else {
            /* No ']' before the next '[' or the end of the line. */
            const char *brace = memchr(p + 1, '}', (size_t)((next_open ? next_open : p + strlen(p)) - (p + 1)));
            end = next_open ? next_open : p + strlen(p);
            if (brace) {
                pb_lines_warning(r, (int)(brace - text) + r->indent + 1,
                                 "'}' closes a code opened with '['; read as ']'");
                end = brace;
            } else {
                pb_lines_warning(r, (int)(end - text) + r->indent + 1,
                                 "missing ']' at the end of the code; assumed");
            }
            while (end > p + 1 && isspace((unsigned char)end[-1]))
                end--;
        }
        pb_code_block b;
        b.text = squeeze_code(p + 1, (size_t)(end - (p + 1)));
        b.col = col;
        g_array_append_val(blocks, b);
        p = *end ? end + 1 : end;
        while (*p && isspace((unsigned char)*p))
            p++;
        if (*p && *p != '[') {
            pb_lines_warning(r, (int)(p - text) + r->indent + 1,
                             "text after the code is ignored: '%s'", p);
            break;
        }
    }
    return phrase_len;
}

static gboolean valid_code_chars(const char *s)
{
    if (!*s)
        return FALSE;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s))
            return FALSE;
    return TRUE;
}

static uint8_t special_of(const char *s)
{
    if (strcmp(s, "---") == 0)
        return PB_SPECIAL_NULL;
    if (strcmp(s, "###") == 0)
        return PB_SPECIAL_DISCARD;
    if (strcmp(s, "+++") == 0)
        return PB_SPECIAL_COMPLEX;
    return PB_SPECIAL_NONE;
}

static gboolean parse_one_event_code(pb_lines *r, const char *s, int col, const char **code, uint8_t *special)
{
    *special = special_of(s);
    if (*special) {
        *code = NULL;
        return TRUE;
    }
    if (!valid_code_chars(s)) {
        pb_lines_error(r, col, "expected an event code (digits), '---', '###' or '+++', found '%s'", s);
        return FALSE;
    }
    *code = pb_dict_intern(r->dict, s);
    return TRUE;
}

gboolean pb_parse_event_code(pb_lines *r, const char *text, int col, pb_event_code *out)
{
    memset(out, 0, sizeof *out);
    char *s = g_strdup(text);
    size_t n = strlen(s);
    if (n > 0 && s[n - 1] == '?') {
        out->flags |= PB_CODE_SUBORDINATE;
        s[--n] = '\0';
    } else if (n > 0 && s[n - 1] == '!') {
        out->flags |= PB_CODE_DOMINANT;
        s[--n] = '\0';
    }
    gboolean ok;
    char *colon = strchr(s, ':');
    if (n == 0) {
        pb_lines_error(r, col, "empty code '[]': expected an event code");
        ok = FALSE;
    } else if (colon) {
        *colon = '\0';
        uint8_t sp1 = 0, sp2 = 0;
        const char *c1 = NULL, *c2 = NULL;
        if (s[0] == '\0') {
            ok = parse_one_event_code(r, colon + 1, col, &c2, &sp2);
            /* PETRARCH-2 "[:173]": only the second, reversed event */
            out->code = NULL;
            out->code2 = c2;
            out->special = sp2;
        } else {
            ok = parse_one_event_code(r, s, col, &c1, &sp1) && parse_one_event_code(r, colon + 1, col, &c2, &sp2);
            out->code = c1;
            out->code2 = c2;
            out->special = sp1;
        }
    } else {
        ok = parse_one_event_code(r, s, col, &out->code, &out->special);
    }
    g_free(s);
    return ok;
}

/* A dictionary date: YYMMDD, YYYYMMDD (and PETRARCH's 7 and 9+ digits). */
static gboolean parse_dict_date(pb_lines *r, const char *s, size_t n, int col, pb_date *out)
{
    gboolean warn = FALSE;
    *out = pb_date_parse_dict(s, n, &warn);
    if (*out == 0) {
        pb_lines_error(r, col, "malformed date '%.*s': expected YYYYMMDD or YYMMDD", (int)n, s);
        return FALSE;
    }
    if (warn)
        pb_lines_warning(r, col, "date '%.*s' has %zu digits: read as %d", (int)n, s, n, (int)*out);
    return TRUE;
}

static gboolean all_digits(const char *s, size_t n)
{
    if (n == 0)
        return FALSE;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return FALSE;
    return TRUE;
}

gboolean pb_parse_actor_code(pb_lines *r, const char *text, int col, pb_actor_code *out)
{
    memset(out, 0, sizeof *out);
    const char *sp = strchr(text, ' ');
    size_t clen = sp ? (size_t)(sp - text) : strlen(text);
    char *code = g_strndup(text, clen);
    const char *restr = sp ? sp + 1 : NULL;
    gboolean ok = TRUE;
    if (clen == 0) {
        pb_lines_error(r, col, "empty code '[]': expected an actor code");
        ok = FALSE;
    } else if (code[0] == '<' || code[0] == '>' || isdigit((unsigned char)code[0])) {
        pb_lines_error(r, col, "expected an actor code before the date restriction, found '%s'", text);
        ok = FALSE;
    } else if ((out->special = special_of(code)) != PB_SPECIAL_NONE) {
        out->code = NULL;
    } else {
        /* A code with digits glued to a date: "AAA950601-990815". */
        const char *dash = strchr(code, '-');
        if (dash && dash > code && isdigit((unsigned char)dash[-1])) {
            pb_lines_error(r, col, "expected a blank between the code and its date in '%s'", text);
            ok = FALSE;
        }
        /* letters, digits and '/' for coded compounds ("GME/GMW") */
        for (const char *c = code; ok && *c; c++) {
            if (!isalnum((unsigned char)*c) && *c != '/') {
                pb_lines_error(r, col, "invalid character '%c' in actor code '%s'", *c, code);
                ok = FALSE;
                break;
            }
        }
        if (ok && (code[0] == '/' || code[clen - 1] == '/' || strstr(code, "//"))) {
            pb_lines_error(r, col, "empty member in coded compound '%s'", code);
            ok = FALSE;
        }
        out->code = ok ? pb_dict_intern(r->dict, code) : NULL;
    }
    if (ok && restr) {
        out->restricted = 1;
        size_t n = strlen(restr);
        if (restr[0] == '<' || restr[0] == '>') {
            pb_date dt;
            const char *ds = restr + 1;
            while (*ds == ' ')
                ds++;
            ok = parse_dict_date(r, ds, strlen(ds), col, &dt);
            if (restr[0] == '<')
                out->to = dt;
            else
                out->from = dt;
        } else if (all_digits(restr, n)) {
            /* PETRARCH files have "[CODE 20121204]": read as from that date */
            ok = parse_dict_date(r, restr, n, col, &out->from);
            if (ok)
                pb_lines_warning(r, col, "date %s without '<', '>' or a range; read as '>%s' (from that date on)", restr, restr);
        } else {
            const char *dash = strchr(restr, '-');
            if (!dash || !all_digits(restr, (size_t)(dash - restr)) || !all_digits(dash + 1, strlen(dash + 1))) {
                pb_lines_error(r, col, "malformed date restriction '%s': expected <DATE, >DATE or DATE-DATE", restr);
                ok = FALSE;
            } else {
                ok = parse_dict_date(r, restr, (size_t)(dash - restr), col, &out->from) &&
                     parse_dict_date(r, dash + 1, n - (size_t)(dash + 1 - restr), col, &out->to);
                if (ok && out->to < out->from) {
                    pb_lines_warning(r, col, "end date %d is before start date %d: this code can never apply and is ignored",
                                     (int)out->to, (int)out->from);
                    ok = FALSE;
                }
            }
        }
    }
    g_free(code);
    return ok;
}

/* ---- synsets ---------------------------------------------------------------- */

void pb_dict_check_synsets(pb_dict *d, pb_diags *diags)
{
    for (guint i = 0; i < d->synsets->len; i++) {
        const pb_synset *s = &g_array_index(d->synsets, pb_synset, i);
        if (!s->defined)
            pb_diags_add(diags, PB_SEV_ERROR, pb_dict_file(d, s->loc), (int)s->loc.line, 0,
                         "synonym set '&%s' is used but never defined", s->name);
        else if (!s->used)
            pb_diags_add(diags, PB_SEV_WARNING, pb_dict_file(d, s->loc), (int)s->loc.line, 0,
                         "synonym set '&%s' is defined but never used", s->name);
    }
}

/* Load a file's contents with a loader that reads buffers. */
gboolean pb_load_path(pb_dict *d, const char *path, pb_diags *diags, GError **error,
                      void (*load)(pb_dict *, const char *, const char *, size_t, pb_diags *))
{
    char *data = NULL;
    size_t len = 0;
    if (!pb_read_file(path, &data, &len, error))
        return FALSE;
    load(d, path, data, len, diags);
    g_free(data);
    return TRUE;
}
