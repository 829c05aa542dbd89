#pragma once
// A plan as text (a terminal, a CI log), JSON (versioned; each step in the shape of the
// report's moves), a Markdown (Marp) deck whose slides fit, a self-contained HTML page, or an
// Excel workbook.
// Text from the answers file is escaped as in the reports. docs/plan.schema.json describes the JSON.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pindex/output_format.hpp"
#include "pindex/plan.hpp"

namespace pindex {

inline constexpr int kPlanSchemaVersion = 1;

// The plan's result in sentences, the same in every format: where the index is, what the plan
// reaches and that no plan of fewer steps does, and notes on unanswered questions.
std::vector<std::string> plan_summary(const Plan& plan);

std::string write_plan_text(const Plan& plan);
nlohmann::ordered_json plan_to_json(const Plan& plan);
std::string write_plan_json(const Plan& plan);
std::string write_plan_markdown(const Plan& plan);
std::string write_plan_html(const Plan& plan);
// One sheet: the summary, then every step with its wave, the index after the wave, its gain and
// effort, in the cell types of the report's workbook (xlsx_workbook.hpp).
std::string write_plan_xlsx(const Plan& plan);

// text, json, markdown, html, xlsx.
const std::vector<OutputFormat<Plan>>& plan_formats();

}  // namespace pindex
