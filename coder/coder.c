/*
 * coder.c - one sentence to events (pb_coder.h).
 *
 * The parse (parse.c) says what each word is; this file decides which
 * verbs produce events, who the source and target are, and turns the
 * result into event rows: compound actors multiply, paired codes add the
 * reverse event, identical rows are kept once.
 */
#include "pb_coder.h"
#include "pb_lexicon.h"
#include "pb_match.h"
#include "pb_token.h"

#include <string.h>

const char *pb_status_name(pb_status s)
{
    switch (s) {
    case PB_STATUS_CODED: return "coded";
    case PB_STATUS_NO_EVENT: return "no event";
    case PB_STATUS_SHORT: return "too short";
    case PB_STATUS_DISCARD: return "discard";
    case PB_STATUS_COMPLEX: return "complex";
    }
    return "?";
}

void pb_coder_init(pb_coder *c, const pb_dict *d, const pb_options *opt)
{
    memset(c, 0, sizeof *c);
    c->dict = d;
    c->opt = opt ? opt : &d->options;
    pb_arena_init(&c->arena, 1 << 16);
}

void pb_coder_clear(pb_coder *c)
{
    pb_arena_free(&c->arena);
}

void pb_coder_reset(pb_coder *c)
{
    pb_arena_reset(&c->arena);
}

/* An event before expansion into rows. */
typedef struct {
    pb_ref src, tgt;
    const char *src_default, *tgt_default;
    pb_event_code code;
    int32_t pattern;     /* -1: the verb's own code */
    int32_t verb;        /* pb_verb id */
    int32_t v, first, last;
    gboolean pairs;      /* '%': every pair of the compound */
} raw_event;

typedef struct {
    pb_coder *c;
    const pb_dict *d;
    const pb_options *opt;
    pb_sentence *s;
    GString *trace;
    pb_ref main_target; /* SUBCLAUSES: target of the last main clause's event */
    gboolean lacked_source, lacked_target; /* a coded verb found no source / no target (COMPLEX:) */
} ctx;

/* ---- helpers ------------------------------------------------------------------ */

static const char *ref_text(const ctx *x, pb_ref r)
{
    if (!pb_ref_set(r))
        return "(none)";
    const char *codes[32];
    size_t n = pb_ref_codes(x->s, r, codes, 32, &x->c->arena);
    GString *g = g_string_new(NULL);
    int32_t a, b;
    pb_ref_span(x->s, r, &a, &b);
    for (int32_t k = a; k <= b && k >= 0; k++) {
        if (g->len)
            g_string_append_c(g, ' ');
        g_string_append(g, x->s->toks.t[k].norm);
    }
    g_string_append(g, " [");
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(g, "%s%s", i ? "/" : "", codes[i]);
    g_string_append(g, "]");
    const char *out = pb_arena_strdup(&x->c->arena, g->str);
    g_string_free(g, TRUE);
    return out;
}

/* The actor whose first word is in [from, to), different from exclude,
 * nearest to from (or, backwards, nearest to to). */
static pb_ref find_actor(const ctx *x, int32_t from, int32_t to, pb_ref exclude, gboolean backwards)
{
    const pb_sentence *s = x->s;
    for (size_t i = 0; i < s->nunits; i++) {
        size_t u = backwards ? s->nunits - 1 - i : i;
        const pb_unit *un = &s->units[u];
        /* a unit counts where any of its words is (a phrase with gaps can
         * reach across a conjunction) */
        if (un->end < from || un->start >= to)
            continue;
        if (s->w[un->start].deleted)
            continue;
        if (!un->pronoun && !un->code)
            continue;
        pb_ref r = pb_unit_ref(s, (int32_t)u);
        const char *codes[4];
        if (pb_ref_codes(s, r, codes, 4, &x->c->arena) == 0)
            continue;
        if (pb_ref_set(exclude) && pb_ref_same(s, r, exclude))
            continue;
        /* COMPOUND PAIRS: a member of the excluded compound is part of it
         * ("Trump and Putin spoke": Putin is not the pair's target; with
         * no other target the members face each other) */
        if (exclude.group >= 0 && un->group == exclude.group && x->opt->compound_pairs)
            continue;
        return r;
    }
    return PB_REF_NONE;
}

static pb_ref first_actor(const ctx *x, int32_t from, int32_t to, pb_ref exclude)
{
    return find_actor(x, from, to, exclude, FALSE);
}

static gboolean object_pronoun(const ctx *x, pb_ref r)
{
    if (r.unit < 0 || !x->s->units[r.unit].pronoun)
        return FALSE;
    const char *w = x->s->toks.t[x->s->units[r.unit].start].norm;
    return strcmp(w, "HIM") == 0 || strcmp(w, "HER") == 0 || strcmp(w, "THEM") == 0;
}

/* TABARI's passive voice: an auxiliary (WAS, WERE, BEEN) within two words
 * before the verb and BY within three words after it. LONG PASSIVE (a
 * polybius option) also finds BY further on in the clause, up to a comma
 * or the next verb ("was received at the White House by President
 * Biden"), and takes IS, ARE, BE and BEING as auxiliaries too. */
static gboolean passive(const ctx *x, const pb_clause *cl, int32_t v, int32_t ve)
{
    const pb_sentence *s = x->s;
    gboolean longer = x->opt->long_passive;
    int found = 0;
    for (int32_t k = ve + 1, seen = 0; k < (longer ? cl->end : (int32_t)s->toks.n) && (longer || seen < 3); k++) {
        if (s->w[k].deleted)
            continue;
        seen++;
        if (s->w[k].type == PB_W_BY) {
            found = 1;
            break;
        }
        if (longer && (s->w[k].type == PB_W_COMMA || (s->w[k].type == PB_W_VERB && s->w[k].head)))
            break;
    }
    if (!found)
        return FALSE;
    for (int32_t k = v - 1, seen = 0; k >= 0 && seen < 2; k--) {
        if (s->w[k].deleted)
            continue;
        seen++;
        const char *w = s->toks.t[k].norm;
        if (s->w[k].type == PB_W_AUXIL ||
            (longer && (strcmp(w, "IS") == 0 || strcmp(w, "ARE") == 0 || strcmp(w, "BE") == 0 || strcmp(w, "BEING") == 0)))
            return TRUE;
    }
    return FALSE;
}

static const char *code_text(const pb_event_code *c)
{
    switch (c->special) {
    case PB_SPECIAL_NULL: return "---";
    case PB_SPECIAL_DISCARD: return "###";
    case PB_SPECIAL_COMPLEX: return "+++";
    default: break;
    }
    return c->code ? c->code : c->code2 ? c->code2 : "";
}

/* ---- trace ------------------------------------------------------------------------- */

static void trace_parse(const ctx *x)
{
    GString *t = x->trace;
    const pb_sentence *s = x->s;
    const pb_dict *d = x->d;
    g_string_append(t, "Words:\n");
    for (size_t i = 0; i < s->toks.n; i++) {
        const pb_word *w = &s->w[i];
        g_string_append_printf(t, "  %3zu  %-20s %-12s", i, s->toks.t[i].norm, pb_wtype_name(w->type));
        if (w->head && w->phrase >= 0) {
            const pb_phrase *ph = pb_dict_phrase(d, (uint32_t)w->phrase);
            pb_loc loc = {0, 0};
            switch (ph->kind) {
            case PB_ROOT_ACTOR: loc = g_array_index(d->actors, pb_actor, ph->target).loc; break;
            case PB_ROOT_AGENT: loc = g_array_index(d->agents, pb_agent, ph->target).loc; break;
            case PB_ROOT_VERB: case PB_ROOT_TIME: case PB_ROOT_ATTRIB:
                loc = g_array_index(d->verbs, pb_verb, ph->target).loc; break;
            default: break;
            }
            if (loc.line)
                g_string_append_printf(t, " %s:%u", pb_dict_file(d, loc), loc.line);
        } else if (w->phrase >= 0 && !w->head) {
            g_string_append_printf(t, " (part of the phrase at %d)", w->head_tok);
        }
        if (w->deleted)
            g_string_append(t, " [deleted comma clause]");
        if (w->absorbed)
            g_string_append(t, " [inside a compound]");
        g_string_append_c(t, '\n');
    }
    g_string_append(t, "Actors:\n");
    for (size_t u = 0; u < s->nunits; u++) {
        const pb_unit *un = &s->units[u];
        pb_ref r = {(int32_t)u, -1};
        g_string_append_printf(t, "  words %d-%d: %s%s%s%s\n", un->start, un->end, ref_text(x, r),
                               un->pronoun ? " (pronoun)" : "", un->group >= 0 ? " (in a compound)" : "",
                               un->former ? " (former)" : "");
    }
    for (size_t c = 0; c < s->nclauses; c++)
        g_string_append_printf(t, "Clause %zu: words %d-%d\n", c, s->clauses[c].start, s->clauses[c].end - 1);
}

/* ---- complexity ------------------------------------------------------------------- */

static const char *complexity(const ctx *x)
{
    const pb_options *o = x->opt;
    const pb_sentence *s = x->s;
    int verbs = 0, actors = 0, first_verb = -1, first_real = -1, lateverb_ok = 0;
    for (size_t i = 0; i < s->toks.n; i++) {
        const pb_word *w = &s->w[i];
        if (w->deleted || !w->head || w->type != PB_W_VERB)
            continue;
        verbs++;
        /* the first verb for NOACTPRIOR/NOACTAFTER: a null-coded verb (one
         * that codes only through its patterns) counts only when no other
         * verb follows */
        const pb_verb *vb = &g_array_index(x->d->verbs, pb_verb, pb_dict_phrase(x->d, (uint32_t)w->phrase)->target);
        if (vb->code.special != PB_SPECIAL_NULL && first_real < 0)
            first_real = (int)i;
        if (first_verb < 0)
            first_verb = (int)i;
        if (o->cx_lateverb > 0 && (int)i < o->cx_lateverb)
            lateverb_ok = 1;
    }
    if (first_real >= 0)
        first_verb = first_real;
    gboolean before = FALSE, after = FALSE;
    for (size_t u = 0; u < s->nunits; u++) {
        const pb_unit *un = &s->units[u];
        if (s->w[un->start].deleted)
            continue;
        if (!un->pronoun)
            actors++;
        if (first_verb >= 0 && un->start < first_verb)
            before = TRUE;
        if (first_verb >= 0 && un->start > first_verb)
            after = TRUE;
    }
    if (o->cx_verbs > 0 && verbs >= o->cx_verbs)
        return pb_arena_printf(&x->c->arena, "%d or more verbs", o->cx_verbs);
    if (o->cx_actors > 0 && actors >= o->cx_actors)
        return pb_arena_printf(&x->c->arena, "%d or more actors", o->cx_actors);
    if (o->cx_pronouns > 0 && s->pronouns >= o->cx_pronouns)
        return pb_arena_printf(&x->c->arena, "%d or more pronouns", o->cx_pronouns);
    if (o->cx_conj > 0 && s->conjunctions >= o->cx_conj)
        return pb_arena_printf(&x->c->arena, "%d or more conjunctions", o->cx_conj);
    if (o->cx_comma > 0 && s->deleted_clauses >= o->cx_comma)
        return pb_arena_printf(&x->c->arena, "%d or more comma clauses", o->cx_comma);
    if (o->cx_lateverb > 0 && !lateverb_ok)
        return pb_arena_printf(&x->c->arena, "no verb in the first %d words", o->cx_lateverb);
    if (o->cx_noverb && verbs == 0)
        return "no verb";
    if (o->cx_noactprior && (first_verb < 0 || !before))
        return first_verb < 0 ? "no verb (NOACTPRIOR)" : "no actor before verb";
    if (o->cx_noactafter && first_verb >= 0 && !after)
        return "no actor after verb";
    return NULL;
}

/* ---- events ------------------------------------------------------------------------ */

typedef struct {
    raw_event *v;
    size_t n, cap;
} raw_list;

static void raw_push(ctx *x, raw_list *l, const raw_event *e)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        raw_event *grown = PB_ARENA_NEW(&x->c->arena, raw_event, cap);
        if (l->n)
            memcpy(grown, l->v, sizeof(raw_event) * l->n);
        l->v = grown;
        l->cap = cap;
    }
    l->v[l->n++] = *e;
}

/* Try one verb: patterns, then source and target. TRUE when it yields an
 * event (in *e); *nulled when its code is null. */
static gboolean code_verb(ctx *x, const pb_clause *cl, int32_t v, pb_ref running, gboolean use_running,
                          raw_event *e, pb_status *stop)
{
    const pb_dict *d = x->d;
    const pb_sentence *s = x->s;
    const pb_phrase *ph = pb_dict_phrase(d, (uint32_t)s->w[v].phrase);
    const pb_verb *verb = &g_array_index(d->verbs, pb_verb, ph->target);
    pb_verb_site site;
    pb_verb_site_init(s, cl, v, &site);
    pb_match m;
    memset(&m, 0, sizeof m);
    m.source = m.target = m.compound = m.attrib = PB_REF_NONE;
    if (x->trace)
        g_string_append_printf(x->trace, "Verb '%s' (word %d, %s:%u, default [%s]):\n", s->toks.t[v].norm, v,
                               pb_dict_file(d, verb->loc), verb->loc.line, code_text(&verb->code));
    int32_t pid = pb_match_group(d, s, verb->group, &site, &m, x->trace);
    memset(e, 0, sizeof *e);
    e->pattern = pid;
    e->verb = (int32_t)ph->target;
    e->v = v;
    e->first = pid >= 0 ? m.first : v;
    e->last = pid >= 0 ? m.last : site.ve;
    e->code = pid >= 0 ? g_array_index(d->patterns, pb_pattern, pid).code : verb->code;
    if (e->code.special == PB_SPECIAL_NULL) {
        if (x->trace)
            g_string_append(x->trace, "  -> null code: no event from this verb\n");
        return FALSE;
    }
    if (e->code.special == PB_SPECIAL_DISCARD || e->code.special == PB_SPECIAL_COMPLEX) {
        *stop = e->code.special == PB_SPECIAL_DISCARD ? PB_STATUS_DISCARD : PB_STATUS_COMPLEX;
        return FALSE;
    }
    pb_ref src = m.source, tgt = m.target;
    gboolean designated = pid >= 0 && (pb_ref_set(m.source) || pb_ref_set(m.target) || pb_ref_set(m.compound));
    if (pid >= 0 && pb_ref_set(m.compound)) {
        src = tgt = m.compound;
        e->pairs = TRUE;
    }
    const pb_options *o = x->opt;
    gboolean prior = pb_ref_set(first_actor(x, cl->start, v, PB_REF_NONE));
    gboolean later = pb_ref_set(first_actor(x, site.ve + 1, cl->end, PB_REF_NONE));
    if (!pb_ref_set(src)) {
        if (o->default_source[0] && o->default_prior && !prior)
            e->src_default = o->default_source;
        else if (use_running && pb_ref_set(running) && !pb_ref_same(s, running, tgt))
            src = running; /* after a conjunction the source carries over */
        else
            src = first_actor(x, cl->start, v, tgt);
        /* TABARI is greedy: with no source before the verb it looks after it */
        if (!pb_ref_set(src) && !e->src_default)
            src = first_actor(x, site.ve + 1, cl->end, tgt);
    }
    if (!pb_ref_set(tgt)) {
        if (o->default_target[0] && o->default_after && !later)
            e->tgt_default = o->default_target;
        else {
            tgt = first_actor(x, site.ve + 1, cl->end, src);
            if (!pb_ref_set(tgt))
                tgt = find_actor(x, cl->start, v, src, TRUE); /* nearest before the verb */
            if (!pb_ref_set(tgt) && cl->kind == PB_CLAUSE_MAIN && cl + 1 < s->clauses + s->nclauses &&
                cl[1].kind == PB_CLAUSE_SUBORDINATE)
                /* "X raised its alert after Y fired shells": as if unsplit */
                tgt = first_actor(x, cl[1].start, cl[1].end, src);
            if (!pb_ref_set(tgt) && cl->kind == PB_CLAUSE_PARTICIPLE && cl > s->clauses) {
                /* "X attacked Y, killing five": the participle acts on the
                 * first actor before it other than its subject */
                tgt = first_actor(x, 0, cl->start, src);
            }
            if (!pb_ref_set(tgt) && pb_ref_is_compound(s, src))
                tgt = src;
        }
    }
    if (cl->kind != PB_CLAUSE_MAIN && object_pronoun(x, tgt) && pb_ref_set(x->main_target) &&
        !pb_ref_same(s, x->main_target, src)) {
        /* "Orban defended Netanyahu after the court issued a warrant for
         * him": an object pronoun of a dependent clause is the object of
         * the main clause, not the first actor of the sentence */
        tgt = x->main_target;
        if (x->trace)
            g_string_append(x->trace, "  object pronoun of a dependent clause: the main clause's target\n");
    }
    if (!designated && passive(x, cl, v, site.ve)) {
        pb_ref t = src;
        src = tgt;
        tgt = t;
        const char *td = e->src_default;
        e->src_default = e->tgt_default;
        e->tgt_default = td;
        if (x->trace)
            g_string_append(x->trace, "  passive voice: source and target swapped\n");
    }
    if (!pb_ref_set(src) && !e->src_default && o->default_source[0])
        e->src_default = o->default_source;
    if (!pb_ref_set(tgt) && !e->tgt_default && o->default_target[0])
        e->tgt_default = o->default_target;
    e->src = src;
    e->tgt = tgt;
    if (x->trace)
        g_string_append_printf(x->trace, "  code [%s]%s; source %s; target %s\n", code_text(&e->code),
                               pid >= 0 ? " from the pattern" : " (verb's own code)",
                               e->src_default ? e->src_default : ref_text(x, src),
                               e->tgt_default ? e->tgt_default : ref_text(x, tgt));
    gboolean has_source = pb_ref_set(src) || e->src_default, has_target = pb_ref_set(tgt) || e->tgt_default;
    x->lacked_source |= !has_source;
    x->lacked_target |= !has_target;
    return has_source && has_target;
}

/* Code every clause; returns the events chosen by CODE BY and the
 * subordinate/dominant rules. */
static pb_status code_clauses(ctx *x, raw_list *out)
{
    const pb_sentence *s = x->s;
    const pb_options *o = x->opt;
    raw_list all = {0};
    pb_ref running = PB_REF_NONE;
    gboolean have_running = FALSE;
    gboolean sentence_done = FALSE;
    for (size_t ci = 0; ci < s->nclauses && !sentence_done; ci++) {
        const pb_clause *cl = &s->clauses[ci];
        /* After a conjunction the source carries over, unless an actor
         * starts the new clause. */
        gboolean actor_first = FALSE;
        for (int32_t k = cl->start; k < cl->end; k++) {
            const pb_word *w = &s->w[k];
            if (w->deleted || w->type == PB_W_DETERM || w->type == PB_W_ADJ)
                continue;
            actor_first = w->unit >= 0 && s->units[w->unit].start == k;
            break;
        }
        gboolean use_running = ci > 0 && have_running && !actor_first;
        if (cl->kind == PB_CLAUSE_PARTICIPLE && !actor_first && !use_running && ci > 0) {
            /* a participle's subject is the subject of the clause before it,
             * even when that clause has no event ("the U.S. remains a
             * partner ..., providing aid"): the first actor before it */
            running = first_actor(x, 0, cl->start, PB_REF_NONE);
            use_running = pb_ref_set(running);
        }
        raw_event normal = {0}, subordinate = {0};
        gboolean have_normal = FALSE, have_sub = FALSE, had_verb = FALSE;
        for (int32_t v = cl->start; v < cl->end; v++) {
            const pb_word *w = &s->w[v];
            if (!w->head || w->type != PB_W_VERB || w->deleted)
                continue;
            raw_event e;
            pb_status stop = PB_STATUS_CODED;
            had_verb = TRUE;
            gboolean ok = code_verb(x, cl, v, running, use_running, &e, &stop);
            if (stop != PB_STATUS_CODED)
                return stop;
            if (!ok)
                continue;
            if (e.code.flags & PB_CODE_DOMINANT) {
                /* a dominant event is an event like any other for CODE BY;
                 * the sentence keeps only dominant events when it has one */
                raw_push(x, &all, &e);
                if (o->code_by == PB_CODE_ALL)
                    continue;
                normal = e;
                have_normal = TRUE;
                if (o->code_by == PB_CODE_BY_SENTENCE)
                    sentence_done = TRUE;
                break;
            }
            if (e.code.flags & PB_CODE_SUBORDINATE) {
                if (!have_sub) {
                    subordinate = e;
                    have_sub = TRUE;
                }
                continue;
            }
            if (o->code_by == PB_CODE_ALL) {
                raw_push(x, &all, &e);
                have_normal = TRUE;
                continue;
            }
            if (!have_normal) {
                normal = e;
                have_normal = TRUE;
                raw_push(x, &all, &e);
                if (o->code_by == PB_CODE_BY_SENTENCE)
                    sentence_done = TRUE;
                break;
            }
        }
        if (!have_normal && have_sub && o->code_by == PB_CODE_BY_CLAUSE)
            raw_push(x, &all, &subordinate);
        else if (!have_normal && have_sub)
            raw_push(x, &all, &subordinate); /* kept unless a normal event exists anywhere */
        if (have_normal && cl->kind == PB_CLAUSE_MAIN)
            x->main_target = normal.tgt;
        /* the running source for the next clause */
        if (have_normal && pb_ref_set(normal.src)) {
            running = normal.src;
            have_running = TRUE;
        } else if (have_sub && !have_normal && pb_ref_set(subordinate.src)) {
            running = subordinate.src;
            have_running = TRUE;
        } else if (!have_normal && had_verb) {
            /* a clause with verbs but no event passes on its first actor */
            pb_ref first = first_actor(x, cl->start, cl->end, PB_REF_NONE);
            if (pb_ref_set(first) && !have_running) {
                running = first;
                have_running = TRUE;
            }
        }
    }
    /* Dominant events exclude the others; normal events exclude subordinate ones. */
    gboolean any_dominant = FALSE, any_normal = FALSE;
    for (size_t i = 0; i < all.n; i++) {
        if (all.v[i].code.flags & PB_CODE_DOMINANT)
            any_dominant = TRUE;
        else if (!(all.v[i].code.flags & PB_CODE_SUBORDINATE))
            any_normal = TRUE;
    }
    for (size_t i = 0; i < all.n; i++) {
        uint8_t f = all.v[i].code.flags;
        if (any_dominant && !(f & PB_CODE_DOMINANT))
            continue;
        /* CODE BY CLAUSE decided per clause already; otherwise a normal
         * event anywhere removes the subordinate ones */
        if (any_normal && (f & PB_CODE_SUBORDINATE) && o->code_by != PB_CODE_BY_CLAUSE)
            continue;
        raw_push(x, out, &all.v[i]);
    }
    return PB_STATUS_CODED;
}

static void text_span(const ctx *x, int32_t a, int32_t b, int32_t *start, int32_t *end)
{
    if (a < 0 || b < 0) {
        *start = *end = -1;
        return;
    }
    *start = (int32_t)x->s->toks.t[a].start;
    *end = (int32_t)x->s->toks.t[b].end;
}

static const char *ref_phrase(const ctx *x, pb_ref r)
{
    if (r.group >= 0)
        r.unit = x->s->groups[r.group].first_unit;
    if (r.unit < 0)
        return NULL;
    const pb_unit *u = &x->s->units[r.unit];
    if (u->pronoun && u->ref_unit >= 0)
        u = &x->s->units[u->ref_unit];
    if (u->actor < 0)
        return NULL;
    return g_array_index(x->d->actors, pb_actor, u->actor).parent;
}

typedef struct {
    pb_event *v;
    size_t n, cap;
} event_list;

/* One row; reversed is the second row of a paired code [A:B], whose
 * source is the first row's target (and so is its text). */
static void emit(ctx *x, event_list *l, const raw_event *r, const char *src, const char *tgt, const char *code,
                 gboolean reversed)
{
    if (!code || !src || !tgt)
        return;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].source, src) == 0 && strcmp(l->v[i].target, tgt) == 0 && strcmp(l->v[i].code, code) == 0)
            return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        pb_event *grown = PB_ARENA_NEW(&x->c->arena, pb_event, cap);
        if (l->n)
            memcpy(grown, l->v, sizeof(pb_event) * l->n);
        l->v = grown;
        l->cap = cap;
    }
    pb_event *e = &l->v[l->n++];
    memset(e, 0, sizeof *e);
    e->source = src;
    e->target = tgt;
    e->code = code;
    e->date = x->s->date;
    pb_ref sref = reversed ? r->tgt : r->src, tref = reversed ? r->src : r->tgt;
    int32_t a, b;
    pb_ref_span(x->s, sref, &a, &b);
    text_span(x, a, b, &e->source_start, &e->source_end);
    pb_ref_span(x->s, tref, &a, &b);
    text_span(x, a, b, &e->target_start, &e->target_end);
    text_span(x, r->first, r->last, &e->verb_start, &e->verb_end);
    e->source_phrase = ref_phrase(x, sref);
    e->target_phrase = ref_phrase(x, tref);
    e->pattern = r->pattern >= 0 ? &g_array_index(x->d->patterns, pb_pattern, r->pattern) : NULL;
    e->verb = &g_array_index(x->d->verbs, pb_verb, r->verb);
    pb_loc loc = e->pattern ? e->pattern->loc : e->verb->loc;
    const char *file = pb_dict_file(x->d, loc);
    const char *slash = strrchr(file, '/');
    e->pattern_ref = pb_arena_printf(&x->c->arena, "%s:%u", slash ? slash + 1 : file, loc.line);
    e->issues = "";
}

/* The actors a reference stands for, each with its codes (a coded
 * compound "FRO/BIL/SAM" is one actor with three codes). */
typedef struct {
    const char *codes[16];
    size_t n;
} actor_codes;

static size_t ref_actors(ctx *x, pb_ref r, const char *deflt, actor_codes *out, size_t max)
{
    if (deflt) {
        out[0].codes[0] = deflt;
        out[0].n = 1;
        return 1;
    }
    const pb_sentence *s = x->s;
    if (r.group < 0 && r.unit >= 0) {
        const pb_unit *u = &s->units[r.unit];
        if (u->pronoun && !u->forward) {
            if (u->ref_group >= 0)
                return ref_actors(x, (pb_ref){-1, u->ref_group}, NULL, out, max);
            if (u->ref_unit >= 0)
                return ref_actors(x, (pb_ref){u->ref_unit, -1}, NULL, out, max);
            return 0;
        }
        out[0].n = pb_ref_codes(s, r, out[0].codes, 16, &x->c->arena);
        return out[0].n ? 1 : 0;
    }
    size_t n = 0;
    if (r.group >= 0)
        for (int32_t u = s->groups[r.group].first_unit; u <= s->groups[r.group].last_unit && n < max; u++) {
            out[n].n = pb_ref_codes(s, (pb_ref){u, -1}, out[n].codes, 16, &x->c->arena);
            if (out[n].n)
                n++;
        }
    return n;
}

/* Rows in TABARI's order: for each source actor, each target actor, each
 * source code, each target code; a paired code adds the reverse row
 * right after. '%' pairs every two actors of one compound. */
static void expand(ctx *x, const raw_event *r, event_list *out)
{
    actor_codes src[32], tgt[32];
    size_t ns = ref_actors(x, r->src, r->src_default, src, 32);
    size_t nt = r->pairs ? ns : ref_actors(x, r->tgt, r->tgt_default, tgt, 32);
    if (r->pairs)
        memcpy(tgt, src, sizeof(actor_codes) * ns);
    const char *c1 = r->code.code, *c2 = r->code.code2;
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < nt; j++) {
            if (r->pairs && i == j)
                continue;
            for (size_t a = 0; a < src[i].n; a++)
                for (size_t b = 0; b < tgt[j].n; b++) {
                    const char *sc = src[i].codes[a], *tc = tgt[j].codes[b];
                    if (strcmp(sc, tc) == 0)
                        continue;
                    emit(x, out, r, sc, tc, c1, FALSE);
                    if (c2)
                        emit(x, out, r, tc, sc, c2, TRUE);
                }
        }
}

/* ---- time shifting, discards, issues ------------------------------------------------- */

static pb_status time_shift(ctx *x, int32_t *days)
{
    const pb_sentence *s = x->s;
    *days = 0;
    for (size_t i = 0; i < s->toks.n; i++) {
        const pb_word *w = &s->w[i];
        if (!w->head || w->type != PB_W_TIME)
            continue;
        const pb_phrase *ph = pb_dict_phrase(x->d, (uint32_t)w->phrase);
        const pb_verb *tv = &g_array_index(x->d->verbs, pb_verb, ph->target);
        pb_verb_site site;
        pb_verb_site_init(s, &s->clauses[w->clause], (int32_t)i, &site);
        pb_match m;
        int32_t pid = pb_match_group(x->d, s, tv->group, &site, &m, NULL);
        pb_event_code code = pid >= 0 ? g_array_index(x->d->patterns, pb_pattern, pid).code : tv->code;
        if (code.special == PB_SPECIAL_NULL)
            continue;
        if (code.special == PB_SPECIAL_DISCARD)
            return PB_STATUS_DISCARD;
        if (code.special == PB_SPECIAL_COMPLEX)
            return PB_STATUS_COMPLEX;
        *days = code.shift;
        if (x->trace)
            g_string_append_printf(x->trace, "Time phrase '%s': date shifted by %d days\n", s->toks.t[i].norm, code.shift);
        break;
    }
    return PB_STATUS_CODED;
}

static const char *discard_phrase(ctx *x, gboolean *story)
{
    const pb_sentence *s = x->s;
    int32_t pos[64];
    for (size_t i = 0; i < s->toks.n; i++) {
        int32_t p = pb_lexicon_best_at(x->d, &s->toks, NULL, i, PB_KIND_BIT(PB_ROOT_DISCARD), pos);
        if (p >= 0) {
            const pb_phrase *ph = pb_dict_phrase(x->d, (uint32_t)p);
            GString *g = g_string_new(NULL);
            for (uint32_t k = 0; k < ph->seq.count; k++)
                g_string_append_printf(g, "%s%s", k ? " " : "", s->toks.t[pos[k]].norm);
            *story = ph->target == 1;
            const char *r = pb_arena_printf(&x->c->arena, "%s discard phrase '%s'", *story ? "story" : "sentence", g->str);
            g_string_free(g, TRUE);
            return r;
        }
    }
    return NULL;
}

static const char *issues(ctx *x)
{
    const pb_dict *d = x->d;
    if (d->issues->len == 0)
        return "";
    const pb_sentence *s = x->s;
    uint8_t *claimed = pb_arena_alloc(&x->c->arena, s->toks.n + 1);
    const char *codes[64];
    int counts[64];
    size_t n = 0;
    int32_t pos[64];
    for (size_t i = 0; i < s->toks.n; i++) {
        int32_t p = pb_lexicon_best_at(d, &s->toks, claimed, i, PB_KIND_BIT(PB_ROOT_ISSUE), pos);
        if (p < 0)
            continue;
        const pb_phrase *ph = pb_dict_phrase(d, (uint32_t)p);
        for (uint32_t k = 0; k < ph->seq.count; k++)
            claimed[pos[k]] = 1;
        const pb_issue *is = &g_array_index(d->issues, pb_issue, ph->target);
        if (is->exclude || !is->code)
            continue;
        size_t j = 0;
        while (j < n && strcmp(codes[j], is->code) != 0)
            j++;
        if (j == n && n < G_N_ELEMENTS(codes)) {
            codes[n] = is->code;
            counts[n++] = 0;
        }
        if (j < n)
            counts[j]++;
    }
    if (n == 0)
        return "";
    GString *g = g_string_new(NULL);
    for (size_t j = 0; j < n; j++)
        g_string_append_printf(g, "%s%s,%d", j ? ";" : "", codes[j], counts[j]);
    const char *r = pb_arena_strdup(&x->c->arena, g->str);
    g_string_free(g, TRUE);
    return r;
}

/* What a pronoun at the start of the next sentence of the story refers to
 * (FORWARD): TABARI keeps the actor code, without its agent, of the first
 * actor named in this sentence. */
static void set_forward(const ctx *x, pb_result *out)
{
    const pb_sentence *s = x->s;
    memset(&out->forward, 0, sizeof out->forward);
    for (size_t u = 0; u < s->nunits; u++) {
        const pb_unit *un = &s->units[u];
        if (un->pronoun || !un->raw_code || s->w[un->start].deleted)
            continue;
        g_strlcpy(out->forward.code, un->raw_code, sizeof out->forward.code);
        out->forward.compound = un->group >= 0;
        out->forward.valid = TRUE;
        return;
    }
}

/* Does a story-level discard phrase occur in these tokens? */
static gboolean story_discard_in(pb_coder *c, pb_tokens *toks)
{
    pb_lexicon_index(c->dict, &c->arena, toks);
    int32_t pos[64];
    for (size_t i = 0; i < toks->n; i++) {
        int32_t p = pb_lexicon_best_at(c->dict, toks, NULL, i, PB_KIND_BIT(PB_ROOT_DISCARD), pos);
        if (p >= 0 && pb_dict_phrase(c->dict, (uint32_t)p)->target == 1)
            return TRUE;
    }
    return FALSE;
}

/* ---- the sentence ----------------------------------------------------------------------- */

void pb_code_sentence(pb_coder *c, const char *text, size_t len, pb_date date, const pb_forward *fwd,
                      pb_result *out)
{
    memset(out, 0, sizeof *out);
    pb_tokens toks;
    pb_tokenize(&c->arena, text, len, &toks);
    out->nwords = toks.n;
    const pb_options *o = c->opt;
    if ((int)toks.n < o->min_words) {
        /* too short to code, but a story-level discard ("Daily horoscope")
         * still drops its story */
        if (toks.n > 0 && story_discard_in(c, &toks)) {
            out->status = PB_STATUS_DISCARD;
            out->story_discard = TRUE;
            out->reason = "story discard phrase in a short sentence";
            return;
        }
        out->status = PB_STATUS_SHORT;
        out->reason = pb_arena_printf(&c->arena, "%zu words, fewer than the minimum of %d", toks.n, o->min_words);
        if (c->trace)
            g_string_append_printf(c->trace, "Too short: %s\n", out->reason);
        return;
    }
    pb_sentence *s = PB_ARENA_NEW(&c->arena, pb_sentence, 1);
    pb_parse(c->dict, o, &c->arena, &toks, date, o->forward ? fwd : NULL, s);
    ctx x = {c, c->dict, o, s, c->trace, PB_REF_NONE, FALSE, FALSE};
    if (c->trace)
        trace_parse(&x);
    set_forward(&x, out);
    const char *why = discard_phrase(&x, &out->story_discard);
    if (why || s->discard) {
        out->status = PB_STATUS_DISCARD;
        out->reason = why ? why : pb_arena_printf(&c->arena, "'%s' has the discard code [###]", s->why);
    } else if (s->complex) {
        out->status = PB_STATUS_COMPLEX;
        out->reason = pb_arena_printf(&c->arena, "'%s' has the complex code [+++]", s->why);
    } else if ((why = complexity(&x)) != NULL) {
        out->status = PB_STATUS_COMPLEX;
        out->reason = why;
    }
    if (out->status != PB_STATUS_CODED) {
        if (c->trace)
            g_string_append_printf(c->trace, "%s: %s\n", pb_status_name(out->status), out->reason);
        return;
    }
    int32_t days = 0;
    gboolean shifting = o->time_shift > 0 || (o->time_shift < 0 && c->dict->has_time);
    if (shifting) {
        pb_status st = time_shift(&x, &days);
        if (st != PB_STATUS_CODED) {
            out->status = st;
            out->reason = "time phrase with a special code";
            return;
        }
    }
    raw_list raws = {0};
    pb_status st = code_clauses(&x, &raws);
    if (st != PB_STATUS_CODED) {
        out->status = st;
        out->reason = st == PB_STATUS_DISCARD ? "a verb pattern has the discard code [###]"
                                              : "a verb pattern has the complex code [+++]";
        if (c->trace)
            g_string_append_printf(c->trace, "%s: %s\n", pb_status_name(st), out->reason);
        return;
    }
    event_list events = {0};
    for (size_t i = 0; i < raws.n; i++)
        expand(&x, &raws.v[i], &events);
    if (events.n == 0) {
        out->status = PB_STATUS_NO_EVENT;
        /* COMPLEX: NOSOURCE / NOTARGET: a verb that could code found no
         * source / no target; NOEVENT: nothing was coded at all */
        if (o->cx_nosource && x.lacked_source) {
            out->status = PB_STATUS_COMPLEX;
            out->reason = "no source for a coded verb (NOSOURCE)";
        } else if (o->cx_notarget && x.lacked_target) {
            out->status = PB_STATUS_COMPLEX;
            out->reason = "no target for a coded verb (NOTARGET)";
        } else if (o->cx_noevent) {
            out->status = PB_STATUS_COMPLEX;
            out->reason = "no event (NOEVENT)";
        }
        if (c->trace)
            g_string_append(c->trace, "No event.\n");
        return;
    }
    const char *iss = issues(&x);
    for (size_t i = 0; i < events.n; i++) {
        events.v[i].shift = days;
        events.v[i].date = days ? pb_date_add_days(date, days) : date;
        events.v[i].issues = iss;
    }
    out->status = PB_STATUS_CODED;
    out->events = events.v;
    out->nevents = events.n;
    if (c->trace) {
        g_string_append(c->trace, "Events:\n");
        for (size_t i = 0; i < events.n; i++)
            g_string_append_printf(c->trace, "  %s %s %s\n", events.v[i].source, events.v[i].target, events.v[i].code);
    }
}
