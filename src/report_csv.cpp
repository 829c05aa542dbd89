#include "pindex/report_csv.hpp"

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/report.hpp"

namespace pindex {

namespace {

constexpr const char* kHeader =
    "organization,date,kind,part,question,label,answer,score,points,max_points,note";

// Four decimals: exact enough to add up to the index, short enough to read in a cell.
std::string number(double value) { return fmt::format("{:.4f}", value); }

struct Row {
    std::string kind, part, question, label, answer, score, points, max_points, note;
};

std::string row_line(const Report& report, const Row& row) {
    // Organization, date, labels and answers may come from the answers file (custom journey
    // steps, notes): they are written as text that no spreadsheet runs as a formula.
    return fmt::format("{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_text_field(report.organization),
                       csv_text_field(report.date), row.kind, csv_field(row.part), csv_field(row.question),
                       csv_text_field(row.label), csv_text_field(row.answer), row.score, row.points,
                       row.max_points, csv_text_field(row.note));
}

}  // namespace

std::string write_report_csv(const Report& report) {
    std::string out = std::string(kHeader) + "\r\n";
    // The index row carries its caveat; the benchmarks and the peer set follow it with their sources.
    out += row_line(report, {"index", "", "", report.rubric_name, "", number(report.index / 100),
                             fmt::format("{:.1f}", report.index), "100", incomplete_caveat(report.completeness)});
    for (const auto& position : report.benchmarks)
        out += row_line(report, {"benchmark", "", position.benchmark.id, position.benchmark.label, "",
                                 number(position.benchmark.score / 100), fmt::format("{:g}", position.benchmark.score),
                                 "100", position.benchmark.source});
    if (report.peers)
        out += row_line(report, {"peers", "", "", "Peer set " + report.peers->source, "",
                                 number(report.peers->percentile / 100), fmt::format("{:.1f}", report.peers->median),
                                 "100", peer_words(*report.peers, report.index)});
    for (const auto& part : report.parts) {
        out += row_line(report, {"part", part.id, "", part.name, "", number(part.fraction), number(part.points),
                                 fmt::format("{:g}", part.weight), ""});
        for (const auto& question : part.questions) {
            std::string answer = !question.applicable ? "(not applicable)" : question.answer_text;
            out += row_line(report, {"question", part.id, question.id, question.text, answer, number(question.score),
                                     number(question.points), number(question.max_points), ""});
        }
    }
    return out;
}

}  // namespace pindex
