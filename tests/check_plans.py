#!/usr/bin/env python3
"""Checks the plans the built pindex writes with parsers that share no code with it.

usage: check_plans.py PINDEX SOURCE_DIR

For every example answers file at several goals, and two edge cases (a file with hostile text in
its organization and its own journey steps; an incomplete file whose target cannot be reached):
  json      valid against docs/plan.schema.json, each step (without its effort) valid against the
            report's move (docs/report.schema.json, $defs/move), and its counts adding up
  html      parsed by html.parser with no <script>, no event-handler attribute, no external URL
  markdown  the Marp front matter, hostile text present only escaped, at most four steps a slide
  xlsx      read by openpyxl: no formula, the indices and each step's gain and effort number cells,
            as many step rows as the JSON plan has steps, the organization a string cell as written
Exits 1 listing every problem.
"""
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema
import openpyxl

from check_reports import HOSTILE_ORGANIZATION, HtmlChecker, check_markdown

STEPS_PER_SLIDE = 4  # what fits a 16:9 slide with the advice, rendered with Marp by hand
GOALS = [["--target", "49"], ["--target", "72"], ["--target", "top-decile", "--waves", "3"], ["--budget", "5"]]
EDGE_CASES = {
    "hostile.yaml": ("""rubric: personalization-index
organization: %s
custom:
  journey:
    rows: [{id: renewal-call, label: "@Renewal <b>call</b>"}]
    columns: [{id: kiosk, label: "Kiosk <img src=x onerror=alert(1)>"}]
answers:
  journey:
    renewal-call: {kiosk: none, web: n/a}
    discover: {web: moderate}
  accountable-leader: nobody
""" % json.dumps(HOSTILE_ORGANIZATION), ["--target", "72", "--waves", "2"]),
    "incomplete.yaml": ("""rubric: personalization-index
answers:
  cross-channel: isolated
  accountable-leader: nobody
""", ["--target", "100"]),
}


def check_json(text, validators):
    plan_validator, move_validator = validators
    plan = json.loads(text)
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in plan_validator.iter_errors(plan)]
    steps = [step for wave in plan.get("waves", []) for step in wave["steps"]]
    for step in steps:
        move = {key: value for key, value in step.items() if key != "effort"}
        problems += [f"step {step['question']} as a move: {e.message}" for e in move_validator.iter_errors(move)]
    if len(steps) != plan.get("step_count"):
        problems.append(f"{len(steps)} steps in the waves, step_count {plan.get('step_count')}")
    if sum(step["effort"] for step in steps) != plan.get("effort"):
        problems.append("the steps' efforts do not add up to the plan's effort")
    if plan.get("waves") and plan["waves"][-1]["index"] != plan.get("index_after"):
        problems.append("the last wave's index is not the plan's")
    return problems


def check_html(text, _):
    checker = HtmlChecker()
    checker.feed(text)
    return checker.problems


def check_slides(text, _):
    problems = check_markdown(text, None)
    for number, slide in enumerate(text.split("\n---\n")[1:], start=1):
        rows = [line for line in slide.splitlines() if line.startswith("| ") and not line.startswith("| Points")]
        if len(rows) > STEPS_PER_SLIDE:
            problems.append(f"slide {number} has {len(rows)} table rows, more than fit")
    return problems


def check_xlsx(path, json_plan):
    workbook = openpyxl.load_workbook(path)
    problems = []
    if workbook.sheetnames != ["Plan"]:
        return [f"sheets {workbook.sheetnames}"]
    sheet = workbook["Plan"]
    rows = list(sheet.iter_rows())
    for row in rows:
        for cell in row:
            if cell.data_type == "f":
                problems.append(f"{cell.coordinate} holds a formula {cell.value!r}")
    for coordinate, value in (("B2", json_plan["index_before"]), ("D2", json_plan["index_after"])):
        if sheet[coordinate].data_type != "n" or sheet[coordinate].value != value:
            problems.append(f"{coordinate} is {sheet[coordinate].value!r}, not the number {value}")
    heading = next((i for i, row in enumerate(rows) if row[0].value == "Wave"), None)
    steps = rows[heading + 1:] if heading is not None else []
    expected = sum(len(wave["steps"]) for wave in json_plan["waves"])
    if len(steps) != expected:
        problems.append(f"{len(steps)} step rows, the JSON plan has {expected} steps")
    for row in steps:
        if any(row[c].data_type != "n" for c in (0, 1, 2, 3)):
            problems.append(f"row {row[0].row}: wave, index, gain or effort is not a number cell")
    organization = json_plan.get("organization")
    strings = {cell.value for row in rows for cell in row if cell.data_type == "s"}
    if organization and organization not in strings:
        problems.append(f"the organization {organization!r} is not a string cell as written")
    return problems


CHECKS = {"json": check_json, "html": check_html, "markdown": check_slides, "xlsx": check_xlsx}


def cases(source_dir, workdir):
    for example in sorted((source_dir / "examples").glob("*.yaml")):
        for goal in GOALS:
            yield example, goal
    for name, (text, goal) in EDGE_CASES.items():
        path = workdir / name
        path.write_text(text)
        yield path, goal


def main():
    pindex, source_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    plan_schema = json.loads((source_dir / "docs" / "plan.schema.json").read_text())
    report_schema = json.loads((source_dir / "docs" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(plan_schema)
    move_schema = {"$schema": report_schema["$schema"], "$defs": report_schema["$defs"], "$ref": "#/$defs/move"}
    validators = (jsonschema.Draft202012Validator(plan_schema), jsonschema.Draft202012Validator(move_schema))
    failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        for answers, goal in cases(source_dir, pathlib.Path(workdir)):
            json_plan = None
            for format_name, check in CHECKS.items():
                args = [pindex, "plan", str(answers), *goal, "--format", format_name, "--allow-incomplete"]
                workbook = pathlib.Path(workdir) / f"plan-{answers.stem}-{'-'.join(goal)}.xlsx"
                if format_name == "xlsx":
                    args += ["-o", str(workbook)]
                result = subprocess.run(args, capture_output=True)
                if result.returncode not in (0, 1):
                    problems = [f"pindex exited {result.returncode}: {result.stderr.decode().strip()}"]
                elif format_name == "xlsx":
                    problems = check(workbook, json_plan)
                else:
                    if format_name == "json":
                        json_plan = json.loads(result.stdout)
                    problems = check(result.stdout.decode(), validators)
                label = f"{answers.name} {' '.join(goal)} {format_name}"
                for problem in problems:
                    print(f"{label}: {problem}")
                failures += len(problems)
                print(f"{label}: {'ok' if not problems else 'FAILED'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
