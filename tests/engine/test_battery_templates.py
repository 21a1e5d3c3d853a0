"""The battery's cases for what a project's templates and site.yaml's facets may reach (see battery.py):
a template runs in the sandbox and sees content and the documented helpers only; a facet's field is a
field the elements declare. Each is refused at the template's line or at its place in site.yaml."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from battery import Case, append, both, parametrize, replace, run_case

RESUME = "templates/resume.md.j2"
AT_RESUME = r"templates/resume\.md\.j2:\d+:1: not allowed in a template: "
SITE = "content/site.yaml"
RULES_PAGE = "    template: principles.md.j2\n    lists: [principles]\n"


def in_template(source: str) -> Callable[[Path], None]:
    """Damage: the project's own template says ``source``."""
    return append(RESUME, "\n" + source + "\n")


def facet(entry: str) -> Callable[[Path], None]:
    """Damage: the rules page (a list of principles) gets a facet."""
    return replace(SITE, RULES_PAGE, RULES_PAGE + "    facets:\n      - " + entry + "\n")


def link(name: str, target: Callable[[Path], Path]) -> Callable[[Path], None]:
    """Damage: ``name`` in the project is a symbolic link to ``target(project)``."""

    def damage(project: Path) -> None:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).symlink_to(target(project))

    return damage


def outside_file(project: Path) -> Path:
    """A file outside the project, with a macro and a secret in it."""
    secret = project.parent / "outside" / "secret.md.j2"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text("{% macro shout() %}OUTSIDE-SECRET{% endmacro %}OUTSIDE-SECRET\n", encoding="utf-8")
    return secret


def no_project_path(project: Path) -> None:
    """Neutralised: the page shows what it printed, and no place on the building machine."""
    page = (project / "site" / "resume-fr.html").read_text(encoding="utf-8")
    assert "Library(" in page
    assert str(project) not in page and "PosixPath" not in page


CASES = [
    Case("template walks from a string to every class", "templates", in_template("{{ ''.__class__.__mro__[1].__subclasses__() }}"),
         expect=AT_RESUME + r"'__class__' of str is private"),
    Case("template runs a shell command through cycler's globals", "templates",
         in_template("{{ cycler.__init__.__globals__.os.popen('id').read() }}"), expect=AT_RESUME + r"'__init__' of type is private"),
    Case("template reads the context through the template reference", "templates", in_template("{{ self._TemplateReference__context }}"),
         expect=AT_RESUME + r"'_TemplateReference__context' of TemplateReference is private"),
    Case("template reads a content file through lib.content_dir", "templates",
         in_template("{{ lib.content_dir.joinpath('site.yaml').read_text() }}"),
         expect=AT_RESUME + r"'content_dir' of Library is a path on the building machine"),
    Case("template reads /etc/passwd through lib.content_dir", "templates",
         in_template("{{ lib.content_dir.joinpath('/etc/passwd').read_text() }}"),
         expect=AT_RESUME + r"'content_dir' of Library is a path on the building machine"),
    Case("template writes a file beside the project", "templates",
         in_template("{% do lib.content_dir.joinpath('../../written-by-a-template.txt').write_text('x') %}"),
         expect=AT_RESUME + r"'content_dir' of Library is a path on the building machine"),
    Case("template deletes a content file", "templates", in_template("{% do lib.content_dir.joinpath('glossary/chisel.yaml').unlink() %}"),
         expect=AT_RESUME + r"'content_dir' of Library is a path on the building machine"),
    Case("template reaches a model class and its module", "templates",
         in_template("{{ lib.collections['concepts'].model.model_json_schema() }}"), expect=AT_RESUME + r"'model' of Collection is a Python class"),
    Case("template reads the loaded site.yaml document", "templates", in_template("{{ lib.site_doc.data }}"),
         expect=AT_RESUME + r"'site_doc' of Library is a loaded YAML document"),
    Case("template calls pydantic's own methods on an element", "templates", in_template("{{ lib.concepts[0].model_copy(update={'title': 'x'}) }}"),
         expect=AT_RESUME + r"Concept has no field 'model_copy' \(its fields: id, .*title"),
    Case("template empties a collection for the pages after it", "templates", in_template("{% do lib.concepts.clear() %}"),
         expect=AT_RESUME + r"'clear' would change content"),
    Case("template prints a helper, with the builder's path in its description", "templates", in_template("{{ get }}"),
         expect=AT_RESUME + r"a helper cannot be printed itself: call it"),
    Case("template prints the library as text", "templates", in_template("{{ lib|string }}"), check=no_project_path),
    Case("template makes a gigabyte of text", "templates", in_template("{{ 'x' * 1000 * 1000 * 1000 }}"),
         expect=AT_RESUME + r"'\*' would make 1,000,000,000 items; a template may make at most 1,000,000"),
    Case("template makes a number of millions of digits", "templates", in_template("{{ 10 ** 10000000 }}"),
         expect=AT_RESUME + r"'\*\*' would make a number of about"),
    Case("template includes /etc/passwd", "templates", in_template("{% include '/etc/passwd' %}"),
         expect=r"templates/resume\.md\.j2:\d+:1: no template '/etc/passwd'"),
    Case("template includes a file above the project", "templates", in_template("{% include '../../outside/secret.md.j2' %}"),
         expect=r"templates/resume\.md\.j2:\d+:1: no template '\.\./\.\./outside/secret\.md\.j2'"),
    Case("template includes a link to a file outside the project", "templates",
         both(link("templates/secret.md.j2", outside_file), in_template("{% include 'secret.md.j2' %}")),
         expect=r"templates/secret\.md\.j2:1:1: a template may not be a symbolic link"),
    Case("template imports a macro from a linked folder outside the project", "templates",
         both(link("templates/shared", lambda p: outside_file(p).parent), in_template("{% import 'shared/secret.md.j2' as s %}{{ s.shout() }}")),
         expect=r"templates/shared/secret\.md\.j2:1:1: a template may not be a symbolic link \(shared/ is one\)"),
    Case("site.yaml names a template outside the project", "site.yaml", replace(SITE, "template: resume.md.j2", "template: ../../outside/secret.md.j2"),
         expect=r"content/site\.yaml:\d+:\d+: .*'\.\./\.\./outside/secret\.md\.j2' goes up out of its folder"),
    Case("site.yaml names a page's template that is a link outside", "site.yaml",
         both(link("templates/page.md.j2", outside_file), replace(SITE, "template: resume.md.j2", "template: page.md.j2")),
         expect=r"templates/page\.md\.j2:1:1: a template may not be a symbolic link"),
    Case("facet field walks into Python internals", "site.yaml", facet("{key: x, label: X, field: __class__.__init__.__globals__}"),
         expect=r"content/site\.yaml:\d+:\d+: no field '__class__' in the elements of 'principles' \(fields: id, .*title"),
    Case("facet field reads a private attribute", "site.yaml", facet("{key: x, label: X, field: _collection}"),
         expect=r"content/site\.yaml:\d+:\d+: no field '_collection' in the elements of 'principles'"),
    Case("facet field reads pydantic's configuration", "site.yaml", facet("{key: x, label: X, field: model_config}"),
         expect=r"content/site\.yaml:\d+:\d+: no field 'model_config' in the elements of 'principles'"),
    Case("facet field misspelt", "site.yaml", facet("{key: x, label: X, field: titel}"),
         expect=r"content/site\.yaml:\d+:\d+: no field 'titel' in the elements of 'principles' \(did you mean 'title'\?\)"),
    Case("facet field goes into a text", "site.yaml", facet("{key: x, label: X, field: title.upper}"),
         expect=r"content/site\.yaml:\d+:\d+: 'title' has no fields inside it"),
    Case("facet label_field walks into Python internals", "site.yaml",
         facet("{key: x, label: X, field: id, of: concepts, label_field: __class__.__module__}"),
         expect=r"content/site\.yaml:\d+:\d+: no field '__class__' in the elements of 'concepts'"),
    Case("template that is a named pipe", "templates", both(lambda p: os.mkfifo(p / "templates" / "pipe.md.j2"), in_template("{% include 'pipe.md.j2' %}")),
         expect=r"templates/pipe\.md\.j2:1:1: a template must be a regular file", timeout=30),
    Case("scripts/check: template reads the machine through lib", "templates", in_template("{{ lib.content_dir.parent }}"),
         expect=AT_RESUME + r"'content_dir' of Library is a path on the building machine", command="check"),
    Case("scripts/check: facet field walks into Python internals", "site.yaml", facet("{key: x, label: X, field: __class__.__init__.__globals__}"),
         expect=r"content/site\.yaml:\d+:\d+: no field '__class__' in the elements of 'principles'", command="check"),
    Case("scripts/check: page template is a link outside", "templates",
         both(link("templates/page.md.j2", outside_file), replace(SITE, "template: resume.md.j2", "template: page.md.j2")),
         expect=r"templates/page\.md\.j2:1:1: a template may not be a symbolic link", command="check"),
    Case("template that is a folder", "templates", both(lambda p: (p / "templates" / "folder.md.j2").mkdir(), in_template("{% include 'folder.md.j2' %}")),
         expect=r"templates/folder\.md\.j2:1:1: a template must be a regular file"),
]


@parametrize(CASES)
def test_case(case: Case, tmp_path: Path) -> None:
    run_case(case, tmp_path)
