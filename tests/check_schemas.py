#!/usr/bin/env python3
"""The JSON Schemas editors use for answers files and rubrics (docs/answers-format.md#editor-support):

  check_schemas.py PINDEX_BINARY SOURCE_DIR

- docs/answers.schema.json is exactly what `pindex rubric export --format answers-schema` writes
  for the built-in rubric (so the committed copy cannot drift), a valid draft-07 schema that the
  examples and the template satisfy and that catches unknown ids and wrong types;
- docs/rubric.schema.json is a valid draft-07 schema that the built-in rubric and its YAML and
  JSON exports satisfy, and that catches an unknown key.
"""
import copy
import json
import pathlib
import subprocess
import sys

import jsonschema
import yaml


def load_yaml(text):
    # Dates stay text, as in pindex and in editors' YAML support.
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def errors(validator, document):
    return [error.message for error in validator.iter_errors(document)]


def main():
    pindex, source = sys.argv[1], pathlib.Path(sys.argv[2])
    problems = []

    generated = subprocess.run([pindex, "rubric", "export", "--format", "answers-schema"],
                               check=True, capture_output=True, text=True).stdout
    committed = (source / "docs/answers.schema.json").read_text()
    if generated != committed:
        problems.append("docs/answers.schema.json differs from `pindex rubric export --format answers-schema`; "
                        "regenerate it with: pindex rubric export --format answers-schema -o docs/answers.schema.json --force")
    answers_schema = json.loads(committed)
    jsonschema.Draft7Validator.check_schema(answers_schema)
    answers = jsonschema.Draft7Validator(answers_schema)
    for example in sorted((source / "examples").glob("*.yaml")):
        problems += [f"{example.name}: {message}" for message in errors(answers, load_yaml(example.read_text()))]
    template = subprocess.run([pindex, "template"], check=True, capture_output=True, text=True).stdout
    problems += [f"template: {message}" for message in errors(answers, load_yaml(template))]
    typical = load_yaml((source / "examples/typical.yaml").read_text())
    wrong = {
        "an unknown question": lambda d: d["answers"].update({"bogus": 1}),
        "an unknown option": lambda d: d["answers"].update({"cross-channel": "sometimes"}),
        "an unknown matrix level": lambda d: d["answers"]["journey"]["buy"].update({"web": "lots"}),
        # (an unknown channel is accepted: the journey allows channels of one's own, declared under
        # `custom`, which a schema cannot cross-check; pindex validate does)
        "a matrix row that is not a map": lambda d: d["answers"]["journey"].update({"buy": "everything"}),
        "a number as text": lambda d: d["answers"].update({"idea-to-launch": "six"}),
        "another rubric": lambda d: d.update({"rubric": "other"}),
        "a note for no question": lambda d: d["notes"].update({"bogus": "x"}),
    }
    for what, change in wrong.items():
        document = copy.deepcopy(typical)
        change(document)
        if not errors(answers, document):
            problems.append(f"the answers schema accepts {what}")

    rubric_schema = json.loads((source / "docs/rubric.schema.json").read_text())
    jsonschema.Draft7Validator.check_schema(rubric_schema)
    rubrics = jsonschema.Draft7Validator(rubric_schema)
    builtin = load_yaml((source / "rubrics/personalization-index.yaml").read_text())
    exported = subprocess.run([pindex, "rubric", "export", "--format", "yaml"], check=True, capture_output=True,
                              text=True).stdout
    exported_json = subprocess.run([pindex, "rubric", "export", "--format", "json"], check=True,
                                   capture_output=True, text=True).stdout
    for name, document in (("rubrics/personalization-index.yaml", builtin), ("rubric export", load_yaml(exported)),
                           ("rubric export --format json", json.loads(exported_json))):
        problems += [f"{name}: {message}" for message in errors(rubrics, document)]
    document = copy.deepcopy(builtin)
    document["parts"][0]["questions"][0]["colour"] = "red"
    if not errors(rubrics, document):
        problems.append("the rubric schema accepts an unknown key in a question")

    for problem in problems:
        print(problem)
    print("schemas: " + ("ok" if not problems else "FAILED"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
