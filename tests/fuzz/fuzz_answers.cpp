// Fuzz target: the answers loader against the built-in rubric. Invariant: accepted answers
// written back as YAML load to the same answers and the same score.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "pindex/answers.hpp"
#include "pindex/diagnostic.hpp"
#include "pindex/rubric.hpp"
#include "pindex/scoring.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const pindex::Rubric& rubric = pindex::default_rubric();
    std::string text(reinterpret_cast<const char*>(data), size);
    pindex::Answers answers;
    try {
        answers = pindex::load_answers(text, "fuzz.yaml", rubric);
    } catch (const pindex::InputError&) {
        return 0;
    }
    pindex::Answers again = pindex::load_answers(pindex::write_answers_yaml(answers, rubric), "written.yaml", rubric);
    PINDEX_FUZZ_CHECK(again.answers == answers.answers);
    PINDEX_FUZZ_CHECK(again.organization == answers.organization);
    PINDEX_FUZZ_CHECK(again.yearly_interactions == answers.yearly_interactions);
    pindex::Score first = pindex::score_answers(rubric, answers), second = pindex::score_answers(rubric, again);
    PINDEX_FUZZ_CHECK(first.index == second.index);
    PINDEX_FUZZ_CHECK(first.index >= 0 && first.index <= 100);
    return 0;
}
