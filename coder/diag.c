/*
 * diag.c - collection and printing of file:line:col diagnostics (pb_diag.h).
 */
#include "pb_diag.h"

#include <stdarg.h>

G_DEFINE_QUARK(polybius-error-quark, pb_error)

static void diag_free(gpointer p)
{
    pb_diag *d = p;
    g_free(d->file);
    g_free(d->message);
    g_free(d);
}

void pb_diags_init(pb_diags *d)
{
    d->items = g_ptr_array_new_with_free_func(diag_free);
    d->errors = d->warnings = 0;
}

void pb_diags_clear(pb_diags *d)
{
    if (d->items)
        g_ptr_array_unref(d->items);
    d->items = NULL;
    d->errors = d->warnings = 0;
}

void pb_diags_add(pb_diags *d, pb_severity sev, const char *file, int line, int col,
                  const char *fmt, ...)
{
    pb_diag *x = g_new0(pb_diag, 1);
    va_list ap;
    va_start(ap, fmt);
    x->message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    x->file = g_strdup(file ? file : "-");
    x->line = line;
    x->col = col;
    x->severity = sev;
    g_ptr_array_add(d->items, x);
    if (sev == PB_SEV_ERROR)
        d->errors++;
    else
        d->warnings++;
}

void pb_diags_print(const pb_diags *d, FILE *out, gboolean with_warnings)
{
    for (guint i = 0; i < d->items->len; i++) {
        const pb_diag *x = g_ptr_array_index(d->items, i);
        if (x->severity == PB_SEV_WARNING && !with_warnings)
            continue;
        const char *kind = x->severity == PB_SEV_ERROR ? "error" : "warning";
        if (x->line > 0 && x->col > 0)
            fprintf(out, "%s:%d:%d: %s: %s\n", x->file, x->line, x->col, kind, x->message);
        else if (x->line > 0)
            fprintf(out, "%s:%d: %s: %s\n", x->file, x->line, kind, x->message);
        else
            fprintf(out, "%s: %s: %s\n", x->file, kind, x->message);
    }
}

const pb_diag *pb_diags_first(const pb_diags *d, pb_severity sev)
{
    for (guint i = 0; i < d->items->len; i++) {
        const pb_diag *x = g_ptr_array_index(d->items, i);
        if (x->severity == sev)
            return x;
    }
    return NULL;
}
