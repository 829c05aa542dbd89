#include "pindex/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

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


// Where the text may hold more than YAML::Load reads: a document marker after the first line
// of content, or a root that is not a block map (a flow collection or quoted scalar can be
// followed by more on its line). Answers files and rubrics, block maps in one document, skip the
// second pass this decides.
bool may_hold_more_than_one_document(std::string_view text) {
    bool content_seen = false;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
        bool marker = (line.starts_with("---") || line.starts_with("...")) &&
                      (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
        if (marker && content_seen) return true;
        std::size_t first = line.find_first_not_of(" \t\r");
        if (marker || first == std::string_view::npos || line[first] == '#' || line[first] == '%') continue;
        if (!content_seen && std::string_view("{[\"',").find(line[first]) != std::string_view::npos) return true;
        content_seen = true;
    }
    return false;
}

// Records where the second document starts, if there is one.
class DocumentCounter : public YAML::EventHandler {
public:
    int documents = 0;
    YAML::Mark second_start;
    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents == 2) second_start = mark;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override { note(mark); }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        note(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        note(mark);
    }
    void OnMapEnd() override {}

private:
    bool second_noted_ = false;
    // The first node of the second document is a better place to point at than its start.
    void note(const YAML::Mark& mark) {
        if (documents == 2 && !second_noted_ && mark.line >= 0) {
            second_start = mark;
            second_noted_ = true;
        }
    }
};

// Counts documents with the event parser, stopping at the second: yaml-cpp 0.7's LoadAll never
// returns on a stray ',' after a document (jbeder/yaml-cpp#1040, fixed in 0.8), filling memory.
void check_single_document(std::string_view text, const std::string& file) {
    std::stringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    DocumentCounter counter;
    while (counter.documents < 2 && parser.HandleNextDocument(counter)) {
    }
    if (counter.documents >= 2)
        throw InputError(location_of(file, counter.second_start),
                         "the file goes on after its first YAML document; expected exactly one document");
}

}  // namespace

YAML::Node parse_yaml_document(std::string_view text, const std::string& file) {
    // yaml-cpp reads invalid UTF-8 without complaint; a report would then carry broken text.
    if (auto offset = first_invalid_utf8(text))
        throw InputError(location_of_offset(file, text, *offset),
                         fmt::format("invalid UTF-8 (byte 0x{:02x}): save the file as UTF-8",
                                     static_cast<unsigned char>(text[*offset])));
    // YAML allows no raw control character, and yaml-cpp 0.7 misreads some: a NUL byte followed
    // by a letter came back as the invalid byte 0x85 (found by fuzzing).
    if (auto offset = first_control_character(text))
        throw InputError(location_of_offset(file, text, *offset),
                         fmt::format("a control character (byte 0x{:02x}) in the file; YAML allows none",
                                     static_cast<unsigned char>(text[*offset])));
    YAML::Node root;
    try {
        // Load reads the first document only; the check below looks for more where there may be.
        root = YAML::Load(std::string(text));
        if (may_hold_more_than_one_document(text)) check_single_document(text, file);
    } catch (const YAML::DeepRecursion& e) {
        throw InputError(location_of(file, e.mark),
                         fmt::format("invalid YAML: nested deeper than {} levels, the reader's limit (pindex files "
                                     "nest fewer than 10)", limits::kMaxNestingDepth));
    } catch (const YAML::Exception& e) {
        throw InputError(location_of(file, e.mark), fmt::format("invalid YAML: {}", e.msg));
    }
    if (root.IsNull()) throw InputError({file, 0, 0}, "the file is empty: expected a YAML or JSON document");
    return root;
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
            return node.Tag() == "?" && parse_number(node.Scalar()) ? "a number"
                                                                         : "a text value";
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined: return "an empty value";
    }
    return "an unknown value";
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
    if (auto at = first_control_character(node.Scalar())) {
        error(node, fmt::format("the text of {} holds a control character (byte 0x{:02x} at character {}); remove it",
                                what, static_cast<unsigned char>(node.Scalar()[*at]), *at + 1));
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
        if (auto value = parse_number(node.Scalar())) return value;
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
