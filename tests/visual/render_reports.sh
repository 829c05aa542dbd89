#!/usr/bin/env bash
# Looks at the reports, not only generates them: renders an example's HTML and SVG reports in
# headless Chromium, prints the HTML to PDF on A4 and on Letter, and (if marp is installed)
# renders the Markdown deck to slides. Writes the screenshots kept in docs/images/.
#
#   tests/visual/render_reports.sh [PINDEX] [EXAMPLE] [OUT_DIR]
#
# Needs chromium and poppler-utils (apt-get install -y chromium poppler-utils); Marp CLI is
# optional (npm install @marp-team/marp-cli outside the checkout; `marp` on PATH or MARP=...).
# Not part of CTest; tests/visual/check_decks.py is the deck test that is.
set -euo pipefail
cd "$(dirname "$0")/../.."
pindex=${1:-build/pindex}
example=${2:-examples/typical.yaml}
out=${3:-docs/images}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
browser() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
    --no-pdf-header-footer "$@" 2>/dev/null
}
marp=${MARP:-$(command -v marp || true)}

"$pindex" score "$example" -o "$work/report.html"
"$pindex" score "$example" -o "$work/report.svg"
"$pindex" score "$example" -o "$work/report.md"   # with its charts beside it
mkdir -p "$out"

browser --window-size=1100,1500 --screenshot="$out/report-html.png" "file://$work/report.html"
browser --window-size=1600,900 --screenshot="$out/report-svg.png" "file://$work/report.svg"

# The report sets no paper size, so the print dialog's choice holds: force each in turn.
for paper in A4 Letter; do
  sed "s/@page { margin: 14mm; }/@page { margin: 14mm; size: $paper; }/" "$work/report.html" > "$work/$paper.html"
  browser --print-to-pdf="$work/$paper.pdf" "file://$work/$paper.html"
  pages=$(pdfinfo "$work/$paper.pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$work/$paper.pdf" | sed -n 's/^Page size: *//p')
  echo "$paper: $pages pages, $size"
  # The page with the widest content, the journey matrix, shows whether anything is cut off.
  page=1
  until pdftotext -f "$page" -l "$page" "$work/$paper.pdf" - | grep -q "Discover" || [ "$page" -ge "$pages" ]; do
    page=$((page + 1))
  done
  echo "  the journey matrix is on page $page"
  pdftoppm -png -r 60 -f "$page" -l "$page" -singlefile "$work/$paper.pdf" "$out/report-print-${paper,,}"
done

if [ -n "$marp" ]; then
  CHROME_PATH=$(command -v chromium) CHROME_NO_SANDBOX=1 "$marp" --no-stdin --allow-local-files "$work/report.md" \
    --images png -o "$work/deck.png" > /dev/null 2>&1
  cp "$work/deck.001.png" "$out/report-deck-index.png"
  cp "$work/deck.005.png" "$out/report-deck-moves.png"
  cp "$work/deck.007.png" "$out/report-deck-part.png"
  echo "Marp: $(ls "$work"/deck.*.png | wc -l) slides"
fi
echo "screenshots in $out:"
ls "$out"
