#pragma once
// How long the survey takes a careful respondent who knows the answers: the words they read
// once, plus a decision time per answer, plus the intro, review and result. One model gives
// the intro's estimate, the "about N min left" of every prompt, `pindex rubric show` and
// docs/survey-time.md. The constants are pindex's convention (docs/survey-time.md), to be
// checked against the active time that completed surveys record.
#include <string>
#include <vector>

#include "pindex/rubric.hpp"

namespace pindex {

struct SurveyTimeModel {
    double words_per_minute = 200;         // careful reading of short instructions
    double seconds_per_choice = 8;         // pick one of a few listed states
    double seconds_per_multi = 12;         // tick several
    double seconds_per_number = 12;        // a figure recalled from memory
    double seconds_per_journey_cell = 5;   // whether customers use a channel at a step, and its level
    double seconds_per_text = 8;           // type a name: organization, respondent, own steps
    double intro_seconds = 30;             // read the intro
    double closing_seconds = 60;           // the review and the result
};

struct PartTime {
    std::string part_id;
    double seconds = 0;
};

// The longest path through a rubric: every question asked (every `when` holding), the
// organization and respondent typed, the journey's own-steps prompt passed, and the optional
// yearly interactions answered.
struct SurveyTimeEstimate {
    double seconds = 0;  // total
    std::vector<PartTime> parts;
    double around_seconds = 0;  // intro, organization, respondent, interactions, review, result
};

SurveyTimeEstimate estimate_survey_time(const Rubric& rubric, const SurveyTimeModel& model = {});

// Seconds for one question: its words read once (the text, options or levels and axis labels;
// not the optional help) and every decision it asks for.
double estimate_question_seconds(const Question& question, const SurveyTimeModel& model = {});
// A matrix with `cells` cells still to decide (its own steps and channels included): its words
// read once, and each cell decided.
double estimate_matrix_seconds(const Question& matrix, std::size_t cells, const SurveyTimeModel& model = {});

}  // namespace pindex
