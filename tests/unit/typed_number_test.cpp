#include <catch2/catch.hpp>

#include "pindex/typed_number.hpp"

using namespace pindex;

namespace {
double read(const std::string& typed, const std::string& unit) {
    TypedNumber number = read_typed_number(typed, unit);
    INFO(typed << " (" << unit << "): " << number.hint);
    REQUIRE(number.value);
    return *number.value;
}
}  // namespace

TEST_CASE("numbers are read as people type them, with the question's unit") {
    CHECK(read("40", "%") == 40);
    CHECK(read("40%", "%") == 40);
    CHECK(read("40 %", "%") == 40);
    CHECK(read("40 percent", "%") == 40);
    CHECK(read("6 weeks", "weeks") == 6);
    CHECK(read("1 week", "weeks") == 1);
    CHECK(read("6 Weeks", "weeks") == 6);
    CHECK(read("0.6", "weeks") == 0.6);
    CHECK(read("0,6", "weeks") == 0.6);  // a decimal comma
    CHECK(read("3 days", "weeks") == Approx(0.6));  // working days, as the rubric's help says
    CHECK(read("15 experiments", "experiments") == 15);
    CHECK(read("2,000,000", "") == 2e6);
    CHECK(read("2 000 000", "") == 2e6);
    CHECK(read("2_000_000", "") == 2e6);
    CHECK(read("2e6", "") == 2e6);
    CHECK(read("5 million", "interactions") == 5e6);
    CHECK(read("5M", "interactions") == 5e6);
    CHECK(read("1.5m interactions", "interactions") == 1.5e6);
    CHECK(read("40k", "") == 40000);
    CHECK(read("2bn", "") == 2e9);
    CHECK(read("-3", "") == -3);  // the question's range refuses it, with its own hint
}

TEST_CASE("a range is not guessed at: its midpoint is offered") {
    TypedNumber range = read_typed_number("4-6", "weeks");
    CHECK_FALSE(range.value);
    CHECK(range.hint == "Type one number: for a range such as 4-6, its middle is 5 weeks.");
    CHECK_THAT(read_typed_number("4 to 6 weeks", "weeks").hint, Catch::Contains("its middle is 5 weeks"));
    CHECK_THAT(read_typed_number("20–30%", "%").hint, Catch::Contains("its middle is 25%"));
}

TEST_CASE("what is not one number gets a hint, never a guess") {
    for (const char* typed : {"", "ten", "5 things", "40% of them", "1,2,3", "1.2.3", "5 weeks", "nan", "inf", "1e999"}) {
        TypedNumber number = read_typed_number(typed, "%");
        INFO(typed);
        CHECK_FALSE(number.value);
        CHECK_FALSE(number.hint.empty());
    }
    CHECK_FALSE(read_typed_number("4 weeks", "%").value);  // another unit than the question's
}
