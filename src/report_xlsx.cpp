#include "pindex/report_xlsx.hpp"

#include "pindex/xlsx_workbook.hpp"

namespace pindex {

namespace {

using Sheet = XlsxSheet;
using Formats = XlsxFormats;

// The parts' table, and the chart drawn from it (share of each part's own maximum).
void parts_table(lxw_workbook* workbook, Sheet& sheet, const Report& report) {
    const Formats& f = sheet.formats();
    sheet.headings({"Part", "Points", "Maximum", "Share of its maximum"});
    lxw_row_t first = sheet.row();
    for (const auto& part : report.parts) {
        sheet.text(0, part.name);
        sheet.number(1, part.points, f.points);
        sheet.number(2, part.weight, nullptr);
        sheet.number(3, part.fraction, f.share);
        if (!part.applicable) sheet.text(4, "no question applies");
        sheet.next();
    }
    lxw_row_t last = sheet.row() - 1;
    sheet.text(0, "Index", f.bold);
    sheet.number(1, report.index, f.index);
    sheet.number(2, 100, nullptr);
    sheet.next(2);

    lxw_chart* chart = workbook_add_chart(workbook, LXW_CHART_BAR);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, "Summary", first, 0, last, 0);
    chart_series_set_values(series, "Summary", first, 3, last, 3);
    chart_series_set_name(series, "Share of its maximum");
    chart_series_set_labels(series);
    chart_title_set_name(chart, "Each part as a share of its own maximum");
    // In a bar chart the values run along x and the categories (the parts) along y.
    chart_axis_set_min(chart->x_axis, 0);
    chart_axis_set_max(chart->x_axis, 1);
    chart_axis_set_num_format(chart->x_axis, "0%");
    chart_axis_set_reverse(chart->y_axis);  // the rubric's order, top to bottom
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    lxw_chart_options placement{};
    placement.x_scale = 1.4;
    placement.y_scale = 1.2;
    worksheet_insert_chart_opt(sheet.get(), 0, 6, chart, &placement);
}

void benchmarks_table(Sheet& sheet, const Report& report) {
    if (report.benchmarks.empty()) return;
    sheet.headings({"Benchmark (published)", "Score", "This index minus it", "Source"});
    for (const auto& position : report.benchmarks) {
        sheet.text(0, position.benchmark.label);
        sheet.number(1, position.benchmark.score, nullptr);
        sheet.number(2, position.delta, sheet.formats().index);
        sheet.text(3, position.benchmark.source);
        sheet.next();
    }
    if (!report.calibration.empty()) {
        sheet.text(0, report.calibration);
        sheet.next();
    }
    sheet.next();
}

void peers_table(Sheet& sheet, const PeerPosition& peers, double index) {
    const Formats& f = sheet.formats();
    sheet.headings({"Peer set (yours)", "Value"});
    auto row = [&](std::string_view label, double value, lxw_format* format) {
        sheet.text(0, label);
        sheet.number(1, value, format);
        sheet.next();
    };
    sheet.text(0, "File");
    sheet.text(1, peers.source);
    sheet.next();
    row("Assessments", double(peers.count), nullptr);
    row("Percentile of this index", peers.percentile, f.index);
    row("Median", peers.median, f.index);
    row("First quartile", peers.q1, f.index);
    row("Third quartile", peers.q3, f.index);
    sheet.text(0, peer_words(peers, index));
    sheet.next(2);
}

void summary_sheet(lxw_workbook* workbook, Sheet& sheet, const Report& report) {
    const Formats& f = sheet.formats();
    worksheet_set_column(sheet.get(), 0, 0, 34, nullptr);
    worksheet_set_column(sheet.get(), 1, 2, 12, nullptr);
    worksheet_set_column(sheet.get(), 3, 3, 22, nullptr);
    sheet.text(0, report.rubric_name, f.bold);
    sheet.number(1, report.index, f.index);
    sheet.text(2, "/ 100");
    // The caveat sits beside the index, where a number pasted from here is taken.
    sheet.text(3, incomplete_caveat(report.completeness), f.caveat);
    sheet.next();
    sheet.fact("Where it stands", report.index_band().words);
    sheet.fact("So what", so_what(report));
    sheet.fact("Organization", report.organization.empty() ? "not given" : report.organization);
    sheet.fact("Respondent", report.respondent);
    sheet.fact("Date", report.date);
    sheet.fact("Completeness", completeness_words(report.completeness));
    sheet.next();
    parts_table(workbook, sheet, report);
    benchmarks_table(sheet, report);
    if (report.peers) peers_table(sheet, *report.peers, report.index);
    sheet.text(0, "What the index is", f.bold);
    sheet.next();
    for (const auto& line : legend_lines(report)) {
        sheet.text(0, line);
        sheet.next();
    }
    sheet.next();
    sheet.fact("Answers file", report.source);
    sheet.fact("Its SHA-256", report.input_sha256);
    sheet.fact("Generated at (UTC)", report.generated_at);
    sheet.fact("Rubric", report.rubric_id + " " + report.rubric_version);
    sheet.fact("Tool", "pindex " + report.tool_version);
}

void questions_sheet(Sheet& sheet, const Report& report) {
    const Formats& f = sheet.formats();
    lxw_worksheet* ws = sheet.get();
    worksheet_set_column(ws, 0, 0, 16, nullptr);
    worksheet_set_column(ws, 1, 1, 20, nullptr);
    worksheet_set_column(ws, 2, 3, 50, f.wrap);
    worksheet_set_column(ws, 4, 4, 30, f.wrap);
    worksheet_set_column(ws, 5, 7, 11, nullptr);
    sheet.headings({"Part", "Question id", "Question", "Answer", "Note", "Score", "Points", "Max points"});
    worksheet_freeze_panes(ws, 1, 0);
    for (const auto& part : report.parts)
        for (const auto& question : part.questions) {
            sheet.text(0, part.name, f.wrap);
            sheet.text(1, question.id, f.wrap);
            sheet.text(2, question.text, f.wrap);
            sheet.text(3, !question.applicable ? "(not applicable)" : question.answer ? question.answer_text
                                                                                       : "(not answered)", f.wrap);
            sheet.text(4, question.note, f.wrap);
            sheet.number(5, question.score, f.share);
            sheet.number(6, question.points, f.points);
            sheet.number(7, question.max_points, f.points);
            sheet.next();
        }
}

void moves_sheet(Sheet& sheet, const Report& report) {
    const Formats& f = sheet.formats();
    lxw_worksheet* ws = sheet.get();
    worksheet_set_column(ws, 0, 0, 8, nullptr);
    worksheet_set_column(ws, 1, 1, 16, f.wrap);
    worksheet_set_column(ws, 2, 2, 40, f.wrap);
    worksheet_set_column(ws, 3, 4, 30, f.wrap);
    worksheet_set_column(ws, 5, 5, 60, f.wrap);
    sheet.headings({"Adds", "Part", "Where", "From", "To", "How (the rubric's advice)"});
    worksheet_freeze_panes(ws, 1, 0);
    for (const auto& move : report.moves) {
        sheet.number(0, move.gain, f.points);
        sheet.text(1, move.part_name.empty() ? move.part : move.part_name, f.wrap);
        sheet.text(2, move.row && move.column ? move.row->label + ", in " + move.column->label : move.question_text,
                   f.wrap);
        sheet.text(3, move.from_text, f.wrap);
        sheet.text(4, move.to_text, f.wrap);
        sheet.text(5, move.advice, f.wrap);
        sheet.next();
    }
}

}  // namespace

std::string write_report_xlsx(const Report& report) {
    XlsxWorkbook workbook(report.rubric_name + (report.organization.empty() ? "" : ": " + report.organization),
                          "pindex " + report.tool_version, report.generated_at);
    Sheet summary = workbook.add_sheet("Summary");
    summary_sheet(workbook.get(), summary, report);
    Sheet questions = workbook.add_sheet("Questions");
    questions_sheet(questions, report);
    Sheet moves = workbook.add_sheet("Moves");
    moves_sheet(moves, report);
    return workbook.bytes();
}

}  // namespace pindex
