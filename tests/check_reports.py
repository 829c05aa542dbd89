#!/usr/bin/env python3
"""Checks the reports the built pindex writes with parsers that share no code with it.

usage: check_reports.py PINDEX SOURCE_DIR

For every example answers file and two edge cases (an incomplete file; a file with the
company's own journey steps and hostile organization, labels and notes), scored against a peer
set built from the examples, each format must be:
  json      valid against docs/report.schema.json
  svg       well-formed XML with an <svg> root, no script, no external reference
  html      parsed by html.parser with no <script>, no event-handler attribute, no external URL
  csv       RFC 4180 rows of equal width, no cell that a spreadsheet would run as a formula
  markdown  the Marp front matter, and the hostile text present only escaped
  xlsx      read by openpyxl: no formula anywhere, numbers as number cells with number formats,
            every text from the answers file a string cell holding exactly that text
and a right-to-left override (U+202E) in the hostile text must be escaped in JSON (and read back
as it was) and isolated on its line in every other format.
Exits 1 listing every problem.
"""
import csv
import html.parser
import io
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

import jsonschema
import openpyxl

HOSTILE_ORGANIZATION = "<script>alert(1)</script> & \"Quotes\", =cmd|' /C calc'!A0 [x](javascript:alert(1)) \u202egpj.exe"
EDGE_CASES = {
    "incomplete.yaml": """rubric: personalization-index
answers:
  cross-channel: isolated
  accountable-leader: nobody
""",
    "hostile.yaml": """rubric: personalization-index
organization: %s
respondent: "=HYPERLINK(\\"http://x\\")"
custom:
  journey:
    rows: [{id: renewal-call, label: "@Renewal <b>call</b>"}]
    columns: [{id: kiosk, label: "Kiosk <img src=x onerror=alert(1)> \\u202e"}]
answers:
  journey:
    renewal-call: {kiosk: one-to-one, web: n/a}
    discover: {web: moderate}
  accountable-leader: nobody
notes:
  accountable-leader: "line one\\nline two | <img src=x onerror=alert(1)> **bold** $x$"
""" % json.dumps(HOSTILE_ORGANIZATION),
}
# Texts a spreadsheet would turn into a date, a fraction, a number, a boolean or a formula.
LOOKALIKES = ["2026-10-12", "1/2", "0012345", "1e5", "TRUE", "=1+1", "東京ストア", "متجر الرياض 2026-10-12"]
EDGE_CASES["lookalikes.yaml"] = """rubric: personalization-index
organization: "%s"
respondent: "%s"
custom:
  journey:
    rows: [{id: own-step, label: "%s"}]
    columns: [{id: own-channel, label: "%s"}]
answers:
  journey:
    own-step: {own-channel: moderate}
  accountable-leader: nobody
notes:
  accountable-leader: "%s"
  cross-channel: "%s"
  journey: "%s"
  ab-testing: "%s"
""" % tuple(LOOKALIKES[i] for i in (0, 4, 6, 7, 1, 5, 2, 3))
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class HtmlChecker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "link", "img"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name in ("src", "href") or (value or "").startswith(("http:", "https:", "//")):
                if name != "xmlns":
                    self.problems.append(f"external reference {name}={value} on <{tag}>")


def check_json(text, validator):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.loads(text))]


def check_svg(text, _):
    try:
        root = ElementTree.fromstring(text.encode())
    except ElementTree.ParseError as error:
        return [f"not well-formed XML: {error}"]
    problems = [] if root.tag == "{http://www.w3.org/2000/svg}svg" else [f"root is {root.tag}"]
    for element in root.iter():
        if element.tag.endswith("}script") or element.tag.endswith("}foreignObject"):
            problems.append(f"{element.tag} element")
        problems += [f"attribute {k}" for k in element.attrib if k.startswith("on") or k.endswith("href")]
    return problems


def check_html(text, _):
    checker = HtmlChecker()
    checker.feed(text)
    return checker.problems + check_svg_in_html(text)


def check_svg_in_html(text):
    # Each inline chart must itself be well-formed XML, as browsers and slide tools parse it so.
    problems = []
    start = text.find("<svg")
    while start != -1:
        end = text.index("</svg>", start) + len("</svg>")
        problems += check_svg(text[start:end], None)
        start = text.find("<svg", end)
    return problems


def check_csv(text, _):
    if "\r\n" not in text:
        return ["lines do not end with CRLF"]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    problems = [f"row {i} has {len(row)} cells, the header {len(rows[0])}"
                for i, row in enumerate(rows) if len(row) != len(rows[0])]
    for row in rows:
        problems += [f"formula cell {cell!r}" for cell in row[:3] + row[5:7] if cell.startswith(FORMULA_STARTS)]
    return problems


def check_markdown(text, _):
    if not text.startswith("---\nmarp: true\n"):
        return ["no Marp front matter"]
    # The front matter is YAML, not rendered: the title must stay one quoted line there.
    front_matter, body = text[4:].split("\n---\n", 1)
    problems = [f"front matter line {line!r}" for line in front_matter.splitlines()
                if line.startswith("title:") and not (line.startswith('title: "') and line.endswith('"'))]
    for raw in ("<script>", "<img", "<b>", "**bold**", "[x](javascript"):
        if re.search(r"(?<!\\)" + re.escape(raw), body):  # not preceded by a backslash
            problems.append(f"unescaped {raw!r}")
    return problems


def check_junit(text, _):
    # What a CI system reads: counts that match the test cases, a failure only where a threshold failed.
    root = ElementTree.fromstring(text.encode())
    cases = root.findall("./testsuite/testcase")
    failures = root.findall("./testsuite/testcase/failure")
    problems = []
    if root.tag != "testsuites" or int(root.get("tests")) != len(cases) or int(root.get("failures")) != len(failures):
        problems.append("testsuites counts do not match the test cases")
    if [case.get("name") for case in cases][:1] != ["index"] or len(cases) != 7:
        problems.append(f"expected 'index' and six parts, got {[case.get('name') for case in cases]}")
    return problems


def check_xlsx(path, _):
    workbook = openpyxl.load_workbook(path)
    problems = []
    if workbook.sheetnames != ["Summary", "Questions", "Moves"]:
        problems.append(f"sheets {workbook.sheetnames}")
    strings = set()
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    problems.append(f"{sheet.title}!{cell.coordinate} holds a formula {cell.value!r}")
                if cell.data_type == "s":
                    strings.add(cell.value)
    index = workbook["Summary"]["B1"]
    if index.data_type != "n" or index.number_format != "0.0":
        problems.append(f"the index is {index.data_type} {index.value!r} formatted {index.number_format}")
    for row in workbook["Questions"].iter_rows(min_row=2):
        for cell in row[5:8]:
            if cell.data_type != "n":
                problems.append(f"Questions!{cell.coordinate} is {cell.data_type}, not a number")
    if not workbook["Summary"]._charts:
        problems.append("no chart on the summary sheet")
    caveat = workbook["Summary"]["D1"].value or ""
    complete = path.stem in ("laggard", "typical", "leader")  # the edge cases answer a question or two
    if complete == caveat.startswith("Incomplete:"):
        problems.append(f"the index's caveat beside it reads {caveat!r}")
    if path.name.startswith("lookalikes"):
        problems += [f"{text!r} is not kept as a string cell" for text in LOOKALIKES
                     if not any(text in value for value in strings)]
    return problems


RLO, FSI, PDI = "\u202e", "\u2068", "\u2069"


def check_bidi(format_name, text):
    """U+202E reorders what follows it on its line: JSON must escape it, every other format put it
    between an isolate's U+2068 and U+2069 on its line."""
    if format_name == "json":
        problems = ["a raw U+202E"] if RLO in text else []
        if "\\u202e" in text and RLO not in json.loads(text)["organization"]:
            problems.append("the escaped U+202E does not read back")
        return problems
    problems = []
    for line in text.splitlines():
        at = line.find(RLO)
        while at != -1:
            if line.rfind(FSI, 0, at) == -1 or line.find(PDI, at) == -1:
                problems.append(f"U+202E outside an isolate: {line[:120]!r}")
            at = line.find(RLO, at + 1)
    return problems




CHECKS = {"xlsx": check_xlsx, "junit": check_junit, "json": check_json, "svg": check_svg, "html": check_html, "csv": check_csv, "markdown": check_markdown}


def answers_files(source_dir, workdir):
    for example in sorted((source_dir / "examples").glob("*.yaml")):
        yield example
    for name, text in EDGE_CASES.items():
        path = workdir / name
        path.write_text(text)
        yield path


def main():
    pindex, source_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    schema = json.loads((source_dir / "docs" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        # A peer set, so that every format also shows (and the schema checks) `peers`.
        peers = pathlib.Path(workdir) / "peers.json"
        examples = [str(path) for path in sorted((source_dir / "examples").glob("*.yaml"))]
        subprocess.run([pindex, "benchmark", "build", *examples, "-o", str(peers)], check=True, capture_output=True)
        for answers in answers_files(source_dir, pathlib.Path(workdir)):
            for format_name, check in CHECKS.items():
                args = [pindex, "score", str(answers), "--format", format_name, "--allow-incomplete",
                        "--fail-under", "49", "--fail-under-part", "know-me=5", "--benchmarks", str(peers)]
                workbook = pathlib.Path(workdir) / f"{answers.stem}.xlsx"
                if format_name == "xlsx":
                    args += ["-o", str(workbook)]
                # Bytes, not text mode: text mode would turn the CSV's CRLFs into LFs.
                result = subprocess.run(args, capture_output=True)
                if result.returncode not in (0, 1):
                    problems = [f"pindex exited {result.returncode}: {result.stderr.decode().strip()}"]
                elif format_name == "xlsx":
                    problems = check(workbook, validator)
                else:
                    text = result.stdout.decode()
                    problems = check(text, validator) + check_bidi(format_name, text)
                for problem in problems:
                    print(f"{answers.name} {format_name}: {problem}")
                failures += len(problems)
                print(f"{answers.name} {format_name}: {'ok' if not problems else 'FAILED'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
