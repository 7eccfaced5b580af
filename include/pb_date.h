/*
 * pb_date.h - calendar dates as integers YYYYMMDD.
 *
 * Dates in dictionaries (date-restricted actor codes) and in corpora come
 * as YYYY-MM-DD, YYYYMMDD or TABARI's YYMMDD (years 00-30 are 2000-2030,
 * 31-99 are 1931-1999). Internally a date is the integer YYYYMMDD, so that
 * comparisons are integer comparisons; 0 means "no date".
 */
#ifndef PB_DATE_H
#define PB_DATE_H

#include <glib.h>
#include <stddef.h>

typedef gint32 pb_date;

/* Parse exactly the bytes [s, s+len): "YYYY-MM-DD", "YYYYMMDD" or "YYMMDD".
 * Returns 0 when the text is not a valid calendar date. */
pb_date pb_date_parse(const char *s, size_t len);
pb_date pb_date_parse_str(const char *s);
/* TABARI's reading of a date inside a dictionary code: 6 digits YYMMDD,
 * 8 digits YYYYMMDD; PETRARCH reads more than 8 digits as YYYYMMDD and
 * ignores the rest, and 7 digits as YYMMDD plus one ignored digit.
 * *warn is set when digits were ignored. */
pb_date pb_date_parse_dict(const char *s, size_t len, gboolean *warn);
gboolean pb_date_valid(int year, int month, int day);
/* Write "YYYY-MM-DD" into buf (at least 11 bytes). */
void pb_date_format(pb_date d, char *buf);
/* d shifted by a number of days (negative: back). */
pb_date pb_date_add_days(pb_date d, int days);

/* Today's date (UTC). */
pb_date pb_date_today(void);

#endif
