#include "pindex/plan_report.hpp"

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/report.hpp"
#include "pindex/report_json.hpp"
#include "pindex/xlsx_workbook.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kWidth = 80;
// With their advice, four rows fill a 16:9 slide (rendered with Marp: five of the longest overflow).
constexpr std::size_t kStepsPerSlide = 4;

std::string steps_words(std::size_t steps) { return steps == 1 ? "1 step" : fmt::format("{} steps", steps); }

// "29 steps", or "12 steps of total effort 31" where the rubric gives efforts.
std::string amount_words(const Plan& plan, std::size_t steps, int effort) {
    if (!plan.uses_effort) return steps_words(steps);
    return fmt::format("{} of total effort {}", steps_words(steps), effort);
}

std::string fewer_words(const Plan& plan) { return plan.uses_effort ? "less effort" : "fewer steps"; }

std::string target_words(const Plan& plan) {
    std::string words = fmt::format("{:g}", *plan.goal.target);
    if (plan.goal.benchmark) words += fmt::format(" ({})", plan.goal.benchmark->label);
    return words;
}

std::string goal_sentence(const Plan& plan) {
    std::string amount = amount_words(plan, plan.step_count, plan.effort);
    if (plan.goal.target) {
        if (!plan.reached)
            return fmt::format("Target {} cannot be reached: the highest index any plan reaches is {:.1f}, with {}; "
                               "this plan takes them.", target_words(plan), plan.highest_index, amount);
        if (plan.step_count == 0) return fmt::format("Target {}: already reached, no step is needed.", target_words(plan));
        return fmt::format("Target {}: {} reach {:.1f}. No plan of {} reaches {:g}: pindex's search weighs "
                           "every combination of steps.", target_words(plan), amount, plan.index_after,
                           fewer_words(plan), *plan.goal.target);
    }
    std::string budget = plan.uses_effort ? fmt::format("effort {}", *plan.goal.budget) : steps_words(std::size_t(*plan.goal.budget));
    if (plan.effort < *plan.goal.budget && plan.index_after >= plan.highest_index)
        return fmt::format("Budget of {}: {} reach {:.1f}, the highest index any plan reaches; the rest of the "
                           "budget is not needed.", budget, amount, plan.index_after);
    return fmt::format("Budget of {}: the highest index it reaches is {:.1f}, with {}. No plan within the budget "
                       "reaches higher: pindex's search weighs every combination of steps.", budget, plan.index_after,
                       amount);
}

std::string shown_ids(const std::vector<std::string>& ids) {
    constexpr std::size_t kShown = 12;
    std::vector<std::string> shown(ids.begin(), ids.begin() + std::ptrdiff_t(std::min(ids.size(), kShown)));
    std::string words = join(shown);
    if (ids.size() > kShown) words += fmt::format(" and {} more", ids.size() - kShown);
    return words;
}

// "Wave 1 of 3: 9 steps, 44.9 -> 60.2", with `arrow` between the indices.
std::string wave_title(const Plan& plan, std::size_t number, double index_from, std::string_view arrow) {
    const PlanWave& wave = plan.waves[number];
    std::string amount = amount_words(plan, wave.steps.size(), wave.effort);
    std::string name = plan.waves.size() == 1 ? "The steps in order"
                                              : fmt::format("Wave {} of {}", number + 1, plan.waves.size());
    return fmt::format("{}: {}, {:.1f} {} {:.1f}", name, amount, index_from, arrow, wave.index);
}

// The index each wave starts from.
std::vector<double> wave_starts(const Plan& plan) {
    std::vector<double> starts;
    double index = plan.index_before;
    for (const auto& wave : plan.waves) {
        starts.push_back(index);
        index = wave.index;
    }
    return starts;
}

std::string step_words(const PlanStep& step) {
    return move_change_words(step.move);
}

void wrapped(std::string& out, std::string_view first, std::string_view text) {
    std::string hanging(display_width(first), ' ');
    bool is_first = true;
    for (const auto& line : wrap_words(escape_control_characters(text), kWidth - hanging.size())) {
        out += (is_first ? std::string(first) : hanging) + line + "\n";
        is_first = false;
    }
}

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// A move as the JSON report holds it, and the step's effort.
Json step_json(const PlanStep& step) {
    Json json = move_to_json(step.move);
    json["effort"] = step.effort;
    return json;
}

constexpr const char* kStyle = R"(
:root { color: #1a1a1a; background: #fff; font-family: "DejaVu Sans", Verdana, Arial, sans-serif; }
body { max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.9rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 0.2rem; }
.meta { color: #595959; margin: 0.2rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; font-size: 0.92rem; }
th, td { border: 1px solid #bdbdbd; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num, th.num { text-align: right; white-space: nowrap; }
.note { color: #595959; font-size: 0.88rem; }
footer { margin-top: 2.5rem; color: #595959; font-size: 0.85rem; }
@media print { body { max-width: none; margin: 0; padding: 0 2px; font-size: 10pt; } tr, h2 { break-inside: avoid; } }
)";

std::string h(std::string_view text) { return escape_xml(text); }
std::string m(std::string_view text) { return escape_markdown(text); }

std::string markdown_front_matter(const Plan& plan) {
    std::string title = "Plan: " + plan.rubric_name + (plan.organization.empty() ? "" : ": " + plan.organization);
    std::string quoted;
    for (char c : valid_utf8(title)) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
    return fmt::format("---\nmarp: true\npaginate: true\ntitle: \"{}\"\nstyle: |\n  section {{ font-size: 24px; }}\n"
                       "  table {{ font-size: 15px; }}\n  th, td {{ padding: 4px 8px; }}\n---\n\n", quoted);
}

std::string markdown_step_row(const Plan& plan, const PlanStep& step) {
    std::string to = "**" + m(step.move.to_text) + "**";
    if (!step.move.advice.empty()) to += "<br>" + m(step.move.advice);
    std::string effort = plan.uses_effort ? fmt::format(" | {}", step.effort) : "";
    return fmt::format("| {:+.2f}{} | {} | {} | {} |\n", step.move.gain, effort, m(move_target_words(step.move)),
                       m(step.move.from_text), to);
}

}  // namespace

std::vector<std::string> plan_summary(const Plan& plan) {
    std::vector<std::string> sentences{fmt::format("The index is {:.1f} today.", plan.index_before), goal_sentence(plan)};
    if (!plan.unanswered.empty())
        sentences.push_back(fmt::format("This plan makes {} apply, with no answer yet: counted as 0 here, so "
                                        "answering can only raise the index it reaches.", shown_ids(plan.unanswered)));
    if (!plan.missing.empty())
        sentences.push_back(fmt::format("Missing today, so counted as 0 and given no step (as in the moves): {}.",
                                        shown_ids(plan.missing)));
    return sentences;
}

std::string write_plan_text(const Plan& plan) {
    std::string out = fmt::format("{} plan: {:.1f} -> {:.1f}\n", plan.rubric_name, plan.index_before, plan.index_after);
    std::vector<std::string> facts = {plan.source};
    if (!plan.organization.empty()) facts.insert(facts.begin(), plan.organization);
    if (!plan.date.empty()) facts.push_back("answered " + plan.date);
    wrapped(out, "", join(facts));
    out += "\n";
    for (const auto& sentence : plan_summary(plan)) wrapped(out, "", sentence);
    std::vector<double> starts = wave_starts(plan);
    for (std::size_t w = 0; w < plan.waves.size(); ++w) {
        out += "\n" + wave_title(plan, w, starts[w], "->") + "\n";
        for (const auto& step : plan.waves[w].steps) {
            std::string effort = plan.uses_effort ? fmt::format("(effort {}) ", step.effort) : "";
            wrapped(out, fmt::format("  {:>+6.2f}  ", step.move.gain), effort + step_words(step));
            if (!step.move.advice.empty()) wrapped(out, "            ", step.move.advice);
        }
    }
    if (!plan.waves.empty()) {
        out += "\n";
        wrapped(out, "Order: ", plan.order);
    }
    return out;
}

nlohmann::ordered_json plan_to_json(const Plan& plan) {
    Json waves = Json::array();
    for (std::size_t w = 0; w < plan.waves.size(); ++w) {
        Json steps = Json::array();
        for (const auto& step : plan.waves[w].steps) steps.push_back(step_json(step));
        waves.push_back(Json{{"wave", w + 1},
                             {"effort", plan.waves[w].effort},
                             {"index", plan.waves[w].index},
                             {"steps", std::move(steps)}});
    }
    Json benchmark = plan.goal.benchmark ? Json{{"id", plan.goal.benchmark->id},
                                                {"label", plan.goal.benchmark->label},
                                                {"score", plan.goal.benchmark->score},
                                                {"source", plan.goal.benchmark->source}}
                                         : Json(nullptr);
    return Json{{"schema_version", kPlanSchemaVersion},
                {"kind", "plan"},
                {"tool", {{"name", "pindex"}, {"version", plan.tool_version}}},
                {"rubric", {{"id", plan.rubric_id}, {"version", plan.rubric_version}, {"name", plan.rubric_name}}},
                {"source", plan.source},
                {"organization", text_or_null(plan.organization)},
                {"date", text_or_null(plan.date)},
                {"goal",
                 {{"target", plan.goal.target ? Json(*plan.goal.target) : Json(nullptr)},
                  {"benchmark", std::move(benchmark)},
                  {"budget", plan.goal.budget ? Json(*plan.goal.budget) : Json(nullptr)}}},
                {"counts", plan.uses_effort ? "effort" : "steps"},
                {"index_before", plan.index_before},
                {"index_after", plan.index_after},
                {"reached", plan.reached},
                {"step_count", plan.step_count},
                {"effort", plan.effort},
                {"highest", {{"index", plan.highest_index}, {"effort", plan.highest_effort}}},
                {"summary", plan_summary(plan)},
                {"order", plan.order},
                {"waves", std::move(waves)},
                {"unanswered", plan.unanswered},
                {"missing", plan.missing}};
}

std::string write_plan_json(const Plan& plan) {
    return plan_to_json(plan).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string write_plan_markdown(const Plan& plan) {
    std::string out = markdown_front_matter(plan);
    out += fmt::format("# {} plan: {:.1f} → {:.1f}\n\n", m(plan.rubric_name), plan.index_before, plan.index_after);
    if (!plan.organization.empty()) out += fmt::format("## {}\n\n", m(plan.organization));
    for (const auto& sentence : plan_summary(plan)) out += "- " + m(sentence) + "\n";
    std::vector<double> starts = wave_starts(plan);
    std::string header = plan.uses_effort ? "| Points | Effort | Step | From | To |\n|---:|---:|---|---|---|\n"
                                          : "| Points | Step | From | To |\n|---:|---|---|---|\n";
    for (std::size_t w = 0; w < plan.waves.size(); ++w) {
        const auto& steps = plan.waves[w].steps;
        for (std::size_t first = 0; first < steps.size(); first += kStepsPerSlide) {
            out += fmt::format("\n---\n\n## {}{}\n\n", m(wave_title(plan, w, starts[w], "→")),
                               first > 0 ? " (continued)" : "");
            out += header;
            for (std::size_t i = first; i < steps.size() && i < first + kStepsPerSlide; ++i)
                out += markdown_step_row(plan, steps[i]);
        }
    }
    if (!plan.waves.empty()) out += "\n---\n\n## Order\n\n" + m(plan.order) + "\n";
    return out;
}

std::string write_plan_html(const Plan& plan) {
    std::string title = "Plan: " + plan.rubric_name + (plan.organization.empty() ? "" : ": " + plan.organization);
    std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                  "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                                  h(title), kStyle);
    out += fmt::format("<header>\n<h1>{} plan: {:.1f} → {:.1f}</h1>\n", h(plan.rubric_name), plan.index_before,
                       plan.index_after);
    if (!plan.organization.empty()) out += fmt::format("<p class=\"meta\"><strong>{}</strong></p>\n", h(plan.organization));
    out += fmt::format("<p class=\"meta\">Answers: {}{} · Rubric: {} {}</p>\n</header>\n", h(plan.source),
                       plan.date.empty() ? "" : " (" + h(plan.date) + ")", h(plan.rubric_id), h(plan.rubric_version));
    out += "<section>\n";
    for (const auto& sentence : plan_summary(plan)) out += "<p>" + h(sentence) + "</p>\n";
    out += "</section>\n";
    std::vector<double> starts = wave_starts(plan);
    for (std::size_t w = 0; w < plan.waves.size(); ++w) {
        out += fmt::format("<section>\n<h2>{}</h2>\n<table>\n<tr><th class=\"num\">Points</th>{}<th>Step</th>"
                           "<th>From</th><th>To</th></tr>\n",
                           h(wave_title(plan, w, starts[w], "→")), plan.uses_effort ? "<th class=\"num\">Effort</th>" : "");
        for (const auto& step : plan.waves[w].steps) {
            std::string to = "<strong>" + h(step.move.to_text) + "</strong>";
            if (!step.move.advice.empty()) to += "<br><span class=\"note\">" + h(step.move.advice) + "</span>";
            std::string effort = plan.uses_effort ? fmt::format("<td class=\"num\">{}</td>", step.effort) : "";
            out += fmt::format("<tr><td class=\"num\">{:+.2f}</td>{}<td>{}</td><td>{}</td><td>{}</td></tr>\n",
                               step.move.gain, effort, h(move_target_words(step.move)), h(step.move.from_text), to);
        }
        out += "</table>\n</section>\n";
    }
    if (!plan.waves.empty()) out += "<section>\n<h2>Order</h2>\n<p>" + h(plan.order) + "</p>\n</section>\n";
    out += fmt::format("<footer>Generated by pindex {} from {}.</footer>\n</body>\n</html>\n", h(plan.tool_version),
                       h(plan.source));
    return out;
}

std::string write_plan_xlsx(const Plan& plan) {
    XlsxWorkbook workbook("Plan: " + plan.rubric_name + (plan.organization.empty() ? "" : ": " + plan.organization),
                          "pindex " + plan.tool_version, "");
    XlsxSheet sheet = workbook.add_sheet("Plan");
    const XlsxFormats& f = sheet.formats();
    lxw_worksheet* ws = sheet.get();
    worksheet_set_column(ws, 0, 1, 10, nullptr);
    worksheet_set_column(ws, 2, 3, 10, nullptr);
    worksheet_set_column(ws, 4, 4, 16, f.wrap);
    worksheet_set_column(ws, 5, 5, 40, f.wrap);
    worksheet_set_column(ws, 6, 7, 30, f.wrap);
    worksheet_set_column(ws, 8, 8, 60, f.wrap);
    sheet.text(0, plan.rubric_name + " plan", f.bold);
    sheet.next();
    sheet.text(0, "Today", f.bold);
    sheet.number(1, plan.index_before, f.index);
    sheet.text(2, "After the plan", f.bold);
    sheet.number(3, plan.index_after, f.index);
    sheet.next();
    for (const auto& sentence : plan_summary(plan)) {
        sheet.text(0, sentence);
        sheet.next();
    }
    sheet.fact("Organization", plan.organization);
    sheet.fact("Answers file", plan.source);
    sheet.fact("Answered", plan.date);
    sheet.fact("Rubric", plan.rubric_id + " " + plan.rubric_version);
    sheet.fact("Tool", "pindex " + plan.tool_version);
    sheet.fact("Order", plan.order);
    sheet.next();
    sheet.headings({"Wave", "Index after it", "Adds", "Effort", "Part", "Where", "From", "To", "How (the rubric's advice)"});
    for (std::size_t w = 0; w < plan.waves.size(); ++w)
        for (const auto& step : plan.waves[w].steps) {
            const Move& move = step.move;
            sheet.number(0, double(w + 1), nullptr);
            sheet.number(1, plan.waves[w].index, f.index);
            sheet.number(2, move.gain, f.points);
            sheet.number(3, step.effort, nullptr);
            sheet.text(4, move.part_name.empty() ? move.part : move.part_name, f.wrap);
            sheet.text(5, move.row && move.column ? move.row->label + ", in " + move.column->label : move.question_text,
                       f.wrap);
            sheet.text(6, move.from_text, f.wrap);
            sheet.text(7, move.to_text, f.wrap);
            sheet.text(8, move.advice, f.wrap);
            sheet.next();
        }
    return workbook.bytes();
}

const std::vector<OutputFormat<Plan>>& plan_formats() {
    static const std::vector<OutputFormat<Plan>> formats = {
        {"text", ".txt", write_plan_text},
        {"json", ".json", write_plan_json},
        {"markdown", ".md", write_plan_markdown},
        {"html", ".html", write_plan_html},
        {"xlsx", ".xlsx", write_plan_xlsx},
    };
    return formats;
}

}  // namespace pindex
