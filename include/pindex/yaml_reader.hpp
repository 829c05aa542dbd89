#pragma once
// Strict reading of YAML (and JSON, checked strictly, then read as flow YAML) documents: every
// problem becomes a Diagnostic with file:line:column, and reading goes on so that one run
// reports them all. Duplicate and unknown keys are errors, types are never guessed.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "pindex/diagnostic.hpp"
#include "pindex/limits.hpp"

namespace pindex {

// Parses text holding exactly one YAML document. Throws InputError on a syntax error, an
// empty input, several documents, or aliases that expand past limits::kMaxExpandedBytes. JSON
// (looks_like_json) must be strict JSON (RFC 8259: no comment, no trailing comma), and is then
// read as YAML, so that both give the same positions and checks.
YAML::Node parse_yaml_document(std::string_view text, const std::string& file);

// True when the file is named *.json or its text opens with { or [ (after a byte order mark
// and white space): it is then read as strict JSON.
bool looks_like_json(std::string_view text, std::string_view file);

struct YamlEntry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
};

// A map's entries in file order, duplicates already rejected.
class YamlMap {
public:
    YAML::Node node;
    std::vector<YamlEntry> entries;

    const YamlEntry* find(std::string_view key) const;
};

// True for ids of parts, questions, options, rows, columns and levels:
// a letter or digit, then letters, digits, '_' or '-'; at most 64 characters.
bool is_valid_id(std::string_view text);

class YamlReader {
public:
    YamlReader(std::string file, Diagnostics& diagnostics);

    const std::string& file() const { return file_; }
    Diagnostics& diagnostics() { return diagnostics_; }
    SourceLocation where(const YAML::Node& node) const;
    // The value's position, or the key's where the value is empty (yaml-cpp places an empty
    // value on the following line).
    SourceLocation where(const YamlEntry& entry) const;
    void error(const YAML::Node& node, std::string message);
    void error(const YamlEntry& entry, std::string message);

    // A map whose keys are all in `allowed` (any key if `allowed` is empty).
    std::optional<YamlMap> map(const YAML::Node& node, std::string_view what,
                               const std::vector<std::string_view>& allowed = {});
    // The entry for `key`, or an error naming the missing key.
    const YamlEntry* required(const YamlMap& map, std::string_view key, std::string_view what);
    std::optional<std::vector<YAML::Node>> list(const YAML::Node& node, std::string_view what);
    // A list of at most `max_items`: past that, an error at the first item too many naming the
    // limit ("50 rows in a matrix"), and only the items before it are returned, so that reading
    // stays bounded.
    std::optional<std::vector<YAML::Node>> list(const YAML::Node& node, std::string_view what, std::size_t max_items,
                                                std::string_view limit_words);
    // The text, or number, under a required key: "" or nullopt once reported missing or mistyped.
    std::string required_text(const YamlMap& map, std::string_view key, std::string_view what);
    std::optional<double> required_number(const YamlMap& map, std::string_view key, std::string_view what);
    // The files pindex writes for itself to read back (JSON reports, benchmark sets) carry a
    // schema_version: reports any other than `expected`.
    void expect_schema_version(const YamlMap& map, int expected, std::string_view what);

    // Text of at most max_bytes (limits.hpp), without control characters.
    std::optional<std::string> text(const YAML::Node& node, std::string_view what,
                                    std::size_t max_bytes = limits::kMaxTextBytes);
    std::optional<std::string> id(const YAML::Node& node, std::string_view what);
    // A plain (unquoted) finite number.
    std::optional<double> number(const YAML::Node& node, std::string_view what);
    std::optional<bool> boolean(const YAML::Node& node, std::string_view what);

private:
    std::string file_;
    Diagnostics& diagnostics_;
};

// "a map", "a list", "a text value", "an empty value": for "expected X, got Y" messages.
std::string describe_node_kind(const YAML::Node& node);


}  // namespace pindex
