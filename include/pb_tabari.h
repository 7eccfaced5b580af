/*
 * pb_tabari.h - TABARI text records: the input format of TABARI and of
 * its validation suite.
 *
 *   950101  DEMO-01                 header: date (YYMMDD, or YYYYMMDD) and id
 *   Arnor is about to restore ...   text lines, joined with blanks
 *   / * ... { ARN / GON / 064 } * /  comments ("/ *" "* /" without blanks), removed
 *   <blank line>                    end of the record
 *
 * Lines between records that do not start with a digit are ignored. A
 * comment may span lines; a blank line always ends the record.
 */
#ifndef PB_TABARI_H
#define PB_TABARI_H

#include <glib.h>

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
    const char *data;
    size_t len;
    size_t pos;
    int lineno;
    gboolean yyyy;     /* headers carry 8-digit dates */
} pb_tabari_reader;

void pb_tabari_reader_init(pb_tabari_reader *r, const char *data, size_t len);
/* Next record; FALSE at the end. The record's strings are new (free with
 * pb_tabari_record_clear). */
gboolean pb_tabari_next(pb_tabari_reader *r, pb_tabari_record *rec);
void pb_tabari_record_clear(pb_tabari_record *rec);

#endif
