#include "pindex/report_formats.hpp"

#include "pindex/report_csv.hpp"
#include "pindex/report_html.hpp"
#include "pindex/report_json.hpp"
#include "pindex/report_junit.hpp"
#include "pindex/report_markdown.hpp"
#include "pindex/report_svg.hpp"
#include "pindex/report_text.hpp"
#include "pindex/report_xlsx.hpp"

namespace pindex {

const std::vector<ReportFormat>& report_formats() {
    static const std::vector<ReportFormat> formats = {
        {"text", ".txt", write_report_text},   {"json", ".json", write_report_json},
        {"markdown", ".md", write_report_markdown, write_report_deck_files}, {"html", ".html", write_report_html},
        {"svg", ".svg", write_report_svg},     {"csv", ".csv", write_report_csv},
        {"junit", ".xml", write_report_junit}, {"xlsx", ".xlsx", write_report_xlsx},
    };
    return formats;
}

}  // namespace pindex
