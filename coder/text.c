/*
 * text.c - Unicode to ASCII folding for matching (pb_text.h).
 *
 * Decomposition comes from GLib (g_unichar_fully_decompose): the first
 * code point of the canonical decomposition is kept when it is ASCII, so
 * every Latin letter with diacritics folds to its base letter. A short
 * table covers letters without a decomposition (ß, æ, ø, ł, đ, þ, ı, œ)
 * and the punctuation newswire uses (quotes, dashes, spaces).
 */
#include "pb_text.h"

#include <string.h>

size_t pb_utf8_next(const char *s, size_t n, gunichar *c)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *c = u[0];
        return 1;
    }
    size_t need;
    gunichar v, min;
    if ((u[0] & 0xE0) == 0xC0) {
        need = 2; v = u[0] & 0x1F; min = 0x80;
    } else if ((u[0] & 0xF0) == 0xE0) {
        need = 3; v = u[0] & 0x0F; min = 0x800;
    } else if ((u[0] & 0xF8) == 0xF0) {
        need = 4; v = u[0] & 0x07; min = 0x10000;
    } else {
        *c = (gunichar)-1;
        return 1;
    }
    if (n < need) {
        *c = (gunichar)-1;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *c = (gunichar)-1;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *c = (gunichar)-1;
        return 1;
    }
    *c = v;
    return need;
}

typedef struct {
    gunichar c;
    const char *ascii;
} fold_entry;

/* Letters without a canonical decomposition, and punctuation. */
static const fold_entry special[] = {
    {0x00A0, " "}, {0x00AB, "\""}, {0x00BB, "\""}, {0x00B4, "'"},
    {0x00C6, "AE"}, {0x00D0, "D"}, {0x00D8, "O"}, {0x00DE, "TH"}, {0x00DF, "ss"},
    {0x00E6, "ae"}, {0x00F0, "d"}, {0x00F8, "o"}, {0x00FE, "th"},
    {0x0110, "D"}, {0x0111, "d"}, {0x0126, "H"}, {0x0127, "h"}, {0x0131, "i"},
    {0x0141, "L"}, {0x0142, "l"}, {0x0152, "OE"}, {0x0153, "oe"}, {0x0166, "T"}, {0x0167, "t"},
    {0x02BB, "'"}, {0x02BC, "'"}, {0x02BF, "'"}, {0x02BE, "'"},
    {0x2002, " "}, {0x2003, " "}, {0x2009, " "}, {0x200A, " "}, {0x202F, " "}, {0x3000, " "},
    {0x2010, "-"}, {0x2011, "-"}, {0x2012, "-"}, {0x2013, "-"}, {0x2014, "-"}, {0x2015, "-"},
    {0x2018, "'"}, {0x2019, "'"}, {0x201A, "'"}, {0x201B, "'"}, {0x2032, "'"},
    {0x201C, "\""}, {0x201D, "\""}, {0x201E, "\""}, {0x201F, "\""}, {0x2033, "\""},
    {0x2026, "..."}, {0x2212, "-"}, {0xFEFF, ""}, {0x200B, ""}, {0x00AD, ""},
};

size_t pb_fold(gunichar c, char out[8])
{
    if (c < 0x80) {
        out[0] = (char)c;
        out[1] = '\0';
        return 1;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(special); i++) {
        if (special[i].c == c) {
            size_t n = strlen(special[i].ascii);
            memcpy(out, special[i].ascii, n + 1);
            return n;
        }
    }
    gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize n = g_unichar_fully_decompose(c, FALSE, d, G_N_ELEMENTS(d));
    if (n > 0 && d[0] < 0x80 && d[0] != c) {
        out[0] = (char)d[0];
        out[1] = '\0';
        return 1;
    }
    out[0] = '\0';
    return 0;
}

char *pb_fold_upper(const char *s, size_t len)
{
    /* a code point of n bytes folds to at most n characters ("..." for the
     * 3-byte ellipsis); twice the length leaves room to spare */
    char *out = g_malloc(len * 2 + 1);
    size_t k = 0;
    size_t i = 0;
    while (i < len) {
        const unsigned char b = (unsigned char)s[i];
        if (b < 0x80) { /* ASCII, nearly every byte of a dictionary: folds to itself */
            if (b)
                out[k++] = g_ascii_toupper((char)b);
            i++;
            continue;
        }
        gunichar c;
        size_t used = pb_utf8_next(s + i, len - i, &c);
        i += used;
        char buf[8];
        if (c == (gunichar)-1 || pb_fold(c, buf) == 0) {
            out[k++] = ' ';
            continue;
        }
        for (const char *p = buf; *p && k < len * 2; p++)
            out[k++] = g_ascii_toupper(*p);
    }
    out[k] = '\0';
    return out;
}
