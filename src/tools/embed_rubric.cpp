// Build tool: validates a rubric YAML file with the real loader and writes a C++ source that
// constructs the same Rubric directly, so the built-in rubric costs no parsing at run time
// (yaml-cpp needs ~1.6 ms for it, most of a `pindex score` run). A rubric error fails the
// build with file:line:column.
//   pindex_embed_rubric RUBRIC.yaml OUTPUT.cpp
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "pindex/diagnostic.hpp"
#include "pindex/rubric.hpp"

namespace {

using pindex::Rubric;

std::string literal(const std::string& text) {
    if (text.find(")pindex\"") != std::string::npos) throw std::runtime_error("text contains the raw-string delimiter");
    return "R\"pindex(" + text + ")pindex\"";
}

std::string number(double value) { return fmt::format("{}", value); }

std::string effort(std::optional<int> value) {
    return value ? fmt::format("std::optional<int>({})", *value) : "std::nullopt";
}

template <typename Item, typename Write>
std::string list(const std::vector<Item>& items, Write write) {
    std::string out = "{";
    for (const auto& item : items) out += write(item) + ", ";
    return out + "}";
}

std::string strings(const std::vector<std::string>& items) { return list(items, literal); }

std::string option(const pindex::Option& o) {
    return fmt::format("Option{{{}, {}, {}, {}, {}}}", literal(o.id), literal(o.label), number(o.score), literal(o.advice),
                       effort(o.effort));
}

std::string axis(const pindex::Axis& a) { return fmt::format("Axis{{{}, {}}}", literal(a.id), literal(a.label)); }

std::string band(const pindex::Band& b) {
    std::string max = b.max ? fmt::format("std::optional<double>({})", number(*b.max)) : "std::nullopt";
    return fmt::format("Band{{{}, {}, {}, {}, {}}}", number(b.min), max, number(b.score), literal(b.advice),
                       effort(b.effort));
}

std::string question(const pindex::Question& q) {
    std::string when = q.when ? fmt::format("Condition{{{}, {}}}", literal(q.when->question), strings(q.when->in))
                              : "std::nullopt";
    return fmt::format(
        "Question{{.id = {}, .type = QuestionType::{}, .weight = {}, .text = {}, .help = {}, .when = {},\n"
        "  .options = {}, .bands = {}, .unit = {},\n  .rows = {}, .columns = {}, .levels = {},\n"
        "  .custom_rows = {}, .custom_columns = {}, .not_applicable = {}}}",
        literal(q.id), pindex::to_string(q.type), number(q.weight), literal(q.text), literal(q.help), when,
        list(q.options, option), list(q.bands, band), literal(q.unit), list(q.rows, axis), list(q.columns, axis),
        list(q.levels, option), q.custom_rows, q.custom_columns, literal(q.not_applicable));
}

std::string part(const pindex::Part& p) {
    return fmt::format(
        "Part{{.id = {}, .name = {}, .weight = {}, .description = {}, .questions = {{\n{}}}, .foundation = {}}}",
        literal(p.id), literal(p.name), number(p.weight), literal(p.description),
        list(p.questions, [](const auto& q) { return question(q) + "\n"; }), p.foundation);
}

std::string benchmark(const pindex::Benchmark& b) {
    return fmt::format("Benchmark{{{}, {}, {}, {}}}", literal(b.id), literal(b.label), number(b.score), literal(b.source));
}

std::string advantage(const std::optional<pindex::AdvantageRule>& a) {
    if (!a) return "std::nullopt";
    return fmt::format("AdvantageRule{{{}, SpeedMeasure::{}, {}, {}}}", literal(a->speed_question),
                       a->measure == pindex::SpeedMeasure::cycle_time ? "cycle_time" : "rate", number(a->reference),
                       literal(a->reference_label));
}

std::string earlier_version(const pindex::EarlierVersion& e) {
    std::string changed = list(e.changed, [](const auto& change) {
        return fmt::format("std::pair<std::string, std::string>{{{}, {}}}", literal(change.first), literal(change.second));
    });
    return fmt::format("EarlierVersion{{{}, {}}}", literal(e.version), changed);
}

std::string source_for(const Rubric& r, const std::string& input) {
    return fmt::format(R"(// Generated from {} by pindex_embed_rubric (src/tools/embed_rubric.cpp). Do not edit.
#include "pindex/rubric.hpp"

namespace pindex {{

const Rubric& default_rubric() {{
    static const Rubric rubric{{.id = {}, .version = {}, .name = {}, .description = {},
        .calibration = {},
        .conventions = {},
        .benchmarks = {},
        .parts = {{
{}}},
        .advantage = {},
        .earlier_versions = {}}};
    return rubric;
}}

}}  // namespace pindex
)",
                       input, literal(r.id), literal(r.version), literal(r.name), literal(r.description),
                       literal(r.calibration), strings(r.conventions), list(r.benchmarks, benchmark),
                       list(r.parts, [](const auto& p) { return part(p) + "\n"; }), advantage(r.advantage),
                       list(r.earlier_versions, earlier_version));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: pindex_embed_rubric RUBRIC.yaml OUTPUT.cpp\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        Rubric rubric = pindex::load_rubric(text.str(), argv[1]);
        std::ofstream(argv[2], std::ios::binary) << source_for(rubric, argv[1]);
        return 0;
    } catch (const pindex::InputError& error) {
        for (const auto& diagnostic : error.diagnostics()) std::cerr << pindex::format_diagnostic(diagnostic) << '\n';
    } catch (const std::exception& error) {
        std::cerr << "pindex_embed_rubric: " << error.what() << '\n';
    }
    return 2;
}
