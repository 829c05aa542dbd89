// Fuzz target: the rubric loader, and everything pindex derives from a rubric it accepted.
// Invariants: an accepted rubric exports to YAML that loads back to the same rubric; its
// fill-in template is a valid answers file for it; scoring that template works.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "pindex/answers.hpp"
#include "pindex/answers_template.hpp"
#include "pindex/diagnostic.hpp"
#include "pindex/rubric.hpp"
#include "pindex/rubric_export.hpp"
#include "pindex/scoring.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    pindex::Rubric rubric;
    try {
        rubric = pindex::load_rubric(text, "fuzz.yaml");
    } catch (const pindex::InputError&) {
        return 0;  // rejected with a diagnostic: the expected outcome for most inputs
    }
    pindex::Rubric again = pindex::load_rubric(pindex::write_rubric_yaml(rubric), "export.yaml");
    PINDEX_FUZZ_CHECK(pindex::rubric_to_json(again) == pindex::rubric_to_json(rubric));
    (void)pindex::write_rubric_text(rubric);
    pindex::Answers empty = pindex::load_answers(pindex::write_answers_template(rubric), "template.yaml", rubric);
    pindex::Score score = pindex::score_answers(rubric, empty);
    PINDEX_FUZZ_CHECK(score.index >= 0 && score.index <= 100);
    return 0;
}
