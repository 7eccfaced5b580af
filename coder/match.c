/*
 * match.c - pattern matching by backtracking over continuation frames
 * (pb_match.h).
 *
 * A frame is a token sequence (a pattern, a synonym-set member or an
 * alternative branch) and a position in it; finishing a nested frame
 * resumes its parent after the set or alternative. Actor assignments and
 * the matched extent are saved before each attempt and restored when it
 * fails. A step budget bounds pathological patterns.
 */
#include "pb_match.h"
#include "pb_lexicon.h"

#include <string.h>

#define STEP_BUDGET 200000

typedef struct frame {
    pb_seq seq;
    uint32_t k;
    uint8_t adj_after;       /* the set/alternative token was followed by '_' */
    uint32_t letters;        /* branch letters, for alternatives */
    const struct frame *up;
} frame;

typedef struct {
    const pb_dict *d;
    const pb_sentence *s;
    const pb_verb_site *site;
    gboolean verb_done;
    pb_match m;
    uint32_t alt_chars;
    long steps;
} mctx;

static int32_t next_pos(const mctx *c, int32_t j)
{
    while (j < c->site->hi && c->s->w[j].deleted)
        j++;
    return j;
}

/* The branches of a synonym set or an alternative: d->seqs[first ..
 * first + count). */
static void branches(const pb_dict *d, const pb_tok *t, uint32_t *first, uint32_t *count)
{
    if (t->type == PB_TOK_SYNSET) {
        const pb_synset *set = &g_array_index(d->synsets, pb_synset, t->ref);
        *first = set->first_member;
        *count = set->nmembers;
    } else {
        const pb_altset *alt = &g_array_index(d->altsets, pb_altset, t->ref);
        *first = alt->first_branch;
        *count = alt->nbranches;
    }
}

static gboolean run(mctx *c, const frame *f, int32_t pos, gboolean adj);

static void extend(mctx *c, int32_t from, int32_t to)
{
    if (c->m.first < 0 || from < c->m.first)
        c->m.first = from;
    if (to > c->m.last)
        c->m.last = to;
}

/* Put the actor an actor token matched in the slot its marker names
 * ('$' source, '+' target, '%' compound, '@' attribution); '^' only skips. */
static void fill_slot(pb_match *m, uint8_t type, pb_ref ref)
{
    switch (type) {
    case PB_TOK_SOURCE: m->source = ref; break;
    case PB_TOK_TARGET: m->target = ref; break;
    case PB_TOK_COMPOUND: m->compound = ref; break;
    case PB_TOK_ATTRIB: m->attrib = ref; break;
    default: break;
    }
}

/* The actor reference starting at word j, or none. */
static gboolean actor_at(const mctx *c, int32_t j, pb_ref *ref, int32_t *end)
{
    const pb_sentence *s = c->s;
    int32_t u = s->w[j].unit;
    if (u < 0 || s->units[u].start != j)
        return FALSE;
    const pb_unit *x = &s->units[u];
    if (!x->pronoun && !x->code)
        return FALSE;
    if (x->group >= 0 && s->groups[x->group].first_unit != u)
        return FALSE;
    *ref = pb_unit_ref(s, u);
    int32_t st;
    pb_ref_span(s, *ref, &st, end);
    if (x->pronoun)
        *end = x->end;
    return TRUE;
}

static gboolean finish_frame(mctx *c, const frame *f, int32_t pos, gboolean adj)
{
    if (!f->up)
        return c->verb_done;
    frame parent = *f->up;
    parent.k++;
    return run(c, &parent, pos, adj || f->adj_after);
}

static gboolean run(mctx *c, const frame *f, int32_t pos, gboolean adj)
{
    if (++c->steps > STEP_BUDGET)
        return FALSE;
    if (f->k == f->seq.count)
        return finish_frame(c, f, pos, adj);
    const pb_dict *d = c->d;
    const pb_sentence *s = c->s;
    const pb_tok *t = pb_dict_tok(d, f->seq.first + f->k);
    frame next = *f;
    next.k++;
    pos = next_pos(c, pos);

    if (t->type == PB_TOK_VERB) {
        int32_t v = c->site->v;
        if (c->verb_done || pos > v || (adj && pos != v))
            return FALSE;
        pb_match saved = c->m;
        c->verb_done = TRUE;
        extend(c, v, c->site->ve);
        if (run(c, &next, c->site->ve + 1, t->adjacent))
            return TRUE;
        c->verb_done = FALSE;
        c->m = saved;
        return FALSE;
    }
    if (t->type == PB_TOK_SYNSET || t->type == PB_TOK_ALT) {
        uint32_t first, count;
        branches(d, t, &first, &count);
        for (uint32_t b = 0; b < count; b++) {
            frame sub = {0};
            sub.seq = g_array_index(d->seqs, pb_seq, first + b);
            sub.adj_after = t->adjacent;
            sub.up = f;
            uint32_t letters = t->type == PB_TOK_ALT ? d->seq_letters[first + b] : 0;
            c->alt_chars += letters;
            if (run(c, &sub, pos, adj))
                return TRUE;
            c->alt_chars -= letters;
        }
        return FALSE;
    }
    /* Words and actors: scan forward unless adjacency pins the position. */
    if (t->type == PB_TOK_WORD && !pb_lexicon_has_lit(&s->toks, t->ref))
        return FALSE; /* the word is nowhere in the sentence */
    int32_t limit = c->verb_done ? c->site->hi : c->site->v;
    for (int32_t j = pos; j < limit; j = next_pos(c, j + 1)) {
        if (t->type == PB_TOK_WORD) {
            const pb_token *x = &s->toks.t[j];
            if (x->kind != PB_TK_COMMA && pb_word_matches_lits(d, t, x->norm, x->len, x->lits, x->nlits, TRUE)) {
                pb_match saved = c->m;
                extend(c, j, j);
                if (run(c, &next, j + 1, t->adjacent))
                    return TRUE;
                c->m = saved;
            }
        } else {
            pb_ref ref;
            int32_t end;
            if (actor_at(c, j, &ref, &end) && end < limit &&
                (t->type != PB_TOK_COMPOUND || pb_ref_is_compound(s, ref))) {
                pb_match saved = c->m;
                fill_slot(&c->m, t->type, ref);
                if (t->type != PB_TOK_SKIP)
                    extend(c, j, end);
                if (run(c, &next, end + 1, t->adjacent))
                    return TRUE;
                c->m = saved;
            }
        }
        if (adj)
            break;
    }
    return FALSE;
}

/* ---- the words before the verb: matched right to left from the verb ---- */

static int32_t prev_pos(const mctx *c, int32_t j)
{
    while (j >= c->site->lo && c->s->w[j].deleted)
        j--;
    return j;
}

/* The actor reference ending at word j, or none. */
static gboolean actor_ending_at(const mctx *c, int32_t j, pb_ref *ref, int32_t *start)
{
    const pb_sentence *s = c->s;
    int32_t u = s->w[j].unit;
    if (u < 0)
        return FALSE;
    const pb_unit *x = &s->units[u];
    if (x->group >= 0) {
        /* a compound counts as one actor: it ends at its last member */
        const pb_group_span *g = &s->groups[x->group];
        if (s->units[g->last_unit].end != j)
            return FALSE;
        *ref = (pb_ref){-1, x->group};
        *start = s->units[g->first_unit].start;
        return TRUE;
    }
    if (x->end != j || (!x->pronoun && !x->code))
        return FALSE;
    *ref = (pb_ref){u, -1};
    *start = x->start;
    return TRUE;
}

/* Frames run k = count-1 .. 0; pos is the word just right of the region
 * still to search; adj: the element must end at pos - 1. */
static gboolean run_rev(mctx *c, const frame *f, int32_t pos, gboolean adj);

static gboolean finish_rev(mctx *c, const frame *f, int32_t pos)
{
    if (!f->up)
        return TRUE;
    frame parent = *f->up;
    /* parent.k is the set/alternative token; continue left of it */
    if (parent.k == 0) {
        frame done = parent;
        done.k = UINT32_MAX;
        return finish_rev(c, &done, pos);
    }
    parent.k--;
    const pb_tok *t = pb_dict_tok(c->d, parent.seq.first + parent.k);
    return run_rev(c, &parent, pos, t->adjacent);
}

static gboolean run_rev(mctx *c, const frame *f, int32_t pos, gboolean adj)
{
    if (++c->steps > STEP_BUDGET)
        return FALSE;
    if (f->k == UINT32_MAX)
        return finish_rev(c, f, pos);
    const pb_dict *d = c->d;
    const pb_sentence *s = c->s;
    const pb_tok *t = pb_dict_tok(d, f->seq.first + f->k);
    frame next = *f;
    gboolean next_adj = FALSE;
    if (f->k == 0) {
        next.k = UINT32_MAX;
    } else {
        next.k = f->k - 1;
        next_adj = pb_dict_tok(d, f->seq.first + next.k)->adjacent;
    }
    int32_t start = prev_pos(c, pos - 1);
    if (t->type == PB_TOK_SYNSET || t->type == PB_TOK_ALT) {
        uint32_t first, count;
        branches(d, t, &first, &count);
        for (uint32_t b = 0; b < count; b++) {
            frame sub = {0};
            sub.seq = g_array_index(d->seqs, pb_seq, first + b);
            if (sub.seq.count == 0)
                continue;
            sub.k = sub.seq.count - 1;
            sub.up = f;
            uint32_t letters = t->type == PB_TOK_ALT ? d->seq_letters[first + b] : 0;
            c->alt_chars += letters;
            const pb_tok *last = pb_dict_tok(d, sub.seq.first + sub.k);
            if (run_rev(c, &sub, pos, adj || last->adjacent))
                return TRUE;
            c->alt_chars -= letters;
        }
        return FALSE;
    }
    if (t->type == PB_TOK_WORD && !pb_lexicon_has_lit(&s->toks, t->ref))
        return FALSE; /* the word is nowhere in the sentence */
    for (int32_t j = start; j >= c->site->lo; j = prev_pos(c, j - 1)) {
        if (t->type == PB_TOK_WORD) {
            const pb_token *x = &s->toks.t[j];
            if (x->kind != PB_TK_COMMA && pb_word_matches_lits(d, t, x->norm, x->len, x->lits, x->nlits, TRUE)) {
                pb_match saved = c->m;
                extend(c, j, j);
                if (run_rev(c, &next, j, next_adj))
                    return TRUE;
                c->m = saved;
            }
        } else if (t->type != PB_TOK_VERB) {
            pb_ref ref;
            int32_t st;
            if (actor_ending_at(c, j, &ref, &st) && st >= c->site->lo &&
                (t->type != PB_TOK_COMPOUND || pb_ref_is_compound(s, ref))) {
                pb_match saved = c->m;
                fill_slot(&c->m, t->type, ref);
                if (t->type != PB_TOK_SKIP)
                    extend(c, st, j);
                if (run_rev(c, &next, st, next_adj))
                    return TRUE;
                c->m = saved;
            }
        }
        if (adj)
            break;
    }
    return FALSE;
}

void pb_verb_site_init(const pb_sentence *s, const pb_clause *c, int32_t v, pb_verb_site *site)
{
    site->v = v;
    site->ve = s->w[v].root_end;
    site->lo = c->start;
    site->hi = c->end;
    for (int32_t k = v - 1; k >= c->start; k--) {
        const pb_word *w = &s->w[k];
        if (w->type == PB_W_COMMA && !w->absorbed && !w->deleted) {
            site->lo = k + 1;
            break;
        }
    }
    for (int32_t k = site->ve + 1; k < c->end; k++) {
        const pb_word *w = &s->w[k];
        if (w->type == PB_W_COMMA && !w->absorbed && !w->deleted) {
            site->hi = k;
            break;
        }
    }
    if (site->ve >= site->hi)
        site->ve = site->hi - 1 > v ? site->hi - 1 : v;
}

gboolean pb_match_pattern(const pb_dict *d, const pb_sentence *s, const pb_pattern *p, const pb_verb_site *site,
                          pb_match *m)
{
    mctx c = {0};
    c.d = d;
    c.s = s;
    c.site = site;
    c.m.source = c.m.target = c.m.compound = c.m.attrib = PB_REF_NONE;
    c.m.first = -1;
    c.m.last = -1;
    /* Words before the verb: right to left from the verb. */
    if (p->verb_at > 0) {
        frame pre = {0};
        pre.seq.first = p->seq.first;
        pre.seq.count = p->verb_at;
        pre.k = p->verb_at - 1;
        const pb_tok *last = pb_dict_tok(d, pre.seq.first + pre.k);
        if (!run_rev(&c, &pre, site->v, last->adjacent))
            return FALSE;
    }
    /* The verb and the words after it: left to right. */
    frame post = {0};
    post.seq.first = p->seq.first + p->verb_at;
    post.seq.count = p->seq.count - p->verb_at;
    if (!run(&c, &post, site->v, FALSE))
        return FALSE;
    *m = c.m;
    m->length = p->length - p->alt_extra + c.alt_chars;
    return TRUE;
}

/* The cheap test before matching: the sentence has one of the literals
 * the pattern cannot match without (dict.c: choose_needed_literals). */
static gboolean could_match(const pb_dict *d, const pb_tokens *toks, const pb_pattern *p)
{
    if (p->need_count == 0)
        return TRUE;
    const uint32_t *need = &g_array_index(d->need_lits, uint32_t, p->need_first);
    for (uint32_t i = 0; i < p->need_count; i++)
        if (pb_lexicon_has_lit(toks, need[i]))
            return TRUE;
    return FALSE;
}

int32_t pb_match_group(const pb_dict *d, const pb_sentence *s, uint32_t group, const pb_verb_site *site,
                       pb_match *m, GString *trace)
{
    const pb_group *g = &g_array_index(d->groups, pb_group, group);
    int32_t best = -1;
    uint32_t best_len = 0;
    for (uint32_t i = 0; i < g->npatterns; i++) {
        uint32_t id = g->first_pattern + i;
        const pb_pattern *p = &g_array_index(d->patterns, pb_pattern, id);
        if (best >= 0 && p->length <= best_len)
            break;
        pb_match trial;
        gboolean ok = could_match(d, &s->toks, p) && pb_match_pattern(d, s, p, site, &trial);
        if (trace)
            g_string_append_printf(trace, "    %s  - %s [%s]  (%s:%u)\n", ok ? "MATCH" : "no   ", p->text,
                                   p->code.code ? p->code.code : p->code.special == PB_SPECIAL_NULL ? "---" :
                                   p->code.special == PB_SPECIAL_DISCARD ? "###" : "+++",
                                   pb_dict_file(d, p->loc), p->loc.line);
        if (ok && (best < 0 || trial.length > best_len)) {
            best = (int32_t)id;
            best_len = trial.length;
            *m = trial;
        }
    }
    return best;
}
