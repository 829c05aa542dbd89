#include "pindex/deck.hpp"

#include <cctype>
#include <filesystem>

#include <fmt/format.h>

#include "pindex/escape.hpp"

namespace pindex {

std::string deck_front_matter(std::string_view title) {
    // Marp reads `title` for the HTML/PDF title; the value is a YAML string, so quote it.
    std::string quoted;
    for (char c : isolate_bidi(valid_utf8(title))) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
    // Markdown viewers ignore front matter; the style only sizes text for Marp's slides.
    return fmt::format("---\nmarp: true\npaginate: true\ntitle: \"{}\"\nstyle: |\n"
                       "  section {{ font-size: 24px; }}\n  section.small {{ font-size: 20px; }}\n"
                       "  h1 {{ font-size: 44px; }}\n  h2 {{ font-size: 34px; }}\n  h3 {{ font-size: 26px; }}\n"
                       "  table {{ font-size: 16px; }}\n  section.small table {{ font-size: 15px; }}\n"
                       "  th, td {{ padding: 4px 8px; }}\n  td:last-child {{ white-space: nowrap; }}\n---\n\n",
                       quoted);
}

DeckChartFiles::DeckChartFiles(const std::string& deck_path) {
    std::filesystem::path path(deck_path);
    directory_ = path.parent_path().string();
    stem_ = path.stem().string();
}

OutputFile DeckChartFiles::file(std::string_view kind, std::string content) const {
    std::string name = fmt::format("{}.{}.svg", stem_, kind);
    return {directory_.empty() ? name : (std::filesystem::path(directory_) / name).string(), std::move(content)};
}

std::string DeckChartFiles::url(std::string_view kind) const {
    // Percent-encoded, so that a deck named "Q3 (draft).md" still links its charts.
    std::string url;
    for (unsigned char c : fmt::format("{}.{}.svg", stem_, kind)) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') url += static_cast<char>(c);
        else url += fmt::format("%{:02X}", c);
    }
    return url;
}

}  // namespace pindex
