#pragma once
// Numbers as people type them at a prompt: "40%", "40 %", "6 weeks", "3 days" (a weeks
// question), "2,000,000", "2 000 000", "2e6", "5 million", "5M", "0,6". What cannot be read as
// one number gets a hint saying what to type instead; a range such as "4-6" is offered its
// midpoint rather than guessed at.
#include <optional>
#include <string>
#include <string_view>

namespace pindex {

struct TypedNumber {
    std::optional<double> value;
    std::string hint;  // when value is empty: why, and what to type instead
};

// Reads `typed` as a number of `unit` (a question's unit: "%", "weeks", "experiments", or "").
// The unit may follow the number, in the singular or the plural; "percent" stands for "%";
// days are read as working days for a weeks question (5 to a week, as the built-in rubric's
// help says: "3 days is 0.6 weeks").
TypedNumber read_typed_number(std::string_view typed, std::string_view unit);

}  // namespace pindex
