#include "pindex/survey.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

#include <fmt/format.h>

#include "pindex/advantage.hpp"
#include "pindex/answer_words.hpp"
#include "pindex/scoring.hpp"
#include "pindex/survey_time.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

constexpr double kMetadataSeconds = 10;

std::string trim(std::string_view text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> split_choices(const std::string& text) {
    std::vector<std::string> tokens;
    std::string token;
    for (char c : text + " ") {
        if (c == ',' || c == ' ' || c == '\t' || c == ';') {
            if (!token.empty()) tokens.push_back(token);
            token.clear();
        } else {
            token += c;
        }
    }
    return tokens;
}

// The 0-based index of the option a token names: its number (1-based) or its id.
std::optional<std::size_t> option_index(const std::vector<Option>& options, const std::string& token) {
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].id == token || std::to_string(i + 1) == token) return i;
    return std::nullopt;
}

std::string range_of(const Question& question) {
    const Band& last = question.bands.back();
    return last.max ? fmt::format("from {:g} to {:g}", question.bands.front().min, *last.max)
                    : fmt::format("of at least {:g}", question.bands.front().min);
}

constexpr std::string_view kKeys = "(b back, ? help, s skip, q save and quit)";

// The one-line hint shown when what was typed does not answer the item.
std::string input_hint(const SurveyItem& item) {
    if (!item.question) return "Type the text and Enter, or just Enter to leave it empty.";
    const Question& question = *item.question;
    if (item.kind == SurveyItem::Kind::cell)
        return fmt::format("Type a number from 1 to {}, or n for n/a {}.", question.levels.size(), kKeys);
    switch (question.type) {
        case QuestionType::choice:
            return fmt::format("Type a number from 1 to {} and Enter {}.", question.options.size(), kKeys);
        case QuestionType::multi:
            return fmt::format("Type one or more numbers from 1 to {} separated by spaces or commas, or 'none' {}.",
                               question.options.size(), kKeys);
        case QuestionType::number:
            return fmt::format("Type a number {}{} {}.", range_of(question),
                               question.unit.empty() ? "" : " (" + question.unit + ")", kKeys);
        case QuestionType::matrix: break;
    }
    return "";
}

const std::string* cell_level(const Answers& answers, const Question& question, const std::string& row,
                              const std::string& column) {
    const AnswerValue* value = answers.find(question.id);
    return value ? find_cell(std::get<MatrixAnswer>(*value), row, column) : nullptr;
}

// The organization, respondent or yearly interactions as typed ("2000000") or as read ("2,000,000").
std::string metadata_text(const Answers& answers, SurveyItem::Kind kind, bool readable) {
    switch (kind) {
        case SurveyItem::Kind::organization: return answers.organization;
        case SurveyItem::Kind::respondent: return answers.respondent;
        case SurveyItem::Kind::interactions:
            if (!answers.yearly_interactions) return "";
            return readable ? grouped_count(*answers.yearly_interactions) : fmt::format("{}", *answers.yearly_interactions);
        default: return "";
    }
}

// "2,000,000", "2 000 000", "2_000_000" and "2e6" all read as two million.
std::optional<double> parse_count(std::string text) {
    std::erase_if(text, [](char c) { return c == ',' || c == '_' || c == ' '; });
    return parse_number(text);
}

// The current answer, written the way one would type it.
std::string typed_form(const Answers& answers, const SurveyItem& item) {
    using Kind = SurveyItem::Kind;
    if (!item.question) return metadata_text(answers, item.kind, false);
    const Question& question = *item.question;
    if (item.kind == Kind::cell) {
        const std::string* level = cell_level(answers, question, item.row.id, item.column.id);
        if (!level) return "";
        if (*level == kNotApplicable) return "n";
        auto index = option_index(question.levels, *level);
        return index ? std::to_string(*index + 1) : "";
    }
    const AnswerValue* value = answers.find(question.id);
    if (!value) return "";
    if (const auto* option = std::get_if<std::string>(value)) {
        auto index = option_index(question.options, *option);
        return index ? std::to_string(*index + 1) : "";
    }
    if (const auto* options = std::get_if<std::vector<std::string>>(value)) {
        if (options->empty()) return "none";
        std::vector<std::string> numbers;
        for (const auto& id : *options)
            if (auto index = option_index(question.options, id)) numbers.push_back(std::to_string(*index + 1));
        return join(numbers, " ");
    }
    if (const auto* number = std::get_if<double>(value)) return fmt::format("{}", *number);
    return "";
}

// The current answer in words, for the review and the matrix row: "" when unanswered.
std::string readable_answer(const Answers& answers, const SurveyItem& item) {
    if (!item.question) return metadata_text(answers, item.kind, true);
    const Question& question = *item.question;
    if (item.kind == SurveyItem::Kind::cell) {
        const std::string* level_id = cell_level(answers, question, item.row.id, item.column.id);
        return level_id ? level_words(question, *level_id) : "";
    }
    const AnswerValue* value = answers.find(question.id);
    return value ? answer_words(question, *value) : "";
}

// How to add to a matrix: "'step NAME' or 'channel NAME'", or whichever of them it allows.
std::string custom_axes_syntax(const Question& question) {
    if (question.custom_rows && question.custom_columns) return "'step NAME' or 'channel NAME'";
    return question.custom_rows ? "'step NAME'" : "'channel NAME'";
}

// The "add your own steps and channels" prompt, listing what the matrix has so far.
std::string custom_axes_prompt(const Question& question, const Answers& answers) {
    std::vector<std::string> rows, columns;
    for (const auto& row : matrix_rows(question, answers)) rows.push_back(row.label);
    for (const auto& column : matrix_columns(question, answers)) columns.push_back(column.label);
    std::string kinds = question.custom_rows && question.custom_columns ? "a journey step or channel"
                        : question.custom_rows                          ? "a journey step"
                                                                        : "a channel";
    return fmt::format("Journey steps: {}. Channels: {}. Does your customers' journey need {} of your own? "
                       "Type {} to add one, or just Enter to go on.",
                       join(rows, "; "), join(columns, "; "), kinds, custom_axes_syntax(question));
}

double item_seconds(const SurveyItem& item) {
    if (!item.question) return kMetadataSeconds;
    double seconds = estimate_question_seconds(*item.question);
    if (item.kind == SurveyItem::Kind::cell)
        seconds /= double(item.question->rows.size() * item.question->columns.size());
    if (item.kind == SurveyItem::Kind::custom_axes) seconds = kMetadataSeconds;
    return seconds;
}

std::string utc_timestamp() {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    ::gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

}  // namespace

std::string SurveyItem::key() const {
    switch (kind) {
        case Kind::organization: return "organization";
        case Kind::respondent: return "respondent";
        case Kind::question: return question->id;
        case Kind::cell: return question->id + "." + row.id + "." + column.id;
        case Kind::custom_axes: return question->id + "+";
        case Kind::interactions: return "yearly_interactions";
    }
    return "";
}

SurveyClock SurveyClock::system() {
    return {[] {
                return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
            },
            utc_timestamp};
}

std::string typed_answer_words(const Prompt& prompt, const std::string& line) {
    if (prompt.item.kind == SurveyItem::Kind::custom_axes) return line.empty() ? "done" : "added " + line;
    if (line.empty()) return prompt.current.empty() ? "(skipped)" : "(kept)";
    if (line == "n" && prompt.cell) return std::string(kNotApplicable);
    std::vector<std::string> labels;
    for (const auto& token : split_words(line)) {
        std::size_t number = 0;
        for (char c : token) number = (c >= '0' && c <= '9') ? number * 10 + std::size_t(c - '0') : 0;
        if (number < 1 || number > prompt.choices.size()) {
            auto value = parse_number(line);
            return value ? quantity_words(*value, prompt.unit) : line;
        }
        labels.push_back(prompt.choices[number - 1]);
    }
    return join(labels, "; ");
}

Survey::Survey(const Rubric& rubric, Answers answers, Saver save, SurveyClock clock)
    : rubric_(rubric), answers_(std::move(answers)), save_(std::move(save)), clock_(std::move(clock)) {
    answers_.rubric_id = rubric_.id;
    if (answers_.survey.started.empty()) answers_.survey.started = clock_.utc_now();
    if (answers_.date.empty()) answers_.date = answers_.survey.started.substr(0, 10);
}

void Survey::ask_metadata(bool organization, bool respondent) {
    ask_organization_ = organization;
    ask_respondent_ = respondent;
}

std::vector<SurveyItem> Survey::plan() const {
    using Kind = SurveyItem::Kind;
    std::vector<SurveyItem> items;
    if (ask_organization_) items.push_back({Kind::organization});
    if (ask_respondent_) items.push_back({Kind::respondent});
    for (const auto& part : rubric_.parts)
        for (const auto& question : part.questions) {
            if (!is_applicable(question, answers_)) continue;
            if (question.type != QuestionType::matrix) {
                items.push_back({Kind::question, &part, &question});
                continue;
            }
            if (question.custom_rows || question.custom_columns)
                items.push_back({Kind::custom_axes, &part, &question});
            std::vector<Axis> columns = matrix_columns(question, answers_);
            for (const auto& row : matrix_rows(question, answers_))
                for (const auto& column : columns) items.push_back({Kind::cell, &part, &question, row, column});
        }
    if (rubric_.advantage) items.push_back({Kind::interactions});
    return items;
}

bool Survey::is_answered(const SurveyItem& item) const {
    switch (item.kind) {
        case SurveyItem::Kind::organization: return organization_asked_ || !answers_.organization.empty();
        case SurveyItem::Kind::respondent: return respondent_asked_ || !answers_.respondent.empty();
        case SurveyItem::Kind::interactions: return interactions_asked_ || answers_.yearly_interactions.has_value();
        case SurveyItem::Kind::question: return answers_.find(item.question->id) != nullptr;
        case SurveyItem::Kind::cell:
            return cell_level(answers_, *item.question, item.row.id, item.column.id) != nullptr;
        case SurveyItem::Kind::custom_axes:
            // Passed in this run, or the matrix was already begun in an earlier one.
            return std::find(custom_axes_done_.begin(), custom_axes_done_.end(), item.question->id) !=
                       custom_axes_done_.end() ||
                   answers_.find(item.question->id) || answers_.custom.count(item.question->id);
    }
    return false;
}

Prompt Survey::prompt_for(const std::vector<SurveyItem>& items, std::size_t index) const {
    const SurveyItem& item = items[index];
    Prompt prompt;
    prompt.item = item;
    prompt.position = static_cast<int>(index + 1);
    prompt.total = static_cast<int>(items.size());
    for (std::size_t i = index; i < items.size(); ++i) prompt.seconds_left += item_seconds(items[i]);
    prompt.current = typed_form(answers_, item);
    if (item.kind == SurveyItem::Kind::interactions) {
        prompt.section = "Personalization advantage (optional, not scored)";
        prompt.text = "About how many digital customer interactions a year can you learn from (visits, app sessions, "
                      "messages opened, purchases)?";
        prompt.context = "Yearly interactions";
        prompt.unit = "interactions";
        prompt.help = "n in P = n × v², the advantage personalization gives: the interactions you learn from, times "
                      "the square of the speed you learn at. Not scored; `pindex compare` uses it to show how P "
                      "changed since an earlier assessment. A rough count is fine (2,000,000 or 2e6); leave empty "
                      "and press Enter to skip.";
        return prompt;
    }
    if (!item.question) {
        prompt.section = "About this assessment";
        prompt.text = item.kind == SurveyItem::Kind::organization ? "Organization assessed" : "Your name or role";
        prompt.help = "Shown on the report; leave empty and press Enter to skip.";
        return prompt;
    }
    const Question& question = *item.question;
    prompt.section = item.part->name;
    prompt.text = question.text;
    prompt.help = question.help;
    if (item.kind == SurveyItem::Kind::custom_axes) {
        prompt.context = "Your own journey steps and channels";
        prompt.text = custom_axes_prompt(question, answers_);
        prompt.help = "The method rates the steps and channels where personalization matters for your customers. "
                      "Add a step or channel the list lacks; every cell of it is then rated like the others.";
        return prompt;
    }
    switch (question.type) {
        case QuestionType::choice:
        case QuestionType::multi:
            for (const auto& option : question.options) prompt.choices.push_back(option.label);
            prompt.multiple = question.type == QuestionType::multi;
            break;
        case QuestionType::number:
            prompt.unit = question.unit;
            prompt.range = range_of(question);
            break;
        case QuestionType::matrix:
            for (const auto& level : question.levels) prompt.choices.push_back(level.label);
            prompt.cell = true;
            prompt.not_applicable = not_applicable_words(question);
            prompt.context = item.row.label + " · " + item.column.label;
            for (const auto& column : matrix_columns(question, answers_)) {
                if (column.id == item.column.id) prompt.column_index = prompt.row_answers.size();
                prompt.row_answers.push_back(
                    {column.label, readable_answer(answers_, {SurveyItem::Kind::cell, item.part, &question, item.row, column})});
            }
            break;
    }
    return prompt;
}

std::string Survey::apply(const SurveyItem& item, const std::string& line) {
    using Kind = SurveyItem::Kind;
    // The answers file must load again, and the loader refuses control characters in text.
    if (first_control_character(line)) return "Type text without control characters (such as an escape sequence).";
    if (item.kind == Kind::organization) {
        answers_.organization = line;
        organization_asked_ = true;
        return "";
    }
    if (item.kind == Kind::respondent) {
        answers_.respondent = line;
        respondent_asked_ = true;
        return "";
    }
    if (item.kind == Kind::interactions) {
        interactions_asked_ = true;
        if (line.empty()) return "";
        auto count = parse_count(line);
        if (!count || *count <= 0)
            return "Type a positive number of interactions, such as 2000000, or press Enter to skip.";
        answers_.yearly_interactions = *count;
        return "";
    }
    const Question& question = *item.question;
    if (item.kind == Kind::custom_axes) return add_custom_axis(question, line);
    if (item.kind == Kind::cell) {
        std::string level;
        if (line == "n" || line == "n/a") {
            level = std::string(kNotApplicable);
        } else if (auto index = option_index(question.levels, line)) {
            level = question.levels[*index].id;
        } else {
            return input_hint(item);
        }
        AnswerValue& value = answers_.answers.try_emplace(question.id, MatrixAnswer{}).first->second;
        std::get<MatrixAnswer>(value)[item.row.id][item.column.id] = level;
        return "";
    }
    switch (question.type) {
        case QuestionType::choice: {
            auto index = option_index(question.options, line);
            if (!index) return input_hint(item);
            answers_.answers[question.id] = question.options[*index].id;
            return "";
        }
        case QuestionType::multi: {
            std::vector<std::string> chosen;
            if (line != "none" && line != "0") {
                for (const auto& token : split_choices(line)) {
                    auto index = option_index(question.options, token);
                    if (!index) return input_hint(item);
                    const std::string& id = question.options[*index].id;
                    if (std::find(chosen.begin(), chosen.end(), id) == chosen.end()) chosen.push_back(id);
                }
            }
            answers_.answers[question.id] = chosen;
            return "";
        }
        case QuestionType::number: {
            auto value = parse_number(line);
            if (!value || !question.find_band(*value)) return input_hint(item);
            answers_.answers[question.id] = *value;
            return "";
        }
        case QuestionType::matrix: break;
    }
    return "This question cannot be answered here.";
}

std::string Survey::add_custom_axis(const Question& question, const std::string& line) {
    if (line.empty()) {
        custom_axes_done_.push_back(question.id);
        return "";
    }
    constexpr std::size_t kMaxLabel = 80;
    auto split = line.find(' ');
    std::string kind = line.substr(0, split);
    std::string label = split == std::string::npos ? "" : trim(line.substr(split + 1));
    bool row = kind == "step" && question.custom_rows;
    bool column = kind == "channel" && question.custom_columns;
    if ((!row && !column) || label.empty() || display_width(label) > kMaxLabel)
        return fmt::format("Type {} (a name of at most {} characters), or just Enter to go on.",
                           custom_axes_syntax(question), kMaxLabel);
    CustomAxes& custom = answers_.custom[question.id];
    if (row) custom.rows.push_back({custom_axis_id(label, matrix_rows(question, answers_)), label});
    else custom.columns.push_back({custom_axis_id(label, matrix_columns(question, answers_)), label});
    return "";
}

void Survey::save() {
    if (save_) save_(answers_);
}

Survey::Step Survey::ask_items(SurveyUi& ui, const ItemSource& source, std::size_t start) {
    std::size_t position = start;
    for (;;) {
        std::vector<SurveyItem> items = source();
        if (position >= items.size()) return Step::done;
        Prompt prompt = prompt_for(items, position);
        double shown_at = clock_.monotonic_seconds();
        UserInput input = ui.ask(prompt);
        answers_.survey.active_seconds +=
            std::clamp(clock_.monotonic_seconds() - shown_at, 0.0, kMaxActiveSecondsPerAnswer);
        if (input.status == InputStatus::end_of_input) return Step::end_of_input;
        if (input.status == InputStatus::interrupted) return Step::interrupted;
        std::string line = trim(input.text);
        std::string key = prompt.item.key();
        if (line == "q") return Step::quit;
        if (line == "?") {
            ui.show_help(prompt);
            continue;
        }
        if (line == "b") {
            if (position == 0) ui.show_hint("This is the first question.");
            else --position;
            continue;
        }
        if (line == "s" || (line.empty() && !prompt.current.empty())) {
            ++position;  // skipped (or kept as it was): offered again in the review
            continue;
        }
        bool takes_empty = !prompt.item.question || prompt.item.kind == SurveyItem::Kind::custom_axes;
        if (line.empty() && !takes_empty) {  // nothing typed and nothing to keep
            ui.show_hint(input_hint(prompt.item));
            continue;
        }
        // Adding a step or channel asks again, so that several can be added.
        bool ask_again = prompt.item.kind == SurveyItem::Kind::custom_axes && !line.empty();
        if (std::string hint = apply(prompt.item, line); !hint.empty()) {
            ui.show_hint(hint);
            continue;
        }
        save();
        // The answer may change which questions follow (a `when`): find this item again.
        std::vector<SurveyItem> updated = source();
        auto same = std::find_if(updated.begin(), updated.end(), [&](const SurveyItem& i) { return i.key() == key; });
        position = same == updated.end() ? position
                                         : static_cast<std::size_t>(same - updated.begin()) + (ask_again ? 0 : 1);
    }
}

std::vector<ReviewEntry> Survey::review_entries(std::vector<ItemSource>& sources) const {
    std::vector<ReviewEntry> entries;
    for (const auto& part : rubric_.parts)
        for (const auto& question : part.questions) {
            if (!is_applicable(question, answers_)) continue;
            if (question.type != QuestionType::matrix) {
                SurveyItem item{SurveyItem::Kind::question, &part, &question};
                entries.push_back({part.name + " · " + question.text, readable_answer(answers_, item), is_answered(item)});
                sources.push_back([item] { return std::vector<SurveyItem>{item}; });
                continue;
            }
            std::vector<Axis> columns = matrix_columns(question, answers_);
            for (const auto& row : matrix_rows(question, answers_)) {
                std::vector<SurveyItem> cells;
                std::vector<std::string> levels;
                bool complete = true;
                for (const auto& column : columns) {
                    SurveyItem cell{SurveyItem::Kind::cell, &part, &question, row, column};
                    cells.push_back(cell);
                    std::string level = readable_answer(answers_, cell);
                    complete = complete && !level.empty();
                    levels.push_back(column.label + ": " + (level.empty() ? "?" : level));
                }
                entries.push_back({part.name + " · " + row.label, join(levels, ", "), complete});
                sources.push_back([cells] { return cells; });
            }
        }
    if (rubric_.advantage) {  // optional, so never marked as missing
        SurveyItem item{SurveyItem::Kind::interactions};
        entries.push_back({"Personalization advantage · Yearly interactions (optional)", readable_answer(answers_, item), true});
        sources.push_back([item] { return std::vector<SurveyItem>{item}; });
    }
    return entries;
}

Survey::Step Survey::review(SurveyUi& ui) {
    for (;;) {
        std::vector<ItemSource> sources;
        std::vector<ReviewEntry> entries = review_entries(sources);
        UserInput input = ui.ask_review(entries);
        if (input.status == InputStatus::end_of_input) return Step::end_of_input;
        if (input.status == InputStatus::interrupted) return Step::interrupted;
        std::string line = trim(input.text);
        if (line.empty()) return Step::done;
        if (line == "q") return Step::quit;
        std::size_t chosen = 0;
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (line == std::to_string(i + 1)) chosen = i + 1;
        if (chosen == 0) {
            ui.show_hint(fmt::format("Type a number from 1 to {} to change an answer, Enter to finish, or q to save and quit.",
                                     entries.size()));
            continue;
        }
        Step step = ask_items(ui, sources[chosen - 1], 0);
        if (step != Step::done) return step;
    }
}

SurveyOutcome Survey::run(SurveyUi& ui) {
    std::vector<SurveyItem> items = plan();
    double total = 0;
    for (const auto& item : items) total += item_seconds(item);
    ui.show_intro(rubric_, total);
    auto first_open = std::find_if(items.begin(), items.end(), [&](const SurveyItem& i) { return !is_answered(i); });
    Step step = ask_items(ui, [this] { return plan(); }, static_cast<std::size_t>(first_open - items.begin()));
    if (step == Step::done && ui.supports_review()) step = review(ui);
    switch (step) {
        case Step::quit: save(); return SurveyOutcome::quit;
        case Step::end_of_input: save(); return SurveyOutcome::end_of_input;
        case Step::interrupted: save(); return SurveyOutcome::interrupted;
        case Step::done: break;
    }
    if (!score_answers(rubric_, answers_).completeness.complete()) {
        save();
        return SurveyOutcome::incomplete;
    }
    answers_.survey.finished = clock_.utc_now();
    save();
    return SurveyOutcome::finished;
}

}  // namespace pindex
