/*
 * options.c - parsing TABARI .options commands (pb_options.h).
 *
 * TABARI chose the command by its first letters and found arguments by
 * substring search. polybius is stricter where that would silently do
 * something else: a command must be one of the known names (abbreviated
 * to at least four letters, as TABARI documents), and an unknown SET
 * parameter is reported. Values are parsed the way TABARI's validation
 * suite writes them ("MIN = 2", "VERBS[5]", "= TRUE", "= T").
 */
#include "pb_options.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void pb_options_init(pb_options *o)
{
    memset(o, 0, sizeof *o);
    o->code_by = PB_CODE_BY_CLAUSE;
    o->min_words = 8;
    o->time_shift = -1;
    o->label = TRUE;
    o->dup_warning = TRUE;
    o->check_dominant = TRUE;
    o->comma_min = 2;
    o->comma_max = 10;
    o->comma_bmin = 128;
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 10;
    o->labels = g_ptr_array_new_with_free_func(g_free);
}

void pb_options_clear(pb_options *o)
{
    if (o->labels)
        g_ptr_array_unref(o->labels);
    o->labels = NULL;
}

void pb_options_copy(pb_options *dst, const pb_options *src)
{
    *dst = *src;
    dst->labels = g_ptr_array_new_with_free_func(g_free);
    if (src->labels)
        for (guint i = 0; i < src->labels->len; i++)
            g_ptr_array_add(dst->labels, g_strdup(g_ptr_array_index(src->labels, i)));
}

/* Upper-cased copy with runs of blanks squeezed to one. */
static char *normalise(const char *s)
{
    GString *g = g_string_new(NULL);
    gboolean blank = FALSE;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            blank = g->len > 0;
            continue;
        }
        if (blank)
            g_string_append_c(g, ' ');
        blank = FALSE;
        g_string_append_c(g, (char)toupper((unsigned char)*s));
    }
    return g_string_free(g, FALSE);
}

/* Value of "NAME = value" or "NAME[value]" in args; -1 when absent. */
static int int_param(const char *args, const char *name)
{
    const char *p = args;
    size_t n = strlen(name);
    while ((p = strstr(p, name)) != NULL) {
        /* the name must start a word */
        if (p != args && isalpha((unsigned char)p[-1])) {
            p += n;
            continue;
        }
        const char *q = p + n;
        while (*q == ' ' || *q == '=' || *q == '[')
            q++;
        if (isdigit((unsigned char)*q))
            return atoi(q);
        p += n;
    }
    return -1;
}

static gboolean has_word(const char *args, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = args; (p = strstr(p, word)) != NULL; p += n) {
        gboolean start = p == args || !isalnum((unsigned char)p[-1]);
        gboolean end = !isalnum((unsigned char)p[n]);
        if (start && end)
            return TRUE;
    }
    return FALSE;
}

/* TRUE / T / FALSE / F after '='; -1 when neither. */
static int bool_value(const char *args)
{
    const char *eq = strchr(args, '=');
    const char *v = eq ? eq + 1 : args;
    while (*v == ' ')
        v++;
    if (*v == 'T')
        return 1;
    if (*v == 'F')
        return 0;
    return -1;
}

/* Code inside the first [...] after keyword, into out. */
static gboolean bracket_after(const char *args, const char *keyword, char *out, size_t size)
{
    const char *p = strstr(args, keyword);
    if (!p)
        return FALSE;
    p = strchr(p, '[');
    if (!p)
        return FALSE;
    const char *e = strchr(p, ']');
    if (!e)
        return FALSE;
    p++;
    while (p < e && *p == ' ')
        p++;
    size_t n = 0;
    while (p < e && *p != ' ' && n + 1 < size)
        out[n++] = *p++;
    out[n] = '\0';
    return n > 0;
}

static gboolean apply_set(pb_options *o, const char *args, char **msg, gboolean *warning)
{
    if (g_str_has_prefix(args, "CODE") && !g_str_has_prefix(args, "CODE NONRESTRICTIVE")) {
        if (strstr(args, "CLAUSE"))
            o->code_by = PB_CODE_BY_CLAUSE;
        else if (strstr(args, "SENTENCE"))
            o->code_by = PB_CODE_BY_SENTENCE;
        else if (strstr(args, "ALL"))
            o->code_by = PB_CODE_ALL;
        else {
            *msg = g_strdup_printf("SET: CODE expects BY CLAUSE, BY SENTENCE or ALL, found '%s'", args);
            return FALSE;
        }
        return TRUE;
    }
    if (g_str_has_prefix(args, "MINIMUM") || g_str_has_prefix(args, "MIN ")) {
        const char *eq = strchr(args, '=');
        if (!eq || !isdigit((unsigned char)eq[1 + (eq[1] == ' ')])) {
            *msg = g_strdup_printf("SET: MINIMUM WORDS expects '= number', found '%s'", args);
            return FALSE;
        }
        o->min_words = atoi(eq + 1);
        return TRUE;
    }
    struct { const char *name; gboolean *flag; } flags[] = {
        {"CONVERT", &o->convert_agents}, {"FBIS", &o->fbis}, {"YYYY", &o->yyyy},
        {"LABEL", &o->label}, {"DUP", &o->dup_warning}, {"CHECK DOMINANT", &o->check_dominant},
        {"SUBCLAUSES", &o->subclauses}, {"POSSESSIVE NOUNS", &o->possessive_nouns},
        {"REFLEXIVE PRONOUNS", &o->reflexive_pronouns}, {"LONG PASSIVE", &o->long_passive},
        {"TITLE NAMES", &o->title_names}, {"IMPLIED ROLES", &o->implied_roles},
        {"COMPOUND PAIRS", &o->compound_pairs}, {"SHARED AGENTS", &o->shared_agents},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(flags); i++) {
        if (g_str_has_prefix(args, flags[i].name)) {
            int v = bool_value(args);
            if (v < 0) {
                *msg = g_strdup_printf("SET: %s expects TRUE or FALSE, found '%s'", flags[i].name, args);
                return FALSE;
            }
            *flags[i].flag = v;
            return TRUE;
        }
    }
    if (g_str_has_prefix(args, "TIME")) {
        int v = bool_value(args);
        if (v < 0) {
            *msg = g_strdup_printf("SET: TIME SHIFT expects TRUE or FALSE, found '%s'", args);
            return FALSE;
        }
        o->time_shift = v;
        return TRUE;
    }
    /* Settings polybius accepts without acting on them, with the reason. */
    static const struct { const char *name, *why; } ignored[] = {
        {"ACTOR USAGE", "only concerns TABARI's interactive program"},
        {"AGENT USAGE", "only concerns TABARI's interactive program"},
        {"VERB USAGE", "only concerns TABARI's interactive program"},
        {"SKIP", "only concerns TABARI's interactive program"},
        {"HAIKU", "only concerns TABARI's interactive program"},
        {"MATCH", "only concerns TABARI's interactive program"},
        {"ALLCAPS", "is not needed: polybius notices text in capitals by itself"},
        {"CODE NONRESTRICTIVE", "is not implemented"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(ignored); i++) {
        if (g_str_has_prefix(args, ignored[i].name)) {
            *warning = TRUE;
            *msg = g_strdup_printf("SET: %s %s; ignored", ignored[i].name, ignored[i].why);
            return TRUE;
        }
    }
    *msg = g_strdup_printf("unknown SET: parameter '%s'", args);
    return FALSE;
}

static gboolean apply_complex(pb_options *o, const char *args, char **msg)
{
    struct { const char *name; int *value; } nums[] = {
        {"VERBS", &o->cx_verbs}, {"ACTORS", &o->cx_actors}, {"PRONOUNS", &o->cx_pronouns},
        {"CONJ", &o->cx_conj}, {"COMMA", &o->cx_comma}, {"LATEVERB", &o->cx_lateverb},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(nums); i++)
        *nums[i].value = MAX(0, int_param(args, nums[i].name));
    o->cx_noactprior = has_word(args, "NOACTPRIOR");
    o->cx_noactafter = has_word(args, "NOACTAFTER");
    o->cx_noverb = has_word(args, "NOVERB");
    o->cx_nosource = has_word(args, "NOSOURCE");
    o->cx_notarget = has_word(args, "NOTARGET");
    o->cx_noevent = has_word(args, "NOEVENT");
    o->cx_explain = has_word(args, "EXPLAIN");
    (void)msg;
    return TRUE;
}

static gboolean apply_comma(pb_options *o, const char *args, char **msg)
{
    if (has_word(args, "OFF")) {
        o->comma_off = TRUE;
        return TRUE;
    }
    o->comma_off = FALSE;
    struct { const char *name; int *value; } nums[] = {
        {"BMIN", &o->comma_bmin}, {"BMAX", &o->comma_bmax}, {"EMIN", &o->comma_emin},
        {"EMAX", &o->comma_emax}, {"MIN", &o->comma_min}, {"MAX", &o->comma_max},
    };
    gboolean any = FALSE;
    for (size_t i = 0; i < G_N_ELEMENTS(nums); i++) {
        int v = int_param(args, nums[i].name);
        if (v >= 0) {
            *nums[i].value = v;
            any = TRUE;
        }
    }
    if (!any) {
        *msg = g_strdup_printf("COMMA: expects OFF or MIN=, MAX=, BMIN=, BMAX=, EMIN=, EMAX=; found '%s'", args);
        return FALSE;
    }
    return TRUE;
}

static gboolean apply_default(pb_options *o, const char *args, char **msg)
{
    if (has_word(args, "OFF")) {
        o->default_source[0] = o->default_target[0] = '\0';
        o->default_prior = o->default_after = FALSE;
        return TRUE;
    }
    gboolean any = FALSE;
    if (bracket_after(args, "SOURCE", o->default_source, sizeof o->default_source)) {
        any = TRUE;
        const char *src = strstr(args, "SOURCE");
        const char *tgt = strstr(args, "TARGET");
        const char *prior = strstr(args, "PRIOR");
        o->default_prior = prior && prior > src && (!tgt || prior < tgt || tgt < src);
    }
    if (bracket_after(args, "TARGET", o->default_target, sizeof o->default_target)) {
        any = TRUE;
        const char *tgt = strstr(args, "TARGET");
        const char *after = strstr(args, "AFTER");
        o->default_after = after && after > tgt;
    }
    if (!any) {
        *msg = g_strdup_printf("DEFAULT: expects OFF or SOURCE [code] / TARGET [code]; found '%s'", args);
        return FALSE;
    }
    return TRUE;
}

static gboolean apply_output(pb_options *o, const char *args)
{
    struct { const char *name; unsigned bit; } words[] = {
        {"ID", PB_OUT_ID}, {"STORY", PB_OUT_STORY}, {"STO", PB_OUT_STORY}, {"SENTENCE", PB_OUT_SENTENCE},
        {"SEN", PB_OUT_SENTENCE}, {"SENT", PB_OUT_SENTENCE}, {"DOC", PB_OUT_DOC}, {"DOCUMENT", PB_OUT_DOC},
        {"TEXT", PB_OUT_TEXT}, {"TEX", PB_OUT_TEXT}, {"PATTERN", PB_OUT_PATTERN}, {"SHIFT", PB_OUT_SHIFT},
        {"MATCH", PB_OUT_MATCH}, {"ACTORS", PB_OUT_ACTORS}, {"ACTOR", PB_OUT_ACTORS},
        {"AGENTS", PB_OUT_AGENTS}, {"PARENT", PB_OUT_PARENT}, {"LOCS", PB_OUT_LOCS},
    };
    unsigned bits = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
        if (has_word(args, words[i].name))
            bits |= words[i].bit;
    o->output = bits;
    return TRUE;
}

gboolean pb_options_apply(pb_options *o, const char *line, char **message, gboolean *warning)
{
    *message = NULL;
    *warning = FALSE;
    char *s = normalise(line);
    gboolean ok = TRUE;
    const char *colon = strchr(s, ':');
    if (s[0] == '\0') {
        g_free(s);
        return TRUE;
    }
    if (!colon) {
        *message = g_strdup_printf("expected 'COMMAND: arguments', found '%s'", s);
        g_free(s);
        return FALSE;
    }
    char *cmd = g_strndup(s, (gsize)(colon - s));
    g_strstrip(cmd);
    const char *args = colon + 1;
    while (*args == ' ')
        args++;
    size_t n = strlen(cmd);
    struct { const char *name; int id; } commands[] = {
        {"SET", 1}, {"COMPLEX", 2}, {"COMMA", 3}, {"DEFAULT", 4}, {"OUTPUT", 5},
        {"FORWARD", 6}, {"NONEVENTS", 7}, {"LABEL", 8},
    };
    int id = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        const char *name = commands[i].name;
        if (strcmp(cmd, name) == 0 || (n >= 4 && strncmp(cmd, name, n) == 0 && n <= strlen(name))) {
            id = commands[i].id;
            break;
        }
    }
    switch (id) {
    case 1:
        ok = apply_set(o, args, message, warning);
        break;
    case 2:
        ok = apply_complex(o, args, message);
        break;
    case 3:
        ok = apply_comma(o, args, message);
        break;
    case 4:
        ok = apply_default(o, args, message);
        break;
    case 5:
        ok = apply_output(o, args);
        break;
    case 6: {
        char **parts = g_strsplit(args, " ", -1);
        o->forward_doc = has_word(args, "DOC");
        o->forward = !has_word(args, "OFF");
        g_strlcpy(o->forward_fmt, parts[0] ? parts[0] : "", sizeof o->forward_fmt);
        g_strfreev(parts);
        break;
    }
    case 7:
        if (has_word(args, "ONLY"))
            o->nonevents = PB_NONEVENTS_ONLY;
        else if (has_word(args, "TRUE"))
            o->nonevents = PB_NONEVENTS_TRUE;
        else if (has_word(args, "FALSE"))
            o->nonevents = PB_NONEVENTS_FALSE;
        else {
            *message = g_strdup_printf("NONEVENTS: expects TRUE, ONLY or FALSE; found '%s'", args);
            ok = FALSE;
        }
        break;
    case 8:
        if (!strchr(args, '=')) {
            *message = g_strdup_printf("LABEL: expects 'code = text'; found '%s'", args);
            ok = FALSE;
        } else {
            g_ptr_array_add(o->labels, g_strdup(args));
        }
        break;
    default:
        *message = g_strdup_printf("unknown options command '%s:'", cmd);
        ok = FALSE;
    }
    g_free(cmd);
    g_free(s);
    return ok;
}
