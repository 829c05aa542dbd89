#include "pindex/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>

#include "pindex/limits.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

SourceLocation location_of(const std::string& file, const YAML::Mark& mark) {
    if (mark.line < 0) return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

// Line and column (1-based, in bytes) of an offset, for errors found before parsing.
SourceLocation location_of_offset(const std::string& file, std::string_view text, std::size_t offset) {
    std::string_view before = text.substr(0, offset);
    int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    std::size_t line_start = before.rfind('\n');
    int column = 1 + static_cast<int>(line_start == std::string_view::npos ? offset : offset - line_start - 1);
    return {file, line, column};
}

}  // namespace

YAML::Node parse_yaml_document(std::string_view text, const std::string& file) {
    // yaml-cpp reads invalid UTF-8 without complaint; a report would then carry broken text.
    if (auto offset = first_invalid_utf8(text))
        throw InputError(location_of_offset(file, text, *offset),
                         fmt::format("invalid UTF-8 (byte 0x{:02x}): save the file as UTF-8",
                                     static_cast<unsigned char>(text[*offset])));
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(std::string(text));
    } catch (const YAML::DeepRecursion& e) {
        throw InputError(location_of(file, e.mark),
                         fmt::format("invalid YAML: nested deeper than {} levels, the reader's limit (pindex files "
                                     "nest fewer than 10)", limits::kMaxNestingDepth));
    } catch (const YAML::Exception& e) {
        throw InputError(location_of(file, e.mark), fmt::format("invalid YAML: {}", e.msg));
    }
    if (documents.empty() || documents.front().IsNull())
        throw InputError({file, 0, 0}, "the file is empty: expected a YAML or JSON document");
    if (documents.size() > 1)
        throw InputError(location_of(file, documents[1].Mark()),
                         fmt::format("the file holds {} YAML documents; expected exactly one",
                                     documents.size()));
    return documents.front();
}

const YamlEntry* YamlMap::find(std::string_view key) const {
    for (const auto& entry : entries)
        if (entry.key == key) return &entry;
    return nullptr;
}

bool is_valid_id(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    auto is_alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    if (!is_alnum(text.front())) return false;
    for (char c : text)
        if (!is_alnum(c) && c != '_' && c != '-') return false;
    return true;
}

std::string describe_node_kind(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map: return "a map";
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Scalar:
            return node.Tag() == "?" && parse_yaml_number(node.Scalar()) ? "a number"
                                                                         : "a text value";
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined: return "an empty value";
    }
    return "an unknown value";
}

std::optional<double> parse_yaml_number(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    double value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

YamlReader::YamlReader(std::string file, Diagnostics& diagnostics)
    : file_(std::move(file)), diagnostics_(diagnostics) {}

SourceLocation YamlReader::where(const YAML::Node& node) const {
    return location_of(file_, node.Mark());
}

SourceLocation YamlReader::where(const YamlEntry& entry) const {
    if (entry.value.IsNull()) return where(entry.key_node);
    return where(entry.value);
}

void YamlReader::error(const YAML::Node& node, std::string message) {
    diagnostics_.error(where(node), std::move(message));
}

void YamlReader::error(const YamlEntry& entry, std::string message) {
    diagnostics_.error(where(entry), std::move(message));
}

std::optional<YamlMap> YamlReader::map(const YAML::Node& node, std::string_view what,
                                       const std::vector<std::string_view>& allowed) {
    if (!node.IsMap()) {
        error(node, fmt::format("expected a map for {}, got {}", what, describe_node_kind(node)));
        return std::nullopt;
    }
    YamlMap result{node, {}};
    std::map<std::string, int, std::less<>> first_line;
    for (const auto& pair : node) {
        // Copies: yaml-cpp's iterator hands out a temporary pair of node handles.
        const YAML::Node key = pair.first;
        if (!key.IsScalar()) {
            error(key, fmt::format("expected a text key in {}, got {}", what, describe_node_kind(key)));
            continue;
        }
        const std::string& name = key.Scalar();
        if (auto seen = first_line.find(name); seen != first_line.end()) {
            error(key, fmt::format("duplicate key '{}' in {} (first given on line {})", name, what,
                                   seen->second));
            continue;
        }
        first_line.emplace(name, where(key).line);
        bool known = allowed.empty();
        for (auto candidate : allowed) known = known || candidate == name;
        if (!known) {
            error(key, fmt::format("unknown key '{}' in {}; expected one of: {}", name, what,
                                   join(allowed)));
            continue;
        }
        result.entries.push_back({name, key, pair.second});
    }
    return result;
}

const YamlEntry* YamlReader::required(const YamlMap& map, std::string_view key,
                                      std::string_view what) {
    const YamlEntry* entry = map.find(key);
    if (!entry) error(map.node, fmt::format("missing key '{}' in {}", key, what));
    return entry;
}

std::string YamlReader::required_text(const YamlMap& map, std::string_view key, std::string_view what) {
    const YamlEntry* entry = required(map, key, what);
    return entry ? text(entry->value, fmt::format("'{}' of {}", key, what)).value_or("") : "";
}

std::optional<double> YamlReader::required_number(const YamlMap& map, std::string_view key, std::string_view what) {
    const YamlEntry* entry = required(map, key, what);
    return entry ? number(entry->value, fmt::format("'{}' of {}", key, what)) : std::nullopt;
}

void YamlReader::expect_schema_version(const YamlMap& map, int expected, std::string_view what) {
    auto version = required_number(map, "schema_version", what);
    if (version && *version != expected)
        error(map.find("schema_version")->value,
              fmt::format("schema_version {} is not one this pindex reads ({})", *version, expected));
}

std::optional<std::vector<YAML::Node>> YamlReader::list(const YAML::Node& node,
                                                        std::string_view what) {
    if (!node.IsSequence()) {
        error(node, fmt::format("expected a list for {}, got {}", what, describe_node_kind(node)));
        return std::nullopt;
    }
    std::vector<YAML::Node> items;
    for (const auto& item : node) items.push_back(item);
    return items;
}

std::optional<std::string> YamlReader::text(const YAML::Node& node, std::string_view what) {
    if (!node.IsScalar()) {
        error(node, fmt::format("expected text for {}, got {}", what, describe_node_kind(node)));
        return std::nullopt;
    }
    if (node.Scalar().size() > limits::kMaxTextBytes) {
        error(node, fmt::format("the text of {} is {} bytes long; the limit is {} KiB", what, node.Scalar().size(),
                                limits::kMaxTextBytes / 1024));
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<std::string> YamlReader::id(const YAML::Node& node, std::string_view what) {
    auto value = text(node, what);
    if (value && !is_valid_id(*value)) {
        error(node, fmt::format("'{}' is not a valid id for {}: use letters, digits, '_' and '-', "
                                "starting with a letter or digit (at most 64 characters)",
                                *value, what));
        return std::nullopt;
    }
    return value;
}

std::optional<double> YamlReader::number(const YAML::Node& node, std::string_view what) {
    if (node.IsScalar() && node.Tag() == "?") {
        if (auto value = parse_yaml_number(node.Scalar())) return value;
        error(node, fmt::format("expected a finite number for {}, got '{}'", what, node.Scalar()));
        return std::nullopt;
    }
    std::string got = describe_node_kind(node);
    if (node.IsScalar()) got = fmt::format("the quoted text '{}'", node.Scalar());
    error(node, fmt::format("expected a number for {}, got {}", what, got));
    return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, std::string_view what) {
    if (node.IsScalar() && node.Tag() == "?") {
        if (node.Scalar() == "true") return true;
        if (node.Scalar() == "false") return false;
    }
    error(node, fmt::format("expected true or false for {}, got {}", what, describe_node_kind(node)));
    return std::nullopt;
}

}  // namespace pindex
