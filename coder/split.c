/*
 * split.c - newswire sentence splitting (pb_split.h).
 *
 * A sentence ends at a line break, or at '.', '!', '?' or an ellipsis
 * (optionally followed by closing quotes and brackets) when whitespace and
 * a sentence start follow: a capital letter or a digit, optionally behind
 * opening quotes or brackets. A period does not end a sentence after a
 * title (Mr., Gen.), a month before a number (Jan. 6), an initial (J.), a
 * company suffix (Corp.) or a dotted abbreviation (U.S.) unless the next
 * word is one that usually starts a sentence (The, He, But ...).
 * Decimals (3.5) never split because no whitespace follows the period.
 */
#include "pb_split.h"

#include <ctype.h>
#include <string.h>

static const char *const titles[] = {
    "MR", "MRS", "MS", "DR", "PROF", "GEN", "COL", "LT", "SGT", "CAPT", "CPT", "MAJ", "ADM", "GOV", "SEN", "REP",
    "REV", "ST", "SR", "JR", "PRES", "AMB", "HON", "GOV", "CMDR", "CDR", "BRIG", "CPL", "PVT", "MSGR", "FR", "SGT",
    "SUPT", "INSP", "ATTY", "MT", "FT", "GENS", "REPS", "SENS", "DRS", "PROFS", "ESQ", "NO", "NOS", "VS", "ETC",
    "APPROX", "DEPT", "EST", "FIG", "VOL", "ART", "SEC", "P", "PP", "CF", "AL",
};
static const char *const months[] = {"JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC"};
static const char *const companies[] = {"INC", "CORP", "CO", "LTD", "BROS", "PLC", "LLC", "AG", "SA", "NV", "BHD"};
/* Words that usually start a sentence: after an abbreviation, a capital
 * word from this list still means a new sentence. */
static const char *const openers[] = {
    "THE", "A", "AN", "IT", "ITS", "HE", "SHE", "THEY", "WE", "I", "YOU", "THIS", "THAT", "THESE", "THOSE",
    "BUT", "AND", "OR", "IN", "ON", "AT", "AFTER", "BEFORE", "WHEN", "WHILE", "HOWEVER", "MEANWHILE", "THERE",
    "HIS", "HER", "THEIR", "OUR", "SOME", "MANY", "MOST", "NO", "NOT", "IF", "AS", "ALSO", "YET", "STILL",
};

static gboolean in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(w, list[i]) == 0)
            return TRUE;
    return FALSE;
}

static gboolean is_open_punct(unsigned char c)
{
    return c == '"' || c == '\'' || c == '(' || c == '[';
}

/* UTF-8 typographic quotes: “ ” ‘ ’ « » (3 or 2 bytes). */
static size_t quote_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] >= 0x98 && u[2] <= 0x9F))
        return 3;
    if (n >= 2 && u[0] == 0xC2 && (u[1] == 0xAB || u[1] == 0xBB))
        return 2;
    return 0;
}

/* The word (letters and periods) that ends just before position end,
 * upper-cased without periods into buf; *dotted: it contains an inner
 * period (U.S.); *single: one letter (an initial). */
static void word_before(const char *s, size_t end, char *buf, size_t size, gboolean *dotted, gboolean *single)
{
    size_t b = end;
    while (b > 0 && (isalpha((unsigned char)s[b - 1]) || s[b - 1] == '.'))
        b--;
    size_t n = 0, letters = 0, segment = 0, longest = 0;
    gboolean inner = FALSE, lower = FALSE;
    for (size_t i = b; i < end && n + 1 < size; i++) {
        if (s[i] == '.') {
            inner = TRUE;
            segment = 0;
            continue;
        }
        lower |= islower((unsigned char)s[i]) != 0;
        longest = MAX(longest, ++segment);
        buf[n++] = (char)toupper((unsigned char)s[i]);
        letters++;
    }
    buf[n] = '\0';
    *single = letters == 1;
    /* an abbreviation with inner periods: U.S., N.A.T.O., a.m. - not
     * a domain name such as y.org */
    *dotted = inner && (!lower || longest <= 2);
}

/* The next word after position i (skipping opening punctuation),
 * upper-cased; its first byte in *first. */
static void word_after(const char *s, size_t len, size_t i, char *buf, size_t size, unsigned char *first)
{
    while (i < len) {
        size_t q = quote_len(s + i, len - i);
        if (q) {
            i += q;
            continue;
        }
        if (!is_open_punct((unsigned char)s[i]))
            break;
        i++;
    }
    *first = i < len ? (unsigned char)s[i] : 0;
    size_t n = 0;
    while (i < len && n + 1 < size && (isalnum((unsigned char)s[i]) || s[i] == '\'')) {
        buf[n++] = (char)toupper((unsigned char)s[i]);
        i++;
    }
    buf[n] = '\0';
}

static gboolean starts_sentence(unsigned char c)
{
    return isupper(c) || isdigit(c) || c >= 0x80; /* accented capitals start with a high byte */
}

static void push(GArray *out, const char *s, size_t start, size_t end)
{
    while (start < end && isspace((unsigned char)s[start]))
        start++;
    while (end > start && isspace((unsigned char)s[end - 1]))
        end--;
    if (end > start) {
        pb_span sp = {start, end};
        g_array_append_val(out, sp);
    }
}

void pb_split_sentences(const char *s, size_t len, GArray *out)
{
    size_t start = 0;
    size_t i = 0;
    while (i < len) {
        char c = s[i];
        if (c == '\n' || c == '\r') {
            push(out, s, start, i);
            while (i < len && (s[i] == '\n' || s[i] == '\r'))
                i++;
            start = i;
            continue;
        }
        gboolean ellipsis = (unsigned char)c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                            (unsigned char)s[i + 2] == 0xA6;
        if (c != '.' && c != '!' && c != '?' && !ellipsis) {
            i++;
            continue;
        }
        size_t p = i;
        size_t j = i + (ellipsis ? 3 : 1);
        while (j < len && (s[j] == '.' || s[j] == '!' || s[j] == '?'))
            j++;
        /* closing quotes and brackets */
        for (;;) {
            size_t q = j < len ? quote_len(s + j, len - j) : 0;
            if (q) {
                j += q;
                continue;
            }
            if (j < len && (s[j] == '"' || s[j] == '\'' || s[j] == ')' || s[j] == ']')) {
                j++;
                continue;
            }
            break;
        }
        if (j < len && !isspace((unsigned char)s[j])) {
            i = j;
            continue;
        }
        size_t k = j;
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k >= len || s[k] == '\n' || s[k] == '\r') {
            i = j;
            continue; /* the line break ends the sentence */
        }
        char next[32];
        unsigned char first;
        word_after(s, len, k, next, sizeof next, &first);
        gboolean boundary = starts_sentence(first);
        if (boundary && c == '.' && j == p + 1) {
            char prev[32];
            gboolean dotted, single;
            word_before(s, p, prev, sizeof prev, &dotted, &single);
            gboolean opener = in_list(next, openers, G_N_ELEMENTS(openers));
            if (in_list(prev, titles, G_N_ELEMENTS(titles)) && !(strcmp(prev, "NO") == 0 && !isdigit(first)))
                boundary = FALSE;
            else if (in_list(prev, months, G_N_ELEMENTS(months)) && isdigit(first))
                boundary = FALSE;
            else if (single && isupper((unsigned char)prev[0]) && !opener)
                boundary = FALSE; /* an initial: "J. Smith" */
            else if ((dotted || in_list(prev, companies, G_N_ELEMENTS(companies))) && !opener)
                boundary = FALSE; /* "the U.S. Navy", "Acme Corp. shares" */
        }
        if (boundary) {
            push(out, s, start, j);
            start = k;
        }
        i = j;
    }
    push(out, s, start, len);
}
