#pragma once
// What the Marp decks (a report's and a comparison's) share: the front matter that sizes text
// to fit Marp's default 1280 × 720 slide, the slide break, and the chart images written beside
// a deck ("out/deck.md" -> "out/deck.gauge.svg", linked from the deck as "deck.gauge.svg").
#include <string>
#include <string_view>

#include "pindex/output_format.hpp"

namespace pindex {

inline constexpr const char* kSlideBreak = "\n---\n\n";

// `marp: true`, page numbers, the deck's title (a quoted YAML string) and a small style: text
// and tables sized for the slide, and a `small` class for slides that hold more.
std::string deck_front_matter(std::string_view title);

class DeckChartFiles {
public:
    explicit DeckChartFiles(const std::string& deck_path);
    // The chart's file beside the deck, and its link as the deck writes it (percent-encoded).
    OutputFile file(std::string_view kind, std::string content) const;
    std::string url(std::string_view kind) const;

private:
    std::string directory_, stem_;
};

}  // namespace pindex
