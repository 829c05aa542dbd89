#pragma once
// An Excel workbook written with libxlsxwriter, for the reports and plans people open in a
// spreadsheet. Every text goes in as a string cell (never a formula, date, number or boolean,
// whatever it looks like), numbers as number cells with a number format; no cell holds a
// formula. libxlsxwriter 1.1.4 (Debian 12) writes only to a named file: a private temporary
// file, read back and removed whatever happens.
#include <initializer_list>
#include <string>
#include <string_view>

#include <xlsxwriter.h>

namespace pindex {

// The number and text formats every sheet uses.
struct XlsxFormats {
    lxw_format *bold, *heading, *wrap, *index, *points, *share, *caveat;
};

// A sheet written row by row.
class XlsxSheet {
public:
    XlsxSheet(lxw_worksheet* sheet, const XlsxFormats& formats) : sheet_(sheet), f_(formats) {}

    void text(lxw_col_t column, std::string_view value, lxw_format* format = nullptr);  // "" writes nothing
    void number(lxw_col_t column, double value, lxw_format* format);
    void headings(std::initializer_list<std::string_view> names);  // a heading row, then the next row
    void fact(std::string_view label, std::string_view value);    // a bold label and its value, if any
    void next(lxw_row_t rows = 1) { row_ += rows; }
    lxw_row_t row() const { return row_; }
    lxw_worksheet* get() const { return sheet_; }
    const XlsxFormats& formats() const { return f_; }

private:
    lxw_worksheet* sheet_;
    const XlsxFormats& f_;
    lxw_row_t row_ = 0;
};

class XlsxWorkbook {
public:
    // `created`: ISO 8601 UTC ("2026-11-23T10:15:00Z"), the file's creation date, so that
    // SOURCE_DATE_EPOCH makes the bytes reproducible. Throws std::runtime_error.
    XlsxWorkbook(std::string_view title, std::string_view generator, const std::string& created);
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    XlsxSheet add_sheet(const char* name);
    lxw_workbook* get() const { return workbook_; }
    // Closes the workbook: its bytes (a ZIP file). Throws std::runtime_error.
    std::string bytes();

private:
    std::string path_;
    lxw_workbook* workbook_ = nullptr;
    XlsxFormats formats_{};
    std::string title_, generator_;  // the properties point into these
};

}  // namespace pindex
