#include "pindex/rubric.hpp"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "pindex/limits.hpp"
#include "pindex/yaml_reader.hpp"

namespace pindex {

std::string_view to_string(QuestionType type) {
    switch (type) {
        case QuestionType::choice: return "choice";
        case QuestionType::multi: return "multi";
        case QuestionType::number: return "number";
        case QuestionType::matrix: return "matrix";
    }
    return "choice";
}

std::optional<QuestionType> question_type_from_string(std::string_view text) {
    for (auto type : {QuestionType::choice, QuestionType::multi, QuestionType::number,
                      QuestionType::matrix})
        if (to_string(type) == text) return type;
    return std::nullopt;
}

std::string_view to_string(SpeedMeasure measure) {
    return measure == SpeedMeasure::cycle_time ? "cycle-time" : "rate";
}

std::optional<SpeedMeasure> speed_measure_from_string(std::string_view text) {
    for (auto measure : {SpeedMeasure::cycle_time, SpeedMeasure::rate})
        if (to_string(measure) == text) return measure;
    return std::nullopt;
}

namespace {
template <typename Item>
const Item* find_by_id(const std::vector<Item>& items, std::string_view id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}
}  // namespace

const Option* Question::find_option(std::string_view option_id) const {
    return find_by_id(options, option_id);
}
const Option* Question::find_level(std::string_view level_id) const {
    return find_by_id(levels, level_id);
}
const Band* Question::find_band(double value) const {
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const Band& band = bands[i];
        bool is_last = i + 1 == bands.size();
        bool below_max = !band.max || value < *band.max || (is_last && value == *band.max);
        if (value >= band.min && below_max) return &band;
    }
    return nullptr;
}

const Question* Rubric::find_question(std::string_view question_id) const {
    for (const auto& part : parts)
        if (const auto* question = find_by_id(part.questions, question_id)) return question;
    return nullptr;
}
const Part* Rubric::find_part(std::string_view part_id) const { return find_by_id(parts, part_id); }

const EarlierVersion* Rubric::find_earlier_version(std::string_view wanted) const {
    for (const auto& earlier : earlier_versions)
        if (earlier.version == wanted) return &earlier;
    return nullptr;
}

const std::string* EarlierVersion::change_of(std::string_view question_id) const {
    for (const auto& [id, change] : changed)
        if (id == question_id) return &change;
    return nullptr;
}

std::string not_applicable_words(const Question& matrix) {
    return matrix.not_applicable.empty() ? "personalization does not matter here" : matrix.not_applicable;
}
std::size_t Rubric::question_count() const {
    std::size_t count = 0;
    for (const auto& part : parts) count += part.questions.size();
    return count;
}

namespace {

constexpr double kWeightTolerance = 1e-9;

// Reads one rubric document. Each read_* function reports its own problems and returns what it
// could read, so that a single run lists every error in the file.
class RubricLoader {
public:
    RubricLoader(const std::string& file, Diagnostics& diagnostics) : yaml_(file, diagnostics) {}

    Rubric read(const YAML::Node& root) {
        Rubric rubric;
        auto top = yaml_.map(root, "the rubric",
                             {"id", "version", "name", "description", "calibration", "conventions",
                              "benchmarks", "earlier_versions", "parts", "advantage"});
        if (!top) return rubric;
        read_text_field(*top, "id", "the rubric", rubric.id, true, true);
        read_text_field(*top, "version", "the rubric", rubric.version, true);
        read_text_field(*top, "name", "the rubric", rubric.name, true);
        read_text_field(*top, "description", "the rubric", rubric.description, false);
        read_text_field(*top, "calibration", "the rubric", rubric.calibration, false);
        if (const auto* entry = top->find("conventions")) rubric.conventions = read_texts(*entry);
        if (const auto* entry = yaml_.required(*top, "benchmarks", "the rubric"))
            rubric.benchmarks = read_benchmarks(entry->value);
        if (const auto* entry = yaml_.required(*top, "parts", "the rubric"))
            rubric.parts = read_parts(*entry);
        if (const auto* entry = top->find("advantage")) rubric.advantage = read_advantage(*entry, rubric);
        if (const auto* entry = top->find("earlier_versions"))
            rubric.earlier_versions = read_earlier_versions(entry->value, rubric.version);
        return rubric;
    }

private:
    YamlReader yaml_;
    std::size_t questions_read_ = 0;  // in the parts read so far, against limits::kMaxQuestions
    std::size_t matrix_cells_ = 0;    // of the matrices read so far, against limits::kMaxMatrixCells
    std::set<std::string, std::less<>> question_ids_;  // ids of the questions read so far, to refuse a repeat

    void count_cells(const YamlMap& map, const Question& question) {
        std::size_t before = matrix_cells_;
        matrix_cells_ += question.rows.size() * question.columns.size();
        if (before <= limits::kMaxMatrixCells && matrix_cells_ > limits::kMaxMatrixCells)
            yaml_.error(map.node, fmt::format("the matrices of the rubric have {} cells with question '{}'; the limit is "
                                              "{} cells in all", matrix_cells_, question.id, limits::kMaxMatrixCells));
    }

    // Labels and advice are repeated once per matrix cell or move in a report (limits.hpp).
    static std::size_t max_text_bytes(std::string_view key) {
        if (key == "label") return limits::kMaxLabelBytes;
        if (key == "advice") return limits::kMaxAdviceBytes;
        return limits::kMaxTextBytes;
    }

    void read_text_field(const YamlMap& map, std::string_view key, std::string_view what,
                         std::string& out, bool required, bool is_id = false) {
        const YamlEntry* entry = required ? yaml_.required(map, key, what) : map.find(key);
        if (!entry) return;
        std::string description = fmt::format("'{}' of {}", key, what);
        auto value = is_id ? yaml_.id(entry->value, description)
                           : yaml_.text(entry->value, description, max_text_bytes(key));
        if (!value) return;
        // A description left empty is the same as one left out (the JSON export writes ""); any
        // other text, when given, must say something.
        if (value->empty() && key != "description")
            yaml_.error(*entry, fmt::format("{} must not be empty", description));
        out = *value;
    }

    std::vector<std::string> read_texts(const YamlEntry& entry) {
        std::vector<std::string> texts;
        if (auto items = yaml_.list(entry.value, "'conventions'"))
            for (const auto& item : *items)
                if (auto text = yaml_.text(item, "a convention")) texts.push_back(*text);
        return texts;
    }

    std::optional<double> read_score(const YamlMap& map, std::string_view what) {
        const YamlEntry* entry = yaml_.required(map, "score", what);
        if (!entry) return std::nullopt;
        auto score = yaml_.number(entry->value, fmt::format("the score of {}", what));
        if (score && (*score < 0 || *score > 1)) {
            yaml_.error(*entry, fmt::format("the score of {} is {}; scores must lie in [0, 1]",
                                            what, *score));
            return std::nullopt;
        }
        return score;
    }

    // A positive weight; `fallback` when the key is absent and optional.
    std::optional<double> read_weight(const YamlMap& map, std::string_view what,
                                      std::optional<double> fallback) {
        const YamlEntry* entry = fallback ? map.find("weight") : yaml_.required(map, "weight", what);
        if (!entry) return fallback;
        auto weight = yaml_.number(entry->value, fmt::format("the weight of {}", what));
        if (weight && *weight <= 0) {
            yaml_.error(*entry, fmt::format("the weight of {} must be positive, got {}", what, *weight));
            return std::nullopt;
        }
        // Weights far apart lose the small ones in floating point, and sums of huge ones
        // overflow: every score would collapse to 0 in silence.
        if (weight && (*weight < limits::kMinWeight || *weight > limits::kMaxWeight)) {
            yaml_.error(*entry, fmt::format("the weight of {} is {}; weights must lie in [{}, {}]", what, *weight,
                                            limits::kMinWeight, limits::kMaxWeight));
            return std::nullopt;
        }
        return weight;
    }

    // An option's, level's or band's effort for `pindex plan` (pindex's convention): optional,
    // a whole number in [kMinEffort, kMaxEffort], so that plans compare totals exactly.
    std::optional<int> read_effort(const YamlMap& map, std::string_view what) {
        const YamlEntry* entry = map.find("effort");
        if (!entry) return std::nullopt;
        auto effort = yaml_.number(entry->value, fmt::format("the effort of {}", what));
        if (!effort) return std::nullopt;
        if (*effort != std::floor(*effort) || *effort < limits::kMinEffort || *effort > limits::kMaxEffort) {
            yaml_.error(*entry, fmt::format("the effort of {} is {}; an effort is a whole number from {} to {}",
                                            what, *effort, limits::kMinEffort, limits::kMaxEffort));
            return std::nullopt;
        }
        return static_cast<int>(*effort);
    }

    template <typename Item>
    void reject_duplicate_id(std::set<std::string, std::less<>>& seen, const Item& item,
                             const YAML::Node& node, std::string_view what) {
        if (!item.id.empty() && !seen.insert(item.id).second)
            yaml_.error(node, fmt::format("duplicate {} id '{}'", what, item.id));
    }

    std::vector<Benchmark> read_benchmarks(const YAML::Node& node) {
        std::vector<Benchmark> benchmarks;
        auto items = yaml_.list(node, "'benchmarks'");
        if (!items) return benchmarks;
        std::set<std::string, std::less<>> seen;
        for (const auto& item : *items) {
            auto map = yaml_.map(item, "a benchmark", {"id", "label", "score", "source"});
            if (!map) continue;
            Benchmark benchmark;
            read_text_field(*map, "id", "a benchmark", benchmark.id, true, true);
            read_text_field(*map, "label", "a benchmark", benchmark.label, true);
            read_text_field(*map, "source", "a benchmark", benchmark.source, true);
            if (const auto* entry = yaml_.required(*map, "score", "a benchmark")) {
                auto score = yaml_.number(entry->value, "a benchmark's score");
                if (score && (*score < 0 || *score > 100))
                    yaml_.error(*entry, fmt::format("a benchmark's score must lie in [0, 100], got {}", *score));
                else if (score)
                    benchmark.score = *score;
            }
            reject_duplicate_id(seen, benchmark, item, "benchmark");
            benchmarks.push_back(std::move(benchmark));
        }
        return benchmarks;
    }

    // advantage: {speed_question, speed_measure, reference, reference_label}; read after the
    // parts, since the speed must come from one of their number questions.
    std::optional<AdvantageRule> read_advantage(const YamlEntry& entry, const Rubric& rubric) {
        constexpr std::string_view what = "'advantage'";
        auto map = yaml_.map(entry.value, what, {"speed_question", "speed_measure", "reference", "reference_label"});
        if (!map) return std::nullopt;
        AdvantageRule rule;
        read_text_field(*map, "speed_question", what, rule.speed_question, true, true);
        read_text_field(*map, "reference_label", what, rule.reference_label, true);
        if (const auto* measure = yaml_.required(*map, "speed_measure", what))
            if (auto text = yaml_.text(measure->value, "'speed_measure' of 'advantage'")) {
                if (auto parsed = speed_measure_from_string(*text)) rule.measure = *parsed;
                else yaml_.error(*measure, fmt::format("unknown speed_measure '{}'; expected cycle-time or rate", *text));
            }
        if (const auto* reference = yaml_.required(*map, "reference", what))
            if (auto value = yaml_.number(reference->value, "'reference' of 'advantage'")) {
                if (*value > 0) rule.reference = *value;
                else yaml_.error(*reference, fmt::format("'reference' of 'advantage' must be positive, got {}", *value));
            }
        if (const auto* named = map->find("speed_question"); named && !rule.speed_question.empty()) {
            const Question* question = rubric.find_question(rule.speed_question);
            if (!question)
                yaml_.error(*named, fmt::format("'speed_question' names no question: '{}'", rule.speed_question));
            else if (question->type != QuestionType::number)
                yaml_.error(*named, fmt::format("'speed_question' names '{}', a {} question; the speed must be a "
                                                "number question", rule.speed_question, to_string(question->type)));
        }
        return rule;
    }

    // earlier_versions: [{version, changed: {question id: what changed}}]. The ids may name
    // questions this version no longer has: those are the answers that cannot carry over.
    std::vector<EarlierVersion> read_earlier_versions(const YAML::Node& node, const std::string& current) {
        std::vector<EarlierVersion> versions;
        auto items = yaml_.list(node, "'earlier_versions'");
        if (!items) return versions;
        std::set<std::string, std::less<>> seen;
        for (const auto& item : *items) {
            auto map = yaml_.map(item, "an earlier version", {"version", "changed"});
            if (!map) continue;
            EarlierVersion earlier;
            read_text_field(*map, "version", "an earlier version", earlier.version, true);
            if (!earlier.version.empty() && (earlier.version == current || !seen.insert(earlier.version).second))
                yaml_.error(item, fmt::format("earlier version '{}' is listed twice or is the rubric's own version",
                                              earlier.version));
            if (const auto* changed = yaml_.required(*map, "changed", "an earlier version"))
                if (auto changes = yaml_.map(changed->value, "'changed'"))
                    for (const auto& change : changes->entries)
                        if (auto text = yaml_.text(change.value, fmt::format("the change of '{}'", change.key)))
                            earlier.changed.emplace_back(change.key, *text);
            versions.push_back(std::move(earlier));
        }
        return versions;
    }

    std::vector<Part> read_parts(const YamlEntry& parts_entry) {
        std::vector<Part> parts;
        auto items = yaml_.list(parts_entry.value, "'parts'");
        if (!items) return parts;
        if (items->empty()) yaml_.error(parts_entry, "the rubric has no parts");
        std::set<std::string, std::less<>> seen;
        double total_weight = 0;
        for (const auto& item : *items) {
            Part part = read_part(item);
            total_weight += part.weight;
            reject_duplicate_id(seen, part, item, "part");
            parts.push_back(std::move(part));
        }
        if (!items->empty() && std::abs(total_weight - 100) > kWeightTolerance)
            yaml_.error(parts_entry, fmt::format("part weights sum to {}; they must sum to 100",
                                                 total_weight));
        return parts;
    }

    Part read_part(const YAML::Node& node) {
        Part part;
        auto map = yaml_.map(node, "a part", {"id", "name", "weight", "description", "foundation", "questions"});
        if (!map) return part;
        read_text_field(*map, "id", "a part", part.id, true, true);
        std::string what = fmt::format("part '{}'", part.id);
        read_text_field(*map, "name", what, part.name, true);
        read_text_field(*map, "description", what, part.description, false);
        part.weight = read_weight(*map, what, std::nullopt).value_or(0);
        if (const auto* entry = map->find("foundation"))
            part.foundation = yaml_.boolean(entry->value, fmt::format("'foundation' of {}", what)).value_or(false);
        const YamlEntry* questions = yaml_.required(*map, "questions", what);
        if (!questions) return part;
        auto items = yaml_.list(questions->value, fmt::format("the questions of {}", what),
                                limits::kMaxQuestions - questions_read_, "questions in a whole rubric");
        if (!items) return part;
        questions_read_ += items->size();
        if (items->empty()) yaml_.error(*questions, fmt::format("{} has no questions", what));
        for (const auto& item : *items) part.questions.push_back(read_question(item));
        return part;
    }

    Question read_question(const YAML::Node& node) {
        Question question;
        auto map = yaml_.map(node, "a question",
                             {"id", "type", "weight", "text", "help", "when", "options", "bands",
                              "unit", "rows", "columns", "levels", "custom_rows", "custom_columns",
                              "not_applicable"});
        if (!map) return question;
        read_text_field(*map, "id", "a question", question.id, true, true);
        std::string what = fmt::format("question '{}'", question.id);
        if (const auto* entry = yaml_.required(*map, "type", what)) {
            if (auto text = yaml_.text(entry->value, fmt::format("the type of {}", what))) {
                if (auto type = question_type_from_string(*text))
                    question.type = *type;
                else
                    yaml_.error(*entry, fmt::format("unknown question type '{}' for {}; expected "
                                                    "choice, multi, number or matrix", *text, what));
            }
        }
        question.weight = read_weight(*map, what, 1.0).value_or(1.0);
        read_text_field(*map, "text", what, question.text, true);
        read_text_field(*map, "help", what, question.help, true);
        if (const auto* entry = map->find("when")) question.when = read_condition(*entry, question.id);
        reject_fields_of_other_types(*map, question.type, what);
        read_type_specific(*map, question, what);
        check_best_answer_scores_one(question, node, what);
        if (!question.id.empty() && !question_ids_.insert(question.id).second)
            yaml_.error(node, fmt::format("duplicate question id '{}'", question.id));
        return question;
    }

    void reject_fields_of_other_types(const YamlMap& map, QuestionType type, std::string_view what) {
        struct FieldUse { std::string_view key; QuestionType a; QuestionType b; };
        static const FieldUse uses[] = {
            {"options", QuestionType::choice, QuestionType::multi},
            {"bands", QuestionType::number, QuestionType::number},
            {"unit", QuestionType::number, QuestionType::number},
            {"rows", QuestionType::matrix, QuestionType::matrix},
            {"columns", QuestionType::matrix, QuestionType::matrix},
            {"levels", QuestionType::matrix, QuestionType::matrix},
            {"custom_rows", QuestionType::matrix, QuestionType::matrix},
            {"custom_columns", QuestionType::matrix, QuestionType::matrix},
            {"not_applicable", QuestionType::matrix, QuestionType::matrix},
        };
        for (const auto& use : uses)
            if (const auto* entry = map.find(use.key); entry && type != use.a && type != use.b)
                yaml_.error(entry->key_node, fmt::format("'{}' does not apply to {}, a {} question",
                                                         use.key, what, to_string(type)));
    }

    void read_type_specific(const YamlMap& map, Question& question, std::string_view what) {
        switch (question.type) {
            case QuestionType::choice:
            case QuestionType::multi:
                question.options = read_options(map, "options", what, question.type == QuestionType::choice);
                break;
            case QuestionType::number:
                question.bands = read_bands(map, what);
                if (const auto* entry = map.find("unit"))
                    question.unit = yaml_.text(entry->value, fmt::format("the unit of {}", what)).value_or("");
                break;
            case QuestionType::matrix:
                question.rows = read_axes(map, "rows", what);
                question.columns = read_axes(map, "columns", what);
                count_cells(map, question);
                question.levels = read_options(map, "levels", what, true);
                if (const auto* entry = map.find("custom_rows"))
                    question.custom_rows = yaml_.boolean(entry->value, "'custom_rows'").value_or(false);
                if (const auto* entry = map.find("custom_columns"))
                    question.custom_columns = yaml_.boolean(entry->value, "'custom_columns'").value_or(false);
                read_text_field(map, "not_applicable", what, question.not_applicable, false);
                break;
        }
    }

    // Options (or levels) with ids, labels and scores. `ordered`: listed worst to best, so
    // scores may not decrease (a survey shows them in this order).
    std::vector<Option> read_options(const YamlMap& map, std::string_view key, std::string_view what,
                                     bool ordered) {
        std::vector<Option> options;
        const YamlEntry* entry = yaml_.required(map, key, what);
        if (!entry) return options;
        auto items = yaml_.list(entry->value, fmt::format("the {} of {}", key, what), limits::kMaxOptions,
                                fmt::format("{} of a question", key));
        if (!items) return options;
        std::size_t minimum = ordered ? 2 : 1;
        if (items->size() < minimum)
            yaml_.error(*entry, fmt::format("{} needs at least {} {}", what, minimum, key));
        std::set<std::string, std::less<>> seen;
        for (const auto& item : *items) {
            auto option_map = yaml_.map(item, fmt::format("an entry of the {} of {}", key, what),
                                        {"id", "label", "score", "advice", "effort"});
            if (!option_map) continue;
            Option option;
            std::string item_what = fmt::format("an entry of the {} of {}", key, what);
            read_text_field(*option_map, "id", item_what, option.id, true, true);
            if (option.id == kNotApplicable) yaml_.error(item, "'n/a' is reserved");
            item_what = fmt::format("{} '{}' of {}", key == "levels" ? "level" : "option", option.id, what);
            read_text_field(*option_map, "label", item_what, option.label, true);
            option.score = read_score(*option_map, item_what).value_or(0);
            read_text_field(*option_map, "advice", item_what, option.advice, false);
            option.effort = read_effort(*option_map, item_what);
            if (ordered && !options.empty() && option.score < options.back().score)
                yaml_.error(item, fmt::format("{} scores {} after '{}' scored {}: list {} worst to best",
                                              item_what, option.score, options.back().id,
                                              options.back().score, key));
            reject_duplicate_id(seen, option, item, key == "levels" ? "level" : "option");
            options.push_back(std::move(option));
        }
        return options;
    }

    std::vector<Band> read_bands(const YamlMap& map, std::string_view what) {
        std::vector<Band> bands;
        const YamlEntry* entry = yaml_.required(map, "bands", what);
        if (!entry) return bands;
        auto items = yaml_.list(entry->value, fmt::format("the bands of {}", what), limits::kMaxOptions,
                                "bands of a question");
        if (!items) return bands;
        if (items->empty()) yaml_.error(*entry, fmt::format("{} needs at least one band", what));
        for (const auto& item : *items) {
            auto band_map = yaml_.map(item, fmt::format("a band of {}", what), {"min", "max", "score", "advice", "effort"});
            if (!band_map) continue;
            Band band;
            std::string band_what = fmt::format("a band of {}", what);
            if (const auto* min = yaml_.required(*band_map, "min", band_what))
                band.min = yaml_.number(min->value, fmt::format("the min of {}", band_what)).value_or(0);
            // An empty max (null, as the JSON export writes an open band) is no max.
            if (const auto* max = band_map->find("max"); max && !max->value.IsNull())
                band.max = yaml_.number(max->value, fmt::format("the max of {}", band_what));
            band.score = read_score(*band_map, band_what).value_or(0);
            read_text_field(*band_map, "advice", band_what, band.advice, false);
            band.effort = read_effort(*band_map, band_what);
            check_band_follows(bands, band, item, what);
            bands.push_back(band);
        }
        return bands;
    }

    // Bands run upwards without gaps or overlaps, and only the last may be open-ended, so every
    // value from the first min up falls in exactly one band.
    void check_band_follows(const std::vector<Band>& bands, const Band& band, const YAML::Node& node,
                            std::string_view what) {
        if (band.max && *band.max <= band.min)
            yaml_.error(node, fmt::format("a band of {} has max {} not above its min {}", what,
                                          *band.max, band.min));
        if (bands.empty()) return;
        const Band& previous = bands.back();
        if (!previous.max)
            yaml_.error(node, fmt::format("a band of {} follows a band with no max; only the last "
                                          "band may be open-ended", what));
        else if (*previous.max != band.min)
            yaml_.error(node, fmt::format("a band of {} starts at {} but the previous one ends at {}; "
                                          "bands must follow each other without gap or overlap",
                                          what, band.min, *previous.max));
    }

    std::vector<Axis> read_axes(const YamlMap& map, std::string_view key, std::string_view what) {
        std::vector<Axis> axes;
        const YamlEntry* entry = yaml_.required(map, key, what);
        if (!entry) return axes;
        bool rows = key == "rows";
        auto items = yaml_.list(entry->value, fmt::format("the {} of {}", key, what),
                                rows ? limits::kMaxMatrixRows : limits::kMaxMatrixColumns,
                                fmt::format("{} of a matrix", key));
        if (!items) return axes;
        if (items->empty()) yaml_.error(*entry, fmt::format("{} needs at least one entry in '{}'", what, key));
        std::set<std::string, std::less<>> seen;
        for (const auto& item : *items) {
            std::string item_what = fmt::format("an entry of the {} of {}", key, what);
            auto axis_map = yaml_.map(item, item_what, {"id", "label"});
            if (!axis_map) continue;
            Axis axis;
            read_text_field(*axis_map, "id", item_what, axis.id, true, true);
            read_text_field(*axis_map, "label", item_what, axis.label, true);
            reject_duplicate_id(seen, axis, item, rows ? "row" : "column");
            axes.push_back(std::move(axis));
        }
        return axes;
    }

    // Checked later (check_conditions), once every question is known. Naming only earlier
    // questions lets the survey decide a condition when it gets there and rules out cycles.
    std::optional<Condition> read_condition(const YamlEntry& entry, const std::string& owner) {
        std::string condition_what = fmt::format("the 'when' of question '{}'", owner);
        auto map = yaml_.map(entry.value, condition_what, {"question", "in"});
        if (!map) return std::nullopt;
        Condition condition;
        read_text_field(*map, "question", condition_what, condition.question, true, true);
        if (const auto* in = yaml_.required(*map, "in", condition_what)) {
            if (auto items = yaml_.list(in->value, fmt::format("'in' of {}", condition_what))) {
                if (items->empty()) yaml_.error(*in, fmt::format("'in' of {} lists no option", condition_what));
                for (const auto& item : *items)
                    if (auto id = yaml_.id(item, fmt::format("an option in {}", condition_what)))
                        condition.in.push_back(*id);
            }
        }
        pending_conditions_.push_back({condition, yaml_.where(entry.value), owner});
        return condition;
    }

    void check_best_answer_scores_one(const Question& question, const YAML::Node& node,
                                      std::string_view what) {
        double best = 0;
        switch (question.type) {
            case QuestionType::choice:
                for (const auto& option : question.options) best = std::max(best, option.score);
                break;
            case QuestionType::multi:
                for (const auto& option : question.options) best += option.score;
                break;
            case QuestionType::number:
                for (const auto& band : question.bands) best = std::max(best, band.score);
                break;
            case QuestionType::matrix:
                for (const auto& level : question.levels) best = std::max(best, level.score);
                break;
        }
        if (best < 1 - kWeightTolerance)
            yaml_.error(node, fmt::format("the best answer to {} scores {}; it must score 1 so the "
                                          "part can reach its full weight", what, std::min(best, 1.0)));
    }

public:
    // Run once every question is known: a condition may only name an earlier choice or multi
    // question and that question's options.
    void check_conditions(const Rubric& rubric) {
        std::vector<const Question*> order;
        for (const auto& part : rubric.parts)
            for (const auto& question : part.questions) order.push_back(&question);
        for (const auto& pending : pending_conditions_) check_condition(order, pending);
    }

private:
    struct PendingCondition {
        Condition condition;
        SourceLocation where;
        std::string owner;  // id of the question that carries the condition
    };
    std::vector<PendingCondition> pending_conditions_;

    static std::ptrdiff_t position_of(const std::vector<const Question*>& order, std::string_view id) {
        for (std::size_t i = 0; i < order.size(); ++i)
            if (order[i]->id == id) return static_cast<std::ptrdiff_t>(i);
        return -1;
    }

    void check_condition(const std::vector<const Question*>& order, const PendingCondition& pending) {
        auto& diagnostics = yaml_.diagnostics();
        const std::string& named = pending.condition.question;
        std::string what = fmt::format("the 'when' of question '{}'", pending.owner);
        auto target_position = position_of(order, named);
        if (target_position < 0) {
            diagnostics.error(pending.where, fmt::format("{} names no question: '{}'", what, named));
            return;
        }
        if (target_position >= position_of(order, pending.owner)) {
            diagnostics.error(pending.where, fmt::format("{} names '{}', which is not asked before it",
                                                         what, named));
            return;
        }
        const Question& target = *order[static_cast<std::size_t>(target_position)];
        if (target.type != QuestionType::choice && target.type != QuestionType::multi) {
            diagnostics.error(pending.where, fmt::format("{} names '{}', a {} question; only choice "
                                                         "and multi questions can be named",
                                                         what, named, to_string(target.type)));
            return;
        }
        for (const auto& option : pending.condition.in)
            if (!target.find_option(option))
                diagnostics.error(pending.where, fmt::format("{} names option '{}', which question "
                                                             "'{}' does not have", what, option, named));
    }
};

}  // namespace

Rubric load_rubric(std::string_view text, const std::string& file) {
    YAML::Node root = parse_yaml_document(text, file);
    Diagnostics diagnostics;
    RubricLoader loader(file, diagnostics);
    Rubric rubric = loader.read(root);
    loader.check_conditions(rubric);
    diagnostics.throw_if_errors();
    return rubric;
}

// default_rubric() is defined in the source that pindex_embed_rubric generates at build time.

}  // namespace pindex
