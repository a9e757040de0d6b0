// texture_budget_test.cpp — TextureBudget: count and byte limits, least-recently-used eviction that
// never takes the current slide, and the order in which neighbours are wanted (with and without loop).
#include <gtest/gtest.h>

#include "core/texture_budget.h"

namespace wg {
namespace {

using Slides = std::vector<int>;
constexpr size_t kMB = size_t(1) << 20;

TEST(TextureBudget, DefaultsAreFiveTexturesAnd48MB) {
    const TextureBudget b;
    EXPECT_EQ(b.max_textures(), 5);
    EXPECT_EQ(b.max_bytes(), 48 * kMB);
    const TextureBudget zero(0, 0);  // zero means default
    EXPECT_EQ(zero.max_textures(), 5);
    EXPECT_EQ(zero.max_bytes(), 48 * kMB);
}

TEST(TextureBudget, EvictsTheLeastRecentlyUsedPastTheCount) {
    TextureBudget b(3, 100 * kMB);
    EXPECT_EQ(b.insert(0, kMB, 0), Slides{});
    EXPECT_EQ(b.insert(1, kMB, 0), Slides{});
    EXPECT_EQ(b.insert(2, kMB, 1), Slides{});
    EXPECT_EQ(b.insert(3, kMB, 2), Slides{0});  // 0 is the oldest
    EXPECT_FALSE(b.resident(0));
    EXPECT_TRUE(b.resident(1) && b.resident(2) && b.resident(3));
    EXPECT_EQ(b.count(), 3);
    EXPECT_EQ(b.bytes(), 3 * kMB);
}

TEST(TextureBudget, TouchMakesASlideRecent) {
    TextureBudget b(3, 100 * kMB);
    b.insert(0, kMB, 0);
    b.insert(1, kMB, 0);
    b.insert(2, kMB, 0);
    b.touch(0);
    EXPECT_EQ(b.insert(3, kMB, 3), Slides{1});
    b.touch(42);  // not resident: nothing happens
    EXPECT_EQ(b.count(), 3);
}

TEST(TextureBudget, NeverEvictsTheCurrentSlideEvenIfItIsTheOldest) {
    TextureBudget b(2, 100 * kMB);
    b.insert(7, kMB, 7);
    b.insert(8, kMB, 7);
    EXPECT_EQ(b.insert(9, kMB, 7), Slides{8});
    EXPECT_TRUE(b.resident(7));
}

TEST(TextureBudget, EvictsUntilUnderTheByteBudgetOldestFirst) {
    TextureBudget b(5, 10 * kMB);
    b.insert(0, 3 * kMB, 2);
    b.insert(1, 3 * kMB, 2);
    b.insert(2, 3 * kMB, 2);
    EXPECT_EQ(b.insert(3, 6 * kMB, 2), (Slides{0, 1}));  // 15 → 12 → 9 MB
    EXPECT_EQ(b.bytes(), 9 * kMB);
    EXPECT_EQ(b.count(), 2);
}

TEST(TextureBudget, AnOversizedNewTextureIsHandedBackWhenOnlyTheCurrentRemains) {
    TextureBudget b(5, 10 * kMB);
    b.insert(0, 8 * kMB, 0);
    EXPECT_EQ(b.insert(1, 4 * kMB, 0), Slides{1});
    EXPECT_FALSE(b.resident(1));
    EXPECT_EQ(b.bytes(), 8 * kMB);
    // The current slide alone may exceed the budget: it stays.
    EXPECT_EQ(b.insert(0, 20 * kMB, 0), Slides{});
    EXPECT_EQ(b.bytes(), 20 * kMB);
}

TEST(TextureBudget, ReinsertingReplacesTheSizeInsteadOfAddingIt) {
    TextureBudget b(5, 100 * kMB);
    b.insert(4, 5 * kMB, 4);
    b.insert(4, 2 * kMB, 4);
    EXPECT_EQ(b.count(), 1);
    EXPECT_EQ(b.bytes(), 2 * kMB);
}

TEST(TextureBudget, EraseForgetsASlide) {
    TextureBudget b;
    b.insert(1, 3 * kMB, 1);
    b.insert(2, 4 * kMB, 1);
    b.erase(1);
    b.erase(99);
    EXPECT_FALSE(b.resident(1));
    EXPECT_EQ(b.count(), 1);
    EXPECT_EQ(b.bytes(), 4 * kMB);
}

TEST(TextureBudget, WalkingForwardKeepsTheWindowAroundTheCurrentSlide) {
    // As the platform does on each slide change: use (touch) what is resident, then upload the rest.
    TextureBudget b;  // 5 textures
    Slides freed;
    for (int current = 0; current < 10; ++current) {
        const Slides want = TextureBudget::wanted(current, 10, false);
        for (int s : want) b.touch(s);
        for (int s : want)
            if (!b.resident(s)) {
                const Slides e = b.insert(s, kMB, current);
                freed.insert(freed.end(), e.begin(), e.end());
            }
    }
    EXPECT_EQ(freed, (Slides{0, 1, 2, 3, 4}));  // each freed once, when it fell out of current±2
    for (int s = 5; s < 10; ++s) EXPECT_TRUE(b.resident(s)) << s;
}

TEST(TextureBudget, WantedOrderIsCurrentThenForwardAndBackOutward) {
    struct Case { int current, count; bool loop; int radius; Slides want; };
    const Case cases[] = {
        {5, 10, false, 2, {5, 6, 4, 7, 3}},
        {0, 10, false, 2, {0, 1, 2}},
        {9, 10, false, 2, {9, 8, 7}},
        {1, 10, false, 2, {1, 2, 0, 3}},
        {0, 10, true, 2, {0, 1, 9, 2, 8}},
        {9, 10, true, 2, {9, 0, 8, 1, 7}},
        {0, 3, true, 2, {0, 1, 2}},    // each once, though ±2 wraps onto the same slides
        {1, 2, true, 2, {1, 0}},
        {0, 1, true, 2, {0}},
        {0, 0, true, 2, {}},
        {12, 10, true, 2, {2, 3, 1, 4, 0}},  // out of range: wrapped with loop…
        {-1, 10, true, 1, {9, 0, 8}},
        {12, 10, false, 1, {9, 8}},          // …clamped without
        {5, 10, false, 0, {5}},
        {5, 10, true, 3, {5, 6, 4, 7, 3, 8, 2}},
    };
    for (const Case& c : cases)
        EXPECT_EQ(TextureBudget::wanted(c.current, c.count, c.loop, c.radius), c.want)
            << "current " << c.current << " of " << c.count << (c.loop ? " loop" : "") << " r" << c.radius;
}

}  // namespace
}  // namespace wg
