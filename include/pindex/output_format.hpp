#pragma once
// An output format: what --format calls it, the -o extension that picks it, and its writer.
// Reports and comparisons each keep a table of these; the commands choose from it the same way.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace pindex {

// A file a format writes: its path and bytes.
struct OutputFile {
    std::string path;
    std::string content;
};

template <typename Model>
struct OutputFormat {
    std::string_view name;       // what --format takes: "json"
    std::string_view extension;  // what -o names end with to choose it: ".json"
    std::string (*write)(const Model&);
    // For a format that writes files beside its own when it goes to a file (a deck's chart
    // images): every file, companions first and the main file (at `path`) last. Null for
    // single-file formats; `write` is what goes to standard output.
    std::vector<OutputFile> (*write_files)(const Model&, const std::string& path) = nullptr;
};

template <typename Model>
const OutputFormat<Model>* find_format(const std::vector<OutputFormat<Model>>& formats, std::string_view name) {
    for (const auto& format : formats)
        if (format.name == name) return &format;
    return nullptr;
}

// True when path ends with extension and has a name before it, in any case: "Q3.JSON" is JSON,
// as a file manager or a spreadsheet would take it.
inline bool has_extension(std::string_view path, std::string_view extension) {
    if (path.size() <= extension.size()) return false;
    std::string_view end = path.substr(path.size() - extension.size());
    for (std::size_t i = 0; i < end.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(end[i])) != std::tolower(static_cast<unsigned char>(extension[i])))
            return false;
    return true;
}

// The format whose extension the path ends with ("report.md" -> markdown), or nullptr.
template <typename Model>
const OutputFormat<Model>* format_for_path(const std::vector<OutputFormat<Model>>& formats, std::string_view path) {
    for (const auto& format : formats)
        if (has_extension(path, format.extension)) return &format;
    return nullptr;
}

// The format asked for by name, else the one the output path's extension names, else the
// table's first (text).
template <typename Model>
const OutputFormat<Model>& choose_format(const std::vector<OutputFormat<Model>>& formats, std::string_view asked,
                                         std::string_view output_path) {
    if (const auto* format = find_format(formats, asked)) return *format;
    if (const auto* format = format_for_path(formats, output_path)) return *format;
    return formats.front();
}

template <typename Model>
std::vector<std::string> format_names(const std::vector<OutputFormat<Model>>& formats) {
    std::vector<std::string> names;
    for (const auto& format : formats) names.emplace_back(format.name);
    return names;
}

}  // namespace pindex
