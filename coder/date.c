/*
 * date.c - parsing, formatting and arithmetic of YYYYMMDD dates (pb_date.h).
 */
#include "pb_date.h"

#include <string.h>

gboolean pb_date_valid(int year, int month, int day)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return FALSE;
    return day <= g_date_get_days_in_month((GDateMonth)month, (GDateYear)year);
}

static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static pb_date make(int y, int m, int d)
{
    return pb_date_valid(y, m, d) ? (pb_date)(y * 10000 + m * 100 + d) : 0;
}

static int pivot_year(int yy)
{
    return yy <= 30 ? 2000 + yy : 1900 + yy;
}

pb_date pb_date_parse(const char *s, size_t len)
{
    if (len == 10 && s[4] == '-' && s[7] == '-') {
        int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
        return (y < 0 || m < 0 || d < 0) ? 0 : make(y, m, d);
    }
    if (len == 8) {
        int v = digits(s, 8);
        return v < 0 ? 0 : make(v / 10000, v / 100 % 100, v % 100);
    }
    if (len == 6) {
        int v = digits(s, 6);
        return v < 0 ? 0 : make(pivot_year(v / 10000), v / 100 % 100, v % 100);
    }
    return 0;
}

pb_date pb_date_parse_str(const char *s)
{
    return s ? pb_date_parse(s, strlen(s)) : 0;
}

pb_date pb_date_parse_dict(const char *s, size_t len, gboolean *warn)
{
    *warn = FALSE;
    if (len < 6)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    if (len == 7) {
        *warn = TRUE;
        return pb_date_parse(s, 6);
    }
    if (len > 8) {
        *warn = TRUE;
        return pb_date_parse(s, 8);
    }
    return pb_date_parse(s, len);
}

void pb_date_format(pb_date d, char *buf)
{
    if (d <= 0) {
        buf[0] = '\0';
        return;
    }
    int y = d / 10000 % 10000, m = d / 100 % 100, day = d % 100;
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + day / 10);
    buf[9] = (char)('0' + day % 10);
    buf[10] = '\0';
}

pb_date pb_date_add_days(pb_date d, int days)
{
    if (d <= 0 || days == 0)
        return d;
    GDate g;
    g_date_clear(&g, 1);
    g_date_set_dmy(&g, (GDateDay)(d % 100), (GDateMonth)(d / 100 % 100), (GDateYear)(d / 10000));
    if (days > 0)
        g_date_add_days(&g, (guint)days);
    else
        g_date_subtract_days(&g, (guint)-days);
    return (pb_date)(g_date_get_year(&g) * 10000 + g_date_get_month(&g) * 100 + g_date_get_day(&g));
}

pb_date pb_date_today(void)
{
    GDateTime *now = g_date_time_new_now_utc();
    pb_date d = (pb_date)(g_date_time_get_year(now) * 10000 + g_date_time_get_month(now) * 100 +
                          g_date_time_get_day_of_month(now));
    g_date_time_unref(now);
    return d;
}
