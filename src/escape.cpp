#include "pindex/escape.hpp"

#include <cctype>
#include <string_view>

#include "pindex/text.hpp"

namespace pindex {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool starts_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

}  // namespace

std::string valid_utf8(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            result += kReplacement;
            ++i;
            continue;
        }
        result += text.substr(i, length);
        i += length;
    }
    return result;
}

std::string escape_xml(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    for (char c : valid_utf8(text)) {
        switch (c) {
            case '&': result += "&amp;"; break;
            case '<': result += "&lt;"; break;
            case '>': result += "&gt;"; break;
            case '"': result += "&quot;"; break;
            case '\'': result += "&#39;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    result += kReplacement;
                else
                    result += c;
        }
    }
    return result;
}

std::string escape_markdown(std::string_view text) {
    // Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the
    // ones that can start emphasis, code, links and images ([), HTML and autolinks (<),
    // entities (&), table cells (|), strikethrough (~) or, in Marp, math ($). Writers never
    // start a line with such text, so the line-start markers (# - + 1.) need no escape.
    static constexpr std::string_view kSpecial = "\\`*_[]<>|~$&";
    // Links stay inert too: Marp's markdown-it turns bare URLs and domains ("https://x.org",
    // "www.x.org", "x.com") into live links. It looks for them in runs of plain text, and an
    // escaped character ends such a run, so a backslash before every ':' and every '.' that
    // is followed by a letter or digit leaves no URL or domain whole (CommonMark shows "\." as ".").
    auto breaks_link = [](char c, char next) {
        return (c == ':' || c == '.') && (std::isalnum(static_cast<unsigned char>(next)) || (c == ':' && next == '/'));
    };
    std::string valid = valid_utf8(text);
    std::string result;
    result.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i) {
        char c = valid[i];
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            result += ' ';
            continue;
        }
        if (kSpecial.find(c) != std::string_view::npos) result += '\\';
        else if (i + 1 < valid.size() && breaks_link(c, valid[i + 1])) result += '\\';
        result += c;
    }
    return result;
}

std::string csv_field(std::string_view text) {
    std::string value = valid_utf8(text);
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string result = "\"";
    for (char c : value) {
        if (c == '"') result += '"';
        result += c;
    }
    return result + "\"";
}

std::string csv_text_field(std::string_view text) {
    if (!text.empty() && starts_formula(text.front())) return csv_field("'" + std::string(text));
    return csv_field(text);
}

}  // namespace pindex
