#include "pindex/survey.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>

#include <fmt/format.h>

#include "pindex/advantage.hpp"
#include "pindex/answer_words.hpp"
#include "pindex/limits.hpp"
#include "pindex/scoring.hpp"
#include "pindex/text.hpp"
#include "pindex/typed_number.hpp"

namespace pindex {

namespace {

using Kind = SurveyItem::Kind;

constexpr std::string_view kKeys = "(b back, ? help, s skip, q save and quit)";

std::string lowercase(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// Tokens of a typed list: "1 3", "1,3", "1; 3".
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

// The 0-based index a typed number names among `count` options ("1" is the first).
std::optional<std::size_t> typed_index(std::size_t count, const std::string& token) {
    for (std::size_t i = 0; i < count; ++i)
        if (token == std::to_string(i + 1)) return i;
    return std::nullopt;
}

std::optional<std::size_t> option_index(const std::vector<Option>& options, const std::string& id) {
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].id == id) return i;
    return std::nullopt;
}

std::string range_of(const Question& question) {
    const Band& last = question.bands.back();
    return last.max ? fmt::format("from {:g} to {:g}", question.bands.front().min, *last.max)
                    : fmt::format("of at least {:g}", question.bands.front().min);
}

std::string unit_words(const Question& question) {
    if (question.unit.empty()) return "";
    return question.unit == "%" ? " (%)" : " (" + question.unit + ")";
}

// How to add to and remove from a matrix's own steps and channels.
std::string custom_axes_syntax(const Question& question) {
    std::string add = question.custom_rows && question.custom_columns ? "'step NAME' or 'channel NAME'"
                      : question.custom_rows                          ? "'step NAME'"
                                                                      : "'channel NAME'";
    return add + " to add one, 'remove NAME' to remove one you added";
}

// What to type at a row of the journey: its levels, one per channel, in column order.
std::string row_hint(const Question& question, const std::vector<Axis>& columns) {
    std::vector<std::string> names;
    for (const auto& column : columns) names.push_back(column.label);
    return fmt::format("Type {} levels, one per channel in this order: {}. Each is 1 to {}, or n where customers do "
                       "not use the channel (for example {}) {}.",
                       columns.size(), join(names, "; "), question.levels.size(), example_row_line(columns.size()), kKeys);
}

// The one-line hint for an item when what was typed does not answer it.
std::string input_hint(const SurveyItem& item, const std::vector<Axis>& columns) {
    switch (item.kind) {
        case Kind::organization:
        case Kind::respondent: return "Type the text and Enter, or just Enter to leave it empty.";
        case Kind::interactions:
            return "Type a positive number of interactions, such as 2,000,000 or 2e6, or just Enter to skip.";
        case Kind::custom_axes:
            return fmt::format("Type {} (a name of at most {} characters), or just Enter to go on.",
                               custom_axes_syntax(*item.question), kMaxCustomAxisLabel);
        case Kind::grid: return "Rate the cells with the keys the grid shows, then Enter to go on.";
        case Kind::row: return row_hint(*item.question, columns);
        case Kind::question: break;
    }
    const Question& question = *item.question;
    switch (question.type) {
        case QuestionType::choice:
            return fmt::format("Type a number from 1 to {} and Enter {}.", question.options.size(), kKeys);
        case QuestionType::multi:
            return fmt::format("Type one or more numbers from 1 to {} separated by spaces, or 0 for none of these {}.",
                               question.options.size(), kKeys);
        case QuestionType::number:
            return fmt::format("Type a number {}{} {}.", range_of(question), unit_words(question), kKeys);
        case QuestionType::matrix: break;
    }
    return "";
}

const std::string* cell_level(const Answers& answers, const Question& question, const std::string& row,
                              const std::string& column) {
    const AnswerValue* value = answers.find(question.id);
    return value ? find_cell(std::get<MatrixAnswer>(*value), row, column) : nullptr;
}

GridCell grid_cell(const Answers& answers, const Question& question, const Axis& row, const Axis& column) {
    const std::string* level = cell_level(answers, question, row.id, column.id);
    if (!level) return {};
    if (*level == kNotApplicable) return {GridCell::State::not_applicable, 0};
    auto index = option_index(question.levels, *level);
    return index ? GridCell{GridCell::State::rated, *index} : GridCell{};
}

// Rows [first, first + count) of a matrix, with every channel and each cell's state.
GridView grid_view(const Question& question, const Answers& answers, std::size_t first, std::size_t count) {
    GridView view;
    std::vector<Axis> rows = matrix_rows(question, answers);
    view.columns = matrix_columns(question, answers);
    for (const auto& level : question.levels) view.levels.push_back(level.label);
    view.not_applicable = not_applicable_words(question);
    view.first_row = first;
    view.row_count = rows.size();
    for (std::size_t r = first; r < std::min(rows.size(), first + count); ++r) {
        view.rows.push_back(rows[r]);
        std::vector<GridCell> cells;
        for (const auto& column : view.columns) cells.push_back(grid_cell(answers, question, rows[r], column));
        view.cells.push_back(std::move(cells));
    }
    return view;
}

std::size_t row_position(const Question& question, const Answers& answers, const Axis& row) {
    std::vector<Axis> rows = matrix_rows(question, answers);
    auto found = std::find_if(rows.begin(), rows.end(), [&](const Axis& r) { return r.id == row.id; });
    return static_cast<std::size_t>(found - rows.begin());
}

GridView item_grid(const SurveyItem& item, const Answers& answers) {
    if (item.kind == Kind::row) return grid_view(*item.question, answers, row_position(*item.question, answers, item.row), 1);
    return grid_view(*item.question, answers, 0, matrix_rows(*item.question, answers).size());
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
                       "Type {}, or just Enter to go on.",
                       join(rows, "; "), join(columns, "; "), kinds, custom_axes_syntax(question));
}

std::string utc_timestamp() {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    ::gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

bool asks_a_question(Kind kind) {
    return kind == Kind::question || kind == Kind::grid || kind == Kind::row || kind == Kind::custom_axes;
}

}  // namespace

std::string example_row_line(std::size_t columns) {
    static const char* const kPattern[] = {"2", "3", "n", "1", "1", "4"};
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < columns; ++i) tokens.push_back(kPattern[i % 6]);
    return join(tokens, " ");
}

std::string text_value_problem(std::string_view text) {
    if (first_invalid_utf8(text))
        return "Type text in UTF-8: what arrived holds bytes that are not UTF-8 (is the terminal set to another "
               "encoding?). Nothing was saved.";
    if (first_control_character(text)) return "Type text without control characters (such as an escape sequence).";
    if (text.size() > limits::kMaxTextBytes)
        return fmt::format("Type at most {} KiB of text.", limits::kMaxTextBytes / 1024);
    return "";
}

std::string SurveyItem::key() const {
    switch (kind) {
        case Kind::organization: return "organization";
        case Kind::respondent: return "respondent";
        case Kind::interactions: return "yearly_interactions";
        case Kind::custom_axes: return question->id + "+";
        case Kind::row: return question->id + "." + row.id;
        case Kind::grid:
        case Kind::question: return question->id;
    }
    return "";
}

std::size_t GridView::count(GridCell::State state) const {
    std::size_t total = 0;
    for (const auto& row : cells)
        total += static_cast<std::size_t>(std::count_if(row.begin(), row.end(), [&](const GridCell& c) { return c.state == state; }));
    return total;
}

Reply reply_from_line(std::string_view typed) {
    std::string line = trim(typed);
    if (line.empty()) return Reply::of(Reply::Kind::keep);
    if (line == "q") return Reply::of(Reply::Kind::quit);
    if (line == "?") return Reply::of(Reply::Kind::help);
    if (line == "b") return Reply::of(Reply::Kind::back);
    if (line == "s") return Reply::of(Reply::Kind::skip);
    Reply reply = Reply::of(Reply::Kind::line);
    reply.line = line;
    return reply;
}

SurveyClock SurveyClock::system() {
    return {[] {
                return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
            },
            utc_timestamp};
}

Survey::Survey(const Rubric& rubric, Answers answers, Saver save, SurveyClock clock, SurveyTimeModel time_model)
    : rubric_(rubric), answers_(std::move(answers)), save_(std::move(save)), clock_(std::move(clock)),
      time_model_(time_model) {
    answers_.rubric_id = rubric_.id;
    if (answers_.survey.started.empty()) answers_.survey.started = clock_.utc_now();
    if (answers_.date.empty()) answers_.date = answers_.survey.started.substr(0, 10);
}

void Survey::ask_metadata(bool organization, bool respondent) {
    ask_organization_ = organization;
    ask_respondent_ = respondent;
}

std::vector<SurveyItem> Survey::plan(bool grid) const {
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
            if (question.custom_rows || question.custom_columns) items.push_back({Kind::custom_axes, &part, &question});
            if (grid) {
                items.push_back({Kind::grid, &part, &question});
                continue;
            }
            for (const auto& row : matrix_rows(question, answers_)) items.push_back({Kind::row, &part, &question, row});
        }
    if (rubric_.advantage) items.push_back({Kind::interactions});
    return items;
}

bool Survey::is_answered(const SurveyItem& item) const {
    switch (item.kind) {
        case Kind::organization: return organization_asked_ || !answers_.organization.empty();
        case Kind::respondent: return respondent_asked_ || !answers_.respondent.empty();
        case Kind::interactions: return interactions_asked_ || answers_.yearly_interactions.has_value();
        case Kind::question: return answers_.find(item.question->id) != nullptr;
        case Kind::grid:
        case Kind::row: {
            GridView view = item_grid(item, answers_);
            return view.count(GridCell::State::unrated) == 0;
        }
        case Kind::custom_axes:
            // Passed in this run, or the matrix was already begun in an earlier one.
            return std::find(custom_axes_done_.begin(), custom_axes_done_.end(), item.question->id) !=
                       custom_axes_done_.end() ||
                   answers_.find(item.question->id) || answers_.custom.count(item.question->id);
    }
    return false;
}

double Survey::item_seconds(const SurveyItem& item) const {
    switch (item.kind) {
        case Kind::organization:
        case Kind::respondent:
        case Kind::custom_axes: return time_model_.seconds_per_text;
        case Kind::interactions: return time_model_.seconds_per_number;
        case Kind::question: return estimate_question_seconds(*item.question, time_model_);
        case Kind::grid: {
            GridView view = item_grid(item, answers_);
            return estimate_matrix_seconds(*item.question, view.count(GridCell::State::unrated), time_model_);
        }
        case Kind::row: {
            // The matrix's words are read once: each row carries its share of them.
            GridView view = item_grid(item, answers_);
            double reading = estimate_matrix_seconds(*item.question, 0, time_model_);
            return reading / double(std::max<std::size_t>(view.row_count, 1)) +
                   time_model_.seconds_per_journey_cell * double(view.count(GridCell::State::unrated));
        }
    }
    return 0;
}

SurveyIntro Survey::intro(const std::vector<SurveyItem>& items) const {
    SurveyIntro intro;
    intro.seconds_left = time_model_.intro_seconds + time_model_.closing_seconds;
    std::set<std::string> questions, open;
    for (const auto& item : items) {
        if (asks_a_question(item.kind)) questions.insert(item.question->id);
        if (is_answered(item)) continue;
        intro.seconds_left += item_seconds(item);
        if (asks_a_question(item.kind) && item.kind != Kind::custom_axes) open.insert(item.question->id);
    }
    intro.question_total = static_cast<int>(questions.size());
    intro.questions_left = static_cast<int>(open.size());
    intro.resumed = !answers_.answers.empty() || !answers_.custom.empty();
    return intro;
}

Prompt Survey::prompt_for(const std::vector<SurveyItem>& items, std::size_t index) const {
    const SurveyItem& item = items[index];
    Prompt prompt;
    prompt.item = item;
    // Progress: the rubric's questions in plan order, a matrix (its own steps, grid or rows) one.
    std::vector<std::string> order;
    for (const auto& other : items)
        if (asks_a_question(other.kind) && std::find(order.begin(), order.end(), other.question->id) == order.end())
            order.push_back(other.question->id);
    prompt.question_total = static_cast<int>(order.size());
    if (asks_a_question(item.kind))
        prompt.question_number = static_cast<int>(std::find(order.begin(), order.end(), item.question->id) - order.begin()) + 1;
    prompt.seconds_left = item_seconds(item) + time_model_.closing_seconds;
    for (std::size_t i = index + 1; i < items.size(); ++i)
        if (!is_answered(items[i])) prompt.seconds_left += item_seconds(items[i]);

    switch (item.kind) {
        case Kind::organization:
        case Kind::respondent: {
            bool organization = item.kind == Kind::organization;
            prompt.section = "About this assessment";
            prompt.text = organization ? "Organization assessed" : "Your name or role";
            prompt.context = organization ? "Organization" : "Respondent";
            prompt.text_value = organization ? answers_.organization : answers_.respondent;
            prompt.help = "Shown on the report; leave empty and press Enter to skip.";
            prompt.answered = !prompt.text_value.empty();
            prompt.optional = true;
            return prompt;
        }
        case Kind::interactions:
            prompt.section = "Optional, not scored";
            prompt.text = "About how many digital customer interactions a year can you learn from (visits, app "
                          "sessions, messages opened, purchases)?";
            prompt.context = "Yearly interactions";
            prompt.unit = "interactions";
            prompt.number = answers_.yearly_interactions;
            prompt.help = "Not scored. The more customer interactions you learn from, and the faster you act on "
                          "what you learn, the larger the advantage personalization gives you: `pindex compare` "
                          "uses this count to show how that advantage changed since an earlier assessment. A rough "
                          "count is fine (2,000,000, 2e6 or 2 million); leave it empty and press Enter to skip.";
            prompt.answered = prompt.number.has_value();
            prompt.optional = true;
            return prompt;
        default: break;
    }
    const Question& question = *item.question;
    prompt.section = item.part->name;
    prompt.text = question.text;
    prompt.help = question.help;
    switch (item.kind) {
        case Kind::custom_axes: {
            prompt.context = "Your own journey steps and channels";
            prompt.text = custom_axes_prompt(question, answers_);
            prompt.help = "The method rates the steps and channels where personalization matters for your "
                          "customers. Add a step or channel the list lacks; every cell of it is then rated like "
                          "the others. Remove one added by mistake with 'remove NAME'.";
            if (auto custom = answers_.custom.find(question.id); custom != answers_.custom.end()) {
                for (const auto& row : custom->second.rows) prompt.removable.push_back(row.label);
                for (const auto& column : custom->second.columns) prompt.removable.push_back(column.label);
            }
            prompt.answered = true;
            prompt.optional = true;
            return prompt;
        }
        case Kind::grid:
        case Kind::row:
            prompt.grid = item_grid(item, answers_);
            prompt.context = item.kind == Kind::row ? item.row.label : "The customer journey";
            prompt.answered = prompt.grid.count(GridCell::State::unrated) == 0;
            return prompt;
        default: break;
    }
    const AnswerValue* value = answers_.find(question.id);
    prompt.answered = value != nullptr;
    switch (question.type) {
        case QuestionType::choice:
        case QuestionType::multi: {
            for (const auto& option : question.options) prompt.choices.push_back(option.label);
            prompt.multiple = question.type == QuestionType::multi;
            std::vector<std::string> ids;
            if (const auto* one = value ? std::get_if<std::string>(value) : nullptr) ids = {*one};
            if (const auto* many = value ? std::get_if<std::vector<std::string>>(value) : nullptr) ids = *many;
            for (const auto& id : ids)
                if (auto chosen = option_index(question.options, id)) prompt.selected.push_back(*chosen);
            break;
        }
        case QuestionType::number:
            prompt.unit = question.unit;
            prompt.range = range_of(question);
            if (value) prompt.number = std::get<double>(*value);
            break;
        case QuestionType::matrix: break;
    }
    return prompt;
}

Survey::Applied Survey::apply(const SurveyItem& item, const Reply& reply) {
    switch (reply.kind) {
        case Reply::Kind::line: return apply_line(item, reply.line);
        case Reply::Kind::choose: return apply_choice(item, reply.options);
        case Reply::Kind::set_cells: return apply_cells(item, reply.cells);
        case Reply::Kind::skip: return skip(item);
        default: return {false, "This reply does not answer a question."};
    }
}

Survey::Applied Survey::apply_line(const SurveyItem& item, const std::string& line) {
    // The answers file must load again: the loader's rules for text apply to everything typed.
    if (std::string problem = text_value_problem(line); !problem.empty()) return {false, problem};
    switch (item.kind) {
        case Kind::organization:
            answers_.organization = line;
            organization_asked_ = true;
            return {true, line};
        case Kind::respondent:
            answers_.respondent = line;
            respondent_asked_ = true;
            return {true, line};
        case Kind::interactions: {
            TypedNumber count = read_typed_number(line, "interactions");
            if (!count.value) return {false, count.hint + " Or just Enter to skip."};
            if (*count.value < limits::kMinYearlyInteractions || *count.value > limits::kMaxYearlyInteractions)
                return {false, fmt::format("Type a count from {:g} to {:g}, such as 2,000,000, or just Enter to skip.",
                                           limits::kMinYearlyInteractions, limits::kMaxYearlyInteractions)};
            answers_.yearly_interactions = *count.value;
            interactions_asked_ = true;
            return {true, grouped_count(*count.value) + " a year"};
        }
        case Kind::custom_axes: return apply_custom_axes(*item.question, line);
        case Kind::row: return apply_row_line(item, line);
        case Kind::grid: return {false, input_hint(item, {})};
        case Kind::question: break;
    }
    const Question& question = *item.question;
    switch (question.type) {
        case QuestionType::choice: {
            std::optional<std::size_t> index = typed_index(question.options.size(), line);
            if (!index) index = option_index(question.options, line);  // an option's id, as in the file
            if (!index) return {false, input_hint(item, {})};
            return apply_choice(item, {*index});
        }
        case QuestionType::multi: {
            std::vector<std::size_t> chosen;
            std::string lowered = lowercase(line);
            if (lowered != "none" && lowered != "0") {
                for (const auto& token : split_choices(line)) {
                    std::optional<std::size_t> index = typed_index(question.options.size(), token);
                    if (!index) index = option_index(question.options, token);
                    if (!index) return {false, input_hint(item, {})};
                    chosen.push_back(*index);
                }
            }
            return apply_choice(item, chosen);
        }
        case QuestionType::number: {
            TypedNumber typed = read_typed_number(line, question.unit);
            if (!typed.value) return {false, typed.hint + " " + input_hint(item, {})};
            if (!question.find_band(*typed.value))
                return {false, fmt::format("{} is outside the range: {}", quantity_words(*typed.value, question.unit),
                                           input_hint(item, {}))};
            answers_.answers[question.id] = *typed.value;
            return {true, answer_words(question, answers_.answers[question.id])};
        }
        case QuestionType::matrix: break;
    }
    return {false, "This question cannot be answered here."};
}

Survey::Applied Survey::apply_choice(const SurveyItem& item, const std::vector<std::size_t>& options) {
    if (item.kind != Kind::question || (item.question->type != QuestionType::choice &&
                                        item.question->type != QuestionType::multi))
        return {false, input_hint(item, {})};
    const Question& question = *item.question;
    for (std::size_t index : options)
        if (index >= question.options.size()) return {false, input_hint(item, {})};
    if (question.type == QuestionType::choice) {
        if (options.size() != 1) return {false, input_hint(item, {})};
        answers_.answers[question.id] = question.options[options.front()].id;
    } else {
        std::vector<std::string> ids;
        for (std::size_t index : std::set<std::size_t>(options.begin(), options.end()))  // rubric order, once each
            ids.push_back(question.options[index].id);
        answers_.answers[question.id] = ids;
    }
    return {true, answer_words(question, answers_.answers[question.id])};
}

Survey::Applied Survey::apply_cells(const SurveyItem& item, const std::vector<Reply::CellChange>& cells) {
    if (item.kind != Kind::grid && item.kind != Kind::row) return {false, input_hint(item, {})};
    const Question& question = *item.question;
    GridView view = item_grid(item, answers_);
    for (const auto& change : cells)
        if (change.row >= view.rows.size() || change.column >= view.columns.size() ||
            (change.value.state == GridCell::State::rated && change.value.level >= question.levels.size()))
            return {false, input_hint(item, view.columns)};
    for (const auto& change : cells) {
        const std::string& row = view.rows[change.row].id;
        const std::string& column = view.columns[change.column].id;
        if (change.value.state == GridCell::State::unrated) {
            auto value = answers_.answers.find(question.id);
            if (value == answers_.answers.end()) continue;
            auto& matrix = std::get<MatrixAnswer>(value->second);
            if (auto found = matrix.find(row); found != matrix.end()) {
                found->second.erase(column);
                if (found->second.empty()) matrix.erase(found);
            }
            if (matrix.empty()) answers_.answers.erase(value);
            continue;
        }
        AnswerValue& value = answers_.answers.try_emplace(question.id, MatrixAnswer{}).first->second;
        std::get<MatrixAnswer>(value)[row][column] = change.value.state == GridCell::State::not_applicable
                                                         ? std::string(kNotApplicable)
                                                         : question.levels[change.value.level].id;
    }
    GridView after = item_grid(item, answers_);
    std::vector<std::string> words;
    for (std::size_t c = 0; c < after.columns.size() && item.kind == Kind::row; ++c) {
        const GridCell& cell = after.cells.front()[c];
        words.push_back(after.columns[c].label + ": " +
                        (cell.state == GridCell::State::rated ? after.levels[cell.level]
                         : cell.state == GridCell::State::not_applicable ? std::string(kNotApplicable)
                                                                         : std::string("?")));
    }
    return {true, join(words, ", ")};
}

Survey::Applied Survey::apply_row_line(const SurveyItem& item, const std::string& line) {
    const Question& question = *item.question;
    GridView view = item_grid(item, answers_);
    std::vector<std::string> tokens = split_choices(lowercase(line));
    if (tokens.size() != view.columns.size()) return {false, input_hint(item, view.columns)};
    std::vector<Reply::CellChange> changes;
    for (std::size_t c = 0; c < tokens.size(); ++c) {
        GridCell cell;
        if (tokens[c] == "n" || tokens[c] == "n/a") {
            cell.state = GridCell::State::not_applicable;
        } else if (auto level = typed_index(question.levels.size(), tokens[c])) {
            cell = {GridCell::State::rated, *level};
        } else {
            return {false, input_hint(item, view.columns)};
        }
        changes.push_back({0, c, cell});
    }
    return apply_cells(item, changes);
}

Survey::Applied Survey::apply_custom_axes(const Question& question, const std::string& line) {
    auto split = line.find(' ');
    std::string kind = lowercase(line.substr(0, split));
    std::string label = split == std::string::npos ? "" : trim(line.substr(split + 1));
    SurveyItem item{Kind::custom_axes, nullptr, &question};
    if (kind == "remove") {
        auto custom = answers_.custom.find(question.id);
        auto matches = [&](const Axis& axis) { return lowercase(axis.label) == lowercase(label) || axis.id == label; };
        if (custom != answers_.custom.end()) {
            for (auto* axes : {&custom->second.rows, &custom->second.columns}) {
                auto found = std::find_if(axes->begin(), axes->end(), matches);
                if (found == axes->end()) continue;
                Axis removed = *found;
                bool is_row = axes == &custom->second.rows;
                axes->erase(found);
                if (custom->second.rows.empty() && custom->second.columns.empty()) answers_.custom.erase(custom);
                // Its cells go with it, so the file never rates a step or channel it no longer has.
                if (auto value = answers_.answers.find(question.id); value != answers_.answers.end()) {
                    auto& matrix = std::get<MatrixAnswer>(value->second);
                    if (is_row) matrix.erase(removed.id);
                    else
                        for (auto& [row, cells] : matrix) cells.erase(removed.id);
                    std::erase_if(matrix, [](const auto& row) { return row.second.empty(); });
                    if (matrix.empty()) answers_.answers.erase(value);
                }
                return {true, "removed " + removed.label};
            }
        }
        return {false, label.empty() ? input_hint(item, {})
                                     : fmt::format("There is no step or channel of your own named '{}'. {}", label,
                                                   input_hint(item, {}))};
    }
    bool row = kind == "step" && question.custom_rows;
    bool column = kind == "channel" && question.custom_columns;
    if ((!row && !column) || label.empty() || display_width(label) > kMaxCustomAxisLabel) return {false, input_hint(item, {})};
    // The loader's limits, so that the file saved loads again.
    const auto& existing = answers_.custom.count(question.id) ? answers_.custom.at(question.id) : CustomAxes{};
    if ((row && existing.rows.size() >= limits::kMaxCustomRows) ||
        (column && existing.columns.size() >= limits::kMaxCustomColumns))
        return {false, fmt::format("A journey takes at most {} steps and {} channels of your own; remove one first.",
                                   limits::kMaxCustomRows, limits::kMaxCustomColumns)};
    CustomAxes& custom = answers_.custom[question.id];
    if (row) custom.rows.push_back({custom_axis_id(label, matrix_rows(question, answers_)), label});
    else custom.columns.push_back({custom_axis_id(label, matrix_columns(question, answers_)), label});
    return {true, "added " + label};
}

Survey::Applied Survey::skip(const SurveyItem& item) {
    // Skipping leaves the item unanswered, as the review will show it: an answer it had is
    // cleared, and the words say so, so that nothing changes without the respondent seeing it.
    bool had = is_answered(item);
    switch (item.kind) {
        case Kind::organization:
            had = !answers_.organization.empty();
            answers_.organization.clear();
            organization_asked_ = true;
            break;
        case Kind::respondent:
            had = !answers_.respondent.empty();
            answers_.respondent.clear();
            respondent_asked_ = true;
            break;
        case Kind::interactions:
            had = answers_.yearly_interactions.has_value();
            answers_.yearly_interactions.reset();
            interactions_asked_ = true;
            break;
        case Kind::custom_axes:
            custom_axes_done_.push_back(item.question->id);
            return {true, "none added"};
        case Kind::grid:
            // A grid is many answers: skipping it leaves the cells not yet rated open, and keeps
            // the ones rated, which the grid shows.
            return {true, "left for later"};
        case Kind::row: {
            GridView view = item_grid(item, answers_);
            had = view.count(GridCell::State::unrated) < view.columns.size();
            std::vector<Reply::CellChange> clear;
            for (std::size_t c = 0; c < view.columns.size(); ++c) clear.push_back({0, c, GridCell{}});
            apply_cells(item, clear);
            break;
        }
        case Kind::question: had = answers_.answers.erase(item.question->id) > 0; break;
    }
    return {true, had ? "skipped (answer cleared)" : "skipped"};
}

std::string Survey::current_words(const SurveyItem& item) const {
    switch (item.kind) {
        case Kind::organization: return answers_.organization.empty() ? "(none)" : answers_.organization;
        case Kind::respondent: return answers_.respondent.empty() ? "(none)" : answers_.respondent;
        case Kind::interactions:
            return answers_.yearly_interactions ? grouped_count(*answers_.yearly_interactions) + " a year" : "(none)";
        case Kind::custom_axes: return "done";
        case Kind::grid:
        case Kind::row: {
            GridView view = item_grid(item, answers_);
            std::size_t cells = view.rows.size() * view.columns.size();
            return fmt::format("{} of {} cells rated, {} n/a", cells - view.count(GridCell::State::unrated) -
                                                                   view.count(GridCell::State::not_applicable),
                               cells, view.count(GridCell::State::not_applicable));
        }
        case Kind::question: break;
    }
    const AnswerValue* value = answers_.find(item.question->id);
    return value ? answer_words(*item.question, *value) : "(unanswered)";
}

void Survey::save() {
    if (save_) save_(answers_);
}

Survey::Step Survey::ask_items(SurveyUi& ui, const ItemSource& source, std::size_t start, bool pass_answered) {
    std::size_t position = start;
    // Going forward beyond the furthest item reached, answered items (from an earlier run) are
    // passed by; behind it (after going back), each is shown again, Enter keeping it.
    std::size_t furthest = start;
    for (;;) {
        std::vector<SurveyItem> items = source();
        if (position >= items.size()) return Step::done;
        Prompt prompt = prompt_for(items, position);
        double shown_at = clock_.monotonic_seconds();
        Reply reply = ui.ask(prompt);
        answers_.survey.active_seconds +=
            std::clamp(clock_.monotonic_seconds() - shown_at, 0.0, kMaxActiveSecondsPerAnswer);
        const SurveyItem& item = prompt.item;
        bool stay = false;  // ask the same item again after an accepted answer
        switch (reply.kind) {
            case Reply::Kind::end_of_input: return Step::end_of_input;
            case Reply::Kind::interrupted: return Step::interrupted;
            case Reply::Kind::quit: return Step::quit;
            case Reply::Kind::help: ui.show_help(prompt); continue;
            case Reply::Kind::back:
                if (position == 0) ui.show_hint("This is the first question.");
                else --position;
                continue;
            case Reply::Kind::keep:
                if (!prompt.answered && !prompt.optional && item.kind != Kind::grid) {
                    ui.show_hint(input_hint(item, prompt.grid.columns));
                    continue;
                }
                if (item.kind == Kind::organization) organization_asked_ = true;
                if (item.kind == Kind::respondent) respondent_asked_ = true;
                if (item.kind == Kind::interactions) interactions_asked_ = true;
                if (item.kind == Kind::custom_axes) custom_axes_done_.push_back(item.question->id);
                ui.show_accepted(prompt, current_words(item));
                break;
            default: {
                Applied applied = apply(item, reply);
                if (!applied.accepted) {
                    ui.show_hint(applied.words);
                    continue;
                }
                save();
                // The grid stays on screen while cells are set; another step or channel may follow.
                if (reply.kind == Reply::Kind::set_cells && item.kind == Kind::grid) continue;
                ui.show_accepted(prompt, applied.words);
                stay = item.kind == Kind::custom_axes && reply.kind == Reply::Kind::line;
                break;
            }
        }
        // The answer may change which questions follow (a `when`): find this item again.
        std::vector<SurveyItem> updated = source();
        std::string key = item.key();
        auto same = std::find_if(updated.begin(), updated.end(), [&](const SurveyItem& i) { return i.key() == key; });
        if (same != updated.end()) position = static_cast<std::size_t>(same - updated.begin()) + (stay ? 0 : 1);
        if (pass_answered && position > furthest) {
            while (position < updated.size() && is_answered(updated[position])) ++position;
            furthest = position;
        }
    }
}

std::vector<ReviewEntry> Survey::review_entries(bool grid, std::vector<std::vector<SurveyItem>>* items) const {
    std::vector<ReviewEntry> entries;
    auto add = [&](ReviewEntry entry, std::vector<SurveyItem> opens) {
        entries.push_back(std::move(entry));
        if (items) items->push_back(std::move(opens));
    };
    add({"About this assessment", "Organization assessed", answers_.organization, true, true}, {{Kind::organization}});
    add({"About this assessment", "Your name or role", answers_.respondent, true, true}, {{Kind::respondent}});
    for (const auto& part : rubric_.parts)
        for (const auto& question : part.questions) {
            if (!is_applicable(question, answers_)) continue;
            const AnswerValue* value = answers_.find(question.id);
            std::string words = value ? answer_words(question, *value) : "";
            if (question.type != QuestionType::matrix) {
                SurveyItem item{Kind::question, &part, &question};
                add({part.name, question.text, words, value != nullptr, false}, {item});
                continue;
            }
            std::vector<SurveyItem> opens;
            if (question.custom_rows || question.custom_columns) opens.push_back({Kind::custom_axes, &part, &question});
            if (grid) opens.push_back({Kind::grid, &part, &question});
            else
                for (const auto& row : matrix_rows(question, answers_)) opens.push_back({Kind::row, &part, &question, row});
            GridView view = grid_view(question, answers_, 0, matrix_rows(question, answers_).size());
            std::size_t open = view.count(GridCell::State::unrated);
            if (open > 0 && value)
                words = fmt::format("{} of {} cells rated", view.rows.size() * view.columns.size() - open,
                                    view.rows.size() * view.columns.size());
            add({part.name, question.text, words, open == 0, false}, opens);
        }
    if (rubric_.advantage) {
        std::string words = answers_.yearly_interactions ? grouped_count(*answers_.yearly_interactions) + " a year" : "";
        add({"Optional, not scored", "Yearly digital interactions you can learn from", words, true, true},
            {{Kind::interactions}});
    }
    return entries;
}

Survey::Step Survey::review(SurveyUi& ui) {
    for (;;) {
        std::vector<std::vector<SurveyItem>> opens;
        std::vector<ReviewEntry> entries = review_entries(true, &opens);
        Reply reply = ui.ask_review(entries);
        std::optional<std::size_t> chosen;
        switch (reply.kind) {
            case Reply::Kind::end_of_input: return Step::end_of_input;
            case Reply::Kind::interrupted: return Step::interrupted;
            case Reply::Kind::quit: return Step::quit;
            case Reply::Kind::keep: return Step::done;
            case Reply::Kind::choose:
                if (reply.options.size() == 1 && reply.options.front() < entries.size()) chosen = reply.options.front();
                break;
            case Reply::Kind::line: chosen = typed_index(entries.size(), reply.line); break;
            default: break;
        }
        if (!chosen) {
            ui.show_hint(fmt::format("Type a number from 1 to {} and Enter to change an answer, Enter alone to "
                                     "finish, or q to save and quit.",
                                     entries.size()));
            continue;
        }
        // The entry's items, and then back to the review: nothing else is asked again.
        std::vector<SurveyItem> items = opens[*chosen];
        Step step = ask_items(ui, [items] { return items; }, 0, false);
        if (step != Step::done) return step;
    }
}

SurveyOutcome Survey::run(SurveyUi& ui) {
    bool grid = ui.shows_grid();
    std::vector<SurveyItem> items = plan(grid);
    ui.show_intro(rubric_, intro(items));
    auto first_open = std::find_if(items.begin(), items.end(), [&](const SurveyItem& i) { return !is_answered(i); });
    Step step = ask_items(ui, [this, grid] { return plan(grid); }, static_cast<std::size_t>(first_open - items.begin()), true);
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
