#include "pindex/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
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

// Sizes the document as if every alias were replaced by the value it repeats, in one pass of the
// event parser: an anchored node's size is known when it ends, and an alias adds that size where
// it is used. Stops at the first node that takes the total past the limit.
class ExpansionCounter : public YAML::EventHandler {
public:
    struct Exceeded {
        YAML::Mark mark;
        std::size_t repeated;  // the bytes the alias there repeats (0 for a plain node)
    };

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(mark, 1, anchor, 0); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        std::size_t size = anchor < sizes_.size() ? sizes_[anchor] : 1;
        add(mark, size, YAML::NullAnchor, size);
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
        add(mark, value.size() + 1, anchor, 0);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        YAML::anchor_t anchor;
        std::size_t total_before;
    };
    std::size_t total_ = 0;
    std::vector<std::size_t> sizes_;  // by anchor id, once the anchored node has ended
    std::vector<Open> open_;

    void add(const YAML::Mark& mark, std::size_t size, YAML::anchor_t anchor, std::size_t repeated) {
        total_ += size;
        if (total_ > limits::kMaxExpandedBytes) throw Exceeded{mark, repeated};
        if (anchor != YAML::NullAnchor) remember(anchor, size);
    }
    void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
        open_.push_back({anchor, total_});
        add(mark, 1, YAML::NullAnchor, 0);
    }
    void close() {
        if (open_.empty()) return;
        Open node = open_.back();
        open_.pop_back();
        if (node.anchor != YAML::NullAnchor) remember(node.anchor, total_ - node.total_before);
    }
    void remember(YAML::anchor_t anchor, std::size_t size) {
        if (sizes_.size() <= anchor) sizes_.resize(anchor + 1, 1);
        sizes_[anchor] = size;
    }
};

// Aliases cost nothing in yaml-cpp's tree, which shares the node, but every copy pindex makes of
// what it reads (a label per custom row, a question text per question) is whole: a 600 KB file
// could make pindex hold gigabytes. Only a file with an anchor and an alias can expand.
void check_expanded_size(std::string_view text, const std::string& file) {
    if (text.find('&') == std::string_view::npos || text.find('*') == std::string_view::npos) return;
    std::stringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    ExpansionCounter counter;
    try {
        parser.HandleNextDocument(counter);
    } catch (const ExpansionCounter::Exceeded& exceeded) {
        std::string repeated =
            exceeded.repeated ? fmt::format(" (this alias repeats {} bytes)", exceeded.repeated) : std::string();
        throw InputError(location_of(file, exceeded.mark),
                         fmt::format("with its aliases expanded, the file holds more than {} MiB of text{}; the limit "
                                     "is {} MiB (an alias counts as the whole value it repeats)",
                                     limits::kMaxExpandedBytes / (1024 * 1024), repeated,
                                     limits::kMaxExpandedBytes / (1024 * 1024)));
    }
}

bool is_json_file_name(std::string_view file) {
    if (file.size() < 5) return false;
    std::string extension(file.substr(file.size() - 5));
    for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return extension == ".json";
}

// Accepts every JSON event: only the syntax is checked, and where it first fails.
struct JsonSyntaxCheck : nlohmann::json_sax<nlohmann::json> {
    std::size_t error_position = 0;
    std::string error_message;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
        error_position = position;
        error_message = error.what();
        return false;
    }
};

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1, column
// 9: " prefix: the position is given as file:line:column like every other error.
std::string json_error_words(const std::string& message) {
    std::size_t colon = message.find(": ");
    return colon == std::string::npos ? message : message.substr(colon + 2);
}

void check_strict_json(std::string_view text, const std::string& file) {
    JsonSyntaxCheck check;
    if (nlohmann::json::sax_parse(text, &check)) return;
    // The position counts the characters read, the offending one included.
    std::size_t offset = std::min(check.error_position > 0 ? check.error_position - 1 : 0, text.size());
    throw InputError(location_of_offset(file, text, offset),
                     fmt::format("invalid JSON: {}", json_error_words(check.error_message)));
}

// yaml-cpp refuses JSON's escaped surrogate pairs (an emoji written as two \u escapes, D83D then
// DE00), which YAML writes as one \U escape of eight digits. They are rewritten so, and the two
// characters saved are added as spaces after the string, so that everything later on the line
// keeps its column. Valid JSON only.
std::string with_yaml_escapes(std::string_view json) {
    auto hex_at = [&](std::size_t at) -> std::optional<unsigned> {
        if (at + 6 > json.size() || json[at] != '\\' || json[at + 1] != 'u') return std::nullopt;
        unsigned value = 0;
        auto [end, error] = std::from_chars(json.data() + at + 2, json.data() + at + 6, value, 16);
        if (error != std::errc() || end != json.data() + at + 6) return std::nullopt;
        return value;
    };
    std::string result;
    result.reserve(json.size());
    bool in_string = false;
    std::size_t saved = 0;
    for (std::size_t i = 0; i < json.size(); ++i) {
        char c = json[i];
        if (in_string && c == '\\') {
            auto high = hex_at(i), low = hex_at(i + 6);
            if (high && low && *high >= 0xD800 && *high <= 0xDBFF && *low >= 0xDC00 && *low <= 0xDFFF) {
                unsigned code_point = 0x10000 + ((*high - 0xD800) << 10) + (*low - 0xDC00);
                result += fmt::format("\\U{:08x}", code_point);
                saved += 2;
                i += 11;
                continue;
            }
            result += json.substr(i, 2);
            ++i;
            continue;
        }
        result += c;
        if (c == '"') {
            if (in_string) result.append(saved, ' ');
            in_string = !in_string;
            saved = 0;
        }
    }
    return result;
}

bool has_escaped_surrogate(std::string_view json) {
    for (std::size_t at = json.find("\\u"); at != std::string_view::npos; at = json.find("\\u", at + 2))
        if (at + 3 < json.size() && (json[at + 2] == 'd' || json[at + 2] == 'D') &&
            std::string_view("89abAB").find(json[at + 3]) != std::string_view::npos)
            return true;
    return false;
}

bool is_blank(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

bool looks_like_json(std::string_view text, std::string_view file) {
    if (is_json_file_name(file)) return true;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

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
    // JSON is checked strictly first (yaml-cpp would read a trailing comma or a comment as YAML),
    // then read by yaml-cpp like any file, for the same positions, checks and limits.
    bool json = !is_blank(text) && looks_like_json(text, file);
    if (json) check_strict_json(text, file);
    YAML::Node root;
    try {
        if (json) {
            root = YAML::Load(has_escaped_surrogate(text) ? with_yaml_escapes(text) : std::string(text));
        } else {
            check_expanded_size(text, file);
            // Load reads the first document only; the check below looks for more where there may be.
            root = YAML::Load(std::string(text));
            if (may_hold_more_than_one_document(text)) check_single_document(text, file);
        }
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
    std::map<std::string, SourceLocation, std::less<>> first_seen;
    for (const auto& pair : node) {
        // Copies: yaml-cpp's iterator hands out a temporary pair of node handles.
        const YAML::Node key = pair.first;
        if (!key.IsScalar()) {
            error(key, fmt::format("expected a text key in {}, got {}", what, describe_node_kind(key)));
            continue;
        }
        const std::string& name = key.Scalar();
        if (auto seen = first_seen.find(name); seen != first_seen.end()) {
            // A JSON file is often one line: there the column tells the two apart.
            std::string first = seen->second.line == where(key).line
                                    ? fmt::format("column {} of the same line", seen->second.column)
                                    : fmt::format("line {}", seen->second.line);
            error(key, fmt::format("duplicate key '{}' in {} (first given on {})", name, what, first));
            continue;
        }
        first_seen.emplace(name, where(key));
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

std::optional<std::vector<YAML::Node>> YamlReader::list(const YAML::Node& node, std::string_view what,
                                                        std::size_t max_items, std::string_view limit_words) {
    auto items = list(node, what);
    if (items && items->size() > max_items) {
        error((*items)[max_items], fmt::format("too many entries in {}: the limit is {} {} ({} given)", what, max_items,
                                               limit_words, items->size()));
        items->resize(max_items);
    }
    return items;
}

std::optional<std::string> YamlReader::text(const YAML::Node& node, std::string_view what, std::size_t max_bytes) {
    if (!node.IsScalar()) {
        error(node, fmt::format("expected text for {}, got {}", what, describe_node_kind(node)));
        return std::nullopt;
    }
    if (node.Scalar().size() > max_bytes) {
        std::string limit = max_bytes % 1024 == 0 ? fmt::format("{} KiB", max_bytes / 1024) : fmt::format("{} bytes", max_bytes);
        error(node, fmt::format("the text of {} is {} bytes long; the limit is {}", what, node.Scalar().size(), limit));
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
