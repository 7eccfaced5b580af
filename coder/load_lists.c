/*
 * load_lists.c - discards and issues: phrase lists matched anywhere in a
 * sentence rather than classified by the parser.
 *
 * Discards (PETRARCH): one phrase per line; a leading '+' discards the
 * whole story. The words of a phrase are consecutive and exact; the last
 * takes the regular noun endings.
 *
 * Issues (PETRARCH's IssueCoding and TABARI's issues file):
 *   <ISSUE CATEGORY="NAME" TYPE="ALL|NUMERIC" DEFAULT="..."> ... </ISSUE>
 *   phrase [CODE]         n:word marks a noun (plural matches),
 *                         a+b joins hyphenated words; ~phrase is not an
 *                         issue and keeps its words from the other phrases
 *                         ("~a head start" against "head start").
 * Issue phrases are consecutive words; lower-case words (PETRARCH) are
 * exact, upper-case words follow TABARI's stem rule.
 */
#include "pb_dict_build.h"

#include <ctype.h>
#include <string.h>

/* Build tokens for a list phrase directly: words separated by blanks or
 * '+', all adjacent. */
static gboolean list_phrase(pb_lines *r, const char *text, gboolean upper_stems, pb_seq *out)
{
    pb_dict *d = r->dict;
    GArray *toks = g_array_new(FALSE, TRUE, sizeof(pb_tok));
    char **words = g_strsplit_set(text, " \t+", -1);
    for (char **w = words; *w; w++) {
        const char *x = *w;
        if (!*x)
            continue;
        gboolean noun = FALSE;
        if (g_str_has_prefix(x, "n:") || g_str_has_prefix(x, "N:")) {
            noun = TRUE;
            x += 2;
        }
        size_t n = strlen(x);
        pb_tok t = {0};
        t.type = PB_TOK_WORD;
        gboolean has_lower = FALSE;
        for (const char *c = x; *c; c++)
            has_lower |= islower((unsigned char)*c) != 0;
        if (n > 0 && x[n - 1] == '_') {
            t.mode = PB_MODE_EXACT;
            n--;
        } else if (noun) {
            t.mode = PB_MODE_EXACT;
        } else if (has_lower || !upper_stems) {
            t.mode = PB_MODE_EXACT;
        } else {
            t.mode = PB_MODE_STEM;
        }
        t.endings = noun || t.mode == PB_MODE_EXACT ? PB_END_NOUN : PB_END_NONE;
        t.adjacent = 1;
        char *word = g_strndup(x, n);
        char *up = g_ascii_strup(word, -1);
        for (char *c = up; *c; c++)
            if (*c == '_' || *c == '-')
                *c = ' ';
        /* a word written with '_' inside ("HEAD_START") is several words */
        char **sub = g_strsplit(up, " ", -1);
        for (char **sw = sub; *sw; sw++) {
            if (!**sw)
                continue;
            t.ref = pb_dict_lit_id(d, *sw);
            g_array_append_val(toks, t);
        }
        g_strfreev(sub);
        g_free(up);
        g_free(word);
    }
    g_strfreev(words);
    gboolean ok = toks->len > 0;
    if (ok) {
        g_array_index(toks, pb_tok, toks->len - 1).adjacent = 0;
        out->first = d->toks->len;
        out->count = toks->len;
        g_array_append_vals(d->toks, toks->data, toks->len);
    } else {
        pb_lines_warning(r, r->indent + 1, "empty phrase; entry skipped");
    }
    g_array_unref(toks);
    return ok;
}

void pb_dict_load_discards_buffer(pb_dict *d, const char *name, const char *data, size_t len, pb_diags *diags)
{
    pb_lines r;
    pb_lines_init(&r, d, name, data, len, diags);
    while (pb_lines_next(&r)) {
        const char *s = r.line->str;
        gboolean story = s[0] == '+';
        if (story)
            s++;
        while (*s == ' ' || *s == '\t')
            s++;
        if (strchr(s, '[')) {
            pb_lines_warning(&r, (int)(strchr(s, '[') - r.line->str) + r.indent + 1,
                             "a discard phrase has no code; the code is ignored");
        }
        char *phrase = g_strndup(s, strchr(s, '[') ? (gsize)(strchr(s, '[') - s) : strlen(s));
        g_strchomp(phrase);
        /* Discard words are exact (no stems). */
        pb_seq seq;
        if (*phrase && list_phrase(&r, phrase, FALSE, &seq)) {
            pb_loc loc = {r.file_id, (uint32_t)r.lineno};
            const pb_loc *prev = pb_dict_seen(d, PB_SEEN_SPACE(PB_SEEN_DISCARD, 0), seq, loc);
            if (prev)
                pb_lines_warning(&r, r.indent + 1, "duplicate discard phrase '%s' (first at %s:%u)", phrase,
                                 pb_dict_file(d, *prev), prev->line);
            else
                pb_dict_add_phrase(d, seq, PB_ROOT_DISCARD, story ? 1 : 0);
        } else if (!*phrase) {
            pb_lines_error(&r, r.indent + 1, "'+' without a discard phrase");
        }
        g_free(phrase);
    }
    pb_lines_clear(&r);
}

/* Value of attribute NAME="value" in an <ISSUE ...> tag. */
static char *tag_attribute(const char *tag, const char *name)
{
    const char *p = strstr(tag, name);
    if (!p)
        return NULL;
    p = strchr(p, '=');
    if (!p)
        return NULL;
    p++;
    while (*p == ' ')
        p++;
    if (*p != '"')
        return NULL;
    const char *e = strchr(p + 1, '"');
    return e ? g_strndup(p + 1, (gsize)(e - p - 1)) : NULL;
}

void pb_dict_load_issues_buffer(pb_dict *d, const char *name, const char *data, size_t len, pb_diags *diags)
{
    pb_lines r;
    pb_lines_init(&r, d, name, data, len, diags);
    r.tilde_ends = FALSE;
    GArray *blocks = g_array_new(FALSE, FALSE, sizeof(pb_code_block));
    const char *category = NULL;
    gboolean all = FALSE, numeric = FALSE;
    while (pb_lines_next(&r)) {
        const char *s = r.line->str;
        if (g_ascii_strncasecmp(s, "<ISSUE", 6) == 0) {
            if (category)
                pb_lines_error(&r, r.indent + 1, "<ISSUE> opened before the previous </ISSUE>");
            char *cat = tag_attribute(s, "CATEGORY");
            char *type = tag_attribute(s, "TYPE");
            if (!cat) {
                pb_lines_error(&r, r.indent + 1, "<ISSUE> without CATEGORY=\"...\"");
                cat = g_strdup_printf("ISSUE%u", d->issue_categories->len + 1);
            }
            category = pb_dict_intern(d, cat);
            g_ptr_array_add(d->issue_categories, (gpointer)category);
            all = type && strstr(type, "ALL");
            numeric = type && strstr(type, "NUMERIC");
            g_free(cat);
            g_free(type);
            continue;
        }
        if (g_ascii_strncasecmp(s, "</ISSUE", 7) == 0) {
            if (!category)
                pb_lines_warning(&r, r.indent + 1, "</ISSUE> without an open <ISSUE>; ignored");
            category = NULL;
            continue;
        }
        if (!category) {
            pb_lines_error(&r, r.indent + 1, "issue phrase outside an <ISSUE> block: '%s'", s);
            continue;
        }
        gboolean exclude = s[0] == '~';
        if (exclude)
            s++;
        pb_code_blocks_clear(blocks);
        size_t n = pb_split_codes(&r, s, blocks);
        pb_issue issue = {0};
        issue.category = category;
        issue.all = (uint8_t)all;
        issue.numeric = (uint8_t)numeric;
        issue.exclude = (uint8_t)exclude;
        issue.loc.file = r.file_id;
        issue.loc.line = (uint32_t)r.lineno;
        if (blocks->len > 0)
            issue.code = pb_dict_intern(d, g_array_index(blocks, pb_code_block, 0).text);
        else if (!exclude && !numeric) {
            pb_lines_warning(&r, (int)strlen(s) + r.indent + 1, "issue phrase without a [CODE]; skipped");
            continue;
        }
        char *phrase = g_strndup(s, n);
        pb_seq seq;
        if (list_phrase(&r, phrase, TRUE, &seq)) {
            g_array_append_val(d->issues, issue);
            pb_dict_add_phrase(d, seq, PB_ROOT_ISSUE, d->issues->len - 1);
        }
        g_free(phrase);
    }
    if (category)
        pb_diags_add(diags, PB_SEV_ERROR, name, r.lineno, 0, "missing </ISSUE> at the end of the file");
    pb_code_blocks_clear(blocks);
    g_array_unref(blocks);
    pb_lines_clear(&r);
}

gboolean pb_dict_load_discards(pb_dict *d, const char *path, pb_diags *diags, GError **error)
{
    return pb_load_path(d, path, diags, error, pb_dict_load_discards_buffer);
}

gboolean pb_dict_load_issues(pb_dict *d, const char *path, pb_diags *diags, GError **error)
{
    return pb_load_path(d, path, diags, error, pb_dict_load_issues_buffer);
}

void pb_dict_load_options_buffer(pb_dict *d, const char *name, const char *data, size_t len, pb_diags *diags)
{
    pb_lines r;
    pb_lines_init(&r, d, name, data, len, diags);
    while (pb_lines_next(&r)) {
        char *message = NULL;
        gboolean warning = FALSE;
        gboolean ok = pb_options_apply(&d->options, r.line->str, &message, &warning);
        if (!ok)
            pb_lines_error(&r, r.indent + 1, "%s", message);
        else if (message)
            pb_lines_warning(&r, r.indent + 1, "%s", message);
        g_free(message);
    }
    pb_lines_clear(&r);
}

gboolean pb_dict_load_options(pb_dict *d, const char *path, pb_diags *diags, GError **error)
{
    return pb_load_path(d, path, diags, error, pb_dict_load_options_buffer);
}
