#pragma once
// Text from an answers file (organization, respondent, notes, custom journey steps) is hostile
// input. These make it inert in each output format; every writer passes such text through one.
#include <string>
#include <string_view>

namespace pindex {

// Valid UTF-8 with every invalid byte replaced by U+FFFD, so no writer emits broken text.
std::string valid_utf8(std::string_view text);

// For HTML and SVG (XML) text and attribute values: & < > " ' become entities, and the
// control characters XML 1.0 forbids (all below 0x20 except tab, LF, CR) become U+FFFD.
std::string escape_xml(std::string_view text);

// For one line of Markdown, inside or outside a table cell: characters that could start
// markup, HTML, a link, math or a table cell become backslash escapes; line breaks and other
// control characters become spaces, so the text cannot leave its line.
std::string escape_markdown(std::string_view text);

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled.
std::string csv_field(std::string_view text);

// A CSV field for text from an input file: as csv_field, but a leading = + - @ tab or CR (which
// spreadsheets would run as a formula) gets a ' in front, as OWASP recommends.
std::string csv_text_field(std::string_view text);

}  // namespace pindex
