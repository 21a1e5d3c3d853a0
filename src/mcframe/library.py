"""Loads and validates all content once per build, into one immutable :class:`Library`.

Which files hold what is declared in :data:`COLLECTIONS`: adding a kind of content is one
model class and one line here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from . import models as m
from .glossary.forms import FormClaim, collect_forms
from .problems import Problem
from .validation import build_element, did_you_mean, iter_refs
from .yamlsource import DataPath, YamlDoc, load_yaml


@dataclass(frozen=True)
class Collection:
    name: str  # attribute of Library
    pattern: str  # glob under content/
    model: type[m.Element]
    list_key: str | None  # many elements under this key; None: one element per file
    required: bool = True


COLLECTIONS: tuple[Collection, ...] = (
    Collection("sources", "sources.yaml", m.Source, "sources"),
    Collection("concepts", "framework/concepts.yaml", m.Concept, "concepts"),
    Collection("principles", "framework/principles.yaml", m.Principle, "principles"),
    Collection("descriptions", "framework/descriptions.yaml", m.DescriptionRow, "rows"),
    Collection("skills", "framework/skills.yaml", m.Skill, "skills"),
    Collection("career_stages", "vocabularies/career_stages.yaml", m.CareerStage, "career_stages"),
    Collection("purposes", "vocabularies/purposes.yaml", m.Purpose, "purposes"),
    Collection("forms", "vocabularies/forms.yaml", m.Form, "forms"),
    Collection("phases", "vocabularies/phases.yaml", m.Phase, "phases"),
    Collection("terms", "glossary/*.yaml", m.Term, None, required=False),
    Collection("case_studies", "case_studies/*.yaml", m.CaseStudy, None, required=False),
    Collection("practice_sites", "practice_sites.yaml", m.PracticeSite, "sites", required=False),
    Collection("evidence", "evidence/*.yaml", m.EvidenceDigest, None, required=False),
    Collection("agencies", "policy_grid.yaml", m.Agency, "agencies", required=False),
    Collection("programmes", "policy_grid.yaml", m.Programme, "programmes", required=False),
    Collection("resources", "resources.yaml", m.Resource, "resources", required=False),
)

E = TypeVar("E", bound=m.Element)


@dataclass(frozen=True)
class Origin:
    """Where an element was defined, for messages that name two places."""

    path: str
    line: int


@dataclass
class Library:
    """All validated content. Lists keep file order, which is the order editors chose."""

    sources: list[m.Source] = field(default_factory=list)
    concepts: list[m.Concept] = field(default_factory=list)
    principles: list[m.Principle] = field(default_factory=list)
    descriptions: list[m.DescriptionRow] = field(default_factory=list)
    skills: list[m.Skill] = field(default_factory=list)
    career_stages: list[m.CareerStage] = field(default_factory=list)
    purposes: list[m.Purpose] = field(default_factory=list)
    forms: list[m.Form] = field(default_factory=list)
    phases: list[m.Phase] = field(default_factory=list)
    terms: list[m.Term] = field(default_factory=list)
    case_studies: list[m.CaseStudy] = field(default_factory=list)
    practice_sites: list[m.PracticeSite] = field(default_factory=list)
    evidence: list[m.EvidenceDigest] = field(default_factory=list)
    agencies: list[m.Agency] = field(default_factory=list)
    programmes: list[m.Programme] = field(default_factory=list)
    resources: list[m.Resource] = field(default_factory=list)
    intros: dict[str, str] = field(default_factory=dict)  # collection name -> intro Markdown
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)  # (kind, id) -> origin

    def get(self, kind: str, id: str) -> m.Element:
        return self._index()[kind][id]

    def _index(self) -> dict[str, dict[str, m.Element]]:
        if not hasattr(self, "_by_kind"):
            index: dict[str, dict[str, m.Element]] = {}
            for c in COLLECTIONS:
                for el in getattr(self, c.name):
                    index.setdefault(el.kind, {})[el.id] = el
            self._by_kind = index
        return self._by_kind

    def count(self) -> int:
        return sum(len(getattr(self, c.name)) for c in COLLECTIONS)


def _files(root: Path, pattern: str) -> list[Path]:
    return sorted(root.glob(pattern))


def load_library(root: Path, shown_root: Path | None = None) -> tuple[Library, list[Problem]]:
    """Load every collection under ``root`` (the content folder); return the library and all problems.

    The library is only usable when no problem is an error; warnings may stand.
    """
    shown_root = shown_root or root.parent
    problems: list[Problem] = []
    lib = Library()
    placed: dict[tuple[str, str], tuple[YamlDoc, DataPath]] = {}
    claimed: set[Path] = set()
    invalid: set[tuple[str, str]] = set()
    unreadable: set[str] = set()  # kinds with a file we could not parse: their IDs are unknowable
    parsed: dict[Path, tuple[YamlDoc | None, list[Problem]]] = {}  # a file read by two collections is parsed once

    for coll in COLLECTIONS:
        files = _files(root, coll.pattern)
        if not files and coll.required:
            problems.append(Problem(_shown(root / coll.pattern, shown_root), 1, 1, "required content file is missing"))
        for file in files:
            claimed.add(file)
            if file not in parsed:
                parsed[file] = load_yaml(file, _shown(file, shown_root))
                problems.extend(parsed[file][1])
            doc = parsed[file][0]
            if doc is None:
                unreadable.add(coll.model.kind)
                continue
            for at in _element_paths(doc, coll, lib, problems):
                el = build_element(coll.model, doc, at, problems)
                if el is None:
                    # Still known by its ID, so one bad field does not cascade into "unknown ID" errors.
                    raw_id = _raw_id(doc, at)
                    if raw_id is not None:
                        invalid.add((coll.model.kind, raw_id))
                    continue
                key = (el.kind, el.id)
                if key in placed:
                    first_doc, first_at = placed[key]
                    first = first_doc.mark(first_at + ("id",))
                    problems.append(
                        doc.problem(at + ("id",), f"duplicate ID '{el.id}' (first defined at {first_doc.path}:{first.line})")
                    )
                    continue
                placed[key] = (doc, at)
                mark = doc.mark(at + ("id",))
                lib.origins[key] = Origin(doc.path, mark.line)
                getattr(lib, coll.name).append(el)

    for file in sorted(root.rglob("*")):
        if file.is_file() and file not in claimed and file.suffix in (".yaml", ".yml"):
            problems.append(Problem(_shown(file, shown_root), 1, 1, "this file is not part of any content collection"))

    problems.extend(_check_references(lib, placed, invalid, unreadable))
    problems.extend(_check_glossary_forms(lib, placed))
    problems.extend(_check_unique_places(lib, placed))
    return lib, problems


def _check_unique_places(lib: Library, placed: dict[tuple[str, str], tuple[YamlDoc, DataPath]]) -> list[Problem]:
    """Two directory entries with the same name in the same place are one entry written twice."""
    seen: dict[tuple[str, str, str], tuple[YamlDoc, DataPath]] = {}
    problems = []
    for site in lib.practice_sites:
        key = (site.name.casefold(), (site.area or "").casefold(), site.country.casefold())
        doc, at = placed[("practice_site", site.id)]
        if key in seen:
            first_doc, first_at = seen[key]
            where = ", ".join(x for x in (site.area, site.country) if x)
            problems.append(
                doc.problem(at, f"'{site.name}' in {where} is listed twice (first at {first_doc.path}:{first_doc.mark(first_at).line})")
            )
        else:
            seen[key] = (doc, at)
    return problems


def _check_glossary_forms(lib: Library, placed: dict[tuple[str, str], tuple[YamlDoc, DataPath]]) -> list[Problem]:
    """A form (headword, abbreviation or variant) may belong to one term only, and must be matchable."""
    _, clashes, bad = collect_forms(lib.terms)

    def where(claim: FormClaim) -> tuple[YamlDoc, DataPath]:
        doc, at = placed[("term", claim.term)]
        return doc, at + ((claim.field, claim.index) if claim.index is not None else (claim.field,))

    problems = []
    for clash in clashes:
        first_doc, first_at = where(clash.first)
        doc, at = where(clash.second)
        first = first_doc.mark(first_at)
        problems.append(
            doc.problem(
                at,
                f"'{clash.form}' is claimed by two terms: '{clash.second.term}' here and "
                f"'{clash.first.term}' at {first_doc.path}:{first.line}",
            )
        )
    for b in bad:
        doc, at = where(b.claim)
        problems.append(doc.problem(at, b.reason))
    return problems


def _shown(path: Path, shown_root: Path) -> str:
    try:
        return path.relative_to(shown_root).as_posix()
    except ValueError:
        return path.as_posix()


def _element_paths(doc: YamlDoc, coll: Collection, lib: Library, problems: list[Problem]) -> list[DataPath]:
    """Paths of the element mappings in ``doc``, checking the file's outer shape on the way."""
    if coll.list_key is None:
        if not isinstance(doc.data, dict):
            problems.append(doc.problem((), "the file should hold one mapping (field: value lines)"))
            return []
        return [()]
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), f"the file should be a mapping with a '{coll.list_key}' list"))
        return []
    allowed = {c.list_key for c in COLLECTIONS if c.pattern == coll.pattern} | {"intro"}
    first_reader = coll.list_key == min(c.list_key or "" for c in COLLECTIONS if c.pattern == coll.pattern)
    for key in doc.data if first_reader else ():  # shape problems are reported once per file
        if key not in allowed:
            problems.append(doc.problem((key,), f"unknown field '{key}'{did_you_mean(str(key), allowed)}", key=True))
    if isinstance(doc.data.get("intro"), str):
        lib.intros[coll.name] = doc.data["intro"]
    elif "intro" in doc.data and coll.list_key == min(c.list_key or "" for c in COLLECTIONS if c.pattern == coll.pattern):
        problems.append(doc.problem(("intro",), "'intro' should be text"))
    items: Any = doc.data.get(coll.list_key)
    if items is None:
        problems.append(doc.problem((), f"missing required field '{coll.list_key}'"))
        return []
    if not isinstance(items, list):
        problems.append(doc.problem((coll.list_key,), f"'{coll.list_key}' should be a list"))
        return []
    paths = []
    for i, item in enumerate(items):
        if isinstance(item, dict):
            paths.append((coll.list_key, i))
        else:
            problems.append(doc.problem((coll.list_key, i), "each entry should be a mapping (field: value lines)"))
    return paths


def _raw_id(doc: YamlDoc, at: DataPath) -> str | None:
    data: Any = doc.data
    for step in at:
        data = data[step]
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _check_references(
    lib: Library, placed: dict[tuple[str, str], tuple[YamlDoc, DataPath]],
    invalid: set[tuple[str, str]],
    unreadable: set[str],
) -> list[Problem]:
    known: dict[str, set[str]] = {}
    for kind, id in (*placed, *invalid):
        known.setdefault(kind, set()).add(id)
    problems = []
    for (kind, id), (doc, at) in placed.items():
        el = lib.get(kind, id)
        for path, ref_kind, value in iter_refs(el, type(el), at):
            if value not in known.get(ref_kind, set()) and ref_kind not in unreadable:
                label = ref_kind.replace("_", " ")
                hint = did_you_mean(value, known.get(ref_kind, set()))
                problems.append(doc.problem(path, f"unknown {label} '{value}'{hint}"))
    return problems
