/* test_text.c - folding Unicode to the dictionaries' ASCII (pb_text.h). */
#include "pb_test.h"
#include "pb_text.h"

#include <string.h>

static void fold_upper(void **state)
{
    (void)state;
    struct { const char *in, *out; } cases[] = {
        {"Bogotá", "BOGOTA"}, {"Erdoğan", "ERDOGAN"}, {"Côte d’Ivoire", "COTE D'IVOIRE"},
        {"Zürich", "ZURICH"}, {"São Tomé", "SAO TOME"}, {"Łódź", "LODZ"}, {"straße", "STRASSE"},
        {"Ærø", "AERO"}, {"“quoted”", "\"QUOTED\""}, {"a—b", "A-B"}, {"Ñuñoa", "NUNOA"},
        {"Đukanović", "DUKANOVIC"}, {"İstanbul", "ISTANBUL"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *f = pb_fold_upper(cases[i].in, strlen(cases[i].in));
        assert_string_equal(f, cases[i].out);
        g_free(f);
    }
}

static void invalid_utf8_becomes_blank(void **state)
{
    (void)state;
    const char bad[] = "AB\xC3\x28" "CD\xFF";
    char *f = pb_fold_upper(bad, sizeof bad - 1);
    assert_string_equal(f, "AB (CD ");
    g_free(f);
    /* an overlong encoding of '/' is invalid */
    gunichar c;
    assert_int_equal(pb_utf8_next("\xC0\xAF", 2, &c), 1);
    assert_int_equal(c, (gunichar)-1);
    /* a truncated sequence */
    assert_int_equal(pb_utf8_next("\xE2\x80", 2, &c), 1);
    assert_int_equal(c, (gunichar)-1);
    /* a surrogate */
    assert_int_equal(pb_utf8_next("\xED\xA0\x80", 3, &c), 1);
    assert_int_equal(c, (gunichar)-1);
}

static void unmappable_is_empty(void **state)
{
    (void)state;
    char out[8];
    assert_int_equal(pb_fold(0x4E2D, out), 0);  /* CJK */
    assert_int_equal(pb_fold(0x0416, out), 0);  /* Cyrillic */
    assert_int_equal(pb_fold('a', out), 1);
    assert_string_equal(out, "a");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fold_upper),
        cmocka_unit_test(invalid_utf8_becomes_blank),
        cmocka_unit_test(unmappable_is_empty),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
