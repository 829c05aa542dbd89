#include "pindex/report_xlsx.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "pindex/escape.hpp"

namespace pindex {

namespace {

// Excel holds at most 32,767 characters in a cell; an answers file's note may hold more.
constexpr std::size_t kMaxCellBytes = 32000;

// libxlsxwriter 1.1.4 (Debian 12) writes only to a named file: a private temporary file, read
// back and removed whatever happens.
class TemporaryFile {
public:
    TemporaryFile() {
        const char* dir = std::getenv("TMPDIR");
        path_ = std::string(dir && *dir ? dir : "/tmp") + "/pindex-XXXXXX.xlsx";
        int fd = mkstemps(path_.data(), 5);
        if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook in " + path_);
        close(fd);
    }
    ~TemporaryFile() { std::remove(path_.c_str()); }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Every text goes in as a string cell, whatever it looks like ("2026-10-12", "0012345", "=1+1"):
// a spreadsheet shows a string cell as written and never evaluates it.
std::string cell_text(std::string_view text) {
    std::string valid = valid_utf8(text);
    if (valid.size() <= kMaxCellBytes) return valid;
    std::size_t cut = kMaxCellBytes;
    while (cut > 0 && (static_cast<unsigned char>(valid[cut]) & 0xC0) == 0x80) --cut;  // a whole character
    return valid.substr(0, cut) + "…";
}

// ISO 8601 UTC ("2026-11-23T10:15:00Z") back to seconds, for the workbook's creation date.
std::time_t parse_timestamp(const std::string& text) {
    std::tm utc{};
    if (text.empty() || !strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &utc)) return 0;
    return timegm(&utc);
}

struct Formats {
    lxw_format *bold, *heading, *wrap, *index, *points, *share, *caveat;
};

Formats make_formats(lxw_workbook* workbook) {
    Formats f{};
    f.bold = workbook_add_format(workbook);
    format_set_bold(f.bold);
    f.heading = workbook_add_format(workbook);
    format_set_bold(f.heading);
    format_set_bg_color(f.heading, 0xF2F2F2);
    format_set_bottom(f.heading, LXW_BORDER_THIN);
    f.wrap = workbook_add_format(workbook);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.index = workbook_add_format(workbook);
    format_set_num_format(f.index, "0.0");
    format_set_bold(f.index);
    f.points = workbook_add_format(workbook);
    format_set_num_format(f.points, "0.00");
    format_set_align(f.points, LXW_ALIGN_VERTICAL_TOP);
    f.share = workbook_add_format(workbook);
    format_set_num_format(f.share, "0%");
    format_set_align(f.share, LXW_ALIGN_VERTICAL_TOP);
    f.caveat = workbook_add_format(workbook);
    format_set_bold(f.caveat);
    format_set_font_color(f.caveat, 0x9C0006);
    return f;
}

// A sheet written row by row.
class Sheet {
public:
    Sheet(lxw_worksheet* sheet, const Formats& formats) : sheet_(sheet), f_(formats) {}

    void text(lxw_col_t column, std::string_view value, lxw_format* format = nullptr) {
        if (!value.empty()) worksheet_write_string(sheet_, row_, column, cell_text(value).c_str(), format);
    }
    void number(lxw_col_t column, double value, lxw_format* format) {
        worksheet_write_number(sheet_, row_, column, value, format);
    }
    void headings(std::initializer_list<std::string_view> names) {
        lxw_col_t column = 0;
        for (auto name : names) text(column++, name, f_.heading);
        next();
    }
    void next(lxw_row_t rows = 1) { row_ += rows; }
    lxw_row_t row() const { return row_; }
    lxw_worksheet* get() const { return sheet_; }
    const Formats& formats() const { return f_; }

private:
    lxw_worksheet* sheet_;
    const Formats& f_;
    lxw_row_t row_ = 0;
};

void fact(Sheet& sheet, std::string_view label, std::string_view value) {
    if (value.empty()) return;
    sheet.text(0, label, sheet.formats().bold);
    sheet.text(1, value);
    sheet.next();
}

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
    fact(sheet, "Where it stands", report.index_band().words);
    fact(sheet, "So what", so_what(report));
    fact(sheet, "Organization", report.organization.empty() ? "not given" : report.organization);
    fact(sheet, "Respondent", report.respondent);
    fact(sheet, "Date", report.date);
    fact(sheet, "Completeness", completeness_words(report.completeness));
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
    fact(sheet, "Answers file", report.source);
    fact(sheet, "Its SHA-256", report.input_sha256);
    fact(sheet, "Generated at (UTC)", report.generated_at);
    fact(sheet, "Rubric", report.rubric_id + " " + report.rubric_version);
    fact(sheet, "Tool", "pindex " + report.tool_version);
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

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::string write_report_xlsx(const Report& report) {
    TemporaryFile file;
    lxw_workbook* workbook = workbook_new(file.path().c_str());
    if (!workbook) throw std::runtime_error("cannot start the workbook in " + file.path());
    Formats formats = make_formats(workbook);
    // The creation date is the report's own, so SOURCE_DATE_EPOCH makes the file reproducible.
    std::string title = cell_text(report.rubric_name + (report.organization.empty() ? "" : ": " + report.organization));
    std::string generator = "pindex " + report.tool_version;
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.comments = generator.data();
    properties.created = parse_timestamp(report.generated_at);
    workbook_set_properties(workbook, &properties);

    Sheet summary(workbook_add_worksheet(workbook, "Summary"), formats);
    summary_sheet(workbook, summary, report);
    Sheet questions(workbook_add_worksheet(workbook, "Questions"), formats);
    questions_sheet(questions, report);
    Sheet moves(workbook_add_worksheet(workbook, "Moves"), formats);
    moves_sheet(moves, report);

    if (lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR)
        throw std::runtime_error(fmt::format("cannot write the workbook: {}", lxw_strerror(error)));
    return read_bytes(file.path());
}

}  // namespace pindex
