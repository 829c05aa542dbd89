#include "pindex/typed_number.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "pindex/text.hpp"

namespace pindex {

namespace {

std::string lower_trimmed(std::string_view text) {
    std::string result;
    for (char c : text) result += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return trim(result);
}

bool ends_with_word(const std::string& text, std::string_view word, std::string& rest) {
    if (word.empty() || text.size() < word.size() || text.compare(text.size() - word.size(), word.size(), word) != 0)
        return false;
    std::string before = text.substr(0, text.size() - word.size());
    // "5m" and "5 m" are both a suffix; "5am" is not "5" followed by "m".
    if (!before.empty() && std::isalpha(static_cast<unsigned char>(before.back()))) return false;
    rest = lower_trimmed(before);
    return true;
}

// Strips the question's unit ("weeks" or "week", "%" or "percent"): true when one was there.
bool strip_unit(std::string& text, std::string_view unit) {
    std::string lowered = lower_trimmed(unit);
    if (lowered.empty()) return false;
    std::vector<std::string> spellings{lowered};
    if (lowered == "%") spellings = {"%", "percent", "per cent", "pct"};
    else if (lowered.size() > 1 && lowered.back() == 's') spellings.push_back(lowered.substr(0, lowered.size() - 1));
    for (const auto& spelling : spellings) {
        std::string rest;
        if (ends_with_word(text, spelling, rest)) {
            text = rest;
            return true;
        }
    }
    return false;
}

// "5 million", "5M", "40k": the multiplier a trailing word or letter stands for.
double strip_multiplier(std::string& text) {
    static const std::array<std::pair<std::string_view, double>, 10> kMultipliers{{
        {"thousand", 1e3}, {"k", 1e3}, {"million", 1e6}, {"mln", 1e6}, {"mn", 1e6}, {"m", 1e6},
        {"billion", 1e9}, {"bn", 1e9}, {"b", 1e9}, {"trillion", 1e12},
    }};
    for (const auto& [word, factor] : kMultipliers) {
        std::string rest;
        if (ends_with_word(text, word, rest) && !rest.empty()) {
            text = rest;
            return factor;
        }
    }
    return 1;
}

// "2,000,000", "2 000 000", "2_000_000" and "2'000'000" as one number; "0,6" with a decimal
// comma. A comma followed by exactly three digits groups thousands, as in English.
std::optional<double> read_plain_number(std::string text) {
    std::erase_if(text, [](char c) { return c == ' ' || c == '_' || c == '\''; });
    // U+202F and U+00A0, the spaces some locales group digits with.
    for (std::string_view space : {"\u202f", "\u00a0"})
        for (auto at = text.find(space); at != std::string::npos; at = text.find(space)) text.erase(at, space.size());
    auto comma = text.find(',');
    if (comma != std::string::npos) {
        std::string digits_after = text.substr(comma + 1);
        auto next = digits_after.find_first_not_of("0123456789");
        bool grouping = (next == std::string::npos ? digits_after.size() : next) == 3;
        if (grouping) std::erase(text, ',');
        else if (text.find(',', comma + 1) == std::string::npos && text.find('.') == std::string::npos) text[comma] = '.';
        else return std::nullopt;
    }
    return parse_number(text);
}

// "4-6", "4 - 6", "4–6", "4 to 6": the two ends of a range, when both are numbers.
std::optional<std::pair<double, double>> read_range(const std::string& text) {
    for (std::string_view dash : {" to ", "\u2013", "\u2014", "-"}) {
        auto at = text.find(dash, dash == "-" ? 1 : 0);  // a leading '-' is a sign
        if (at == std::string::npos) continue;
        auto low = read_plain_number(lower_trimmed(text.substr(0, at)));
        auto high = read_plain_number(lower_trimmed(text.substr(at + dash.size())));
        if (low && high && *low < *high) return std::pair{*low, *high};
    }
    return std::nullopt;
}

std::string unit_suffix(std::string_view unit) {
    if (unit.empty()) return "";
    return unit == "%" ? "%" : fmt::format(" {}", unit);
}

}  // namespace

TypedNumber read_typed_number(std::string_view typed, std::string_view unit) {
    std::string text = lower_trimmed(typed);
    if (text.empty()) return {std::nullopt, "Type a number."};
    bool had_unit = strip_unit(text, unit);
    double factor = 1;
    if (!had_unit && lower_trimmed(unit) == "weeks") {
        for (std::string_view days : {"days", "day", "working days"}) {
            std::string rest;
            if (ends_with_word(text, days, rest)) {
                text = rest;
                factor = 1.0 / 5;
                break;
            }
        }
    }
    if (factor == 1) factor = strip_multiplier(text);
    if (auto range = read_range(text)) {
        double middle = (range->first + range->second) / 2 * factor;
        return {std::nullopt, fmt::format("Type one number: for a range such as {}, its middle is {:g}{}.",
                                          std::string(lower_trimmed(typed)), middle, unit_suffix(unit))};
    }
    auto value = read_plain_number(text);
    if (!value) {
        std::string lowered = lower_trimmed(unit);
        std::string examples = lowered == "%"       ? "40 or 40%"
                               : lowered == "weeks" ? "6, or 0.6 for 3 days"
                                                    : "12, 250 or 2,000,000";
        return {std::nullopt, fmt::format("Type a number{}, such as {}.",
                                          unit.empty() ? "" : fmt::format(" of {}", lowered == "%" ? "percent" : lowered),
                                          examples)};
    }
    return {*value * factor, ""};
}

}  // namespace pindex
