"""Open data and authoring on the real framework: every collection as JSON and CSV with a schema, in
the zip; every content file valid against its schema; the committed editor schemas up to date; a
scaffold that check reports only as "to fill in", and that builds once filled."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, Built, copy_project, edit, run_mcframe
from mcframe.library import load_library
from mcframe.opendata import content_schemas


def _plain(value: object) -> object:
    """YAML's dates as the ISO text JSON Schema expects."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else str(v)))


@pytest.fixture(scope="module")
def lib():  # type: ignore[no-untyped-def]
    lib, problems = load_library(ROOT / "content", drafts=True)
    assert lib is not None
    return lib


def test_every_collection_as_json_and_csv_with_its_schema_in_the_zip(built: Built, lib) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(built.zip) as zf:
        names = set(zf.namelist())
        for name in lib.collections:
            for file in (f"data/{name}.json", f"data/{name}.csv", f"data/schema/{name}.schema.json"):
                assert file in names, file
            data = json.loads(zf.read(f"data/{name}.json"))
            jsonschema.validate(data, json.loads(zf.read(f"data/schema/{name}.schema.json")))
            assert [d["id"] for d in data] == [el.id for el in lib.elements[name]]  # the real content has no drafts
            rows = list(csv.reader(io.StringIO(zf.read(f"data/{name}.csv").decode("utf-8-sig"), newline="")))
            assert len(rows) == len(data) + 1 and rows[0][0] == "id"
        edition = json.loads(zf.read("data/all.json"))
        assert edition["edition"] == {"number": "0.1", "date": "2026-11-24"} and set(edition["collections"]) == set(lib.collections)


def test_schemas_carry_references_markdown_and_vocabularies(built: Built) -> None:
    schema = json.loads((built.site / "data/schema/case_studies.schema.json").read_text())
    props = schema["items"]["properties"]
    assert props["forms"]["items"]["x-ref"] == "forms"  # the collection it points into: data/forms.json
    assert props["forms"]["items"]["x-labels"]["FO-MENTORING"] == "Mentoring"
    assert props["story"]["x-markdown"] is True
    assert props["id"]["pattern"] == "^(?:CS[0-9]{2,})$"


def test_every_content_file_validates_against_its_schema(lib) -> None:  # type: ignore[no-untyped-def]
    schemas = {name: json.loads(data) for name, data in content_schemas(lib).items()}
    by_file: dict[str, list[str]] = {}
    for coll in lib.collections.values():
        by_file.setdefault(coll.decl.file, []).append(coll.name)
    checked = 0
    for pattern, names in by_file.items():
        for path in sorted((ROOT / "content").glob(pattern)):
            jsonschema.validate(_plain(yaml.safe_load(path.read_text())), schemas[f"{'-'.join(names)}.schema.json"])
            checked += 1
    jsonschema.validate(_plain(yaml.safe_load((ROOT / "content/site.yaml").read_text())), schemas["site.schema.json"])
    assert checked > 80


def test_a_wrong_field_is_flagged_by_the_schema_as_well_as_by_the_build(lib, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads(content_schemas(lib)["principles.schema.json"])
    data = _plain(yaml.safe_load((ROOT / "content/framework/principles.yaml").read_text()))
    data["principles"][0]["explanaton"] = data["principles"][0].pop("explanation")  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    project = copy_project(tmp_path / "p")
    path = project / "content/framework/principles.yaml"
    edit(path, "    explanation:", "    explanaton:")
    result = run_mcframe(project, "check")
    assert result.returncode == 1 and "unknown field 'explanaton' (did you mean 'explanation'?)" in result.stderr


def test_the_committed_editor_schemas_are_up_to_date(lib, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name, data in content_schemas(lib).items():
        assert (ROOT / "schemas" / name).read_bytes() == data, f"schemas/{name} is stale: run python -m mcframe schemas"
    settings = json.loads((ROOT / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"]["./schemas/case_studies.schema.json"] == ["content/case_studies/*.yaml"]


FILLED = {
    "stage": "getting-started", "forms": "[FO-MENTORING]", "sources": "[curee-2004-interim-report]",
    "source": "curee-2004-interim-report", "agency": "TTA", "questions": "[What would you try first?]",
    "findings": "[{text: A finding.}]", "limitations": "[It is one case.]",
}


@pytest.mark.parametrize("kind", ["case-study", "terms", "evidence", "programmes"])
def test_a_scaffold_is_only_to_fill_in_and_builds_once_filled(tmp_path: Path, kind: str) -> None:
    project = copy_project(tmp_path / "p")
    made = run_mcframe(project, "new", kind)
    assert made.returncode == 0, made.stderr
    path = project / made.stdout.split(":")[0]
    checked = run_mcframe(project, "check")
    assert checked.returncode == 1
    lines = checked.stderr.splitlines()
    errors = [line for line in lines if ": warning: " not in line and not line.startswith("...") and "error(s)" not in line]
    assert errors and all(line.endswith(": to fill in") for line in errors), errors
    text = path.read_text()
    lines = []
    for line in text.splitlines():
        if "TO FILL IN" in line:
            key = line.split(":")[0].strip(" -")
            if key == "wording":
                line = line.replace("TO FILL IN", FILLED["source"])
            else:
                line = line.replace("[TO FILL IN]" if "[TO FILL IN]" in line else "TO FILL IN", FILLED.get(key, "Written by an editor."))
        lines.append(line)
    path.write_text("\n".join(lines) + "\n")
    again = run_mcframe(project, "check")
    assert again.returncode == 0, again.stderr
    assert run_mcframe(project, "build").returncode == 0


def test_the_zip_has_a_schema_per_content_file_kind_and_the_dictionary_lists_every_field(built: Built, lib) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(built.zip) as zf:
        names = set(zf.namelist())
    assert {f"data/schema/content/{n}" for n in content_schemas(lib)} <= names
    html = (built.site / "data.html").read_text()
    for name, coll in lib.collections.items():
        section = html[html.index(f'id="data-{name.replace("_", "-")}"'):]
        for field in coll.model.model_fields:
            assert f"<code>{field}</code>" in section, (name, field)


def test_editors_review_notes_never_reach_the_published_data(built: Built, lib) -> None:  # type: ignore[no-untyped-def]
    notes = [el.review.note for els in lib.elements.values() for el in els if getattr(getattr(el, "review", None), "note", None)]
    assert notes, "the content has review notes, so this test can fail"
    with zipfile.ZipFile(built.zip) as zf:
        published = {name: zf.read(name).decode("utf-8") for name in zf.namelist() if name.startswith("data/") and "/schema/" not in name}
    leaks = sorted({name for name, text in published.items() for note in notes if note in text})
    assert leaks == [], f"review notes published in {leaks}"
