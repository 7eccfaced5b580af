/* test_date.c - dates as YYYYMMDD integers (pb_date.h). */
#include "pb_test.h"
#include "pb_date.h"

static void parse_formats(void **state)
{
    (void)state;
    assert_int_equal(pb_date_parse_str("2026-01-08"), 20260108);
    assert_int_equal(pb_date_parse_str("20260108"), 20260108);
    assert_int_equal(pb_date_parse_str("950101"), 19950101);
    assert_int_equal(pb_date_parse_str("300101"), 20300101); /* pivot: 00-30 are 2000s */
    assert_int_equal(pb_date_parse_str("310101"), 19310101);
    assert_int_equal(pb_date_parse_str("000423"), 20000423);
}

static void invalid_dates(void **state)
{
    (void)state;
    assert_int_equal(pb_date_parse_str("2026-02-30"), 0);
    assert_int_equal(pb_date_parse_str("2026-13-01"), 0);
    assert_int_equal(pb_date_parse_str("20260100"), 0);
    assert_int_equal(pb_date_parse_str("2026-1-8"), 0);
    assert_int_equal(pb_date_parse_str("yesterday"), 0);
    assert_int_equal(pb_date_parse_str(""), 0);
    assert_int_equal(pb_date_parse_str(NULL), 0);
    assert_int_equal(pb_date_parse_str("2024-02-29"), 20240229); /* leap year */
    assert_int_equal(pb_date_parse_str("2023-02-29"), 0);
}

static void dictionary_dates(void **state)
{
    (void)state;
    gboolean warn;
    assert_int_equal(pb_date_parse_dict("20170120", 8, &warn), 20170120);
    assert_false(warn);
    assert_int_equal(pb_date_parse_dict("170120", 6, &warn), 20170120);
    assert_int_equal(pb_date_parse_dict("2004017", 7, &warn), 20200401); /* TABARI reads 6 digits */
    assert_true(warn);
    assert_int_equal(pb_date_parse_dict("1920030320", 10, &warn), 19200303);
    assert_true(warn);
    assert_int_equal(pb_date_parse_dict("12345", 5, &warn), 0);
    assert_int_equal(pb_date_parse_dict("2017012x", 8, &warn), 0);
}

static void arithmetic_and_format(void **state)
{
    (void)state;
    char buf[11];
    pb_date_format(20260108, buf);
    assert_string_equal(buf, "2026-01-08");
    pb_date_format(0, buf);
    assert_string_equal(buf, "");
    assert_int_equal(pb_date_add_days(20251231, 1), 20260101);
    assert_int_equal(pb_date_add_days(20240301, -1), 20240229);
    assert_int_equal(pb_date_add_days(19950101, -7), 19941225);
    assert_int_equal(pb_date_add_days(20260108, 0), 20260108);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_formats),
        cmocka_unit_test(invalid_dates),
        cmocka_unit_test(dictionary_dates),
        cmocka_unit_test(arithmetic_and_format),
    };
    return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
