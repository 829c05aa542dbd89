#pragma once
// How long a survey of a rubric takes a respondent who knows the answers: reading time plus a
// decision time per answer. The constants are pindex's convention (docs/survey-time.md), to be
// checked against the active time that completed surveys record.
#include <string>
#include <vector>

#include "pindex/rubric.hpp"

namespace pindex {

struct SurveyTimeModel {
    double words_per_minute = 200;        // careful reading of short instructions
    double seconds_per_choice = 8;        // pick one of a few listed states
    double seconds_per_multi = 12;        // tick several
    double seconds_per_number = 15;       // recall or look up a figure
    double seconds_per_matrix_cell = 3;   // rate one channel of a journey step
    double fixed_seconds = 60;            // intro, organization and respondent
};

struct PartTime {
    std::string part_id;
    double seconds = 0;
};

struct SurveyTimeEstimate {
    double seconds = 0;  // total, all questions asked (every `when` holding)
    std::vector<PartTime> parts;
};

// Counts the words a respondent reads (question text, options or levels, matrix row and column
// labels; not the optional help) and adds the decision time of every answer.
SurveyTimeEstimate estimate_survey_time(const Rubric& rubric, const SurveyTimeModel& model = {});

// Seconds for one question under the model (used for "about N min left").
double estimate_question_seconds(const Question& question, const SurveyTimeModel& model = {});

}  // namespace pindex
