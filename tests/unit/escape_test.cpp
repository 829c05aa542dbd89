#include <catch2/catch.hpp>

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
    for (const char* formula : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
        INFO(formula);
        std::string field = csv_text_field(formula);
        CHECK((field.front() == '\'' || field.substr(0, 2) == "\"'"));
    }
    CHECK(csv_text_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_text_field("Contoso") == "Contoso");
    CHECK(csv_text_field("a-b") == "a-b");  // only a leading sign matters
}

TEST_CASE("escape_markdown leaves no URL or domain whole for Marp's linkify") {
    CHECK(pindex::escape_markdown("see https://evil.example/a") == "see https\\://evil\\.example/a");
    CHECK(pindex::escape_markdown("www.evil.com and mail@x.org") == "www\\.evil\\.com and mail@x\\.org");
    CHECK(pindex::escape_markdown("It ends. Version 2.0: done") == "It ends. Version 2\\.0: done");
}
