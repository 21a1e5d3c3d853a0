"""Every kind of bad content is reported once, as path:line:col: message, in one pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_mcframe
from mcframe.library import load_library
from minimal import CONCEPTS, PRINCIPLES, SKILLS, SOURCES, minimal_content, problems_for


def test_minimal_content_is_valid(tmp_path: Path) -> None:
    lib, problems = load_library(minimal_content(tmp_path / "content"))
    assert problems == []
    assert lib is not None and lib.count() == 9


def test_yaml_syntax_error(tmp_path: Path) -> None:
    bad = CONCEPTS.replace("    title: Mentoring\n", "    title: [Mentoring\n")
    assert problems_for(tmp_path, "framework/concepts.yaml", bad) == [
        "content/framework/concepts.yaml:4:12: YAML syntax error: did not find expected ',' or ']' "
        "(while parsing a flow sequence started at line 3, column 12)"
    ]


def test_unknown_field_suggests_the_right_one(tmp_path: Path) -> None:
    bad = CONCEPTS.replace("    summary:", "    sumary:")
    assert problems_for(tmp_path, "framework/concepts.yaml", bad) == [
        "content/framework/concepts.yaml:4:5: missing required field 'summary'".replace(":4:5:", ":2:5:"),
        "content/framework/concepts.yaml:4:5: unknown field 'sumary' (did you mean 'summary'?)",
    ]


def test_missing_required_field(tmp_path: Path) -> None:
    bad = PRINCIPLES.replace("    explanation: Talk that builds learning.\n", "")
    assert problems_for(tmp_path, "framework/principles.yaml", bad) == [
        "content/framework/principles.yaml:2:5: missing required field 'explanation'"
    ]


def test_wrong_type(tmp_path: Path) -> None:
    bad = CONCEPTS.replace("features: [Structured]", "features: Structured")
    assert problems_for(tmp_path, "framework/concepts.yaml", bad) == [
        "content/framework/concepts.yaml:6:15: 'features' should be a list, not text"
    ]


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    bad = SKILLS + SKILLS.removeprefix("skills:\n").replace("Listening", "Hearing")
    assert problems_for(tmp_path, "framework/skills.yaml", bad) == [
        "content/framework/skills.yaml:9:9: duplicate ID 'SK1' (first defined at content/framework/skills.yaml:2)"
    ]


def test_unknown_reference(tmp_path: Path) -> None:
    bad = SKILLS.replace("used_in: [C1]", "used_in: [C1, C9]")
    assert problems_for(tmp_path, "framework/skills.yaml", bad) == [
        "content/framework/skills.yaml:5:19: unknown concept 'C9' (did you mean 'C1'?)"
    ]


def test_unknown_source_reference(tmp_path: Path) -> None:
    bad = PRINCIPLES.replace("sources: [seed]", "sources: [sead]")
    assert problems_for(tmp_path, "framework/principles.yaml", bad) == [
        "content/framework/principles.yaml:5:15: unknown source 'sead' (did you mean 'seed'?)",
        "content/framework/principles.yaml:6:38: 'seed' is not among this element's sources",
    ]


def test_bad_id_form(tmp_path: Path) -> None:
    bad = CONCEPTS.replace("id: C1", "id: concept-1")
    found = problems_for(tmp_path, "framework/concepts.yaml", bad)
    assert found[0] == "content/framework/concepts.yaml:2:9: 'concept-1' is not the form of a concept ID (C[1-9][0-9]*)"


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    bad = CONCEPTS.replace("    summary:", "    title: Again\n    summary:")
    assert problems_for(tmp_path, "framework/concepts.yaml", bad)[0] == (
        "content/framework/concepts.yaml:4:5: duplicate key 'title'"
    )


def test_stray_file_is_reported(tmp_path: Path) -> None:
    assert problems_for(tmp_path, "framework/concept.yaml", CONCEPTS) == [
        "content/framework/concept.yaml:1:1: this file is not part of any collection declared in site.yaml"
    ]


def test_all_problems_in_one_pass(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    (content / "framework/skills.yaml").write_text(SKILLS.replace("used_in: [C1]", "used_in: [C7]"))
    (content / "framework/principles.yaml").write_text(PRINCIPLES.replace("title:", "titel:"))
    _, problems = load_library(content, shown_root=tmp_path)
    assert [(p.path, p.line) for p in problems] == [
        ("content/framework/principles.yaml", 2),
        ("content/framework/principles.yaml", 3),
        ("content/framework/skills.yaml", 5),
    ]


def test_check_command_reports_and_fails(tmp_path: Path) -> None:
    minimal_content(tmp_path / "content")
    (tmp_path / "content/framework/concepts.yaml").write_text(CONCEPTS.replace("summary:", "sumary:"))
    result = run_mcframe(tmp_path, "check")
    assert result.returncode == 1
    assert "content/framework/concepts.yaml:4:5: unknown field 'sumary' (did you mean 'summary'?)" in result.stderr


@pytest.mark.parametrize("text", ["", "- just\n- a list\n"])
def test_wrong_file_shape(tmp_path: Path, text: str) -> None:
    found = problems_for(tmp_path, "framework/skills.yaml", text)
    assert len(found) == 1 and found[0].startswith("content/framework/skills.yaml:1:1: ")


def _union_fields() -> list[tuple[type, str]]:
    import sys
    import types
    import typing

    from pydantic import BaseModel

    import mcframe.models as models
    import mcframe.sitedef as sitedef
    from mcframe.kinds import KINDS

    found = []
    kind_modules = {sys.modules[model.__module__] for model in KINDS.values()}  # each kind's folder
    for module in (models, sitedef, *sorted(kind_modules, key=lambda mod: mod.__name__)):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == module.__name__:
                for name, info in value.model_fields.items():
                    members = typing.get_args(info.annotation)
                    takes_a_mapping = any(isinstance(m, type) and issubclass(m, BaseModel) for m in members)  # {"not": "right"} has its type
                    if typing.get_origin(info.annotation) in (typing.Union, types.UnionType) and not takes_a_mapping:
                        found.append((value, name))
    return found


@pytest.mark.parametrize(("model", "field"), _union_fields(), ids=lambda x: x if isinstance(x, str) else x.__name__)
def test_a_wrong_value_in_a_union_field_gives_one_message_naming_it(model: type, field: str) -> None:
    """``float | int``, ``list | None``...: one message in the reader's words, not one per branch."""
    from pydantic import ValidationError

    from mcframe.validation import _message, _one_per_field

    try:
        model.model_validate({field: {"not": "right"}})
    except ValidationError as exc:
        errors = [e for e in _one_per_field([dict(e) for e in exc.errors()], model) if e["loc"][:1] == (field,)]
    assert len(errors) == 1, errors
    message, _ = _message(errors[0], model)
    assert message.startswith(f"'{field}' should be ") and message.endswith(", not a mapping"), message
    assert "'float'" not in message and "'int'" not in message and "'str'" not in message


def test_union_field_message_in_a_file(tmp_path: Path) -> None:
    bad = SOURCES.replace("    title: A seed\n", "    title: A seed\n    year: nineteen\n")
    assert problems_for(tmp_path, "sources.yaml", bad) == ["content/sources.yaml:5:11: 'year' should be a whole number, not text"]
