/*
 * load_agents.c - the .agents format (TABARI and PETRARCH-1).
 *
 *   PHRASE [~CODE]                 role appended to the actor's code
 *   PHRASE [CODE~]                 role put in front of it
 *   PHRASE {PLURAL PLURAL} [~CODE] explicit plural forms; {} = no plural
 *   !NAME! = A, B, C               a substitution set (PETRARCH) ...
 *   !NAME!_OF_YOUTH [~GOV]         ... used in entries: one entry per member
 */
#include "pb_dict_build.h"

#include <ctype.h>
#include <string.h>

typedef struct {
    pb_lines r;
    GArray *blocks;
    GHashTable *sets; /* "!NAME!" -> GPtrArray of members */
} agent_loader;

/* An entry stands for at most this many phrases: several sets in one
 * entry multiply, and a hand-made typo must not cost gigabytes. */
#define MAX_EXPANSIONS 512

/* Every expansion of the !NAME! references in s. FALSE (with an error)
 * when they would exceed MAX_EXPANSIONS. */
static gboolean expand(agent_loader *L, const char *s, GPtrArray *out, int depth)
{
    const char *a = strchr(s, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b || depth > 4) {
        if (out->len >= MAX_EXPANSIONS) {
            pb_lines_error(&L->r, L->r.indent + 1,
                           "the substitution sets of this entry stand for more than %d phrases; entry skipped",
                           MAX_EXPANSIONS);
            return FALSE;
        }
        g_ptr_array_add(out, g_strdup(s));
        return TRUE;
    }
    char *name = g_strndup(a, (gsize)(b - a + 1));
    GPtrArray *members = g_hash_table_lookup(L->sets, name);
    if (!members) {
        pb_lines_error(&L->r, (int)(a - s) + L->r.indent + 1, "substitution set %s is not defined", name);
        g_free(name);
        return FALSE;
    }
    gboolean ok = TRUE;
    for (guint i = 0; i < members->len && ok; i++) {
        char *x = g_strdup_printf("%.*s%s%s", (int)(a - s), s, (const char *)g_ptr_array_index(members, i), b + 1);
        ok = expand(L, x, out, depth + 1);
        g_free(x);
    }
    g_free(name);
    return ok;
}

static gboolean parse_agent_code(agent_loader *L, const pb_code_block *b, pb_agent *out)
{
    const char *t = b->text;
    size_t n = strlen(t);
    const char *tilde = strchr(t, '~');
    char *code;
    if (!tilde) {
        pb_lines_warning(&L->r, b->col, "agent code '%s' has no '~'; read as '~%s' (appended to the actor code)", t, t);
        code = g_strdup(t);
        out->prefix = 0;
    } else if (tilde == t) {
        code = g_strdup(t + 1);
        out->prefix = 0;
    } else if (tilde == t + n - 1) {
        code = g_strndup(t, n - 1);
        out->prefix = 1;
    } else {
        pb_lines_error(&L->r, b->col, "agent code '%s': '~' must be at the start (~GOV) or the end (NGO~)", t);
        return FALSE;
    }
    g_strstrip(code);
    gboolean ok = code[0] != '\0';
    for (const char *c = code; *c && ok; c++)
        ok = isalnum((unsigned char)*c);
    if (!ok) {
        pb_lines_error(&L->r, b->col, "agent code '%s': expected letters and digits around '~'", t);
        g_free(code);
        return FALSE;
    }
    out->code = pb_dict_intern(L->r.dict, code);
    g_free(code);
    return TRUE;
}

static void add_agent_phrase(agent_loader *L, const char *phrase, pb_endings endings, uint32_t agent, int col)
{
    pb_dict *d = L->r.dict;
    pb_seq seq;
    if (!pb_parse_phrase(&L->r, phrase, col, PB_PARSE_ROOT, endings, &seq))
        return;
    pb_loc loc = {L->r.file_id, (uint32_t)L->r.lineno};
    const pb_loc *prev = pb_dict_seen(d, PB_SEEN_SPACE(PB_SEEN_AGENT, 0), seq, loc);
    if (prev)
        pb_lines_warning(&L->r, col + 1, "duplicate agent phrase '%s' (first at %s:%u); the first entry is used",
                         phrase, pb_dict_file(d, *prev), prev->line);
    else
        pb_dict_add_phrase(d, seq, PB_ROOT_AGENT, agent);
}

static void define_set(agent_loader *L, const char *s)
{
    const char *eq = strchr(s, '=');
    const char *end = strchr(s + 1, '!');
    if (!eq || !end || end > eq) {
        pb_lines_error(&L->r, L->r.indent + 1, "expected '!NAME! = member, member, ...'");
        return;
    }
    char *name = g_ascii_strup(s, end - s + 1);
    GPtrArray *members = g_ptr_array_new_with_free_func(g_free);
    char **parts = g_strsplit(eq + 1, ",", -1);
    for (char **p = parts; *p; p++) {
        char *m = g_strstrip(g_strdup(*p));
        if (*m && strchr(m, '!')) {
            /* a member naming a set would make the set stand for itself */
            pb_lines_error(&L->r, (int)(eq - s) + L->r.indent + 2,
                           "substitution set %s: member '%s' names a set; sets cannot contain sets", name, m);
            g_free(m);
        } else if (*m) {
            g_ptr_array_add(members, m);
        } else {
            g_free(m);
        }
    }
    g_strfreev(parts);
    if (members->len == 0)
        pb_lines_error(&L->r, (int)(eq - s) + L->r.indent + 2, "substitution set %s has no members", name);
    g_hash_table_replace(L->sets, name, members);
}

static void load_line(agent_loader *L, const char *s)
{
    pb_dict *d = L->r.dict;
    pb_code_blocks_clear(L->blocks);
    size_t n = pb_split_codes(&L->r, s, L->blocks);
    if (L->blocks->len == 0) {
        pb_lines_warning(&L->r, (int)strlen(s) + L->r.indent + 1, "agent '%s' has no [~CODE]; entry skipped", s);
        return;
    }
    if (n == 0) {
        pb_lines_error(&L->r, L->r.indent + 1, "expected an agent phrase before the code");
        return;
    }
    pb_agent agent = {0};
    const pb_code_block *b = &g_array_index(L->blocks, pb_code_block, 0);
    if (!parse_agent_code(L, b, &agent))
        return;
    if (L->blocks->len > 1)
        pb_lines_warning(&L->r, g_array_index(L->blocks, pb_code_block, 1).col,
                         "an agent has one code; the extra codes are ignored");
    agent.loc.file = L->r.file_id;
    agent.loc.line = (uint32_t)L->r.lineno;
    /* Split off {plural forms}. */
    char *phrase = g_strndup(s, n);
    char *plurals = NULL;
    gboolean braces = FALSE;
    char *open = strchr(phrase, '{');
    if (open) {
        char *close = strchr(open, '}');
        if (!close) {
            pb_lines_error(&L->r, (int)(open - phrase) + L->r.indent + 1, "'{' of the plural forms is not closed");
            g_free(phrase);
            return;
        }
        braces = TRUE;
        plurals = g_strndup(open + 1, (gsize)(close - open - 1));
        *open = '\0';
        g_strchomp(phrase);
    }
    /* every phrase of the entry first: an entry whose sets expand too far
     * is skipped whole, and then it is not counted either */
    GPtrArray *forms = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *plural_forms = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = expand(L, phrase, forms, 0);
    if (ok && plurals) {
        char **parts = g_strsplit_set(plurals, " \t", -1);
        for (char **p = parts; *p && ok; p++) {
            GPtrArray *one = g_ptr_array_new_with_free_func(g_free);
            ok = !**p || expand(L, *p, one, 0);
            for (guint i = 0; ok && i < one->len; i++)
                g_ptr_array_add(plural_forms, g_strdup(g_ptr_array_index(one, i)));
            g_ptr_array_unref(one);
        }
        g_strfreev(parts);
    }
    if (ok) {
        g_array_append_val(d->agents, agent);
        uint32_t id = d->agents->len - 1;
        for (guint i = 0; i < forms->len; i++)
            add_agent_phrase(L, g_ptr_array_index(forms, i), braces ? PB_END_NONE : PB_END_NOUN, id, L->r.indent);
        for (guint i = 0; i < plural_forms->len; i++)
            add_agent_phrase(L, g_ptr_array_index(plural_forms, i), PB_END_NONE, id, L->r.indent);
    }
    g_ptr_array_unref(forms);
    g_ptr_array_unref(plural_forms);
    g_free(plurals);
    g_free(phrase);
}

void pb_dict_load_agents_buffer(pb_dict *d, const char *name, const char *data, size_t len, pb_diags *diags)
{
    agent_loader L = {0};
    pb_lines_init(&L.r, d, name, data, len, diags);
    L.blocks = g_array_new(FALSE, FALSE, sizeof(pb_code_block));
    L.sets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    while (pb_lines_next(&L.r)) {
        const char *s = L.r.line->str;
        if (s[0] == '!' && strchr(s, '=') && !strchr(s, '['))
            define_set(&L, s);
        else if (s[0] == '<')
            pb_lines_warning(&L.r, L.r.indent + 1, "section tag '%s' is not used in an agents file; ignored", s);
        else
            load_line(&L, s);
    }
    g_hash_table_unref(L.sets);
    pb_code_blocks_clear(L.blocks);
    g_array_unref(L.blocks);
    pb_lines_clear(&L.r);
}

gboolean pb_dict_load_agents(pb_dict *d, const char *path, pb_diags *diags, GError **error)
{
    return pb_load_path(d, path, diags, error, pb_dict_load_agents_buffer);
}
