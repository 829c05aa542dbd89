// Fuzz target: the whole `pindex score` pipeline on the built-in rubric: answers (or a JSON
// report, as `compare` reads one), the report with its moves and advantage, and every writer.
// Invariants: every move's gain is positive and the moves are sorted; the JSON report reads
// back; a report compares with itself as no change.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "pindex/answers.hpp"
#include "pindex/comparison.hpp"
#include "pindex/diagnostic.hpp"
#include "pindex/report.hpp"
#include "pindex/report_formats.hpp"
#include "pindex/report_json.hpp"

namespace {

void check_report(const pindex::Report& report) {
    for (std::size_t i = 0; i < report.moves.size(); ++i) {
        PINDEX_FUZZ_CHECK(report.moves[i].gain > 0);
        if (i > 0) PINDEX_FUZZ_CHECK(report.moves[i - 1].gain >= report.moves[i].gain);
    }
    // Not the workbook: it goes through a temporary file and zlib, milliseconds a run that would
    // stretch CI's fuzz pass many times over; its cells come from the fields checked here.
    for (const auto& format : pindex::report_formats())
        if (format.name != "xlsx") PINDEX_FUZZ_CHECK(!format.write(report).empty());
    pindex::Report read = pindex::read_report_json(pindex::write_report_json(report), "report.json");
    pindex::Comparison same = pindex::compare_reports(read, report);
    PINDEX_FUZZ_CHECK(same.index_delta == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const pindex::Rubric& rubric = pindex::default_rubric();
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        if (pindex::looks_like_report_json(text)) {
            pindex::Report report = pindex::read_report_json(text, "fuzz.json");
            (void)pindex::compare_reports(report, report);
            return 0;
        }
        pindex::Answers answers = pindex::load_answers(text, "fuzz.yaml", rubric);
        check_report(pindex::build_report(rubric, answers, "fuzz.yaml", {}));
    } catch (const pindex::InputError&) {
    }
    return 0;
}
