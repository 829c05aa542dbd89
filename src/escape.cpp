#include "pindex/escape.hpp"

#include <cctype>
#include <string_view>

#include "pindex/text.hpp"

namespace pindex {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kFirstStrongIsolate = "\xE2\x81\xA8";  // U+2068
constexpr std::string_view kPopDirectionalIsolate = "\xE2\x81\xA9";  // U+2069

bool starts_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

unsigned char byte_at(std::string_view text, std::size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

// The code point of the C1 control (U+0080..U+009F) at text[i], or 0. A terminal may run U+009B
// as CSI, the start of an escape sequence.
char32_t c1_control_at(std::string_view text, std::size_t i) {
    unsigned char next = byte_at(text, i + 1);
    return byte_at(text, i) == 0xC2 && next >= 0x80 && next <= 0x9F ? next : 0;
}

std::string hex_escape(char32_t code_point, std::string_view prefix, int digits) {
    static const char kDigits[] = "0123456789abcdef";
    std::string result(prefix);
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) result += kDigits[(code_point >> shift) & 0xF];
    return result;
}

bool is_isolate_initiator(char32_t c) { return c >= 0x2066 && c <= 0x2068; }

// Bytes of a code point from U+0080 to U+FFFF in UTF-8.
std::size_t utf8_length(char32_t code_point) { return code_point < 0x800 ? 2 : 3; }

}  // namespace

char32_t bidi_control_at(std::string_view text, std::size_t i) {
    unsigned char lead = byte_at(text, i), second = byte_at(text, i + 1), third = byte_at(text, i + 2);
    if (lead == 0xD8 && second == 0x9C) return 0x061C;
    if (lead != 0xE2) return 0;
    char32_t code_point = 0x2000 + ((second & 0x3F) << 6) + (third & 0x3F);
    bool controls = (second == 0x80 && (third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE))) ||
                    (second == 0x81 && third >= 0xA6 && third <= 0xA9);
    return controls ? code_point : 0;
}

namespace {

// The C1 control or (with `bidi`) the bidirectional formatting character at text[i], or 0.
char32_t invisible_at(std::string_view text, std::size_t i, bool bidi) {
    if (char32_t c1 = c1_control_at(text, i)) return c1;
    return bidi ? bidi_control_at(text, i) : 0;
}

}  // namespace

std::string isolate_bidi(std::string_view text) {
    bool any = false;
    for (std::size_t i = 0; i < text.size() && !any; ++i) any = bidi_control_at(text, i) != 0;
    if (!any) return std::string(text);
    // Line by line: a line break ends every embedding and isolate, ours included.
    std::string result(kFirstStrongIsolate);
    int open_isolates = 0;
    auto close_line = [&] {
        for (; open_isolates > 0; --open_isolates) result += kPopDirectionalIsolate;
        result += kPopDirectionalIsolate;
    };
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\n' || text[i] == '\r') {
            close_line();
            result += text[i++];
            result += kFirstStrongIsolate;
            continue;
        }
        char32_t control = bidi_control_at(text, i);
        if (!control) {
            result += text[i++];
            continue;
        }
        std::size_t length = utf8_length(control);
        if (is_isolate_initiator(control)) ++open_isolates;
        if (control == 0x2069 && open_isolates == 0)
            result += kReplacement;  // a PDI opened by nothing here would close our isolate
        else
            result += text.substr(i, length);
        if (control == 0x2069 && open_isolates > 0) --open_isolates;
        i += length;
    }
    close_line();
    return result;
}

namespace {

// Control characters (and, with `bidi`, bidirectional formatting characters) as visible escapes.
std::string escape_controls(std::string_view text, LineBreaks line_breaks, bool bidi) {
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        bool kept_break = line_breaks == LineBreaks::keep && (byte == '\n' || byte == '\t');
        if ((byte < 0x20 && !kept_break) || byte == 0x7F) {
            result += hex_escape(byte, "\\x", 2);
            ++i;
        } else if (char32_t control = invisible_at(text, i, bidi)) {
            result += hex_escape(control, "\\u", 4);
            i += utf8_length(control);
        } else if (std::size_t length = utf8_sequence_length(text, i)) {
            result += text.substr(i, length);
            i += length;
        } else {
            result += hex_escape(byte, "\\x", 2);  // not UTF-8: a lone byte 0x9b can be CSI
            ++i;
        }
    }
    return result;
}

}  // namespace

std::string visible_controls(std::string_view text, LineBreaks line_breaks) {
    return escape_controls(text, line_breaks, true);
}

std::string escape_json_invisibles(std::string json) {
    std::size_t first = 0;
    while (first < json.size() && !invisible_at(json, first, true)) ++first;
    if (first == json.size()) return json;  // a report can be tens of megabytes: no copy when nothing changes
    std::string result = json.substr(0, first);
    for (std::size_t i = first; i < json.size();) {
        char32_t control = invisible_at(json, i, true);
        if (!control) {
            result += json[i++];
            continue;
        }
        result += hex_escape(control, "\\u", 4);
        i += utf8_length(control);
    }
    return result;
}

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
    std::string inert = isolate_bidi(valid_utf8(text));
    for (std::size_t i = 0; i < inert.size(); ++i) {
        char c = inert[i];
        if (c1_control_at(inert, i)) {
            result += kReplacement;
            ++i;
            continue;
        }
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
    std::string valid = isolate_bidi(valid_utf8(text));
    std::string result;
    result.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i) {
        char c = valid[i];
        auto byte = static_cast<unsigned char>(c);
        if (c1_control_at(valid, i)) {
            result += ' ';
            ++i;
            continue;
        }
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
    std::string value = isolate_bidi(valid_utf8(text));
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string result = "\"";
    for (char c : value) {
        if (c == '"') result += '"';
        result += c;
    }
    return result + "\"";
}

std::string csv_text_field(std::string_view text) {
    // Text from an answers file holds no control character (the loader refuses them), but a file
    // name can: shown, not run, by a terminal the CSV is printed on.
    std::string value = escape_controls(text, LineBreaks::keep, false);  // bidi: isolated by csv_field
    if (!value.empty() && starts_formula(value.front())) return csv_field("'" + value);
    return csv_field(value);
}

}  // namespace pindex
