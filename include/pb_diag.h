/*
 * pb_diag.h - diagnostics: errors and warnings with file, line and column.
 *
 * Loaders never print. They append every problem they find to a pb_diags
 * list and carry on where the fix is unambiguous (a warning) or skip the
 * entry (an error). Commands decide what to print and which exit status
 * follows. Fatal conditions that stop a loader (a file that cannot be read)
 * are reported through GError in the PB_ERROR domain.
 */
#ifndef PB_DIAG_H
#define PB_DIAG_H

#include <glib.h>
#include <stdio.h>

#define PB_ERROR pb_error_quark()
GQuark pb_error_quark(void);

typedef enum {
    PB_ERROR_IO = 1,     /* a file cannot be opened, read or written */
    PB_ERROR_DICT,       /* a dictionary has errors */
    PB_ERROR_INPUT,      /* a corpus or option value is malformed */
    PB_ERROR_USAGE,      /* the command line is wrong */
    PB_ERROR_INTERRUPTED /* a signal stopped the run */
} pb_error_code;

typedef enum { PB_SEV_WARNING, PB_SEV_ERROR } pb_severity;

typedef struct {
    char *file;
    int line;            /* 1-based; 0 when the problem concerns the whole file */
    int col;             /* 1-based; 0 when unknown */
    pb_severity severity;
    char *message;
} pb_diag;

typedef struct {
    GPtrArray *items;    /* of pb_diag* */
    int errors;
    int warnings;
} pb_diags;

void pb_diags_init(pb_diags *d);
void pb_diags_clear(pb_diags *d);
void pb_diags_add(pb_diags *d, pb_severity sev, const char *file, int line, int col,
                  const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* One line per diagnostic: "file:line:col: error: message". */
void pb_diags_print(const pb_diags *d, FILE *out, gboolean with_warnings);
/* The first diagnostic of the given severity, or NULL. */
const pb_diag *pb_diags_first(const pb_diags *d, pb_severity sev);

#endif
