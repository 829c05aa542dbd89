#include "pindex/xlsx_workbook.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

#include "pindex/escape.hpp"

namespace pindex {

namespace {

// Excel holds at most 32,767 characters in a cell; an answers file's note may hold more.
constexpr std::size_t kMaxCellBytes = 32000;

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

XlsxFormats make_formats(lxw_workbook* workbook) {
    XlsxFormats f{};
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

}  // namespace

void XlsxSheet::text(lxw_col_t column, std::string_view value, lxw_format* format) {
    if (!value.empty()) worksheet_write_string(sheet_, row_, column, cell_text(value).c_str(), format);
}

void XlsxSheet::number(lxw_col_t column, double value, lxw_format* format) {
    worksheet_write_number(sheet_, row_, column, value, format);
}

void XlsxSheet::headings(std::initializer_list<std::string_view> names) {
    lxw_col_t column = 0;
    for (auto name : names) text(column++, name, f_.heading);
    next();
}

void XlsxSheet::fact(std::string_view label, std::string_view value) {
    if (value.empty()) return;
    text(0, label, f_.bold);
    text(1, value);
    next();
}

XlsxWorkbook::XlsxWorkbook(std::string_view title, std::string_view generator, const std::string& created)
    : title_(cell_text(title)), generator_(generator) {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/pindex-XXXXXX.xlsx";
    int fd = mkstemps(path_.data(), 5);
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook in " + path_);
    close(fd);
    workbook_ = workbook_new(path_.c_str());
    if (!workbook_) {
        std::remove(path_.c_str());
        throw std::runtime_error("cannot start the workbook in " + path_);
    }
    formats_ = make_formats(workbook_);
    lxw_doc_properties properties{};
    properties.title = title_.data();
    properties.comments = generator_.data();
    properties.created = parse_timestamp(created);
    workbook_set_properties(workbook_, &properties);
}

XlsxWorkbook::~XlsxWorkbook() {
    if (workbook_) workbook_close(workbook_);
    std::remove(path_.c_str());
}

XlsxSheet XlsxWorkbook::add_sheet(const char* name) { return XlsxSheet(workbook_add_worksheet(workbook_, name), formats_); }

std::string XlsxWorkbook::bytes() {
    lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) throw std::runtime_error(fmt::format("cannot write the workbook: {}", lxw_strerror(error)));
    std::ifstream in(path_, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace pindex
