#include "pindex/batch.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pindex/answers.hpp"
#include "pindex/escape.hpp"
#include "pindex/file_io.hpp"
#include "pindex/scoring.hpp"

namespace pindex {

namespace fs = std::filesystem;

namespace {

bool is_answers_file_name(const fs::path& path) {
    std::string extension = path.extension().string();
    return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

bool is_hidden(const fs::path& path) {
    std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

// Every answers file under the directory. A directory that cannot be read, at the top or
// anywhere below, is an error: a summary that left its files out in silence would look complete.
std::vector<std::string> answers_files_under(const fs::path& directory) {
    std::vector<std::string> files;
    std::error_code error;
    fs::path last = directory;  // the last entry reached, to name where a failing walk stopped
    fs::recursive_directory_iterator it(directory, error), end;
    for (; !error && it != end; it.increment(error)) {
        last = it->path();
        if (is_hidden(it->path())) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && is_answers_file_name(it->path())) files.push_back(it->path().string());
    }
    if (error)
        throw InputError({last.string(), 0, 0}, fmt::format("cannot read the directory: {}", error.message()));
    std::sort(files.begin(), files.end());
    return files;
}

BatchItem score_one(const Rubric& rubric, const std::string& file, const BatchOptions& options) {
    BatchItem item{file, std::nullopt, {}, {}};
    try {
        Answers answers = load_answers(read_input(file), file == "-" ? "<stdin>" : file, rubric);
        item.warnings = answers.warnings;
        Score score = score_answers(rubric, answers);
        if (!score.completeness.complete() && !options.allow_incomplete) {
            item.errors.push_back({Severity::error, {file, 0, 0},
                                   incomplete_words(score.completeness, "score missing answers as 0")});
            return item;
        }
        BatchRow row{answers.organization, answers.respondent, answers.date, score.index,
                     score.completeness.complete(), {}, std::nullopt};
        for (const auto& part : score.parts) row.part_points.push_back(part.points);
        if (!options.thresholds.empty()) {
            bool passed = true;
            for (const auto& result : evaluate_thresholds(options.thresholds, score)) passed = passed && result.passed;
            row.thresholds_passed = passed;
        }
        item.row = std::move(row);
    } catch (const InputError& error) {
        item.errors = error.diagnostics();
    } catch (const std::exception& error) {
        // Nothing may escape a worker thread (it would terminate pindex): the file is reported.
        item.errors.push_back({Severity::error, {file, 0, 0}, error.what()});
    }
    return item;
}

std::string points(double value) { return fmt::format("{:.4f}", value); }

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::error_code error;
        if (path != "-" && fs::is_directory(path, error)) {
            auto found = answers_files_under(path);
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(path);
        }
    }
    return files;
}

std::vector<BatchItem> score_batch(const Rubric& rubric, const std::vector<std::string>& files,
                                   const BatchOptions& options) {
    std::vector<BatchItem> items(files.size());
    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, files.size()));
    // Each thread takes the next file; each writes only its own slot, so no lock is needed.
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) items[i] = score_one(rubric, files[i], options);
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (auto& thread : threads) thread.join();
    return items;
}

std::string write_batch_csv(const Rubric& rubric, const std::vector<BatchItem>& items) {
    bool with_thresholds = false;
    std::string out = "file,organization,respondent,date,index,complete";
    for (const auto& part : rubric.parts) out += "," + csv_field(part.id);
    for (const auto& item : items) with_thresholds = with_thresholds || (item.row && item.row->thresholds_passed);
    out += with_thresholds ? ",thresholds_passed\r\n" : "\r\n";
    for (const auto& item : items) {
        if (!item.row) continue;
        const BatchRow& row = *item.row;
        out += fmt::format("{},{},{},{},{:.1f},{}", csv_text_field(item.file), csv_text_field(row.organization),
                           csv_text_field(row.respondent), csv_text_field(row.date), row.index,
                           row.complete ? "true" : "false");
        for (double value : row.part_points) out += "," + points(value);
        if (with_thresholds) out += row.thresholds_passed.value_or(true) ? ",true" : ",false";
        out += "\r\n";
    }
    return out;
}

std::string write_batch_jsonl(const Rubric& rubric, const std::vector<BatchItem>& items) {
    using Json = nlohmann::ordered_json;
    auto text_or_null = [](const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); };
    std::string out;
    for (const auto& item : items) {
        if (!item.row) continue;
        const BatchRow& row = *item.row;
        Json parts = Json::object();
        for (std::size_t i = 0; i < rubric.parts.size() && i < row.part_points.size(); ++i)
            parts[rubric.parts[i].id] = row.part_points[i];
        Json line{{"file", item.file},
                  {"organization", text_or_null(row.organization)},
                  {"respondent", text_or_null(row.respondent)},
                  {"date", text_or_null(row.date)},
                  {"index", row.index},
                  {"complete", row.complete},
                  {"parts", std::move(parts)}};
        if (row.thresholds_passed) line["thresholds_passed"] = *row.thresholds_passed;
        out += line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    }
    return out;
}

}  // namespace pindex
