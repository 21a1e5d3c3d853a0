"""Templates run in the sandbox: they read content and the documented helpers, never the machine
(files, paths, processes, classes), and change only what they made; dotted field paths from content
go through declared fields only. In-process: the battery (test_battery_templates.py) builds."""

from __future__ import annotations

import io
import os
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from jinja2.exceptions import SecurityError

from conftest import FIXTURE, ROOT
from mcframe.crossrefs import backlinks
from mcframe.fieldpath import declared, path_problem, value_at
from mcframe.kinds.case_study import CaseStudy
from mcframe.kinds.concept import Concept
from mcframe.library import Library, load_library
from mcframe.render import Facet, _Helpers, make_environment
from mcframe.routes import Routes
from mcframe.sandbox import TemplateDict, TemplateList, callable_refusal, printing_refusal, refusal


def _no_values(el: Any) -> list[str]:
    return []


@pytest.fixture(scope="module")
def lib() -> Library:
    found, problems = load_library(FIXTURE / "content", shown_root=FIXTURE)
    assert found is not None, problems
    return found


def render(lib: Library, source: str, **extra: Any) -> str:
    """``source`` rendered as a page of the fixture, with everything a page's template is given."""
    helpers = _Helpers(lib, Routes.plan(lib.site, lib.elements, lib.title_of), backlinks(lib), None, {})
    return make_environment(FIXTURE / "templates").from_string(source).render(**helpers.context("x.md"), **extra)


def test_content_and_helpers_are_reachable(lib: Library) -> None:
    """What the engine's templates use: fields, the engine's properties and methods, a collection by
    its name, lists and dicts a template makes and changes, Jinja's loop and namespaces."""
    source = (
        "{{ lib.concepts[0].title }}|{{ lib.concepts[0].collection }}|{{ lib.of_kind('concept')[0].name }}|{{ site.zip_filename }}|"
        "{% set ids = [] %}{% for c in lib.concepts %}{% do ids.append(c.id) %}{% endfor %}{{ ids|join(',') }}|"
        "{% set d = {} %}{% do d.update({'a': 1}) %}{{ d.a }}|{% set ns = namespace(n=0) %}{% set ns.n = 2 %}{{ ns.n }}|"
        "{% for c in lib.concepts %}{{ loop.index }}{% endfor %}|{{ 'a,b'.split(',')|length }}|{{ site.edition.date.isoformat() }}"
    )
    out = render(lib, source)
    assert out.startswith(lib.all(Concept)[0].title + "|concepts|concepts|workshop-3.zip|K1,K2")
    assert out.endswith("|1|2|12|2|2026-01-15")


@pytest.mark.parametrize(
    "source, reason",
    [
        ("{{ ''.__class__ }}", "'__class__' of str is private"),
        ("{{ lib.content_dir }}", "'content_dir' of Library is a path on the building machine"),
        ("{{ lib.site_doc.path }}", "'site_doc' of Library is a loaded YAML document"),
        ("{{ lib.collections['concepts'].model }}", "'model' of Collection is a Python class"),
        ("{{ lib.concepts[0].model_dump() }}", "Concept has no field 'model_dump'"),
        ("{{ lib.concepts[0].model_config }}", "Concept has no field 'model_config'"),
        ("{{ lib.concepts[0]._collection }}", "'_collection' of Concept is private"),
        ("{{ lib.get.__self__ }}", "'__self__' of method is private"),
        ("{{ lib.concepts[0]['__class__'] }}", "'__class__' of Concept is private"),
        ("{{ '{0.__class__}'.format(lib) }}", "'__class__' of Library is private"),
        ("{{ lib.concepts|map(attribute='__class__')|list }}", "'__class__' of Concept is private"),
        ("{{ facet.values.func }}", "'func' of partial is not for templates"),
        ("{% do lib.intros.update({'x': 'y'}) %}", "'update' would change content (dict)"),
        ("{% do items('concepts').pop() %}", "'pop' would change content (list)"),
        ("{{ title_of }}", "a helper cannot be printed itself"),
        ("{{ lib }}", "the engine's Library cannot be printed"),
        ("{{ 'ab' * 600000 }}", "'*' would make 1,200,000 items"),
    ],
)
def test_what_a_template_may_not_reach_is_an_error_saying_why(lib: Library, source: str, reason: str) -> None:
    with pytest.raises(SecurityError) as refused:
        render(lib, source, facet=Facet("k", "K", partial(_no_values), []))
    assert reason in str(refused.value)


def test_a_refused_write_or_delete_leaves_the_file(tmp_path: Path, lib: Library) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("kept", encoding="utf-8")
    for source in ("{% do where.unlink() %}", "{% do where.write_text('gone') %}", "{{ where.read_text() }}", "{% do where.open('w') %}"):
        with pytest.raises(SecurityError):
            render(lib, source, where=victim)
    assert victim.read_text(encoding="utf-8") == "kept"


def test_the_machine_is_refused_whoever_holds_it() -> None:
    assert refusal({}, "x", Path("/etc/passwd")) is not None
    assert refusal(Path("/etc"), "name", "etc") is not None
    assert refusal(io.StringIO(), "read", io.StringIO().read) is not None
    assert refusal(object(), "x", 1) is not None  # an object that is neither content nor the engine's
    assert refusal(os, "system", os.system) is not None
    assert refusal(TemplateList(), "append", [].append) is None and refusal([], "append", [].append) is not None
    assert refusal(TemplateDict(), "update", {}.update) is None and refusal({}, "update", {}.update) is not None
    assert callable_refusal(Path) is not None and callable_refusal(Path("/x").unlink) is not None
    assert callable_refusal(os.system) is not None  # a builtin held by a module
    assert callable_refusal("a".replace) is None and callable_refusal(len) is not None
    assert printing_refusal(Path("/x")) is not None and printing_refusal(print) is not None
    assert printing_refusal("text") is None and printing_refusal([1]) is None and printing_refusal(3) is None


def test_nothing_a_template_can_print_names_a_place_on_the_machine(lib: Library) -> None:
    """Every value a page's template is given, as text (``|string``, ``|pprint``, ``~``: not checked
    when printed): the library's description left its folder out."""
    helpers = _Helpers(lib, Routes.plan(lib.site, lib.elements, lib.title_of), backlinks(lib), FIXTURE, {})
    given = helpers.context("x.md")
    env = make_environment(FIXTURE / "templates")
    for name, value in given.items():
        text = env.from_string("{{ v|string }}{{ v|pprint }}{{ [v]|join }}").render(v=value)
        assert str(FIXTURE) not in text and str(ROOT) not in text and "PosixPath" not in text, name


def test_dotted_paths_go_through_declared_fields_only(lib: Library) -> None:
    assert path_problem(CaseStudy, "setting.phases", "the elements of 'case_studies'") is None
    assert path_problem(CaseStudy, "setting.nowhere", "x") == (
        f"no field 'nowhere' in 'setting' of x (fields: {', '.join(CaseStudy.model_fields['setting'].annotation.model_fields)})"  # type: ignore[union-attr]
    )
    assert "no field '__class__' in x" in str(path_problem(Concept, "__class__.__init__.__globals__", "x"))
    assert "no field 'model_config' in x" in str(path_problem(Concept, "model_config", "x"))
    assert path_problem(Concept, "title.upper", "x") == "'title' has no fields inside it: 'title.upper' cannot go into it"
    assert path_problem(Concept, "sources.id", "x") == "'sources' has no fields inside it: 'sources.id' cannot go into it"
    concept = lib.all(Concept)[0]
    assert value_at(concept, "title") == concept.title
    assert value_at(concept, "__class__") is None and value_at(concept, "title.upper") is None and value_at(concept, "_collection") is None
    assert declared(concept, "sources") == "sources"
    with pytest.raises(ValueError, match="no field '__class__' in Concept"):
        declared(concept, "__class__")
