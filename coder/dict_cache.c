/*
 * dict_cache.c - compiled dictionaries (pb_dict_cache.h).
 *
 * File layout: a header, a table of sections, then the sections, each
 * aligned to 8 bytes. A section is an array of fixed-size elements: the
 * dictionary's arrays as they are in memory, except that every string
 * pointer is replaced by an offset into the STRINGS section (0 for NULL).
 * Reading checks every size, count and offset against the file before
 * using it, so a damaged cache is an error, never a crash.
 */
#include "pb_dict_cache.h"
#include "pb_outfile.h"
#include "pb_version.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    S_STRINGS = 1, S_FILES, S_LITS, S_LIT_LENS, S_TOKS, S_SEQS, S_PHRASES, S_ACTORS, S_ACTOR_CODES, S_AGENTS,
    S_VERBS, S_GROUPS, S_PATTERNS, S_SYNSETS, S_ALTSETS, S_ISSUES, S_ISSUE_CATEGORIES, S_OPTIONS, S_LABELS,
    S_LIT_SLOTS, S_LIT_HASHES, S_LIT_META, S_PHRASE_START, S_PHRASE_INDEX, S_NEED_LITS, S_SEQ_LETTERS, S_DIAGS,
    S_FLAGS, S_COUNT
};

#define MAGIC "PBDICT\0\1"

typedef struct {
    char magic[8];
    uint64_t layout;  /* hash of the version and the structures' sizes */
    uint64_t sources; /* hash of the source files' identities */
    uint64_t body;    /* checksum of everything after the header */
    uint32_t nsections;
    uint32_t pad;
} cache_header;

typedef struct {
    uint32_t id;
    uint32_t elt;     /* element size */
    uint64_t offset;  /* from the start of the file */
    uint64_t count;   /* elements */
} cache_section;

typedef struct {
    int32_t severity, line, col;
    uint32_t file, message; /* string offsets */
} cache_diag;

typedef struct {
    uint32_t has_time, has_attrib;
} cache_flags;

/* ---- identities -------------------------------------------------------- */

static uint64_t fnv64(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

#define FNV64_BASIS 14695981039346656037ull

/* A checksum of the cache body, eight bytes at a time (a damaged or
 * edited cache must not be used: the contents are trusted once read). */
static uint64_t body_sum(const char *data, size_t n)
{
    uint64_t h = FNV64_BASIS ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, data + i, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ (unsigned char)data[i]) * 0x100000001b3ull;
    return h ^ (h >> 32);
}

static uint64_t layout_hash(void)
{
    char sig[512];
    int n = snprintf(sig, sizeof sig, "%s|%zu|%zu|%zu|%zu|%zu|%zu|%zu|%zu|%zu|%zu|%zu|%zu|%zu|%zu|%zu|%zu|%zu",
                     PB_VERSION, sizeof(pb_tok), sizeof(pb_seq), sizeof(pb_phrase), sizeof(pb_actor),
                     sizeof(pb_actor_code), sizeof(pb_agent), sizeof(pb_verb), sizeof(pb_group), sizeof(pb_pattern),
                     sizeof(pb_synset), sizeof(pb_altset), sizeof(pb_issue), sizeof(pb_options), sizeof(cache_diag),
                     sizeof(void *), sizeof(pb_event_code), sizeof(pb_loc));
    return fnv64(FNV64_BASIS, sig, (size_t)n);
}

/* The identities of the source files in load order; FALSE (and *why)
 * when one cannot be examined. */
static gboolean sources_hash(const pb_dict_files *f, uint64_t *out, const char **why)
{
    const GPtrArray *kinds[] = {f->options, f->actors, f->agents, f->verbs, f->discards, f->issues};
    uint64_t h = FNV64_BASIS;
    for (size_t k = 0; k < G_N_ELEMENTS(kinds); k++) {
        h = fnv64(h, &k, sizeof k);
        for (guint i = 0; i < kinds[k]->len; i++) {
            const char *path = g_ptr_array_index(kinds[k], i);
            struct stat st;
            char *real = realpath(path, NULL);
            if (!real || stat(real, &st) != 0) {
                free(real);
                *why = "a dictionary file cannot be examined";
                return FALSE;
            }
            /* the change time too: 'cp -p' or 'touch -r' can restore size
             * and modification time, never the change time */
            int64_t id[8] = {(int64_t)st.st_size, (int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec,
                             (int64_t)st.st_ctim.tv_sec, (int64_t)st.st_ctim.tv_nsec, (int64_t)st.st_ino,
                             (int64_t)st.st_dev, (int64_t)strlen(real)};
            h = fnv64(h, real, strlen(real));
            h = fnv64(h, id, sizeof id);
            free(real);
        }
    }
    *out = h;
    return TRUE;
}

/* ---- writing -------------------------------------------------------------- */

typedef struct {
    GString *strings;   /* the STRINGS section; offset 0 is NULL */
    GHashTable *offsets; /* string -> offset */
    GByteArray *data;    /* sections after the table */
    cache_section sections[S_COUNT];
    uint32_t nsections;
} writer;

static uint32_t str_off(writer *w, const char *s)
{
    if (!s)
        return 0;
    gpointer v = g_hash_table_lookup(w->offsets, s);
    if (v)
        return GPOINTER_TO_UINT(v);
    uint32_t off = (uint32_t)w->strings->len;
    g_string_append_len(w->strings, s, (gssize)strlen(s) + 1);
    g_hash_table_insert(w->offsets, (gpointer)s, GUINT_TO_POINTER(off));
    return off;
}

/* Pointers are stored as offsets in the pointer's own bytes. */
static const char *as_ptr(uint32_t off)
{
    return (const char *)(uintptr_t)off;
}

static void add_section(writer *w, uint32_t id, const void *data, uint32_t elt, uint64_t count)
{
    while (w->data->len % 8)
        g_byte_array_append(w->data, (const guint8 *)"", 1);
    cache_section *s = &w->sections[w->nsections++];
    s->id = id;
    s->elt = elt;
    s->offset = w->data->len; /* relative for now */
    s->count = count;
    if (count)
        g_byte_array_append(w->data, data, (guint)(elt * count));
}

static void add_garray(writer *w, uint32_t id, const GArray *a, uint32_t elt)
{
    add_section(w, id, a->data, elt, a->len);
}

static void add_offsets(writer *w, uint32_t id, const GPtrArray *strings)
{
    uint32_t *offs = g_new(uint32_t, strings->len + 1);
    for (guint i = 0; i < strings->len; i++)
        offs[i] = str_off(w, g_ptr_array_index(strings, i));
    add_section(w, id, offs, sizeof(uint32_t), strings->len);
    g_free(offs);
}

/* The element copies are built field by field in zeroed memory: struct
 * padding must not carry stray bytes into the file (its checksum, and
 * the promise that every writer writes the same bytes, depend on it). */
static pb_event_code code_out(writer *w, const pb_event_code *c)
{
    pb_event_code o;
    memset(&o, 0, sizeof o);
    o.code = as_ptr(str_off(w, c->code));
    o.code2 = as_ptr(str_off(w, c->code2));
    o.special = c->special;
    o.flags = c->flags;
    o.shift = c->shift;
    return o;
}

/* Copy an array element by element with clean(), add it. */
#define ADD_FIXED(w, id, garray, type, clean)                                         \
    do {                                                                              \
        type *copy_ = g_new0(type, (garray)->len + 1);                                \
        for (guint i_ = 0; i_ < (garray)->len; i_++)                                  \
            clean(w, &g_array_index((garray), type, i_), &copy_[i_]);                \
        add_section((w), (id), copy_, sizeof(type), (garray)->len);                   \
        g_free(copy_);                                                                \
    } while (0)

static void fix_actor(writer *w, const pb_actor *a, pb_actor *o)
{
    o->first_code = a->first_code;
    o->ncodes = a->ncodes;
    o->parent = as_ptr(str_off(w, a->parent));
    o->loc = a->loc;
}
static void fix_actor_code(writer *w, const pb_actor_code *c, pb_actor_code *o)
{
    o->code = as_ptr(str_off(w, c->code));
    o->from = c->from;
    o->to = c->to;
    o->special = c->special;
    o->restricted = c->restricted;
}
static void fix_agent(writer *w, const pb_agent *a, pb_agent *o)
{
    o->code = as_ptr(str_off(w, a->code));
    o->prefix = a->prefix;
    o->loc = a->loc;
}
static void fix_verb(writer *w, const pb_verb *v, pb_verb *o)
{
    o->code = code_out(w, &v->code);
    o->group = v->group;
    o->name = as_ptr(str_off(w, v->name));
    o->loc = v->loc;
}
static void fix_group(writer *w, const pb_group *g, pb_group *o)
{
    (void)w;
    o->first_pattern = g->first_pattern;
    o->npatterns = g->npatterns;
    o->building = NULL;
    o->kind = g->kind;
}
static void fix_pattern(writer *w, const pb_pattern *p, pb_pattern *o)
{
    o->seq = p->seq;
    o->verb_at = p->verb_at;
    o->length = p->length;
    o->alt_extra = p->alt_extra;
    o->code = code_out(w, &p->code);
    o->loc = p->loc;
    o->text = as_ptr(str_off(w, p->text));
    o->need_first = p->need_first;
    o->need_count = p->need_count;
}
static void fix_synset(writer *w, const pb_synset *x, pb_synset *o)
{
    o->name = as_ptr(str_off(w, x->name));
    o->first_member = x->first_member;
    o->nmembers = x->nmembers;
    o->loc = x->loc;
    o->defined = x->defined;
    o->used = x->used;
}
static void fix_issue(writer *w, const pb_issue *i, pb_issue *o)
{
    o->category = as_ptr(str_off(w, i->category));
    o->code = as_ptr(str_off(w, i->code));
    o->numeric = i->numeric;
    o->all = i->all;
    o->exclude = i->exclude;
    o->loc = i->loc;
}
static void fix_phrase(writer *w, const pb_phrase *p, pb_phrase *o)
{
    (void)w;
    o->seq = p->seq;
    o->target = p->target;
    o->nchars = p->nchars;
    o->kind = p->kind;
    o->order = p->order;
}
static void fix_tok(writer *w, const pb_tok *t, pb_tok *o)
{
    (void)w;
    *o = *t; /* four bytes and a word: no padding */
}

static gboolean write_all(FILE *fp, const void *data, size_t n)
{
    return n == 0 || fwrite(data, 1, n, fp) == n;
}

gboolean pb_dict_cache_write(const pb_dict *d, const pb_dict_files *files, const pb_diags *diags, const char *path,
                             GError **error)
{
    const char *why = NULL;
    uint64_t sources;
    if (!d->frozen || (diags && diags->errors > 0)) {
        g_set_error(error, PB_ERROR, PB_ERROR_DICT, "cannot compile '%s': the dictionaries have errors", path);
        return FALSE;
    }
    if (!sources_hash(files, &sources, &why)) {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot compile '%s': %s", path, why);
        return FALSE;
    }
    writer wr = {0};
    writer *w = &wr;
    w->strings = g_string_new(NULL);
    g_string_append_c(w->strings, '\0');
    w->offsets = g_hash_table_new(g_str_hash, g_str_equal);
    w->data = g_byte_array_new();

    add_offsets(w, S_FILES, d->files);
    add_offsets(w, S_LITS, d->lits);
    add_garray(w, S_LIT_LENS, d->lit_lens, sizeof(guint16));
    ADD_FIXED(w, S_TOKS, d->toks, pb_tok, fix_tok);
    add_garray(w, S_SEQS, d->seqs, sizeof(pb_seq));
    ADD_FIXED(w, S_PHRASES, d->phrases, pb_phrase, fix_phrase);
    ADD_FIXED(w, S_ACTORS, d->actors, pb_actor, fix_actor);
    ADD_FIXED(w, S_ACTOR_CODES, d->actor_codes, pb_actor_code, fix_actor_code);
    ADD_FIXED(w, S_AGENTS, d->agents, pb_agent, fix_agent);
    ADD_FIXED(w, S_VERBS, d->verbs, pb_verb, fix_verb);
    ADD_FIXED(w, S_GROUPS, d->groups, pb_group, fix_group);
    ADD_FIXED(w, S_PATTERNS, d->patterns, pb_pattern, fix_pattern);
    ADD_FIXED(w, S_SYNSETS, d->synsets, pb_synset, fix_synset);
    add_garray(w, S_ALTSETS, d->altsets, sizeof(pb_altset));
    ADD_FIXED(w, S_ISSUES, d->issues, pb_issue, fix_issue);
    add_offsets(w, S_ISSUE_CATEGORIES, d->issue_categories);
    pb_options o;
    memcpy(&o, &d->options, sizeof o); /* with its padding, zeroed by pb_options_init */
    o.labels = NULL;
    add_section(w, S_OPTIONS, &o, sizeof o, 1);
    add_offsets(w, S_LABELS, d->options.labels);
    uint32_t slots = d->lit_table.mask ? d->lit_table.mask + 1 : 0;
    add_section(w, S_LIT_SLOTS, d->lit_table.slots, sizeof(uint32_t), slots);
    add_section(w, S_LIT_HASHES, d->lit_table.hashes, sizeof(uint32_t), slots);
    uint32_t meta[2] = {d->lit_table.mask, d->lit_table.count};
    add_section(w, S_LIT_META, meta, sizeof(uint32_t), 2);
    add_section(w, S_PHRASE_START, d->phrase_start, sizeof(uint32_t), d->lits->len + 1);
    add_section(w, S_PHRASE_INDEX, d->phrase_index, sizeof(uint32_t), d->phrase_start[d->lits->len]);
    add_garray(w, S_NEED_LITS, d->need_lits, sizeof(uint32_t));
    add_section(w, S_SEQ_LETTERS, d->seq_letters, sizeof(uint32_t), d->seqs->len);
    guint ndiags = diags ? diags->items->len : 0;
    cache_diag *cd = g_new0(cache_diag, ndiags + 1);
    for (guint i = 0; i < ndiags; i++) {
        const pb_diag *x = g_ptr_array_index(diags->items, i);
        cd[i] = (cache_diag){(int32_t)x->severity, x->line, x->col, str_off(w, x->file), str_off(w, x->message)};
    }
    add_section(w, S_DIAGS, cd, sizeof(cache_diag), ndiags);
    g_free(cd);
    cache_flags flags = {(uint32_t)d->has_time, (uint32_t)d->has_attrib};
    add_section(w, S_FLAGS, &flags, sizeof flags, 1);
    add_section(w, S_STRINGS, w->strings->str, 1, w->strings->len); /* last: every string is known */

    cache_header h = {{0}, layout_hash(), sources, 0, w->nsections, 0};
    memcpy(h.magic, MAGIC, 8);
    uint64_t base = sizeof h + sizeof(cache_section) * w->nsections;
    base = (base + 7) & ~(uint64_t)7;
    for (uint32_t i = 0; i < w->nsections; i++)
        w->sections[i].offset += base;
    /* the body: section table, padding, sections */
    GByteArray *body = g_byte_array_sized_new((guint)(base - sizeof h + w->data->len));
    static const char zeros[8] = {0};
    g_byte_array_append(body, (const guint8 *)w->sections, (guint)(sizeof(cache_section) * w->nsections));
    g_byte_array_append(body, (const guint8 *)zeros, (guint)(base - sizeof h - sizeof(cache_section) * w->nsections));
    g_byte_array_append(body, w->data->data, w->data->len);
    h.body = body_sum((const char *)body->data, body->len);

    char *target = pb_outfile_target(path); /* NULL: a device, written directly */
    char *tmp = target ? g_strdup_printf("%s.tmp-XXXXXX", target) : g_strdup(path);
    FILE *fp = NULL;
    if (target) {
        int fd = g_mkstemp(tmp); /* a fresh name even on shared storage */
        fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
        if (fd >= 0 && !fp)
            close(fd);
        if (fp) {
            mode_t mask = umask(0);
            umask(mask);
            fchmod(fileno(fp), 0666 & ~mask);
        }
    } else {
        fp = fopen(tmp, "wb");
    }
    gboolean ok = fp != NULL;
    if (ok)
        ok = write_all(fp, &h, sizeof h) && write_all(fp, body->data, body->len);
    g_byte_array_unref(body);
    if (fp && fclose(fp) != 0)
        ok = FALSE;
    if (ok && target && rename(tmp, target) != 0)
        ok = FALSE;
    if (!ok) {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot write the dictionary cache '%s': %s", path, g_strerror(errno));
        if (target && fp)
            unlink(tmp);
    }
    g_free(tmp);
    g_free(target);
    g_string_free(w->strings, TRUE);
    g_hash_table_unref(w->offsets);
    g_byte_array_unref(w->data);
    return ok;
}

/* ---- reading ----------------------------------------------------------------- */

typedef struct {
    const char *file;   /* the whole file */
    size_t size;
    const cache_section *sections;
    uint32_t nsections;
    const char *strings; /* the STRINGS section */
    size_t nstrings;
    const char *base;    /* the strings as copied into the dictionary */
    gboolean bad;
} reader;

static const cache_section *find(reader *r, uint32_t id, uint32_t elt)
{
    for (uint32_t i = 0; i < r->nsections; i++) {
        const cache_section *s = &r->sections[i];
        if (s->id != id)
            continue;
        if (s->elt != elt || s->offset > r->size || (s->count && s->elt && s->count > (r->size - s->offset) / s->elt) ||
            s->offset % 8) {
            r->bad = TRUE;
            return NULL;
        }
        return s;
    }
    r->bad = TRUE;
    return NULL;
}

static const void *section_data(reader *r, uint32_t id, uint32_t elt, uint64_t *count)
{
    const cache_section *s = find(r, id, elt);
    *count = s ? s->count : 0;
    return s ? r->file + s->offset : NULL;
}

/* An offset back to a pointer into the dictionary's copy of the strings. */
static const char *str_at(reader *r, const char *stored)
{
    uintptr_t off = (uintptr_t)stored;
    if (off == 0)
        return NULL;
    if (off >= r->nstrings) {
        r->bad = TRUE;
        return NULL;
    }
    return r->base + off;
}

static const char *str_off_at(reader *r, uint32_t off)
{
    return str_at(r, as_ptr(off));
}

static void fill_garray(reader *r, GArray *a, uint32_t id, uint32_t elt)
{
    uint64_t n;
    const void *data = section_data(r, id, elt, &n);
    if (!data)
        return;
    g_array_set_size(a, 0);
    g_array_append_vals(a, data, (guint)n);
}

static void fill_strings(reader *r, GPtrArray *a, uint32_t id)
{
    uint64_t n;
    const uint32_t *offs = section_data(r, id, sizeof(uint32_t), &n);
    g_ptr_array_set_size(a, 0);
    for (uint64_t i = 0; offs && i < n; i++) {
        const char *s = str_off_at(r, offs[i]);
        g_ptr_array_add(a, (gpointer)(s ? s : ""));
    }
}

static uint32_t *copy_u32(reader *r, uint32_t id, uint64_t want)
{
    uint64_t n;
    const void *data = section_data(r, id, sizeof(uint32_t), &n);
    if (!data || n != want) {
        r->bad = TRUE;
        return g_new0(uint32_t, want + 1);
    }
    uint32_t *out = g_new(uint32_t, want + 1);
    memcpy(out, data, sizeof(uint32_t) * want);
    return out;
}

static pb_event_code code_in(reader *r, pb_event_code c)
{
    c.code = str_at(r, c.code);
    c.code2 = str_at(r, c.code2);
    return c;
}

static gboolean run_inside(pb_seq s, guint n)
{
    return s.first <= n && s.count <= n - s.first;
}

static gboolean span_inside(uint32_t first, uint32_t count, guint n)
{
    return first <= n && count <= n - first;
}

/* Every id inside the arrays must stay inside the array it indexes: a
 * damaged cache is refused here rather than read out of bounds later. */
static gboolean ids_in_range(const pb_dict *d)
{
    guint ntoks = d->toks->len, nlits = d->lits->len, nseqs = d->seqs->len;
    for (guint i = 0; i < ntoks; i++) {
        const pb_tok *t = pb_dict_tok(d, i);
        if (t->type < PB_TOK_WORD || t->type > PB_TOK_ALT || (t->type == PB_TOK_WORD && t->ref >= nlits) ||
            (t->type == PB_TOK_SYNSET && t->ref >= d->synsets->len) || (t->type == PB_TOK_ALT && t->ref >= d->altsets->len))
            return FALSE;
    }
    for (guint i = 0; i < nseqs; i++)
        if (!run_inside(g_array_index(d->seqs, pb_seq, i), ntoks))
            return FALSE;
    for (guint i = 0; i < d->phrases->len; i++) {
        const pb_phrase *p = pb_dict_phrase(d, i);
        guint targets = p->kind == PB_ROOT_ACTOR ? d->actors->len
                      : p->kind == PB_ROOT_AGENT ? d->agents->len
                      : (p->kind == PB_ROOT_VERB || p->kind == PB_ROOT_TIME || p->kind == PB_ROOT_ATTRIB) ? d->verbs->len
                      : p->kind == PB_ROOT_ISSUE ? d->issues->len
                      : G_MAXUINT;
        if (!run_inside(p->seq, ntoks) || p->kind < PB_ROOT_ACTOR || p->kind > PB_ROOT_ISSUE || p->target >= targets)
            return FALSE;
    }
    for (guint i = 0; i < d->actors->len; i++) {
        const pb_actor *a = &g_array_index(d->actors, pb_actor, i);
        if (!span_inside(a->first_code, a->ncodes, d->actor_codes->len))
            return FALSE;
    }
    for (guint i = 0; i < d->verbs->len; i++)
        if (g_array_index(d->verbs, pb_verb, i).group >= d->groups->len)
            return FALSE;
    for (guint i = 0; i < d->groups->len; i++) {
        const pb_group *g = &g_array_index(d->groups, pb_group, i);
        if (!span_inside(g->first_pattern, g->npatterns, d->patterns->len))
            return FALSE;
    }
    for (guint i = 0; i < d->patterns->len; i++) {
        const pb_pattern *p = &g_array_index(d->patterns, pb_pattern, i);
        if (!run_inside(p->seq, ntoks) || p->verb_at >= p->seq.count ||
            !span_inside(p->need_first, p->need_count, d->need_lits->len))
            return FALSE;
    }
    for (guint i = 0; i < d->synsets->len; i++) {
        const pb_synset *x = &g_array_index(d->synsets, pb_synset, i);
        if (!span_inside(x->first_member, x->nmembers, nseqs))
            return FALSE;
    }
    for (guint i = 0; i < d->altsets->len; i++) {
        const pb_altset *x = &g_array_index(d->altsets, pb_altset, i);
        if (!span_inside(x->first_branch, x->nbranches, nseqs))
            return FALSE;
    }
    if (d->lit_lens->len != nlits || nlits == 0)
        return FALSE;
    for (guint i = 0; i < nlits; i++)
        if (g_array_index(d->lit_lens, guint16, i) != strlen(pb_dict_lit(d, i)))
            return FALSE;
    return TRUE;
}

pb_dict *pb_dict_cache_read(const char *path, const pb_dict_files *files, pb_diags *diags, const char **why,
                            GError **error)
{
    *why = NULL;
    uint64_t sources;
    if (!sources_hash(files, &sources, why))
        return NULL;
    gchar *file = NULL;
    gsize size = 0;
    GError *rerr = NULL;
    if (!g_file_get_contents(path, &file, &size, &rerr)) {
        *why = "there is no dictionary cache yet";
        g_error_free(rerr);
        return NULL;
    }
    cache_header h;
    if (size < 8 || memcmp(file, MAGIC, 8) != 0) {
        /* not ours: never overwritten (a typo must not cost a file) */
        g_set_error(error, PB_ERROR, PB_ERROR_INPUT, "'%s' is not a polybius dictionary cache", path);
        g_free(file);
        return NULL;
    }
    if (size < sizeof h) {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "the dictionary cache '%s' is damaged", path);
        g_free(file);
        return NULL;
    }
    memcpy(&h, file, sizeof h);
    if (h.layout != layout_hash()) {
        *why = "the dictionary cache was written by another version of polybius";
        g_free(file);
        return NULL;
    }
    if (h.sources != sources) {
        *why = "a dictionary file changed since the cache was written";
        g_free(file);
        return NULL;
    }
    if (h.body != body_sum(file + sizeof h, size - sizeof h)) {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "the dictionary cache '%s' is damaged", path);
        g_free(file);
        return NULL;
    }
    reader r = {0};
    r.file = file;
    r.size = size;
    r.nsections = h.nsections;
    if (h.nsections > S_COUNT || size < sizeof h + sizeof(cache_section) * h.nsections) {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "the dictionary cache '%s' is damaged", path);
        g_free(file);
        return NULL;
    }
    r.sections = (const cache_section *)(const void *)(file + sizeof h);
    uint64_t n;
    r.strings = section_data(&r, S_STRINGS, 1, &n);
    r.nstrings = (size_t)n;
    if (!r.strings || n == 0 || r.strings[n - 1] != '\0') {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "the dictionary cache '%s' is damaged", path);
        g_free(file);
        return NULL;
    }

    pb_dict *d = pb_dict_new();
    r.base = g_string_chunk_insert_len(d->strings, r.strings, (gssize)r.nstrings);
    fill_strings(&r, d->files, S_FILES);
    fill_strings(&r, d->lits, S_LITS);
    fill_garray(&r, d->lit_lens, S_LIT_LENS, sizeof(guint16));
    fill_garray(&r, d->toks, S_TOKS, sizeof(pb_tok));
    fill_garray(&r, d->seqs, S_SEQS, sizeof(pb_seq));
    fill_garray(&r, d->phrases, S_PHRASES, sizeof(pb_phrase));
    fill_garray(&r, d->actors, S_ACTORS, sizeof(pb_actor));
    for (guint i = 0; i < d->actors->len; i++) {
        pb_actor *a = &g_array_index(d->actors, pb_actor, i);
        a->parent = str_at(&r, a->parent);
    }
    fill_garray(&r, d->actor_codes, S_ACTOR_CODES, sizeof(pb_actor_code));
    for (guint i = 0; i < d->actor_codes->len; i++) {
        pb_actor_code *c = &g_array_index(d->actor_codes, pb_actor_code, i);
        c->code = str_at(&r, c->code);
    }
    fill_garray(&r, d->agents, S_AGENTS, sizeof(pb_agent));
    for (guint i = 0; i < d->agents->len; i++) {
        pb_agent *a = &g_array_index(d->agents, pb_agent, i);
        a->code = str_at(&r, a->code);
    }
    fill_garray(&r, d->verbs, S_VERBS, sizeof(pb_verb));
    for (guint i = 0; i < d->verbs->len; i++) {
        pb_verb *v = &g_array_index(d->verbs, pb_verb, i);
        v->code = code_in(&r, v->code);
        v->name = str_at(&r, v->name);
        if (v->group >= UINT32_MAX / 2)
            r.bad = TRUE;
    }
    fill_garray(&r, d->groups, S_GROUPS, sizeof(pb_group));
    for (guint i = 0; i < d->groups->len; i++)
        g_array_index(d->groups, pb_group, i).building = NULL;
    fill_garray(&r, d->patterns, S_PATTERNS, sizeof(pb_pattern));
    for (guint i = 0; i < d->patterns->len; i++) {
        pb_pattern *p = &g_array_index(d->patterns, pb_pattern, i);
        p->code = code_in(&r, p->code);
        p->text = str_at(&r, p->text);
    }
    fill_garray(&r, d->synsets, S_SYNSETS, sizeof(pb_synset));
    for (guint i = 0; i < d->synsets->len; i++) {
        pb_synset *s = &g_array_index(d->synsets, pb_synset, i);
        s->name = str_at(&r, s->name);
    }
    fill_garray(&r, d->altsets, S_ALTSETS, sizeof(pb_altset));
    fill_garray(&r, d->issues, S_ISSUES, sizeof(pb_issue));
    for (guint i = 0; i < d->issues->len; i++) {
        pb_issue *x = &g_array_index(d->issues, pb_issue, i);
        x->category = str_at(&r, x->category);
        x->code = str_at(&r, x->code);
    }
    fill_strings(&r, d->issue_categories, S_ISSUE_CATEGORIES);
    const pb_options *o = section_data(&r, S_OPTIONS, sizeof(pb_options), &n);
    if (o && n == 1) {
        GPtrArray *labels = d->options.labels;
        d->options = *o;
        d->options.labels = labels;
        uint64_t nl;
        const uint32_t *offs = section_data(&r, S_LABELS, sizeof(uint32_t), &nl);
        for (uint64_t i = 0; offs && i < nl; i++) {
            const char *s = str_off_at(&r, offs[i]);
            g_ptr_array_add(labels, g_strdup(s ? s : ""));
        }
    } else {
        r.bad = TRUE;
    }
    const uint32_t *meta = section_data(&r, S_LIT_META, sizeof(uint32_t), &n);
    if (meta && n == 2 && (meta[0] == 0 || ((meta[0] + 1) & meta[0]) == 0)) {
        uint64_t slots = meta[0] ? (uint64_t)meta[0] + 1 : 0;
        d->lit_table.mask = meta[0];
        d->lit_table.count = meta[1];
        d->lit_table.slots = copy_u32(&r, S_LIT_SLOTS, slots);
        d->lit_table.hashes = copy_u32(&r, S_LIT_HASHES, slots);
        for (uint64_t i = 0; i < slots; i++)
            if (d->lit_table.slots[i] >= d->lits->len)
                r.bad = TRUE;
    } else {
        r.bad = TRUE;
    }
    d->phrase_start = copy_u32(&r, S_PHRASE_START, d->lits->len + 1);
    uint64_t nindex;
    section_data(&r, S_PHRASE_INDEX, sizeof(uint32_t), &nindex);
    d->phrase_index = copy_u32(&r, S_PHRASE_INDEX, nindex);
    for (guint l = 0; l < d->lits->len && !r.bad; l++)
        if (d->phrase_start[l] > d->phrase_start[l + 1] || d->phrase_start[l + 1] > nindex)
            r.bad = TRUE;
    for (uint64_t i = 0; i < nindex && !r.bad; i++)
        if (d->phrase_index[i] >= d->phrases->len)
            r.bad = TRUE;
    d->need_lits = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    fill_garray(&r, d->need_lits, S_NEED_LITS, sizeof(uint32_t));
    d->seq_letters = copy_u32(&r, S_SEQ_LETTERS, d->seqs->len);
    const cache_flags *flags = section_data(&r, S_FLAGS, sizeof(cache_flags), &n);
    if (flags && n == 1) {
        d->has_time = flags->has_time != 0;
        d->has_attrib = flags->has_attrib != 0;
    }
    const cache_diag *cd = section_data(&r, S_DIAGS, sizeof(cache_diag), &n);
    pb_diags stored;
    pb_diags_init(&stored);
    for (uint64_t i = 0; cd && i < n; i++) {
        const char *f = str_off_at(&r, cd[i].file), *m = str_off_at(&r, cd[i].message);
        pb_diags_add(&stored, cd[i].severity == PB_SEV_ERROR ? PB_SEV_ERROR : PB_SEV_WARNING, f ? f : "-",
                     cd[i].line, cd[i].col, "%s", m ? m : "");
    }
    d->frozen = TRUE;
    if (r.bad || !ids_in_range(d)) {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "the dictionary cache '%s' is damaged", path);
        pb_diags_clear(&stored);
        pb_dict_free(d);
        g_free(file);
        return NULL;
    }
    for (guint i = 0; diags && i < stored.items->len; i++) {
        const pb_diag *x = g_ptr_array_index(stored.items, i);
        pb_diags_add(diags, x->severity, x->file, x->line, x->col, "%s", x->message);
    }
    pb_diags_clear(&stored);
    g_free(file);
    return d;
}

pb_dict *pb_dict_load_cached(const pb_dict_files *files, const char *path, pb_diags *diags, gboolean *used,
                             GPtrArray *notices, GError **error)
{
    const char *why = NULL;
    if (used)
        *used = FALSE;
    GError *cerr = NULL;
    pb_dict *d = pb_dict_cache_read(path, files, diags, &why, &cerr);
    if (d) {
        if (used)
            *used = TRUE;
        return d;
    }
    gboolean write = TRUE;
    if (cerr) {
        if (cerr->code == PB_ERROR_INPUT) {
            g_ptr_array_add(notices, g_strdup_printf("%s; it is left alone and the text dictionaries are read",
                                                     cerr->message));
            write = FALSE;
        } else {
            g_ptr_array_add(notices, g_strdup_printf("%s; rebuilding it", cerr->message));
        }
        g_error_free(cerr);
    }
    d = pb_dict_load_files(files, diags, error);
    if (d && write && diags->errors == 0) {
        GError *werr = NULL;
        if (!pb_dict_cache_write(d, files, diags, path, &werr)) {
            g_ptr_array_add(notices, g_strdup(werr->message));
            g_error_free(werr);
        }
    }
    return d;
}
