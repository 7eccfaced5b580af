/*
 * load_actors.c - the .actors format (TABARI and Phoenix/PETRARCH-1).
 *
 *   PHRASE [CODE] [CODE <DATE] ...      an entry, codes on the same line
 *   +SYNONYM                            more phrases for the entry above
 *   <tab>[CODE DATE-DATE]               more codes for the entry above
 *   <NOUN> ... </NOUN>, <ADJECTIVE> ... </ADJECTIVE>   code-less word lists
 *
 * An entry and its synonyms share one pb_actor whose codes are contiguous
 * in actor_codes. Problems are reported per line; a broken line is
 * skipped and loading goes on.
 */
#include "pb_dict_build.h"

#include <string.h>

typedef struct {
    pb_lines r;
    GArray *blocks;          /* pb_code_block scratch */
    int32_t actor;           /* current entry, -1 if none */
    int section;             /* 0, PB_ROOT_NOUN or PB_ROOT_ADJECTIVE */
    const char *kind_name;   /* "actor" (also used for nouns in a verbs file) */
} actor_loader;

static void add_codes(actor_loader *L, pb_actor *a)
{
    pb_dict *d = L->r.dict;
    for (guint i = 0; i < L->blocks->len; i++) {
        const pb_code_block *b = &g_array_index(L->blocks, pb_code_block, i);
        pb_actor_code c;
        if (!pb_parse_actor_code(&L->r, b->text, b->col, &c))
            continue;
        g_array_append_val(d->actor_codes, c);
        a->ncodes++;
    }
}

/* At the end of an entry: check it has a usable code and no conflicting
 * dates. */
static void finish_actor(actor_loader *L)
{
    if (L->actor < 0)
        return;
    pb_dict *d = L->r.dict;
    pb_actor *a = &g_array_index(d->actors, pb_actor, L->actor);
    const char *file = pb_dict_file(d, a->loc);
    if (a->ncodes == 0) {
        pb_diags_add(L->r.diags, PB_SEV_WARNING, file, (int)a->loc.line, 0,
                     "actor '%s' has no code; it is read as null [---]", a->parent);
    }
    int defaults = 0;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const pb_actor_code *c = &g_array_index(d->actor_codes, pb_actor_code, a->first_code + i);
        if (!c->restricted && ++defaults == 2)
            pb_diags_add(L->r.diags, PB_SEV_WARNING, file, (int)a->loc.line, 0,
                         "actor '%s' has more than one code without a date; the first is the default", a->parent);
        if (!c->restricted)
            continue;
        for (uint32_t j = i + 1; j < a->ncodes; j++) {
            const pb_actor_code *o = &g_array_index(d->actor_codes, pb_actor_code, a->first_code + j);
            if (!o->restricted || g_strcmp0(o->code, c->code) == 0)
                continue;
            pb_date s1 = c->from ? c->from : 0, e1 = c->to ? c->to : 99991231;
            pb_date s2 = o->from ? o->from : 0, e2 = o->to ? o->to : 99991231;
            if (s1 < e2 && s2 < e1)
                pb_diags_add(L->r.diags, PB_SEV_WARNING, file, (int)a->loc.line, 0,
                             "actor '%s': date ranges of %s and %s overlap; the first listed wins",
                             a->parent, c->code ? c->code : "---", o->code ? o->code : "---");
        }
    }
    L->actor = -1;
}

static void add_actor_phrase(actor_loader *L, const char *text, size_t len, int col0)
{
    pb_dict *d = L->r.dict;
    char *phrase = g_strndup(text, len);
    pb_seq seq;
    if (pb_parse_phrase(&L->r, phrase, col0, PB_PARSE_ROOT, PB_END_NOUN, &seq)) {
        pb_loc loc = {L->r.file_id, (uint32_t)L->r.lineno};
        const pb_loc *prev = pb_dict_seen(d, PB_SEEN_SPACE(PB_SEEN_ACTOR, 0), seq, loc);
        if (prev) {
            pb_lines_warning(&L->r, col0 + 1, "duplicate actor phrase '%s' (first at %s:%u); the first entry is used",
                             phrase, pb_dict_file(d, *prev), prev->line);
        } else {
            const pb_tok *t = pb_dict_tok(d, seq.first);
            if (seq.count == 1 && t->mode == PB_MODE_STEM && pb_dict_lit_len(d, t->ref) < 3)
                pb_lines_warning(&L->r, col0 + 1,
                                 "stem '%s' of %u letters matches every word that begins with it; add '_' to match the word only",
                                 pb_dict_lit(d, t->ref), pb_dict_lit_len(d, t->ref));
            pb_dict_add_phrase(d, seq, PB_ROOT_ACTOR, (uint32_t)L->actor);
        }
    }
    g_free(phrase);
}

void pb_load_plain_phrase(pb_lines *r, GArray *blocks, const char *text, int kind)
{
    pb_dict *d = r->dict;
    pb_code_blocks_clear(blocks);
    size_t n = pb_split_codes(r, text, blocks);
    if (blocks->len > 0)
        pb_lines_warning(r, g_array_index(blocks, pb_code_block, 0).col,
                         "codes are not used in a <%s> list; ignored", kind == PB_ROOT_NOUN ? "NOUN" : "ADJECTIVE");
    char *phrase = g_strndup(text, n);
    pb_seq seq;
    if (pb_parse_phrase(r, phrase, r->indent, PB_PARSE_ROOT, PB_END_NOUN, &seq)) {
        pb_loc loc = {r->file_id, (uint32_t)r->lineno};
        if (!pb_dict_seen(d, PB_SEEN_SPACE(kind == PB_ROOT_NOUN ? PB_SEEN_NOUN : PB_SEEN_ADJECTIVE, 0), seq, loc))
            pb_dict_add_phrase(d, seq, (pb_root_kind)kind, 0);
    }
    g_free(phrase);
}

/* Handle <NOUN>, </NOUN>, <ADJECTIVE>, </ADJECTIVE>; returns TRUE if the
 * line was such a tag. Shared with the verbs loader through
 * pb_noun_section_tag(). */
int pb_noun_section_tag(const char *s, int *section, gboolean *closing)
{
    *closing = s[1] == '/';
    const char *name = s + (*closing ? 2 : 1);
    if (g_ascii_strncasecmp(name, "NOUN", 4) == 0)
        *section = PB_ROOT_NOUN;
    else if (g_ascii_strncasecmp(name, "ADJ", 3) == 0)
        *section = PB_ROOT_ADJECTIVE;
    else
        return 0;
    return 1;
}

void pb_dict_load_actors_buffer(pb_dict *d, const char *name, const char *data, size_t len, pb_diags *diags)
{
    actor_loader L = {0};
    pb_lines_init(&L.r, d, name, data, len, diags);
    L.blocks = g_array_new(FALSE, FALSE, sizeof(pb_code_block));
    L.actor = -1;
    while (pb_lines_next(&L.r)) {
        const char *s = L.r.line->str;
        if (s[0] == '<') {
            int section;
            gboolean closing;
            if (pb_noun_section_tag(s, &section, &closing)) {
                finish_actor(&L);
                if (closing && L.section != section)
                    pb_lines_error(&L.r, L.r.indent + 1, "'%s' closes a section that is not open", s);
                L.section = closing ? 0 : section;
            } else {
                pb_lines_warning(&L.r, L.r.indent + 1, "unknown section tag '%s' ignored", s);
            }
            continue;
        }
        if (L.section) {
            pb_load_plain_phrase(&L.r, L.blocks, s, L.section);
            continue;
        }
        pb_code_blocks_clear(L.blocks);
        if (s[0] == '[' && L.r.indented) {
            if (L.actor < 0) {
                pb_lines_error(&L.r, L.r.indent + 1, "code line without an actor phrase above it");
                continue;
            }
            pb_split_codes(&L.r, s, L.blocks);
            add_codes(&L, &g_array_index(d->actors, pb_actor, L.actor));
            continue;
        }
        if (s[0] == '[') {
            pb_lines_error(&L.r, L.r.indent + 1, "code without a phrase: expected 'PHRASE [CODE]'");
            continue;
        }
        if (s[0] == '+') {
            if (L.actor < 0) {
                pb_lines_error(&L.r, L.r.indent + 1, "synonym '%s' without an actor phrase above it", s);
                continue;
            }
            size_t n = pb_split_codes(&L.r, s + 1, L.blocks);
            if (L.blocks->len > 0)
                pb_lines_warning(&L.r, g_array_index(L.blocks, pb_code_block, 0).col,
                                 "a synonym takes the codes of its entry; codes on the '+' line ignored");
            add_actor_phrase(&L, s + 1, n, L.r.indent + 1);
            continue;
        }
        /* A new entry. */
        if (L.r.indented)
            pb_lines_warning(&L.r, L.r.indent + 1, "indented line is not a code line; read as a new entry");
        finish_actor(&L);
        size_t n = pb_split_codes(&L.r, s, L.blocks);
        if (n == 0) {
            pb_lines_error(&L.r, L.r.indent + 1, "expected an actor phrase before the code");
            continue;
        }
        pb_actor a = {0};
        a.first_code = d->actor_codes->len;
        char *head = g_strndup(s, MIN(n, 255));
        a.parent = pb_dict_intern(d, head);
        g_free(head);
        a.loc.file = L.r.file_id;
        a.loc.line = (uint32_t)L.r.lineno;
        g_array_append_val(d->actors, a);
        L.actor = (int32_t)d->actors->len - 1;
        add_codes(&L, &g_array_index(d->actors, pb_actor, L.actor));
        add_actor_phrase(&L, s, n, L.r.indent);
    }
    finish_actor(&L);
    if (L.section)
        pb_diags_add(diags, PB_SEV_ERROR, name, L.r.lineno, 0, "missing </%s> at the end of the file",
                     L.section == PB_ROOT_NOUN ? "NOUN" : "ADJECTIVE");
    pb_code_blocks_clear(L.blocks);
    g_array_unref(L.blocks);
    pb_lines_clear(&L.r);
}

gboolean pb_dict_load_actors(pb_dict *d, const char *path, pb_diags *diags, GError **error)
{
    return pb_load_path(d, path, diags, error, pb_dict_load_actors_buffer);
}
