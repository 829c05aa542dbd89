#!/usr/bin/env python3
"""Renders every Marp deck pindex writes with Marp CLI and measures in headless Chromium that no
slide overflows Marp's default 1280 x 720 slide.

usage: check_decks.py PINDEX SOURCE_DIR [OUT_DIR]

Decks: the three examples, a comparison (laggard -> typical: another company, a journey whose
cells change scope), an incomplete file, and a file whose free text is long, right-to-left and
full of links. Each is converted by Marp CLI to HTML (measured) and to PDF (one page per slide,
1280 x 720 px). A slide overflows when any element of it reaches more than 1 px past the slide's
edges. Also checked in the HTML Marp made: no link from the answers file became live.

Needs Marp CLI (`marp` on PATH, or MARP=/path/to/marp; `npm install @marp-team/marp-cli`),
Chromium (`apt-get install chromium`) and pdfinfo (poppler-utils). Exits 77, which CTest reports
as skipped, when one is missing; 1 listing every overflow; 0 when every slide fits.
"""
import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

SKIPPED = 77
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]

# Run in the page after Marp's layout: for every slide, how far its content reaches past each edge,
# in CSS pixels of the 1280 x 720 slide (Marp scales slides through an SVG viewBox).
MEASURE = """
<script>
document.title = JSON.stringify(Array.from(document.querySelectorAll(
    'section:not([data-marpit-advanced-background="background"]):not([data-marpit-advanced-background="pseudo"])'
    )).map(function (section, i) {
  var box = section.getBoundingClientRect();
  var scale = section.offsetWidth / box.width;
  var over = {slide: i + 1, width: section.offsetWidth, height: section.offsetHeight,
              top: 0, bottom: 0, left: 0, right: 0};
  section.querySelectorAll('*').forEach(function (element) {
    var r = element.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;
    over.bottom = Math.max(over.bottom, (r.bottom - box.bottom) * scale);
    over.top = Math.max(over.top, (box.top - r.top) * scale);
    over.right = Math.max(over.right, (r.right - box.right) * scale);
    over.left = Math.max(over.left, (box.left - r.left) * scale);
  });
  return over;
}));
</script>
"""

HOSTILE = """rubric: personalization-index
organization: "شركة الأفق للتجزئة 2026-10-12 https://evil.example/login %s"
respondent: "<a href='https://evil.example'>click</a> www.evil.example"
date: 2026-10-12
answers:
  journey:
    discover: {web: moderate, app: n/a}
  accountable-leader: nobody
notes:
  accountable-leader: "See https://evil.example/a and www.evil.example/b and <https://evil.example/c> and [x](https://evil.example/d) %s"
"""


def tool(name, env_name):
    found = os.environ.get(env_name) or shutil.which(name)
    return found if found and pathlib.Path(found).exists() else None


def decks(pindex, source, work):
    """Writes every deck into work; yields (name, deck path)."""
    examples = source / "examples"
    for name in ("laggard", "typical", "leader"):
        subprocess.run([pindex, "score", examples / f"{name}.yaml", "-o", work / f"{name}.md"], check=True,
                       capture_output=True)
        yield name, work / f"{name}.md"
    subprocess.run([pindex, "compare", examples / "laggard.yaml", examples / "typical.yaml", "-o",
                    work / "compare.md"], check=True, capture_output=True)
    yield "compare", work / "compare.md"
    incomplete = work / "incomplete.yaml"
    incomplete.write_text("rubric: personalization-index\nanswers:\n  cross-channel: isolated\n")
    subprocess.run([pindex, "score", incomplete, "--allow-incomplete", "-o", work / "incomplete.md"], check=True,
                   capture_output=True)
    yield "incomplete", work / "incomplete.md"
    hostile = work / "hostile.yaml"
    hostile.write_text(HOSTILE % ("x" * 60, "word " * 40))
    subprocess.run([pindex, "score", hostile, "--allow-incomplete", "-o", work / "hostile.md"], check=True,
                   capture_output=True)
    yield "hostile", work / "hostile.md"


def marp_env(chromium):
    return dict(os.environ, CHROME_PATH=chromium, CHROME_NO_SANDBOX="1")


def measure(marp, chromium, deck, work):
    page = deck.with_suffix(".html")
    subprocess.run([marp, "--no-stdin", "--allow-local-files", str(deck), "-o", str(page)], check=True,
                   capture_output=True, env=marp_env(chromium))
    text = page.read_text()
    live = re.findall(r'<a [^>]*href="(?!#)[^"]*"', text)
    page.write_text(text.replace("</body>", MEASURE + "</body>"))
    profile = tempfile.mkdtemp(dir=work)
    dom = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,720",
                          "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
                         check=True, capture_output=True, text=True).stdout
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    return json.loads(html.unescape(title.group(1))), live


def pdf_pages(marp, chromium, deck):
    pdf = deck.with_suffix(".pdf")
    subprocess.run([marp, "--no-stdin", "--allow-local-files", "--pdf", str(deck), "-o", str(pdf)], check=True,
                   capture_output=True, env=marp_env(chromium))
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)
    return pages, size


def main():
    pindex, source = sys.argv[1], pathlib.Path(sys.argv[2])
    marp, chromium = tool("marp", "MARP"), tool("chromium", "CHROMIUM")
    if not marp or not chromium or not shutil.which("pdfinfo"):
        print(f"skipped: needs marp ({marp}), chromium ({chromium}) and pdfinfo")
        return SKIPPED
    problems = 0
    with tempfile.TemporaryDirectory() as temp:
        work = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else pathlib.Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        for name, deck in decks(pindex, source, work):
            slides, live = measure(marp, chromium, deck, work)
            pages, size = pdf_pages(marp, chromium, deck)
            worst = max(slides, key=lambda s: max(s["bottom"], s["right"], s["top"], s["left"]))
            print(f"{name}: {len(slides)} slides, PDF {pages} pages of {size}; largest overflow "
                  f"{max(worst['bottom'], worst['right'], worst['top'], worst['left']):.0f} px (slide {worst['slide']})")
            for slide in slides:
                # A slide split by a background image (![bg right:40%]) has a narrower content box.
                if slide["height"] != 720 or slide["width"] > 1280:
                    print(f"  slide {slide['slide']} is {slide['width']} x {slide['height']}, not 1280 x 720")
                    problems += 1
                edges = {edge: slide[edge] for edge in ("top", "bottom", "left", "right") if slide[edge] > 1}
                if edges:
                    print(f"  slide {slide['slide']} overflows: " +
                          ", ".join(f"{edge} {px:.0f} px" for edge, px in edges.items()))
                    problems += 1
            if pages != len(slides) or size != "960 x 540 pts":
                print(f"  the PDF has {pages} pages of {size}, expected {len(slides)} of 960 x 540 pts")
                problems += 1
            for link in live:
                print(f"  a live link: {link}")
                problems += 1
    print(f"{problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
