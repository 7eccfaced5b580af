/*
 * parse.c - TABARI's sparse parse of one sentence (pb_parse.h).
 *
 * Each step is a small function over the word array; the order matters and
 * follows TABARI's (classification, noun shifts, actor units, compounds,
 * comma clauses, clauses, pronouns). No allocation outside the arena.
 */
#include "pb_parse.h"
#include "pb_lexicon.h"

#include <stdlib.h>
#include <string.h>

const char *pb_wtype_name(int type)
{
    static const char *const names[] = {"null", "actor", "agent", "verb", "noun", "adjective", "determiner",
                                        "conjunction", "preposition", "pronoun", "auxiliary", "by", "comma",
                                        "number", "former", "time", "attribution"};
    return type >= 0 && type < (int)G_N_ELEMENTS(names) ? names[type] : "?";
}

/* ---- 1. classification --------------------------------------------------- */

static gboolean is_word(const pb_token *t, const char *w)
{
    return t->norm[0] == w[0] && strcmp(t->norm, w) == 0; /* the first letter rules out nearly all */
}

static uint8_t builtin_type(const pb_token *t)
{
    if (t->kind == PB_TK_COMMA)
        return PB_W_COMMA;
    if (t->kind == PB_TK_NUMBER)
        return PB_W_NUMBER;
    static const struct { const char *w; uint8_t type; } words[] = {
        {"A", PB_W_DETERM}, {"AN", PB_W_DETERM}, {"THE", PB_W_DETERM},
        {"AND", PB_W_CONJ}, {"OR", PB_W_CONJ}, {"BUT", PB_W_CONJ}, {"NOR", PB_W_CONJ},
        {"IN", PB_W_PREP}, {"OF", PB_W_PREP},
        {"HE", PB_W_PRONOUN}, {"HIM", PB_W_PRONOUN}, {"SHE", PB_W_PRONOUN}, {"HER", PB_W_PRONOUN},
        {"IT", PB_W_PRONOUN}, {"THEY", PB_W_PRONOUN}, {"THEM", PB_W_PRONOUN}, {"THEIR", PB_W_PRONOUN},
        {"WAS", PB_W_AUXIL}, {"WERE", PB_W_AUXIL}, {"BEEN", PB_W_AUXIL},
        {"BY", PB_W_BY}, {"FORMER", PB_W_FORMER},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
        if (is_word(t, words[i].w))
            return words[i].type;
    return PB_W_NULL;
}

static uint8_t kind_type(uint8_t kind)
{
    switch (kind) {
    case PB_ROOT_ACTOR: return PB_W_ACTOR;
    case PB_ROOT_AGENT: return PB_W_AGENT;
    case PB_ROOT_VERB: return PB_W_VERB;
    case PB_ROOT_NOUN: return PB_W_NOUN;
    case PB_ROOT_ADJECTIVE: return PB_W_ADJ;
    case PB_ROOT_TIME: return PB_W_TIME;
    case PB_ROOT_ATTRIB: return PB_W_ATTRIB;
    default: return PB_W_NULL;
    }
}

static void classify(const pb_dict *d, pb_arena *arena, pb_sentence *s)
{
    size_t n = s->toks.n;
    uint8_t *claimed = pb_arena_alloc(arena, n + 1);
    int32_t pos[64];
    for (size_t i = 0; i < n; i++) {
        s->w[i].phrase = s->w[i].head_tok = s->w[i].unit = -1;
        s->w[i].root_end = (int32_t)i;
    }
    for (size_t i = 0; i < n; i++) {
        if (claimed[i])
            continue;
        int32_t p = pb_lexicon_best_at(d, &s->toks, claimed, i, PB_KINDS_PARSE, pos);
        if (p < 0) {
            s->w[i].type = builtin_type(&s->toks.t[i]);
            continue;
        }
        const pb_phrase *ph = pb_dict_phrase(d, (uint32_t)p);
        uint8_t type = kind_type(ph->kind);
        int32_t last = (int32_t)i;
        for (uint32_t k = 0; k < ph->seq.count; k++) {
            pb_word *w = &s->w[pos[k]];
            w->type = type;
            w->phrase = p;
            w->head_tok = (int32_t)i;
            claimed[pos[k]] = 1;
            last = MAX(last, pos[k]);
        }
        s->w[i].head = 1;
        s->w[i].root_end = last;
    }
}

/* Retype every word of the phrase headed at h. */
static void retype(pb_sentence *s, size_t h, uint8_t type)
{
    for (int32_t k = (int32_t)h; k <= s->w[h].root_end; k++)
        if (s->w[k].head_tok == (int32_t)h)
            s->w[k].type = type;
}

/* ---- 2. nouns, nulls, discards ----------------------------------------------- */

/* Possessive determiners; HER is left out: it is as often an object. */
static gboolean is_possessive(const pb_token *t)
{
    return is_word(t, "ITS") || is_word(t, "HIS") || is_word(t, "THEIR") || is_word(t, "OUR") ||
           is_word(t, "MY") || is_word(t, "YOUR");
}

static void shift_and_resolve(const pb_dict *d, const pb_options *opt, pb_sentence *s)
{
    for (size_t i = 0; i < s->toks.n; i++) {
        pb_word *w = &s->w[i];
        if (!w->head)
            continue;
        const pb_phrase *ph = pb_dict_phrase(d, (uint32_t)w->phrase);
        if (w->type == PB_W_VERB) {
            const pb_verb *v = &g_array_index(d->verbs, pb_verb, ph->target);
            const pb_group *g = &g_array_index(d->groups, pb_group, v->group);
            if (i > 0 && s->w[i - 1].type == PB_W_DETERM) {
                retype(s, i, PB_W_NOUN);
            } else if (i > 0 && opt->possessive_nouns && is_possessive(&s->toks.t[i - 1])) {
                retype(s, i, PB_W_NOUN); /* "in its fight against", "their warning" */
            } else if (i > 0 && s->toks.t[i].cap && !s->toks.all_caps && !s->title_case) {
                retype(s, i, PB_W_NOUN);
            } else if (v->code.special == PB_SPECIAL_NULL && g->npatterns == 0) {
                retype(s, i, PB_W_NULL);
            } else if (v->code.special == PB_SPECIAL_DISCARD && !s->discard) {
                s->discard = TRUE;
                s->why = v->name;
            } else if (v->code.special == PB_SPECIAL_COMPLEX && !s->complex) {
                s->complex = TRUE;
                s->why = v->name;
            }
        } else if (w->type == PB_W_ACTOR) {
            uint8_t special = 0;
            const char *code = pb_actor_resolve(d, ph->target, s->date, &special);
            const pb_actor *a = &g_array_index(d->actors, pb_actor, ph->target);
            if (special == PB_SPECIAL_DISCARD && !s->discard) {
                s->discard = TRUE;
                s->why = a->parent;
            } else if (special == PB_SPECIAL_COMPLEX && !s->complex) {
                s->complex = TRUE;
                s->why = a->parent;
            }
            if (!code)
                retype(s, i, PB_W_NOUN);
        }
    }
}

/* ---- 3. actor units ------------------------------------------------------------ */

static gboolean code_has_segment(const char *code, const char *seg)
{
    size_t n = strlen(code), k = strlen(seg);
    for (size_t i = 0; i + k <= n; i += 3)
        if (memcmp(code + i, seg, k) == 0)
            return TRUE;
    return FALSE;
}

/* Compose one actor code with an agent code. */
/* IMPLIED ROLES: an armed group's fighters are the group (IMGMOSISI, not
 * IMGMOSISIREB), an organisation's officials are the organisation (IGOUNO
 * for "UN official"), as CAMEO datasets code them. */
static gboolean role_implied(const char *actor, const char *agent)
{
    static const char *const armed[] = {"REB", "MIL", "INS", "UAF", "SEP"};
    if (g_str_has_prefix(actor, "IMG"))
        for (size_t i = 0; i < G_N_ELEMENTS(armed); i++)
            if (strcmp(agent, armed[i]) == 0)
                return TRUE;
    return g_str_has_prefix(actor, "IGO") && (strcmp(agent, "GOV") == 0 || strcmp(agent, "ELI") == 0);
}

static const char *compose_one(pb_arena *arena, const char *actor, const char *agent, gboolean prefix, gboolean implied)
{
    if (!agent || !*agent)
        return actor;
    if (code_has_segment(actor, agent) || (implied && role_implied(actor, agent)))
        return actor;
    /* an agent of several segments adds only the ones the actor lacks:
     * ESPGOV with GOVMIL is ESPGOVMIL, not ESPGOVGOVMIL */
    size_t n = strlen(agent);
    if (n > 3 && n % 3 == 0) {
        GString *add = g_string_new(NULL);
        for (size_t i = 0; i + 3 <= n; i += 3) {
            char seg[4] = {agent[i], agent[i + 1], agent[i + 2], '\0'};
            if (!code_has_segment(actor, seg))
                g_string_append(add, seg);
        }
        const char *r = add->len == 0 ? actor
                        : prefix ? pb_arena_printf(arena, "%s%s", add->str, actor)
                                 : pb_arena_printf(arena, "%s%s", actor, add->str);
        g_string_free(add, TRUE);
        return r;
    }
    return prefix ? pb_arena_printf(arena, "%s%s", agent, actor) : pb_arena_printf(arena, "%s%s", actor, agent);
}

static const char *compose(pb_arena *arena, const char *actor, const char *agent, gboolean prefix, gboolean implied)
{
    if (!strchr(actor, '/'))
        return compose_one(arena, actor, agent, prefix, implied);
    GString *g = g_string_new(NULL);
    char **parts = g_strsplit(actor, "/", -1);
    for (char **p = parts; *p; p++) {
        if (g->len)
            g_string_append_c(g, '/');
        g_string_append(g, compose_one(arena, *p, agent, prefix, implied));
    }
    g_strfreev(parts);
    const char *r = pb_arena_strdup(arena, g->str);
    g_string_free(g, TRUE);
    return r;
}

static int compare_units(const void *a, const void *b)
{
    const pb_unit *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

static void index_units(pb_sentence *s)
{
    for (size_t i = 0; i < s->toks.n; i++)
        s->w[i].unit = -1;
    for (size_t u = 0; u < s->nunits; u++)
        for (int32_t k = s->units[u].start; k <= s->units[u].end; k++)
            s->w[k].unit = (int32_t)u;
}

/* TITLE NAMES: a title is followed by the name of its holder. "Iranian
 * Foreign Minister Abbas Araqchi" is one actor, the title's, whether the
 * name is in the dictionaries (a second actor phrase, folded in) or not
 * ("U.S. envoy Steve Witkoff": up to four capitalised words that are in
 * no dictionary). Headlines in title case and text in capitals have no
 * usable capitals, so there only dictionary names are folded in. */
static void absorb_title_names(pb_sentence *s)
{
    gboolean caps_usable = !s->title_case && !s->toks.all_caps;
    size_t kept = 0;
    for (size_t k = 0; k < s->nunits; k++) {
        pb_unit *u = &s->units[k];
        if (kept > 0) {
            pb_unit *prev = &s->units[kept - 1];
            /* a bare country right before an entry of that country ("Chinese
             * President Xi", where PRESIDENT_XI is itself an entry) */
            if (prev->agent < 0 && prev->actor >= 0 && u->actor >= 0 && !u->pronoun && !prev->pronoun &&
                u->start == prev->end + 1 && prev->code && u->code && strlen(prev->code) == 3 &&
                strlen(u->code) > 3 && strncmp(u->code, prev->code, 3) == 0 && !strchr(u->code, '/')) {
                u->start = prev->start;
                *prev = *u;
                continue;
            }
            /* a person phrase right after a titled actor */
            if (prev->agent >= 0 && prev->actor >= 0 && prev->agent_tok > prev->actor_tok && u->agent < 0 &&
                u->start == prev->end + 1 && !u->pronoun) {
                prev->end = u->end;
                continue;
            }
        }
        s->units[kept++] = *u;
    }
    s->nunits = kept;
    for (size_t k = 0; k < s->nunits && caps_usable; k++) {
        pb_unit *u = &s->units[k];
        if (u->agent < 0 || u->actor < 0 || u->agent_tok < u->actor_tok)
            continue;
        int32_t e = u->end, added = 0;
        int32_t limit = k + 1 < s->nunits ? s->units[k + 1].start : (int32_t)s->toks.n;
        while (e + 1 < limit && added < 4 && s->w[e + 1].type == PB_W_NULL && s->toks.t[e + 1].cap &&
               s->toks.t[e + 1].kind == PB_TK_WORD) {
            e++;
            added++;
        }
        u->end = e;
    }
    index_units(s);
}

static void build_units(const pb_dict *d, const pb_options *opt, pb_arena *arena, pb_sentence *s)
{
    size_t n = s->toks.n;
    s->units = PB_ARENA_NEW(arena, pb_unit, n + 1);
    s->nunits = 0;
    for (size_t i = 0; i < n; i++) {
        pb_word *w = &s->w[i];
        if (!w->head || w->type != PB_W_ACTOR)
            continue;
        const pb_phrase *ph = pb_dict_phrase(d, (uint32_t)w->phrase);
        pb_unit *u = &s->units[s->nunits++];
        u->start = (int32_t)i;
        u->end = w->root_end;
        u->actor_tok = (int32_t)i;
        u->agent_tok = u->agent = u->group = u->ref_unit = u->ref_group = -1;
        u->actor = (int32_t)ph->target;
        u->code = pb_actor_resolve(d, ph->target, s->date, &u->special);
        u->raw_code = u->code;
    }
    index_units(s);
    /* Agents: after the actor, before it, or before IN/OF (the) actor. */
    for (size_t g = 0; g < n; g++) {
        pb_word *w = &s->w[g];
        if (!w->head || w->type != PB_W_AGENT)
            continue;
        int32_t ge = w->root_end;
        int32_t target = -1;
        /* FORMER may stand between the actor and its agent */
        size_t before = (g > 1 && s->w[g - 1].type == PB_W_FORMER) ? g - 2 : g - 1;
        if (g > 0 && s->w[before].unit >= 0 && s->units[s->w[before].unit].end == (int32_t)before &&
            s->units[s->w[before].unit].agent < 0)
            target = s->w[before].unit;
        if (target < 0 && (size_t)ge + 1 < n && s->w[ge + 1].unit >= 0 &&
            s->units[s->w[ge + 1].unit].start == ge + 1 && s->units[s->w[ge + 1].unit].agent < 0)
            target = s->w[ge + 1].unit;
        if (target < 0 && (size_t)ge + 2 < n && s->w[ge + 1].type == PB_W_PREP) {
            size_t k = (size_t)ge + 2;
            if (k < n && s->w[k].type == PB_W_DETERM)
                k++;
            if (k < n && s->w[k].unit >= 0 && s->units[s->w[k].unit].start == (int32_t)k &&
                s->units[s->w[k].unit].agent < 0)
                target = s->w[k].unit;
        }
        const pb_phrase *ph = pb_dict_phrase(d, (uint32_t)w->phrase);
        if (target >= 0) {
            pb_unit *u = &s->units[target];
            u->agent = (int32_t)ph->target;
            u->agent_tok = (int32_t)g;
            u->start = MIN(u->start, (int32_t)g);
            u->end = MAX(u->end, ge);
            /* the words between an agent and IN/OF actor belong to the unit */
            index_units(s);
        } else if (opt->convert_agents) {
            pb_unit *u = &s->units[s->nunits++];
            u->start = (int32_t)g;
            u->end = ge;
            u->actor_tok = u->actor = u->group = u->ref_unit = u->ref_group = -1;
            u->agent_tok = (int32_t)g;
            u->agent = (int32_t)ph->target;
            u->code = "";
            qsort(s->units, s->nunits, sizeof(pb_unit), compare_units);
            index_units(s);
        }
    }
    /* FORMER and final codes. */
    for (size_t k = 0; k < s->nunits; k++) {
        pb_unit *u = &s->units[k];
        if (u->start > 0 && s->w[u->start - 1].type == PB_W_FORMER)
            u->former = 1;
        if (u->agent_tok > 0 && s->w[u->agent_tok - 1].type == PB_W_FORMER)
            u->former = 1;
        if (u->agent < 0)
            continue;
        const pb_agent *a = &g_array_index(d->agents, pb_agent, u->agent);
        const char *role = u->former ? "ELI" : a->code;
        if (u->actor < 0) {
            u->code = a->prefix ? pb_arena_printf(arena, "%s~", role) : pb_arena_printf(arena, "~%s", role);
            u->special = PB_SPECIAL_NONE;
        } else if (u->code) {
            u->code = compose(arena, u->code, role, a->prefix, opt->implied_roles);
        }
    }
    if (opt->title_names)
        absorb_title_names(s);
}

/* ---- 4. compounds ------------------------------------------------------------- */

/* Can the words (from, to) join two actors of a compound? TABARI's
 * np , np ... CONJ np: right after an actor comes a comma and/or a
 * conjunction, then any determiners and adjectives of the next actor. After
 * the conjunction (*after_conj), actors separated only by determiners and
 * adjectives stay in the compound. */
static gboolean compound_link(const pb_sentence *s, int32_t from, int32_t to, gboolean after_conj,
                              gboolean *conj)
{
    int32_t k = from;
    gboolean comma = FALSE;
    *conj = FALSE;
    if (k < to && s->w[k].type == PB_W_COMMA) {
        comma = TRUE;
        k++;
    }
    if (k < to && s->w[k].type == PB_W_CONJ && strcmp(s->toks.t[k].norm, "BUT") != 0) {
        *conj = TRUE;
        k++;
    }
    int modifiers = 0;
    for (; k < to; k++, modifiers++)
        if (s->w[k].type != PB_W_DETERM && s->w[k].type != PB_W_ADJ)
            return FALSE;
    if (*conj)
        return TRUE;                 /* "A and B", "A, and B" */
    if (comma)
        return !after_conj;          /* "A, B, ... and C": commas only before the conjunction */
    /* after the conjunction: "and the evil A awful B", "and A's B" */
    const pb_token *prev = &s->toks.t[from - 1];
    gboolean possessive = prev->len > 2 && prev->norm[prev->len - 2] == '\'' && prev->norm[prev->len - 1] == 'S';
    return after_conj && (modifiers > 0 || possessive);
}

static void find_compounds(pb_arena *arena, pb_sentence *s)
{
    size_t n = s->toks.n;
    s->groups = PB_ARENA_NEW(arena, pb_group_span, s->nunits + 1);
    s->ngroups = 0;
    size_t u = 0;
    while (u < s->nunits) {
        size_t last = u;
        size_t closed = u; /* last unit of a complete "... CONJ np" list */
        gboolean after_conj = FALSE;
        for (size_t v = u + 1; v < s->nunits; v++) {
            gboolean conj;
            if (!compound_link(s, s->units[last].end + 1, s->units[v].start, after_conj, &conj))
                break;
            last = v;
            if (conj)
                after_conj = TRUE;
            if (after_conj)
                closed = v;
        }
        if (closed > u) {
            int32_t gid = (int32_t)s->ngroups++;
            s->groups[gid].first_unit = (int32_t)u;
            s->groups[gid].last_unit = (int32_t)closed;
            for (size_t k = u; k <= closed; k++)
                s->units[k].group = gid;
            for (int32_t k = s->units[u].end + 1; k < s->units[closed].start; k++)
                if (s->w[k].type == PB_W_COMMA || s->w[k].type == PB_W_CONJ)
                    if (s->w[k].unit < 0)
                        s->w[k].absorbed = 1;
            u = closed + 1;
        } else {
            u++;
        }
    }
    /* Compound nouns (noun AND adj* noun) and adjectives (adj AND adj). */
    for (size_t k = 1; k + 1 < n; k++) {
        if (s->w[k].type != PB_W_CONJ || s->w[k].absorbed)
            continue;
        uint8_t before = s->w[k - 1].type;
        size_t j = k + 1;
        if (before == PB_W_ADJ && s->w[j].type == PB_W_ADJ) {
            s->w[k].absorbed = 1;
            continue;
        }
        while (j < n && s->w[j].type == PB_W_ADJ)
            j++;
        if (before == PB_W_NOUN && j < n && s->w[j].type == PB_W_NOUN)
            s->w[k].absorbed = 1;
    }
}

/* SHARED AGENTS: in "Indian and Pakistani troops" or "the French and Saudi
 * foreign ministers" the agent written after the last member of a compound
 * belongs to every member before it that has no agent of its own. TABARI
 * gives it to the last member only (IND and PAKMIL). */
static void share_agents(const pb_dict *d, const pb_options *opt, pb_arena *arena, pb_sentence *s)
{
    for (size_t g = 0; g < s->ngroups; g++) {
        const pb_unit *last = &s->units[s->groups[g].last_unit];
        if (last->agent < 0 || last->actor < 0 || last->agent_tok < last->actor_tok)
            continue;
        const pb_agent *a = &g_array_index(d->agents, pb_agent, last->agent);
        const char *role = last->former ? "ELI" : a->code;
        for (int32_t k = s->groups[g].first_unit; k < s->groups[g].last_unit; k++) {
            pb_unit *u = &s->units[k];
            if (u->agent >= 0 || u->actor < 0 || u->pronoun || !u->code)
                continue;
            u->agent = last->agent;
            u->code = compose(arena, u->code, role, a->prefix, opt->implied_roles);
        }
    }
}

/* ---- 5. comma clauses ------------------------------------------------------------ */

static void delete_span(pb_sentence *s, int32_t from, int32_t to)
{
    for (int32_t k = from; k <= to; k++)
        s->w[k].deleted = 1;
}

/* SUBCLAUSES: the words [from, to) open with a participle: at most two
 * words outside the dictionaries ("even", "thereby") and then a verb in
 * -ING that codes an event ("..., even imposing sanctions on him"). */
static gboolean opens_participle(const pb_dict *d, const pb_sentence *s, int32_t from, int32_t to)
{
    int skipped = 0;
    for (int32_t k = from; k < to; k++) {
        const pb_word *w = &s->w[k];
        if (w->type == PB_W_VERB && w->head) {
            const char *norm = s->toks.t[k].norm;
            size_t len = strlen(norm);
            if (len <= 5 || strcmp(norm + len - 3, "ING") != 0)
                return FALSE;
            /* "..., saying ...", "..., adding ...": a verb whose own code is
             * null or subordinate reports speech; the clause stays a comma
             * clause */
            const pb_verb *v = &g_array_index(d->verbs, pb_verb, pb_dict_phrase(d, (uint32_t)w->phrase)->target);
            return v->code.special != PB_SPECIAL_NULL && !(v->code.flags & PB_CODE_SUBORDINATE);
        }
        if (w->type != PB_W_NULL || ++skipped > 2)
            return FALSE;
    }
    return FALSE;
}

/* SUBCLAUSES: word k is a subordinating conjunction followed by a clause
 * with its own subject: an actor (or pronoun) and, within three words
 * after it, a verb ("after the U.S. captured ...", "since Trump's
 * warning ..."). */
static gboolean opens_subordinate(const pb_sentence *s, int32_t k)
{
    static const char *const subordinators[] = {"AFTER", "BEFORE", "SINCE", "WHILE", "WHEN", "BECAUSE",
                                                "ALTHOUGH", "THOUGH", "WHEREAS", "UNTIL", "ONCE"};
    int32_t n = (int32_t)s->toks.n;
    if (s->w[k].type != PB_W_NULL)
        return FALSE;
    gboolean listed = FALSE;
    for (size_t i = 0; i < G_N_ELEMENTS(subordinators) && !listed; i++)
        listed = is_word(&s->toks.t[k], subordinators[i]);
    if (!listed)
        return FALSE;
    int32_t j = k + 1;
    while (j < n && s->w[j].type == PB_W_DETERM)
        j++;
    if (j >= n)
        return FALSE;
    int32_t subject_end;
    if (s->w[j].type == PB_W_PRONOUN)
        subject_end = j;
    else if (s->w[j].unit >= 0 && s->units[s->w[j].unit].start == j)
        subject_end = s->units[s->w[j].unit].end;
    else
        return FALSE;
    for (int32_t v = subject_end + 1; v < n && v <= subject_end + 3; v++) {
        const pb_word *w = &s->w[v];
        if (w->type == PB_W_VERB && w->head)
            return TRUE;
        if (w->type != PB_W_NULL && w->type != PB_W_AUXIL)
            return FALSE;
    }
    return FALSE;
}

/* Would a verb be left outside [from, to] once it is deleted? */
static gboolean verb_outside(const pb_sentence *s, int32_t from, int32_t to)
{
    for (int32_t k = 0; k < (int32_t)s->toks.n; k++)
        if ((k < from || k > to) && !s->w[k].deleted && s->w[k].type == PB_W_VERB)
            return TRUE;
    return FALSE;
}

static void delete_comma_clauses(const pb_dict *d, const pb_options *opt, pb_arena *arena, pb_sentence *s)
{
    if (opt->comma_off)
        return;
    size_t n = s->toks.n;
    int32_t *commas = PB_ARENA_NEW(arena, int32_t, n + 2);
    size_t nc = 0;
    for (size_t k = 0; k < n; k++)
        if (s->w[k].type == PB_W_COMMA && !s->w[k].absorbed)
            commas[nc++] = (int32_t)k;
    if (nc == 0)
        return;
    /* Commas pair up: a deleted clause consumes both of its commas, and the
     * next clause starts at the following comma; a clause that is kept
     * passes its closing comma on as the opening of the next one. */
    size_t c = 0;
    int32_t words = commas[0];
    if (opt->subclauses && opens_subordinate(s, 0)) {
        c = 1; /* "After X did A, Y did B": the comma ends the subordinate clause */
    } else if (words > opt->comma_bmin && words <= opt->comma_bmax) {
        delete_span(s, 0, commas[0]);
        s->deleted_clauses++;
        c = 1;
    }
    while (c < nc) {
        int32_t clause_end = c + 1 < nc ? commas[c + 1] : (int32_t)n;
        if (opt->subclauses && opens_participle(d, s, commas[c] + 1, clause_end)) {
            s->w[commas[c]].opens = PB_CLAUSE_PARTICIPLE; /* kept and coded on its own */
            c += 1;
            continue;
        }
        if (c + 1 < nc) {
            words = commas[c + 1] - commas[c] - 1;
            if (words > opt->comma_min && words <= opt->comma_max) {
                delete_span(s, commas[c], commas[c + 1]);
                s->deleted_clauses++;
                c += 2;
            } else {
                c += 1;
            }
            continue;
        }
        words = (int32_t)n - commas[c] - 1;
        /* SUBCLAUSES: after a short opening phrase ("On Monday, Russia
         * accused Ukraine ...") the last clause is the sentence itself */
        gboolean opening = opt->subclauses && c == 0 && commas[0] <= 4 && !verb_outside(s, commas[0], (int32_t)n - 1);
        if (words > opt->comma_emin && words <= opt->comma_emax && !opening) {
            delete_span(s, commas[c], (int32_t)n - 1);
            s->deleted_clauses++;
        }
        break;
    }
}

/* ---- 6. clauses ------------------------------------------------------------------- */

static void split_clauses(const pb_options *opt, pb_arena *arena, pb_sentence *s)
{
    size_t n = s->toks.n;
    s->clauses = PB_ARENA_NEW(arena, pb_clause, n + 1);
    s->nclauses = 0;
    int32_t start = 0;
    uint8_t kind = PB_CLAUSE_MAIN;
    for (size_t k = 0; k < n; k++) {
        pb_word *w = &s->w[k];
        if (w->absorbed || w->deleted)
            continue;
        uint8_t next;
        if (w->type == PB_W_CONJ) {
            s->conjunctions++;
            next = PB_CLAUSE_MAIN;
        } else if (w->type == PB_W_COMMA && w->opens == PB_CLAUSE_PARTICIPLE) {
            next = PB_CLAUSE_PARTICIPLE;
        } else if (opt->subclauses && opens_subordinate(s, (int32_t)k)) {
            w->opens = PB_CLAUSE_SUBORDINATE;
            next = PB_CLAUSE_SUBORDINATE;
        } else if (w->type == PB_W_COMMA && kind == PB_CLAUSE_SUBORDINATE && start == 1 && opt->subclauses) {
            next = PB_CLAUSE_MAIN; /* "After the U.S. captured Maduro, Trump warned ..." */
        } else {
            continue;
        }
        if ((int32_t)k > start || w->type == PB_W_CONJ)
            s->clauses[s->nclauses++] = (pb_clause){start, (int32_t)k, kind};
        start = (int32_t)k + 1;
        kind = next;
    }
    s->clauses[s->nclauses++] = (pb_clause){start, (int32_t)n, kind};
    for (size_t c = 0; c < s->nclauses; c++)
        for (int32_t k = s->clauses[c].start; k < s->clauses[c].end; k++)
            s->w[k].clause = (int32_t)c;
}

/* ---- 7. pronouns ------------------------------------------------------------------- */

static gboolean usable(const pb_sentence *s, const pb_unit *u)
{
    return !u->pronoun && !s->w[u->start].deleted && u->code != NULL;
}

static void resolve_pronouns(pb_arena *arena, pb_sentence *s, const pb_forward *fwd)
{
    size_t n = s->toks.n;
    size_t added = 0;
    for (size_t p = 0; p < n; p++) {
        pb_word *w = &s->w[p];
        if (w->type != PB_W_PRONOUN || w->deleted)
            continue;
        s->pronouns++;
        const char *x = s->toks.t[p].norm;
        gboolean plural = strcmp(x, "THEY") == 0 || strcmp(x, "THEM") == 0 || strcmp(x, "THEIR") == 0;
        int32_t ref_unit = -1, ref_group = -1;
        for (size_t u = 0; u < s->nunits; u++) {
            const pb_unit *c = &s->units[u];
            if (c->start >= (int32_t)p)
                break;
            if (!usable(s, c))
                continue;
            if (plural) {
                if (c->group >= 0) {
                    ref_group = c->group;
                    break;
                }
                if (ref_unit < 0)
                    ref_unit = (int32_t)u;
            } else if (c->group < 0) {
                ref_unit = (int32_t)u;
                break;
            }
        }
        if (ref_group >= 0)
            ref_unit = -1;
        const char *forward = NULL;
        if (ref_unit < 0 && ref_group < 0) {
            if (!fwd || !fwd->valid)
                continue;
            forward = pb_arena_strdup(arena, fwd->code);
        }
        pb_unit *u = &s->units[s->nunits + added++];
        memset(u, 0, sizeof *u);
        u->start = u->end = (int32_t)p;
        u->actor_tok = u->agent_tok = u->actor = u->agent = u->group = -1;
        u->ref_unit = ref_unit;
        u->ref_group = ref_group;
        u->pronoun = 1;
        u->forward = forward;
        u->code = forward ? forward : ref_unit >= 0 ? s->units[ref_unit].code : "";
    }
    if (added == 0)
        return;
    /* Keep units in text order; remap references. */
    size_t total = s->nunits + added;
    int32_t *old_of_new = PB_ARENA_NEW(arena, int32_t, total);
    int32_t *new_of_old = PB_ARENA_NEW(arena, int32_t, total);
    pb_unit *sorted = PB_ARENA_NEW(arena, pb_unit, total + 1);
    for (size_t i = 0; i < total; i++)
        old_of_new[i] = (int32_t)i;
    /* insertion sort by start: few units */
    for (size_t i = 1; i < total; i++) {
        int32_t v = old_of_new[i];
        size_t j = i;
        while (j > 0 && s->units[old_of_new[j - 1]].start > s->units[v].start) {
            old_of_new[j] = old_of_new[j - 1];
            j--;
        }
        old_of_new[j] = v;
    }
    for (size_t i = 0; i < total; i++) {
        sorted[i] = s->units[old_of_new[i]];
        new_of_old[old_of_new[i]] = (int32_t)i;
    }
    for (size_t i = 0; i < total; i++)
        if (sorted[i].ref_unit >= 0)
            sorted[i].ref_unit = new_of_old[sorted[i].ref_unit];
    s->units = sorted;
    s->nunits = total;
    for (size_t g = 0; g < s->ngroups; g++) {
        s->groups[g].first_unit = new_of_old[s->groups[g].first_unit];
        s->groups[g].last_unit = new_of_old[s->groups[g].last_unit];
    }
    index_units(s);
}

/* ---- the whole parse ------------------------------------------------------------- */

void pb_parse(const pb_dict *d, const pb_options *opt, pb_arena *arena, const pb_tokens *toks,
              pb_date date, const pb_forward *fwd, pb_sentence *s)
{
    memset(s, 0, sizeof *s);
    s->toks = *toks;
    s->reflexive_pronouns = opt->reflexive_pronouns;
    if (!s->toks.indexed)
        pb_lexicon_index(d, arena, &s->toks);
    s->date = date;
    s->w = PB_ARENA_NEW(arena, pb_word, toks->n + 1);
    /* A headline in title case ("Trump Invites Colombian President ...")
     * capitalises its verbs too: the capitalisation rule is off, as TABARI
     * turns it off for text in capitals. Short function words stay lower
     * case in titles, so count the words of four letters or more. */
    size_t long_words = 0, capitalised = 0;
    for (size_t i = 0; i < toks->n; i++) {
        if (toks->t[i].kind != PB_TK_WORD || toks->t[i].len < 4)
            continue;
        long_words++;
        capitalised += toks->t[i].cap;
    }
    s->title_case = long_words >= 3 && capitalised * 10 >= long_words * 8;
    classify(d, arena, s);
    shift_and_resolve(d, opt, s);
    build_units(d, opt, arena, s);
    /* room for pronoun units */
    pb_unit *grown = PB_ARENA_NEW(arena, pb_unit, s->nunits + toks->n + 1);
    memcpy(grown, s->units, sizeof(pb_unit) * s->nunits);
    s->units = grown;
    find_compounds(arena, s);
    if (opt->shared_agents)
        share_agents(d, opt, arena, s);
    delete_comma_clauses(d, opt, arena, s);
    split_clauses(opt, arena, s);
    resolve_pronouns(arena, s, fwd);
}

/* ---- references ------------------------------------------------------------------ */

static size_t unit_codes(const pb_sentence *s, int32_t u, const char **out, size_t max, pb_arena *arena, int depth);

static size_t group_codes(const pb_sentence *s, int32_t g, const char **out, size_t max, pb_arena *arena, int depth)
{
    size_t n = 0;
    for (int32_t u = s->groups[g].first_unit; u <= s->groups[g].last_unit && n < max; u++)
        n += unit_codes(s, u, out + n, max - n, arena, depth + 1);
    return n;
}

static size_t unit_codes(const pb_sentence *s, int32_t u, const char **out, size_t max, pb_arena *arena, int depth)
{
    const pb_unit *x = &s->units[u];
    if (depth > 4 || max == 0)
        return 0;
    if (x->pronoun && !x->forward) {
        if (x->ref_group >= 0)
            return group_codes(s, x->ref_group, out, max, arena, depth);
        if (x->ref_unit >= 0)
            return unit_codes(s, x->ref_unit, out, max, arena, depth + 1);
        return 0;
    }
    if (!x->code || !*x->code)
        return 0;
    if (!strchr(x->code, '/')) {
        out[0] = x->code;
        return 1;
    }
    size_t n = 0;
    const char *p = x->code;
    while (*p && n < max) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len)
            out[n++] = pb_arena_strndup(arena, p, len);
        p += len + (slash ? 1 : 0);
    }
    return n;
}

size_t pb_ref_codes(const pb_sentence *s, pb_ref r, const char **out, size_t max, pb_arena *arena)
{
    if (r.group >= 0)
        return group_codes(s, r.group, out, max, arena, 0);
    if (r.unit >= 0)
        return unit_codes(s, r.unit, out, max, arena, 0);
    return 0;
}

void pb_ref_span(const pb_sentence *s, pb_ref r, int32_t *start, int32_t *end)
{
    if (r.group >= 0) {
        *start = s->units[s->groups[r.group].first_unit].start;
        *end = s->units[s->groups[r.group].last_unit].end;
    } else if (r.unit >= 0) {
        *start = s->units[r.unit].start;
        *end = s->units[r.unit].end;
    } else {
        *start = *end = -1;
    }
}

pb_ref pb_unit_ref(const pb_sentence *s, int32_t u)
{
    const pb_unit *x = &s->units[u];
    /* TABARI: the first actor of a compound stands for the compound; a
     * later member found on its own is just that actor. */
    if (x->group >= 0 && s->groups[x->group].first_unit == u)
        return (pb_ref){-1, x->group};
    /* a pronoun stays itself: it is compared by its own (raw) code and
     * expands to what it refers to */
    return (pb_ref){u, -1};
}

gboolean pb_ref_is_compound(const pb_sentence *s, pb_ref r)
{
    if (r.group >= 0)
        return TRUE;
    if (r.unit >= 0) {
        const pb_unit *x = &s->units[r.unit];
        if (x->pronoun && !x->forward)
            return x->ref_group >= 0 ||
                   (x->ref_unit >= 0 && pb_ref_is_compound(s, (pb_ref){x->ref_unit, -1}));
        return x->code && strchr(x->code, '/') != NULL;
    }
    return FALSE;
}

/* The code that identifies a unit when TABARI compares actors: its own
 * composed code, or, for a pronoun, the actor code (without agent) of what
 * it refers to - for a compound, of its first actor. */
static const char *unit_code_string(const pb_sentence *s, int32_t u, int32_t *group)
{
    const pb_unit *x = &s->units[u];
    if (!x->pronoun || x->forward)
        return x->code && *x->code ? x->code : NULL;
    int32_t r = x->ref_group >= 0 ? s->groups[x->ref_group].first_unit : x->ref_unit;
    (void)group;
    if (r < 0)
        return NULL;
    const pb_unit *y = &s->units[r];
    return y->raw_code ? y->raw_code : y->code;
}

/* The unit whose code identifies a reference: a compound is identified by
 * its first actor (TABARI compares single actors' codes). */
static int32_t primary_unit(const pb_sentence *s, pb_ref r)
{
    return r.group >= 0 ? s->groups[r.group].first_unit : r.unit;
}

/* The unit a reference finally stands for: a pronoun's antecedent. */
static int32_t antecedent(const pb_sentence *s, pb_ref r)
{
    int32_t u = primary_unit(s, r);
    const pb_unit *x = &s->units[u];
    if (x->pronoun && !x->forward)
        return x->ref_group >= 0 ? s->groups[x->ref_group].first_unit : x->ref_unit;
    return u;
}

gboolean pb_ref_same(const pb_sentence *s, pb_ref a, pb_ref b)
{
    if (!pb_ref_set(a) || !pb_ref_set(b))
        return FALSE;
    /* REFLEXIVE PRONOUNS: "Libyan troops ... from their stronghold": a
     * pronoun is the same actor as its antecedent, whatever codes they
     * print as (TABARI compares codes only) */
    if (s->reflexive_pronouns) {
        int32_t ua = antecedent(s, a), ub = antecedent(s, b);
        if (ua >= 0 && ua == ub)
            return TRUE;
    }
    int32_t ga = -1, gb = -1;
    const char *ca = unit_code_string(s, primary_unit(s, a), &ga);
    const char *cb = unit_code_string(s, primary_unit(s, b), &gb);
    return ca && cb && strcmp(ca, cb) == 0;
}
