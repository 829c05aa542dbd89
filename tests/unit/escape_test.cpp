#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "pindex/escape.hpp"

using namespace pindex;

TEST_CASE("valid_utf8 keeps valid text and replaces each invalid byte with U+FFFD") {
    CHECK(valid_utf8("Zürich Ελλάδα 東京 😀") == "Zürich Ελλάδα 東京 😀");
    CHECK(valid_utf8("a\xff" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(valid_utf8("\xC3") == "\xEF\xBF\xBD");                           // truncated sequence
    CHECK(valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");           // overlong '/'
    CHECK(valid_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
    CHECK(valid_utf8("\xF4\x90\x80\x80").find("\xF4") == std::string::npos);    // above U+10FFFF
}

TEST_CASE("escape_xml makes markup and forbidden control characters inert") {
    CHECK(escape_xml("<script>alert('x') & \"y\"</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    CHECK(escape_xml("bell\x07 escape\x1b") == "bell\xEF\xBF\xBD escape\xEF\xBF\xBD");
    CHECK(escape_xml("tab\tnewline\n") == "tab\tnewline\n");
    CHECK(escape_xml("bad \xff") == "bad \xEF\xBF\xBD");
}

TEST_CASE("escape_markdown keeps text on its line and out of markup") {
    CHECK(escape_markdown("Contoso Outdoor (example)") == "Contoso Outdoor (example)");
    CHECK(escape_markdown("**bold** _it_ `code`") == "\\*\\*bold\\*\\* \\_it\\_ \\`code\\`");
    CHECK(escape_markdown("[x](javascript:alert(1))") == "\\[x\\](javascript\\:alert(1))");
    CHECK(escape_markdown("<img src=x> a|b $x$ ~~s~~ &amp;") ==
          "\\<img src=x\\> a\\|b \\$x\\$ \\~\\~s\\~\\~ \\&amp;");
    CHECK(escape_markdown("line one\nline two\r\n") == "line one line two  ");
    CHECK(escape_markdown("back\\slash") == "back\\\\slash");
}

TEST_CASE("csv_field quotes only when RFC 4180 needs it") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("") == "");
}

TEST_CASE("csv_text_field keeps spreadsheets from running a cell as a formula") {
    for (const char* formula : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx"}) {
        INFO(formula);
        std::string field = csv_text_field(formula);
        CHECK((field.front() == '\'' || field.substr(0, 2) == "\"'"));
    }
    CHECK(csv_text_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_text_field("Contoso") == "Contoso");
    CHECK(csv_text_field("a-b") == "a-b");  // only a leading sign matters
    CHECK(csv_text_field("\rx") == "\\x0dx");  // a carriage return is shown, not run (nor a formula)
}

namespace {
const std::string kRlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE
const std::string kFsi = "\xE2\x81\xA8";  // U+2068 FIRST STRONG ISOLATE
const std::string kPdi = "\xE2\x81\xA9";  // U+2069 POP DIRECTIONAL ISOLATE
const std::string kRli = "\xE2\x81\xA7";  // U+2067 RIGHT-TO-LEFT ISOLATE
const std::string kRlm = "\xE2\x80\x8F";  // U+200F RIGHT-TO-LEFT MARK
const std::string kAlm = "\xD8\x9C";      // U+061C ARABIC LETTER MARK
const std::string kCsi = "\xC2\x9B";      // U+009B, a C1 control: CSI on some terminals
}  // namespace

TEST_CASE("bidi controls are found: embeddings, overrides, isolates and marks") {
    for (const auto& [text, code_point] : std::vector<std::pair<std::string, char32_t>>{
             {"\xE2\x80\xAA", 0x202A}, {kRlo, 0x202E}, {"\xE2\x81\xA6", 0x2066}, {kPdi, 0x2069},
             {"\xE2\x80\x8E", 0x200E}, {kRlm, 0x200F}, {kAlm, 0x061C}})
        CHECK(bidi_control_at(text, 0) == code_point);
    for (const char* other : {"\xE2\x80\x94", "\xE2\x80\xAF", "\xE2\x81\xA5", "\xD8\xA7", "a"})  // em dash, NNBSP, Arabic alef
        CHECK(bidi_control_at(other, 0) == 0);
}

TEST_CASE("isolate_bidi contains a bidi control's effect, line by line, and leaves other text alone") {
    CHECK(isolate_bidi("Contoso שלום") == "Contoso שלום");  // right-to-left letters need no isolate
    CHECK(isolate_bidi("a" + kRlo + "txt.exe") == kFsi + "a" + kRlo + "txt.exe" + kPdi);
    // An isolate left open inside is closed before ours; a stray PDI that would close ours early is shown.
    CHECK(isolate_bidi(kRli + "x") == kFsi + kRli + "x" + kPdi + kPdi);
    CHECK(isolate_bidi(kPdi + kRlo + "x") == kFsi + "\xEF\xBF\xBD" + kRlo + "x" + kPdi);
    CHECK(isolate_bidi(kRli + "x" + kPdi) == kFsi + kRli + "x" + kPdi + kPdi);
    // A line break ends every embedding and isolate: each line gets its own.
    CHECK(isolate_bidi(kRlo + "a\nb" + kRlm) == kFsi + kRlo + "a" + kPdi + "\n" + kFsi + "b" + kRlm + kPdi);
}

TEST_CASE("every markup and CSV escape isolates bidi controls, and drops C1 controls") {
    CHECK(escape_xml("<b>" + kRlo + "</b>") == kFsi + "&lt;b&gt;" + kRlo + "&lt;/b&gt;" + kPdi);
    CHECK(escape_xml("a" + kCsi + "b") == "a\xEF\xBF\xBD" "b");
    CHECK(escape_markdown(kRlo + "*x*") == kFsi + kRlo + "\\*x\\*" + kPdi);
    CHECK(escape_markdown("a" + kCsi + "b") == "a b");
    CHECK(csv_field(kRlo + "a,b") == "\"" + kFsi + kRlo + "a,b" + kPdi + "\"");
    CHECK(csv_text_field("=" + kRlo) == kFsi + "'=" + kRlo + kPdi);  // the formula guard, then the isolate
    CHECK(csv_text_field("file\x1b[31m.yaml") == "file\\x1b[31m.yaml");  // a file name's escape, shown
}

TEST_CASE("visible_controls shows every control, bidi character and stray byte, and keeps text") {
    CHECK(visible_controls("Société 東京 😀 ×2", LineBreaks::keep) == "Société 東京 😀 ×2");
    CHECK(visible_controls("a\x1b[2Jb\x7f" + kCsi + kRlo + kAlm + "\xff", LineBreaks::keep) ==
          "a\\x1b[2Jb\\x7f\\u009b\\u202e\\u061c\\xff");
    CHECK(visible_controls("one\n\ttwo\rthree", LineBreaks::keep) == "one\n\ttwo\\x0dthree");
    CHECK(visible_controls("one\n\ttwo", LineBreaks::escape) == "one\\x0a\\x09two");
}

TEST_CASE("escape_json_invisibles writes C1 and bidi controls as JSON escapes, the same strings to a reader") {
    std::string json = "{\"organization\": \"a" + kRlo + "b" + kCsi + "\"}";
    CHECK(escape_json_invisibles(json) == "{\"organization\": \"a\\u202eb\\u009b\"}");
    CHECK(nlohmann::json::parse(escape_json_invisibles(json)) == nlohmann::json::parse(json));
    CHECK(escape_json_invisibles("{\"a\": \"Zürich ☃\"}") == "{\"a\": \"Zürich ☃\"}");
}

TEST_CASE("escape_markdown leaves no URL or domain whole for Marp's linkify") {
    CHECK(pindex::escape_markdown("see https://evil.example/a") == "see https\\://evil\\.example/a");
    CHECK(pindex::escape_markdown("www.evil.com and mail@x.org") == "www\\.evil\\.com and mail@x\\.org");
    CHECK(pindex::escape_markdown("It ends. Version 2.0: done") == "It ends. Version 2\\.0: done");
}
