/*
 * pb_tabari.h - TABARI text records: the input format of TABARI and of
 * its validation suite.
 *
 *   950101  DEMO-01                 header: date (YYMMDD or YYYYMMDD) and id
 *   Arnor is about to restore ...   text lines, joined with blanks
 *   / * ... { ARN / GON / 064 } * / comments ("/ *" "* /" without blanks), removed
 *   <blank line>                    end of the record
 *
 * Lines between records that do not start with a digit are ignored. A
 * comment may span lines; a blank line always ends the record. Records
 * are read one at a time from a pb_input stream.
 */
#ifndef PB_TABARI_H
#define PB_TABARI_H

#include <glib.h>

#include "pb_corpus.h"
#include "pb_date.h"

typedef struct {
    int line;          /* line number of the header */
    char *date_text;   /* the date as written */
    pb_date date;      /* 0 when unreadable */
    char *id;          /* rest of the header line, trimmed */
    char *text;        /* the record's text, comments removed, lines joined with blanks */
    char *comment;     /* everything from the first comment to the end of the record */
} pb_tabari_record;

typedef struct {
    pb_input *in;
    gboolean yyyy;     /* headers carry 8-digit dates */
    GString *line;
} pb_tabari_reader;

void pb_tabari_reader_init(pb_tabari_reader *r, pb_input *in);
void pb_tabari_reader_clear(pb_tabari_reader *r);
/* Next record; FALSE at the end (or on a read error, with *error set). */
gboolean pb_tabari_next(pb_tabari_reader *r, pb_tabari_record *rec, GError **error);
void pb_tabari_record_clear(pb_tabari_record *rec);

#endif
