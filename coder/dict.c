/*
 * dict.c - the dictionary container: interning, the literal table, the root
 * phrase index, freezing, and the lookups the coder uses (pb_dict.h).
 *
 * The loaders (load_*.c) only append; everything that needs the whole
 * dictionary (indexes, pattern order, synset cross-checks) happens once in
 * pb_dict_freeze().
 */
#include "pb_dict.h"
#include "pb_dict_build.h"

#include <string.h>

static void seen_clear(pb_seen_table *t);

/* ---- literals by text --------------------------------------------------- */

static pb_lit_texts lit_texts(const pb_dict *d)
{
    return (pb_lit_texts){(const char *const *)d->lits->pdata, (const guint16 *)(void *)d->lit_lens->data};
}

size_t pb_dict_prefix_lits(const pb_dict *d, const char *w, size_t n, uint32_t *out, size_t max)
{
    return pb_lit_table_prefixes(&d->lit_table, lit_texts(d), w, n, out, max);
}

uint32_t pb_dict_exact_lit(const pb_dict *d, const char *w, size_t n)
{
    return pb_lit_table_find(&d->lit_table, lit_texts(d), w, n);
}

/* ---- construction -------------------------------------------------------- */

pb_dict *pb_dict_new(void)
{
    pb_dict *d = g_new0(pb_dict, 1);
    d->strings = g_string_chunk_new(1 << 16);
    d->files = g_ptr_array_new();
    d->lits = g_ptr_array_new();
    d->lit_lens = g_array_new(FALSE, TRUE, sizeof(guint16));
    d->toks = g_array_new(FALSE, TRUE, sizeof(pb_tok));
    d->seqs = g_array_new(FALSE, TRUE, sizeof(pb_seq));
    d->phrases = g_array_new(FALSE, TRUE, sizeof(pb_phrase));
    d->actors = g_array_new(FALSE, TRUE, sizeof(pb_actor));
    d->actor_codes = g_array_new(FALSE, TRUE, sizeof(pb_actor_code));
    d->agents = g_array_new(FALSE, TRUE, sizeof(pb_agent));
    d->verbs = g_array_new(FALSE, TRUE, sizeof(pb_verb));
    d->groups = g_array_new(FALSE, TRUE, sizeof(pb_group));
    d->patterns = g_array_new(FALSE, TRUE, sizeof(pb_pattern));
    d->synsets = g_array_new(FALSE, TRUE, sizeof(pb_synset));
    d->synset_ids = g_hash_table_new(g_str_hash, g_str_equal);
    d->altsets = g_array_new(FALSE, TRUE, sizeof(pb_altset));
    d->issues = g_array_new(FALSE, TRUE, sizeof(pb_issue));
    d->issue_categories = g_ptr_array_new();
    pb_options_init(&d->options);
    /* literal 0 is "none" */
    g_ptr_array_add(d->lits, (gpointer) "");
    guint16 zero = 0;
    g_array_append_val(d->lit_lens, zero);
    return d;
}

void pb_dict_free(pb_dict *d)
{
    if (!d)
        return;
    for (guint i = 0; i < d->groups->len; i++) {
        pb_group *g = &g_array_index(d->groups, pb_group, i);
        if (g->building)
            g_array_unref(g->building);
    }
    g_string_chunk_free(d->strings);
    g_ptr_array_unref(d->files);
    g_ptr_array_unref(d->lits);
    g_array_unref(d->lit_lens);
    pb_lit_table_clear(&d->lit_table);
    g_array_unref(d->toks);
    g_array_unref(d->seqs);
    g_array_unref(d->phrases);
    g_array_unref(d->actors);
    g_array_unref(d->actor_codes);
    g_array_unref(d->agents);
    g_array_unref(d->verbs);
    g_array_unref(d->groups);
    g_array_unref(d->patterns);
    g_array_unref(d->synsets);
    g_hash_table_unref(d->synset_ids);
    seen_clear(&d->seen);
    g_array_unref(d->altsets);
    g_array_unref(d->issues);
    g_ptr_array_unref(d->issue_categories);
    pb_options_clear(&d->options);
    g_free(d->phrase_start);
    g_free(d->phrase_index);
    if (d->need_lits)
        g_array_unref(d->need_lits);
    g_free(d->seq_letters);
    g_free(d);
}

const char *pb_dict_intern(pb_dict *d, const char *s)
{
    return g_string_chunk_insert_const(d->strings, s);
}

uint32_t pb_dict_add_file(pb_dict *d, const char *name)
{
    g_ptr_array_add(d->files, (gpointer)pb_dict_intern(d, name));
    return d->files->len - 1;
}

uint32_t pb_dict_lit_id(pb_dict *d, const char *word)
{
    size_t n = strlen(word);
    uint32_t id = pb_lit_table_find(&d->lit_table, lit_texts(d), word, n);
    if (id)
        return id;
    id = d->lits->len;
    g_ptr_array_add(d->lits, (gpointer)g_string_chunk_insert_len(d->strings, word, (gssize)n));
    guint16 len = (guint16)MIN(n, 65535);
    g_array_append_val(d->lit_lens, len);
    pb_lit_table_add(&d->lit_table, word, n, id);
    return id;
}

/* Two token runs are the same entry when their words, markers, modes and
 * connectors agree (endings follow from those). */
static uint32_t seq_hash(const pb_dict *d, uint64_t space, pb_seq seq)
{
    uint32_t h = PB_FNV_BASIS;
    uint32_t parts[2] = {(uint32_t)(space >> 32), (uint32_t)space};
    h = (h ^ parts[0]) * PB_FNV_PRIME;
    h = (h ^ parts[1]) * PB_FNV_PRIME;
    for (uint32_t i = 0; i < seq.count; i++) {
        const pb_tok *t = pb_dict_tok(d, seq.first + i);
        h = (h ^ ((uint32_t)t->type | (uint32_t)t->mode << 8 | (uint32_t)t->adjacent << 16)) * PB_FNV_PRIME;
        h = (h ^ t->ref) * PB_FNV_PRIME;
    }
    /* word-wise FNV leaves the low bits (the slot) depending on the low
     * bits of the ids only: finish with murmur3's mixer */
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h ? h : 1;
}

static gboolean seq_equal(const pb_dict *d, pb_seq a, pb_seq b)
{
    if (a.count != b.count)
        return FALSE;
    for (uint32_t i = 0; i < a.count; i++) {
        const pb_tok *x = pb_dict_tok(d, a.first + i), *y = pb_dict_tok(d, b.first + i);
        if (x->type != y->type || x->mode != y->mode || x->adjacent != y->adjacent || x->ref != y->ref)
            return FALSE;
    }
    return TRUE;
}

static void seen_clear(pb_seen_table *t)
{
    g_free(t->slots);
    g_free(t->hashes);
    g_free(t->entries);
    memset(t, 0, sizeof *t);
}

static void seen_place(pb_seen_table *t, uint32_t h, uint32_t index)
{
    uint32_t i = h & t->mask;
    while (t->slots[i])
        i = (i + 1) & t->mask;
    t->slots[i] = index + 1;
    t->hashes[i] = h;
}

const pb_loc *pb_dict_seen(pb_dict *d, uint64_t space, pb_seq seq, pb_loc loc)
{
    pb_seen_table *t = &d->seen;
    uint32_t h = seq_hash(d, space, seq);
    for (uint32_t i = h & t->mask; t->slots && t->slots[i]; i = (i + 1) & t->mask) {
        const pb_seen_entry *e = &t->entries[t->slots[i] - 1];
        if (t->hashes[i] == h && e->space == space && seq_equal(d, e->seq, seq))
            return &e->loc;
    }
    if (!t->slots || (t->count + 1) * 2 > t->mask + 1) {
        uint32_t size = t->slots ? (t->mask + 1) * 2 : 4096;
        g_free(t->slots);
        g_free(t->hashes);
        t->slots = g_new0(uint32_t, size);
        t->hashes = g_new(uint32_t, size);
        t->mask = size - 1;
        for (uint32_t k = 0; k < t->count; k++)
            seen_place(t, seq_hash(d, t->entries[k].space, t->entries[k].seq), k);
    }
    if (t->count == t->capacity) {
        t->capacity = t->capacity ? t->capacity * 2 : 4096;
        t->entries = g_renew(pb_seen_entry, t->entries, t->capacity);
    }
    t->entries[t->count] = (pb_seen_entry){space, seq, loc};
    seen_place(t, h, t->count++);
    return NULL;
}

uint32_t pb_dict_add_phrase(pb_dict *d, pb_seq seq, pb_root_kind kind, uint32_t target)
{
    pb_phrase p = {0};
    p.seq = seq;
    p.kind = (uint8_t)kind;
    p.target = target;
    p.order = d->phrases->len;
    uint32_t chars = 0;
    for (uint32_t i = 0; i < seq.count; i++) {
        const pb_tok *t = pb_dict_tok(d, seq.first + i);
        if (t->type == PB_TOK_WORD)
            chars += pb_dict_lit_len(d, t->ref);
    }
    p.nchars = (uint16_t)MIN(chars, 65535);
    g_array_append_val(d->phrases, p);
    return d->phrases->len - 1;
}

/* ---- matching helpers ---------------------------------------------------- */

static gboolean ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

/* The endings rule, once the literal lit (length m) is known to be a
 * prefix of the word w (length n). */
static gboolean ending_matches(const pb_tok *t, uint8_t endings, const char *lit, size_t m, const char *w, size_t n,
                               gboolean last)
{
    if (t->mode == PB_MODE_STEM || n == m)
        return TRUE;
    if (t->mode == PB_MODE_ONLY || !last)
        return FALSE;
    const char *rest = w + m;
    size_t r = n - m;
    switch (endings) {
    case PB_END_ANY:
        return ending_matches(t, PB_END_NOUN, lit, m, w, n, last) || ending_matches(t, PB_END_VERB, lit, m, w, n, last);
    case PB_END_NOUN:
        return (r == 1 && rest[0] == 'S') || (r == 2 && rest[0] == '\'' && rest[1] == 'S') ||
               (r == 1 && rest[0] == '\'') || (r == 2 && memcmp(rest, "ES", 2) == 0) ||
               (r == 3 && memcmp(rest, "ES'", 3) == 0) || (r == 3 && memcmp(rest, "S'S", 3) == 0);
    case PB_END_VERB:
        /* DEPLORE_ + D = DEPLORED */
        if (r == 1 && rest[0] == 'D' && m > 0 && lit[m - 1] == 'E')
            return TRUE;
        return (r == 1 && rest[0] == 'S') || (r == 2 && (memcmp(rest, "ED", 2) == 0 ||
               memcmp(rest, "ES", 2) == 0 || memcmp(rest, "EN", 2) == 0)) ||
               (r == 3 && memcmp(rest, "ING", 3) == 0);
    default:
        return FALSE;
    }
}

/* The two endings that change the stem: Y -> IES (ARMY, ARMIES) and
 * E -> ING (DEPLORE, DEPLORING); only for an exact word at a phrase end. */
static gboolean stem_change_allowed(const pb_tok *t, uint8_t endings_kind, gboolean last)
{
    return t->mode == PB_MODE_EXACT && last && (t->endings == endings_kind || t->endings == PB_END_ANY);
}

gboolean pb_word_matches(const pb_dict *d, const pb_tok *t, const char *w, size_t n, gboolean last)
{
    const char *lit = pb_dict_lit(d, t->ref);
    size_t m = pb_dict_lit_len(d, t->ref);
    if (n < m || memcmp(w, lit, m) != 0) {
        if (stem_change_allowed(t, PB_END_NOUN, last) && m >= 2 && lit[m - 1] == 'Y' && n == m + 2 &&
            memcmp(w, lit, m - 1) == 0 && ends_with(w, n, "IES"))
            return TRUE;
        if (stem_change_allowed(t, PB_END_VERB, last) && m >= 2 && lit[m - 1] == 'E' && n == m + 2 &&
            memcmp(w, lit, m - 1) == 0 && ends_with(w, n, "ING"))
            return TRUE;
        return FALSE;
    }
    return ending_matches(t, t->endings, lit, m, w, n, last);
}

gboolean pb_word_matches_lits(const pb_dict *d, const pb_tok *t, const char *w, size_t n, const uint32_t *lits,
                              size_t nlits, gboolean last)
{
    for (size_t i = 0; i < nlits; i++) {
        if (PB_LIT_ID(lits[i]) != t->ref)
            continue;
        if (lits[i] & PB_LIT_IES)
            return stem_change_allowed(t, PB_END_NOUN, last);
        if (lits[i] & PB_LIT_ING_E)
            return stem_change_allowed(t, PB_END_VERB, last);
        return ending_matches(t, t->endings, pb_dict_lit(d, t->ref), pb_dict_lit_len(d, t->ref), w, n, last);
    }
    return FALSE;
}

const char *pb_actor_resolve(const pb_dict *d, uint32_t actor, pb_date date, uint8_t *special)
{
    const pb_actor *a = &g_array_index(d->actors, pb_actor, actor);
    const pb_actor_code *fallback = NULL;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const pb_actor_code *c = &g_array_index(d->actor_codes, pb_actor_code, a->first_code + i);
        if (!c->restricted) {
            if (!fallback)
                fallback = c;
            continue;
        }
        if (date > 0 && (c->from == 0 || date >= c->from) && (c->to == 0 || date <= c->to)) {
            *special = c->special;
            return c->code;
        }
    }
    if (fallback) {
        *special = fallback->special;
        return fallback->code;
    }
    *special = PB_SPECIAL_NULL;
    return NULL;
}

/* ---- freezing -------------------------------------------------------------- */

static int compare_patterns(gconstpointer a, gconstpointer b, gpointer data)
{
    const pb_dict *d = data;
    const pb_pattern *pa = &g_array_index(d->patterns, pb_pattern, *(const uint32_t *)a);
    const pb_pattern *pb = &g_array_index(d->patterns, pb_pattern, *(const uint32_t *)b);
    if (pa->length != pb->length)
        return pa->length > pb->length ? -1 : 1;
    /* stable: earlier first */
    uint32_t ia = *(const uint32_t *)a, ib = *(const uint32_t *)b;
    return ia < ib ? -1 : ia > ib;
}

/* Patterns are stored group by group, longest first, so that a group's
 * patterns are one contiguous run. */
/* The longest plain word of a token run's own level (not inside a set or
 * an alternative), or PB_NO_LIT. */
static uint32_t longest_word(const pb_dict *d, pb_seq seq)
{
    uint32_t best = PB_NO_LIT, best_len = 0;
    for (uint32_t i = 0; i < seq.count; i++) {
        const pb_tok *t = pb_dict_tok(d, seq.first + i);
        if (t->type == PB_TOK_WORD && pb_dict_lit_len(d, t->ref) > best_len) {
            best = t->ref;
            best_len = pb_dict_lit_len(d, t->ref);
        }
    }
    return best;
}

/* For the branches (or members) seqs[first .. first+n): one literal per
 * branch that the branch cannot match without; FALSE if some branch has
 * no plain word of its own. */
static gboolean branch_words(const pb_dict *d, uint32_t first, uint32_t n, GArray *out)
{
    for (uint32_t b = 0; b < n; b++) {
        uint32_t lit = longest_word(d, g_array_index(d->seqs, pb_seq, first + b));
        if (lit == PB_NO_LIT)
            return FALSE;
        g_array_append_val(out, lit);
    }
    return n > 0;
}

/* A pattern matches only if each of its own tokens does. A plain word
 * needs its literal in the sentence; an alternative or a synonym set
 * needs one of its branches' words. The coder skips a pattern when the
 * sentence has none of the literals chosen here: the pattern's longest
 * word, or else the smallest such set. */
static void choose_needed_literals(pb_dict *d, pb_pattern *p)
{
    p->need_first = d->need_lits->len;
    p->need_count = 0;
    uint32_t word = longest_word(d, p->seq);
    if (word != PB_NO_LIT) {
        g_array_append_val(d->need_lits, word);
        p->need_count = 1;
        return;
    }
    GArray *best = NULL, *trial = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    for (uint32_t i = 0; i < p->seq.count; i++) {
        const pb_tok *t = pb_dict_tok(d, p->seq.first + i);
        g_array_set_size(trial, 0);
        gboolean ok = FALSE;
        if (t->type == PB_TOK_ALT) {
            const pb_altset *a = &g_array_index(d->altsets, pb_altset, t->ref);
            ok = branch_words(d, a->first_branch, a->nbranches, trial);
        } else if (t->type == PB_TOK_SYNSET) {
            const pb_synset *set = &g_array_index(d->synsets, pb_synset, t->ref);
            ok = set->defined && branch_words(d, set->first_member, set->nmembers, trial);
        }
        if (ok && (!best || trial->len < best->len)) {
            GArray *swap = best ? best : g_array_new(FALSE, FALSE, sizeof(uint32_t));
            best = trial;
            trial = swap;
        }
    }
    if (best) {
        g_array_append_vals(d->need_lits, best->data, best->len);
        p->need_count = best->len;
        g_array_unref(best);
    }
    g_array_unref(trial);
}

static void order_patterns(pb_dict *d)
{
    GArray *ordered = g_array_sized_new(FALSE, TRUE, sizeof(pb_pattern), d->patterns->len);
    for (guint gi = 0; gi < d->groups->len; gi++) {
        pb_group *g = &g_array_index(d->groups, pb_group, gi);
        g->first_pattern = ordered->len;
        g->npatterns = 0;
        if (!g->building)
            continue;
        g_array_sort_with_data(g->building, compare_patterns, d);
        for (guint k = 0; k < g->building->len; k++) {
            uint32_t id = g_array_index(g->building, uint32_t, k);
            pb_pattern p = g_array_index(d->patterns, pb_pattern, id);
            choose_needed_literals(d, &p);
            g_array_append_val(ordered, p);
        }
        g->npatterns = g->building->len;
        g_array_unref(g->building);
        g->building = NULL;
    }
    g_array_unref(d->patterns);
    d->patterns = ordered;
}

static int compare_phrase_ids(gconstpointer a, gconstpointer b, gpointer data)
{
    const pb_dict *d = data;
    const pb_phrase *pa = pb_dict_phrase(d, *(const uint32_t *)a);
    const pb_phrase *pb = pb_dict_phrase(d, *(const uint32_t *)b);
    if (pa->nchars != pb->nchars)
        return pa->nchars > pb->nchars ? -1 : 1;
    return pa->order < pb->order ? -1 : pa->order > pb->order;
}

static void build_phrase_index(pb_dict *d)
{
    guint nlits = d->lits->len;
    uint32_t *counts = g_new0(uint32_t, nlits + 1);
    for (guint i = 0; i < d->phrases->len; i++) {
        const pb_phrase *p = pb_dict_phrase(d, i);
        if (p->seq.count == 0)
            continue;
        counts[pb_dict_tok(d, p->seq.first)->ref]++;
    }
    d->phrase_start = g_new0(uint32_t, nlits + 1);
    uint32_t total = 0;
    for (guint l = 0; l < nlits; l++) {
        d->phrase_start[l] = total;
        total += counts[l];
    }
    d->phrase_start[nlits] = total;
    d->phrase_index = g_new0(uint32_t, total ? total : 1);
    uint32_t *fill = g_new0(uint32_t, nlits + 1);
    for (guint i = 0; i < d->phrases->len; i++) {
        const pb_phrase *p = pb_dict_phrase(d, i);
        if (p->seq.count == 0)
            continue;
        uint32_t l = pb_dict_tok(d, p->seq.first)->ref;
        d->phrase_index[d->phrase_start[l] + fill[l]++] = i;
    }
    for (guint l = 0; l < nlits; l++) {
        uint32_t n = d->phrase_start[l + 1] - d->phrase_start[l];
        if (n > 1)
            g_qsort_with_data(d->phrase_index + d->phrase_start[l], (gint)n, sizeof(uint32_t),
                              compare_phrase_ids, d);
    }
    g_free(counts);
    g_free(fill);
}

void pb_dict_freeze(pb_dict *d, pb_diags *diags)
{
    if (d->frozen)
        return;
    pb_dict_check_synsets(d, diags);
    d->need_lits = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    order_patterns(d);
    build_phrase_index(d);
    d->seq_letters = g_new(uint32_t, d->seqs->len + 1);
    for (guint i = 0; i < d->seqs->len; i++)
        d->seq_letters[i] = pb_seq_letters(d, g_array_index(d->seqs, pb_seq, i), NULL);
    seen_clear(&d->seen);
    if (d->options.time_shift < 0)
        d->options.time_shift = d->has_time ? 1 : 0;
    d->frozen = TRUE;
}

void pb_dict_get_stats(const pb_dict *d, pb_dict_stats *s)
{
    memset(s, 0, sizeof *s);
    s->actors = d->actors->len;
    s->agents = d->agents->len;
    s->verbs = d->verbs->len;
    s->patterns = d->patterns->len;
    s->synsets = d->synsets->len;
    s->issues = d->issues->len;
    for (guint i = 0; i < d->actor_codes->len; i++)
        if (g_array_index(d->actor_codes, pb_actor_code, i).restricted)
            s->dated_codes++;
    for (guint i = 0; i < d->phrases->len; i++) {
        const pb_phrase *p = pb_dict_phrase(d, i);
        switch (p->kind) {
        case PB_ROOT_ACTOR: s->actor_phrases++; break;
        case PB_ROOT_AGENT: s->agent_phrases++; break;
        case PB_ROOT_VERB: s->verb_forms++; break;
        case PB_ROOT_NOUN: s->nouns++; break;
        case PB_ROOT_ADJECTIVE: s->adjectives++; break;
        case PB_ROOT_TIME: s->time_phrases++; break;
        case PB_ROOT_ATTRIB: s->attrib_phrases++; break;
        case PB_ROOT_DISCARD: s->discards++; break;
        default: break;
        }
    }
    s->synonyms = s->actor_phrases > s->actors ? s->actor_phrases - s->actors : 0;
}
