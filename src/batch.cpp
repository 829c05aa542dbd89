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

// What a directory entry that is not a regular file is, for the note that skips it.
std::string_view kind_words(fs::file_type type) {
    switch (type) {
        case fs::file_type::fifo: return "a FIFO";
        case fs::file_type::socket: return "a socket";
        case fs::file_type::block:
        case fs::file_type::character: return "a device";
        case fs::file_type::directory: return "a directory";
        case fs::file_type::not_found: return "a symbolic link to nothing";
        default: return "not a regular file";
    }
}

// Every answers file under the directory, sorted. A directory that cannot be read, at the top or
// anywhere below, is an error, and the walk goes on with the others: a summary that left files
// out in silence would look complete. An entry named like an answers file that is not a regular
// file (a FIFO, a device, a broken link) is skipped with a note: reading a FIFO could wait for
// ever. Symbolic links to directories are not followed (they could loop).
void walk_directory(const fs::path& top, ExpandedInputs& found) {
    std::vector<std::string> files;
    std::vector<fs::path> pending{top};
    while (!pending.empty()) {
        fs::path directory = std::move(pending.back());
        pending.pop_back();
        std::error_code error;
        fs::directory_iterator it(directory, error), end;
        for (; !error && it != end; it.increment(error)) {
            const fs::path& path = it->path();
            if (is_hidden(path)) continue;
            std::error_code status_error;
            if (fs::is_directory(it->symlink_status(status_error))) {
                pending.push_back(path);
                continue;
            }
            if (!is_answers_file_name(path)) continue;
            fs::file_type type = it->status(status_error).type();
            if (type == fs::file_type::regular)
                files.push_back(path.string());
            else
                found.problems.push_back({Severity::warning, {path.string(), 0, 0},
                                          fmt::format("skipped: {}, not a regular file", kind_words(type))});
        }
        if (error)
            found.problems.push_back({Severity::error, {directory.string(), 0, 0},
                                      fmt::format("cannot read the directory: {}", error.message())});
    }
    std::sort(files.begin(), files.end());
    found.files.insert(found.files.end(), files.begin(), files.end());
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
                     score.completeness.complete(), {}, std::nullopt, {}};
        for (const auto& part : score.parts) row.part_points.push_back(part.points);
        if (!options.thresholds.empty()) {
            for (const auto& result : evaluate_thresholds(options.thresholds, score))
                if (!result.passed) row.missed.push_back(result);
            row.thresholds_passed = row.missed.empty();
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

ExpandedInputs expand_inputs(const std::vector<std::string>& paths) {
    ExpandedInputs found;
    for (const auto& path : paths) {
        std::error_code error;
        if (path != "-" && fs::is_directory(path, error))
            walk_directory(path, found);
        else
            found.files.push_back(path);
    }
    return found;
}

bool ExpandedInputs::has_errors() const {
    return std::any_of(problems.begin(), problems.end(),
                       [](const Diagnostic& problem) { return problem.severity == Severity::error; });
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
        out += escape_json_invisibles(line.dump(-1, ' ', false, Json::error_handler_t::replace)) + "\n";
    }
    return out;
}

}  // namespace pindex
