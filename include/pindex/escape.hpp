#pragma once
// Text from an answers file (organization, respondent, notes, custom journey steps) is hostile
// input. These make it inert in each output format; every writer passes such text through one.
#include <string>
#include <string_view>

namespace pindex {

// The bidirectional formatting character at text[i] (U+202A..U+202E embeddings and overrides,
// U+2066..U+2069 isolates, U+200E, U+200F and U+061C marks), or 0. Such a character in an
// organization or a label can reorder what follows it on the line (U+202E shows "exe.txt" as
// "txt.exe"), so every format isolates it or makes it visible.
char32_t bidi_control_at(std::string_view text, std::size_t i);

// Text holding a bidirectional formatting character, wrapped line by line in an isolate
// (U+2068 ... U+2069) that contains its effect; a stray U+2069 that would close the isolate
// early becomes U+FFFD. Text without one is returned unchanged. escape_xml, escape_markdown and
// csv_field apply it.
std::string isolate_bidi(std::string_view text);

enum class LineBreaks { keep, escape };

// Text made safe for a terminal: control characters (C0 other than the kept line feed and tab,
// DEL, C1), bidirectional formatting characters and bytes that are not UTF-8 become visible
// escapes, "\x1b", "\u202e". Nothing a file holds can then move the cursor, change colours or
// reorder a line. The text report and every message on stderr go through it.
std::string visible_controls(std::string_view text, LineBreaks line_breaks);

// A JSON document (as nlohmann/json writes it) with C1 controls and bidirectional formatting
// characters written as \u escapes: the same strings to a JSON reader, inert on a terminal.
std::string escape_json_invisibles(std::string json);

// Valid UTF-8 with every invalid byte replaced by U+FFFD, so no writer emits broken text.
std::string valid_utf8(std::string_view text);

// For HTML and SVG (XML) text and attribute values: & < > " ' become entities, the control
// characters XML 1.0 forbids (all below 0x20 except tab, LF, CR) and C1 controls become U+FFFD,
// and bidirectional formatting characters are isolated (isolate_bidi).
std::string escape_xml(std::string_view text);

// For one line of Markdown, inside or outside a table cell: characters that could start
// markup, HTML, a link, math or a table cell become backslash escapes; line breaks and other
// control characters become spaces, so the text cannot leave its line; bidirectional formatting
// characters are isolated.
std::string escape_markdown(std::string_view text);

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled;
// bidirectional formatting characters isolated.
std::string csv_field(std::string_view text);

// A CSV field for text from an input file: as csv_field, but a leading = + - @ tab or CR (which
// spreadsheets would run as a formula) gets a ' in front, as OWASP recommends, and control
// characters (only a file name can hold them) are made visible.
std::string csv_text_field(std::string_view text);

}  // namespace pindex
