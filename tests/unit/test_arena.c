/* test_arena.c - the per-sentence bump allocator (pb_arena.h). */
#include "pb_test.h"
#include "pb_arena.h"

#include <string.h>

static void alloc_is_zeroed_and_aligned(void **state)
{
    (void)state;
    pb_arena a;
    pb_arena_init(&a, 64);
    for (int i = 1; i < 200; i++) {
        unsigned char *p = pb_arena_alloc(&a, (size_t)i);
        assert_true(((uintptr_t)p % _Alignof(max_align_t)) == 0);
        for (int k = 0; k < i; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xAB, (size_t)i);
    }
    pb_arena_free(&a);
}

/* Raw memory is left as it was, but whatever it held, a later zeroed
 * allocation of the same bytes (after a reset) reads as zero. */
static void raw_memory_does_not_leak_into_zeroed(void **state)
{
    (void)state;
    pb_arena a;
    pb_arena_init(&a, 256);
    unsigned char *raw = pb_arena_alloc_raw(&a, 200);
    assert_true(((uintptr_t)raw % _Alignof(max_align_t)) == 0);
    memset(raw, 0xCD, 200);
    unsigned char *next = pb_arena_alloc_raw(&a, 8);
    assert_true(next >= raw + 200 || next + 8 <= raw);
    pb_arena_reset(&a);
    unsigned char *p = pb_arena_alloc(&a, 200);
    assert_ptr_equal(p, raw);
    for (int k = 0; k < 200; k++)
        assert_int_equal(p[k], 0);
    pb_arena_free(&a);
}

static void strings(void **state)
{
    (void)state;
    pb_arena a;
    pb_arena_init(&a, 16);
    assert_string_equal(pb_arena_strndup(&a, "abcdef", 3), "abc");
    assert_string_equal(pb_arena_strdup(&a, "polybius"), "polybius");
    assert_string_equal(pb_arena_printf(&a, "%s-%03d", "x", 7), "x-007");
    pb_arena_free(&a);
}

/* After a warm-up the same workload allocates nothing from the system:
 * reset keeps the blocks and hands them out again. */
static void reset_reuses_memory(void **state)
{
    (void)state;
    pb_arena a;
    pb_arena_init(&a, 1024);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 500; i++)
            pb_arena_alloc(&a, 100);
        pb_arena_reset(&a);
    }
    uint64_t before = a.system_allocs;
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 500; i++)
            pb_arena_alloc(&a, 100);
        pb_arena_reset(&a);
    }
    assert_int_equal(a.system_allocs, before);
    pb_arena_free(&a);
}

static void large_allocation(void **state)
{
    (void)state;
    pb_arena a;
    pb_arena_init(&a, 32);
    char *p = pb_arena_alloc(&a, 1 << 20);
    p[(1 << 20) - 1] = 1;
    assert_non_null(p);
    pb_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(alloc_is_zeroed_and_aligned),
        cmocka_unit_test(raw_memory_does_not_leak_into_zeroed),
        cmocka_unit_test(strings),
        cmocka_unit_test(reset_reuses_memory),
        cmocka_unit_test(large_allocation),
    };
    return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
