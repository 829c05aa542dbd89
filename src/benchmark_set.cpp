#include "pindex/benchmark_set.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pindex/digest.hpp"
#include "pindex/report_json.hpp"
#include "pindex/yaml_reader.hpp"

namespace pindex {

namespace {

using Json = nlohmann::ordered_json;

constexpr int kSetSchemaVersion = 1;

Json distribution_json(const Distribution& distribution) {
    Json deciles = Json::array();
    for (int decile = 1; decile <= 9; ++decile) deciles.push_back(distribution.quantile(decile / 10.0));
    return Json{{"mean", distribution.mean()},
                {"min", distribution.sorted.front()},
                {"q1", distribution.quantile(0.25)},
                {"median", distribution.quantile(0.5)},
                {"q3", distribution.quantile(0.75)},
                {"max", distribution.sorted.back()},
                {"deciles", std::move(deciles)},
                {"scores", distribution.sorted}};
}

// Reads a set back through the YAML reader (JSON is flow YAML) for positions in errors. Only the
// scores are read; every statistic is computed again from them.
class SetReader {
public:
    SetReader(const std::string& file, Diagnostics& diagnostics) : yaml_(file, diagnostics) {}

    BenchmarkSet read(const YAML::Node& root) {
        BenchmarkSet set;
        auto top = yaml_.map(root, "the benchmark set");
        if (!top) return set;
        yaml_.expect_schema_version(*top, kSetSchemaVersion, "the benchmark set");
        if (const YamlEntry* rubric = yaml_.required(*top, "rubric", "the benchmark set"))
            if (auto map = yaml_.map(rubric->value, "the benchmark set's rubric")) {
                set.rubric_id = yaml_.required_text(*map, "id", "the benchmark set's rubric");
                set.rubric_version = yaml_.required_text(*map, "version", "the benchmark set's rubric");
            }
        if (const YamlEntry* index = yaml_.required(*top, "index", "the benchmark set"))
            set.index = scores(index->value, "the index", 100);
        if (const YamlEntry* parts = yaml_.required(*top, "parts", "the benchmark set"))
            for (const auto& node : yaml_.list(parts->value, "the parts").value_or(std::vector<YAML::Node>{}))
                if (auto part = yaml_.map(node, "a part of the benchmark set"))
                    if (std::string id = yaml_.required_text(*part, "id", "a part of the benchmark set"); !id.empty())
                        set.parts.emplace_back(id, scores(node, "part '" + id + "'", 100));
        if (const YamlEntry* entry = top->find("fingerprints"))
            for (const auto& item : yaml_.list(entry->value, "the fingerprints").value_or(std::vector<YAML::Node>{}))
                set.fingerprints.push_back(yaml_.text(item, "a fingerprint of the benchmark set").value_or(""));
        std::sort(set.fingerprints.begin(), set.fingerprints.end());
        if (set.index.sorted.empty()) yaml_.error(root, "the benchmark set holds no scores");
        for (const auto& [id, distribution] : set.parts)
            if (distribution.sorted.size() != set.index.sorted.size())
                yaml_.error(root, fmt::format("part '{}' has {} scores, the index {}", id,
                                              distribution.sorted.size(), set.index.sorted.size()));
        return set;
    }

private:
    YamlReader yaml_;

    Distribution scores(const YAML::Node& node, const std::string& what, double maximum) {
        Distribution distribution;
        auto map = yaml_.map(node, what);
        const YamlEntry* entry = map ? yaml_.required(*map, "scores", what) : nullptr;
        if (!entry) return distribution;
        for (const auto& item : yaml_.list(entry->value, "the scores of " + what).value_or(std::vector<YAML::Node>{}))
            if (auto value = yaml_.number(item, "a score of " + what)) {
                if (*value < 0 || *value > maximum) yaml_.error(item, fmt::format("a score of {} must lie in [0, {}]", what, maximum));
                distribution.sorted.push_back(*value);
            }
        std::sort(distribution.sorted.begin(), distribution.sorted.end());
        return distribution;
    }
};

}  // namespace

double Distribution::mean() const {
    return sorted.empty() ? 0 : std::accumulate(sorted.begin(), sorted.end(), 0.0) / double(sorted.size());
}

double Distribution::quantile(double p) const {
    if (sorted.empty()) return 0;
    double position = std::clamp(p, 0.0, 1.0) * double(sorted.size() - 1);
    auto below = static_cast<std::size_t>(std::floor(position));
    std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - double(below)) * (sorted[above] - sorted[below]);
}

double Distribution::percentile_rank(double value) const {
    if (sorted.empty()) return 0;
    auto lower = std::lower_bound(sorted.begin(), sorted.end(), value);
    auto upper = std::upper_bound(sorted.begin(), sorted.end(), value);
    double below = double(lower - sorted.begin()), equal = double(upper - lower);
    return 100 * (below + equal / 2) / double(sorted.size());
}

BenchmarkSet build_benchmark_set(const std::vector<Report>& reports) {
    if (reports.empty()) throw InputError({}, "a benchmark set needs at least one assessment");
    BenchmarkSet set;
    set.rubric_id = reports.front().rubric_id;
    set.rubric_version = reports.front().rubric_version;
    for (const auto& part : reports.front().parts) set.parts.emplace_back(part.id, Distribution{});
    for (const auto& report : reports) {
        if (report.rubric_id != set.rubric_id)
            throw InputError({report.source, 0, 0}, fmt::format("{} answers rubric '{}', not '{}' like {}", report.source,
                                                              report.rubric_id, set.rubric_id, reports.front().source));
        set.index.sorted.push_back(report.index);
        set.fingerprints.push_back(assessment_fingerprint(report));
        for (auto& [part_id, distribution] : set.parts) {
            const std::string& id = part_id;  // a structured binding cannot be captured before clang 16
            auto part = std::find_if(report.parts.begin(), report.parts.end(), [&](const auto& p) { return p.id == id; });
            distribution.sorted.push_back(part == report.parts.end() ? 0 : part->points);
        }
    }
    std::sort(set.index.sorted.begin(), set.index.sorted.end());
    std::sort(set.fingerprints.begin(), set.fingerprints.end());  // in no order that pairs them with scores
    for (auto& [id, distribution] : set.parts) std::sort(distribution.sorted.begin(), distribution.sorted.end());
    return set;
}

std::string write_benchmark_set_json(const BenchmarkSet& set) {
    Json parts = Json::array();
    for (const auto& [id, distribution] : set.parts) {
        Json part{{"id", id}};
        part.update(distribution_json(distribution));
        parts.push_back(std::move(part));
    }
    Json json{{"schema_version", kSetSchemaVersion},
              {"kind", "benchmark-set"},
              {"rubric", {{"id", set.rubric_id}, {"version", set.rubric_version}}},
              {"count", set.count()},
              {"quantiles", "linear interpolation between sorted scores (type 7)"},
              {"index", distribution_json(set.index)},
              {"parts", std::move(parts)},
              {"fingerprints", set.fingerprints}};
    return json.dump(2) + "\n";
}

BenchmarkSet read_benchmark_set(std::string_view text, const std::string& file) {
    YAML::Node root = parse_yaml_document(text, file);
    Diagnostics diagnostics;
    BenchmarkSet set = SetReader(file, diagnostics).read(root);
    diagnostics.throw_if_errors();
    return set;
}

std::string assessment_fingerprint(const Report& report) {
    // The answers as the JSON report holds them, whichever way the report was made.
    Json answers = Json::object();
    Json full = report_to_json(report);
    for (const auto& part : full["parts"])
        for (const auto& question : part["questions"]) answers[question["id"].get<std::string>()] = question["answer"];
    Json identity{{"rubric", report.rubric_id},
                  {"organization", report.organization},
                  {"date", report.date},
                  {"answers", std::move(answers)}};
    return sha256_hex(identity.dump(-1, ' ', false, Json::error_handler_t::replace));
}

PeerPosition peer_position(const BenchmarkSet& set, const std::string& set_source, const Report& report) {
    if (set.rubric_id != report.rubric_id)
        throw InputError({set_source, 0, 0}, fmt::format("the benchmark set {} is of rubric '{}', the answers of '{}'",
                                                         set_source, set.rubric_id, report.rubric_id));
    // Reports are shared with clients: the consultant's folders stay out of them.
    PeerPosition position{std::filesystem::path(set_source).filename().string(), set.count(),
                          std::binary_search(set.fingerprints.begin(), set.fingerprints.end(),
                                             assessment_fingerprint(report)),
                          set.index.percentile_rank(report.index), set.index.mean(),
                          set.index.quantile(0.25), set.index.quantile(0.5), set.index.quantile(0.75), {}};
    for (const auto& part : report.parts)
        for (const auto& [id, distribution] : set.parts)
            if (id == part.id) position.parts.emplace_back(id, distribution.percentile_rank(part.points));
    return position;
}

}  // namespace pindex
