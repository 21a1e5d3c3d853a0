"""Loads and validates all content once per build, into one :class:`Library`.

``content/site.yaml`` declares which collections the site has: each a name of its own, one of the
engine's kinds (``kinds.KINDS``), its files and the form of its IDs. Elements are known by their
collection and ID; a reference finds its collection through the site's declarations (``links``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, get_args

from . import identity
from . import models as m
from .fieldpath import value_at
from .inside import path_problem
from .kinds import KINDS
from .problems import Problem
from .sitedef import CollectionDecl, SiteDef, id_matches
from .validation import build_element, check_markdown, did_you_mean, iter_refs
from .yamlsource import DataPath, YamlDoc, load_yaml

SITE_FILE = "site.yaml"

E = TypeVar("E", bound=m.Element)


@dataclass(frozen=True)
class Collection:
    """A declared collection with the model its elements are validated against."""

    decl: CollectionDecl
    model: type[m.Element]

    @property
    def name(self) -> str:
        return self.decl.name

    @property
    def kind(self) -> str:
        return self.model.kind

    @property
    def label(self) -> str:
        return self.decl.label


@dataclass(frozen=True)
class Origin:
    """Where an element was defined, for messages that name two places."""

    path: str
    line: int


@dataclass
class Library:
    """All validated content. Lists keep file order, which is the order editors chose.

    Elements are identified by (collection, ID). Code asks by model (``lib.all(Term)``, typed) or by
    kind (``lib.get("source", id)``, when the site has one collection of that kind); a reference field
    finds its collection with :meth:`target`, as the site declared it.
    """

    site: SiteDef
    site_doc: YamlDoc
    collections: dict[str, Collection]  # by name, in the order site.yaml declares them
    elements: dict[str, list[m.Element]] = field(default_factory=dict)
    intros: dict[str, str] = field(default_factory=dict)  # collection name -> intro Markdown
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)  # (collection, id) -> origin
    drafts: bool = False  # an editors' build: draft elements are in, and marked
    # The content folder it was loaded from (docs/ is beside it); not in its description, which a
    # template could print: a place on the building machine is never published.
    content_dir: Path | None = field(default=None, repr=False)
    # (referring collection, reference key) -> the collection its IDs are in; None: no such collection
    bindings: dict[tuple[str, str], str | None] = field(default_factory=dict)
    _index: dict[str, dict[str, m.Element]] = field(default_factory=dict, repr=False)

    def __getattr__(self, name: str) -> list[m.Element]:
        """A project's templates reach a collection by the site's name for it: ``lib.case_studies``."""
        collections = self.__dict__.get("collections", {})
        if name in collections:
            found: list[m.Element] = self.__dict__["elements"].get(name, [])
            return found
        raise AttributeError(name)

    def collection(self, name_or_kind: str) -> Collection:
        """A collection by its name, or by its kind when the site has exactly one of that kind."""
        if name_or_kind in self.collections:
            return self.collections[name_or_kind]
        found = [c for c in self.collections.values() if c.kind == name_or_kind]
        if len(found) == 1:
            return found[0]
        raise KeyError(
            f"no collection '{name_or_kind}'" if not found else f"this site has {len(found)} collections of kind '{name_or_kind}': name one"
        )

    def has(self, name_or_kind: str) -> bool:
        """Whether the site has that collection (or one collection of that kind)."""
        try:
            self.collection(name_or_kind)
        except KeyError:
            return False
        return True

    def of_kind(self, kind: str) -> list[Collection]:
        return [c for c in self.collections.values() if c.kind == kind]

    def items(self, name_or_kind: str) -> list[m.Element]:
        """The elements of a collection (by name, or by its kind when unique); none when it is absent."""
        return self.elements.get(self.collection(name_or_kind).name, []) if self.has(name_or_kind) else []

    def all(self, model: type[E]) -> list[E]:
        """Every element of this model's kind, collection after collection."""
        return [el for c in self.of_kind(model.kind) for el in self.elements.get(c.name, [])]  # type: ignore[misc]

    def get(self, name_or_kind: str, id: str) -> m.Element:
        name = self.collection(name_or_kind).name
        if name not in self._index:
            self._index[name] = {el.id: el for el in self.elements.get(name, [])}
        return self._index[name][id]

    def collection_of(self, kind: str) -> Collection:
        return self.collection(kind)

    def target(self, owner: str, ref: m.Ref) -> str | None:
        """The collection that a reference of ``owner``'s elements takes its IDs from."""
        return self.bindings.get((owner, ref.key))

    def follow(self, el: m.Element, field_name: str, id: str) -> m.Element:
        """The element that ``id``, in ``el``'s field ``field_name`` (dotted: setting.phases), refers to."""
        target = self.target(el.collection, _ref_of(type(el), field_name))
        if target is None:
            raise KeyError(f"'{field_name}' refers to a collection this site does not have")
        return self.get(target, id)

    def refs(self, el: m.Element, field_name: str) -> list[m.Element]:
        """The elements that ``el``'s (dotted) field refers to, in its order; none when it is empty."""
        value = value_at(el, field_name)  # through declared fields only, never any attribute
        ids = value if isinstance(value, list) else [] if value is None else [value]
        return [self.follow(el, field_name, id) for id in ids]

    def field_collection(self, el: m.Element, field_name: str) -> Collection:
        """The collection a reference field of ``el`` takes its IDs from."""
        target = self.target(el.collection, _ref_of(type(el), field_name))
        if target is None:
            raise KeyError(f"'{field_name}' refers to a collection this site does not have")
        return self.collections[target]

    def title_of(self, el: m.Element) -> str:
        """What an element is called in links, lists and the navigation."""
        if el.title_from:
            names = (el.title_from,) if isinstance(el.title_from, str) else el.title_from
            name = next((n for n in names if getattr(el, n) is not None), names[0])
            return self.title_of(self.follow(el, name, getattr(el, name)))
        return str(getattr(el, el.title_field))

    def blurb_of(self, el: m.Element) -> str | None:
        if el.blurb_from:
            ref, target_field = el.blurb_from
            return str(getattr(self.follow(el, ref, getattr(el, ref)), target_field))
        return getattr(el, el.blurb_field) if el.blurb_field else None

    def count(self) -> int:
        return sum(len(els) for els in self.elements.values())


def _ref_of(model: type[m.Model], dotted: str) -> m.Ref:
    """The reference mark of a (dotted) field of ``model``: ``setting.phases`` of a case study."""
    head, _, rest = dotted.partition(".")
    info = model.model_fields[head]
    if rest:
        return _ref_of(_model_in(info.annotation), rest)
    return next(iter(_marks(info.annotation, list(info.metadata))))


def _marks(annotation: Any, found: list[Any]) -> list[m.Ref]:
    out = [meta for meta in found if isinstance(meta, m.Ref)]
    for arg in get_args(annotation):
        out += _marks(arg, list(getattr(arg, "__metadata__", ())))
    return out


def _model_in(annotation: Any) -> type[m.Model]:
    if isinstance(annotation, type) and issubclass(annotation, m.Model):
        return annotation
    return next(_model_in(arg) for arg in get_args(annotation) if _has_model(arg))


def _has_model(annotation: Any) -> bool:
    return (isinstance(annotation, type) and issubclass(annotation, m.Model)) or any(_has_model(a) for a in get_args(annotation))


def reference_fields(model: type[m.Model], prefix: str = "") -> list[tuple[str, m.Ref]]:
    """Every reference field of ``model``, nested models included, as (dotted name, mark)."""
    out: list[tuple[str, m.Ref]] = []
    for name, info in model.model_fields.items():
        marks = _marks(info.annotation, list(info.metadata))
        if marks:
            out.append((prefix + name, marks[0]))
        elif _has_model(info.annotation):
            out += reference_fields(_model_in(info.annotation), f"{prefix}{name}.")
    return out


def load_library(root: Path, shown_root: Path | None = None, drafts: bool = False) -> tuple[Library | None, list[Problem]]:
    """Load the site definition and every collection under ``root`` (the content folder).

    Returns the library (None when the site definition itself cannot be read) and all problems; the
    library is only usable when no problem is an error. Draft elements are left out unless ``drafts``.
    """
    shown_root = shown_root or root.parent
    site_file = root / SITE_FILE
    if not site_file.exists() and not site_file.is_symlink():
        return None, [Problem(_shown(site_file, shown_root), 1, 1, "the site definition is missing")]
    if reason := _not_inside(site_file, root):
        return None, [Problem(_shown(site_file, shown_root), 1, 1, reason)]
    site_doc, problems = load_yaml(site_file, _shown(site_file, shown_root))
    if site_doc is None:
        return None, problems
    site = build_element(SiteDef, site_doc, (), problems)
    if not isinstance(site, SiteDef):
        return None, problems
    problems.extend(check_site(site, site_doc) + check_markdown(site, site_doc, ()))
    if any(p.severity == "error" for p in problems):
        return None, problems
    collections = {d.name: Collection(d, KINDS[d.kind]) for d in site.collections}
    lib = Library(site, site_doc, collections, elements={name: [] for name in collections})
    lib.bindings, binding_problems = bind_references(site, site_doc)
    problems.extend(binding_problems)
    if binding_problems:
        return None, problems
    lib.drafts = drafts
    lib.content_dir = root
    problems.extend(_load_collections(lib, root, shown_root, site_file))
    return lib, problems


def check_site(site: SiteDef, doc: YamlDoc) -> list[Problem]:
    """What site.yaml says must hang together: known collections, pages that exist, one home each."""
    problems: list[Problem] = []
    declared: dict[str, int] = {}
    if site.colours is not None:
        problems += [doc.problem(("colours", name), message) for name, message in identity.problems(site.colours)]
    for i, c in enumerate(site.collections):
        at: DataPath = ("collections", i)
        if c.kind not in KINDS:
            problems.append(doc.problem(at + ("kind",), f"unknown kind '{c.kind}'{did_you_mean(c.kind, KINDS)} (kinds: {', '.join(sorted(KINDS))})"))
        if c.name in declared:
            problems.append(doc.problem(at + ("name",), f"collection '{c.name}' is declared twice"))
        declared.setdefault(c.name, i)
        try:
            re.compile(c.id_pattern)
        except re.error as exc:
            problems.append(doc.problem(at + ("id_pattern",), f"not a valid pattern: {exc}"))

    def known(value: str, path: DataPath) -> None:
        if value not in declared:
            problems.append(doc.problem(path, f"unknown collection '{value}'{did_you_mean(value, declared)}"))

    page_ids: dict[str, int] = {}
    paths: set[str] = set()
    home: dict[str, str] = {}  # collection -> the page its elements live on
    for i, page in enumerate(site.pages):
        at = ("pages", i)
        if page.id in page_ids:
            problems.append(doc.problem(at + ("id",), f"page '{page.id}' is declared twice"))
        page_ids.setdefault(page.id, i)
        if page.path in paths:
            problems.append(doc.problem(at + ("path",), f"two pages have the path '{page.path}'"))
        paths.add(page.path)
        if page.shows is None and page.title is None:
            problems.append(doc.problem(at, "missing required field 'title' (only element pages take their element's title)"))
        if (page.shows is not None) != ("{id}" in page.path):
            problems.append(doc.problem(at + ("path",), "an element page's path has '{id}' in it, and only an element page's"))
        if page.template is None and (page.shows or page.lists or page.browses):
            problems.append(doc.problem(at, "a hand-written page (no template) cannot list or show a collection"))
        for j, name in enumerate(page.lists):
            known(name, at + ("lists", j))
        for field_name in ("shows", "browses"):
            if getattr(page, field_name) is not None:
                known(getattr(page, field_name), at + (field_name,))
        for j, name in enumerate(page.when or []):
            known(name, at + ("when", j))
        for j, facet in enumerate(page.facets):
            if facet.of is not None:
                known(facet.of, at + ("facets", j, "of"))
            if facet.values is not None and facet.values not in site.values:
                problems.append(doc.problem(at + ("facets", j, "values"), f"no group '{facet.values}' under values{did_you_mean(facet.values, site.values)}"))
        for j, card in enumerate(page.cards):
            for field_name in ("count", "links"):
                if getattr(card, field_name) is not None:
                    known(getattr(card, field_name), at + ("cards", j, field_name))
        homes: list[tuple[str, DataPath]] = [(n, ("lists", j)) for j, n in enumerate(page.lists)]
        homes += [(page.shows, ("shows",))] if page.shows else []
        for name, where in homes:
            if name in home:
                problems.append(doc.problem(at + where, f"the elements of '{name}' already live on page '{home[name]}'"))
            home.setdefault(name, page.id)
    for i, page in enumerate(site.pages):
        if page.parent is not None and page.parent not in page_ids:
            problems.append(doc.problem(("pages", i, "parent"), f"unknown page '{page.parent}'{did_you_mean(page.parent, page_ids)}"))
        links: list[tuple[str, int, str]] = [("cards", j, c.page) for j, c in enumerate(page.cards)]
        links += [("actions", j, a.page) for j, a in enumerate(page.actions)]
        for field_name, j, target in links:
            if target not in page_ids:
                problems.append(doc.problem(("pages", i, field_name, j, "page"), f"unknown page '{target}'{did_you_mean(target, page_ids)}"))
    if site.poster is not None:
        for j, name in enumerate(site.poster.shows):
            known(name, ("poster", "shows", j))
    for i, page in enumerate(site.pages):
        for j, d in enumerate(page.downloads):
            if d.export == "poster-a3-pdf" and site.poster is None:
                problems.append(doc.problem(("pages", i, "downloads", j, "export"), "the poster needs 'poster' in site.yaml: which collections it shows"))
    for name, i in declared.items():
        if name not in home:
            problems.append(doc.problem(("collections", i, "name"), f"no page lists or shows '{name}': add one under pages"))
    return problems


def bind_references(site: SiteDef, doc: YamlDoc) -> tuple[dict[tuple[str, str], str | None], list[Problem]]:
    """For every collection and every kind of reference its elements make, the collection that
    reference takes its IDs from: the one its ``links`` name, else the one of that kind named as the
    reference's role, else the only one of that kind."""
    by_kind: dict[str, list[str]] = {}
    for c in site.collections:
        by_kind.setdefault(c.kind, []).append(c.name)
    bindings: dict[tuple[str, str], str | None] = {}
    problems: list[Problem] = []
    for i, c in enumerate(site.collections):
        refs = {ref.key: (name, ref) for name, ref in reference_fields(KINDS[c.kind]) if ref.kind != "page"}
        for key, target in c.links.items():
            at: DataPath = ("collections", i, "links", key)
            if key not in refs:
                known = ", ".join(sorted(refs)) or "none"
                problems.append(doc.problem(at, f"{c.plural} make no reference called '{key}'{did_you_mean(key, refs)} (theirs: {known})", key=True))
            elif target not in {d.name for d in site.collections}:
                problems.append(doc.problem(at, f"unknown collection '{target}'{did_you_mean(target, [d.name for d in site.collections])}"))
            elif target not in by_kind.get(refs[key][1].kind, []):
                problems.append(doc.problem(at, f"'{target}' is not a collection of kind '{refs[key][1].kind}'"))
        for key, (field_name, ref) in refs.items():
            candidates = by_kind.get(ref.kind, [])
            chosen = c.links.get(key)
            if chosen is None:
                if ref.role in candidates:
                    chosen = ref.role
                elif len(candidates) == 1:
                    chosen = candidates[0]
                elif candidates:
                    problems.append(
                        doc.problem(
                            ("collections", i),
                            f"'{field_name}' of {c.plural} refers to a {ref.kind}, and this site has {len(candidates)}: "
                            f"say which under links ({key}: one of {', '.join(candidates)})",
                        )
                    )
            bindings[(c.name, key)] = chosen
    return bindings, problems


def _load_collections(lib: Library, root: Path, shown_root: Path, site_file: Path) -> list[Problem]:
    problems: list[Problem] = []
    placed: dict[tuple[str, str], tuple[YamlDoc, DataPath]] = {}
    claimed: set[Path] = {site_file}
    invalid: set[tuple[str, str]] = set()
    unreadable: set[str] = set()  # kinds with a file we could not parse: their IDs are unknowable
    parsed: dict[Path, tuple[YamlDoc | None, list[Problem]]] = {}  # a file read by two collections is parsed once
    by_file: dict[str, list[CollectionDecl]] = {}
    for coll in lib.collections.values():
        by_file.setdefault(coll.decl.file, []).append(coll.decl)

    placeholders: set[tuple[str, int, int]] = set()  # where a scaffold's TO FILL IN still stands
    real_folders: set[Path] = set()
    for i, coll in enumerate(lib.collections.values()):
        files, reason = content_files(root, coll.decl.file)
        if reason is not None:
            problems.append(lib.site_doc.problem(("collections", i, "file"), reason))
            unreadable.add(coll.name)
            continue
        if not files and coll.decl.required:
            problems.append(Problem(_shown(root / coll.decl.file, shown_root), 1, 1, "required content file is missing"))
        for file in files:
            claimed.add(file)
            if reason := _not_inside(file, root, real_folders):
                if file not in parsed:
                    parsed[file] = (None, [Problem(_shown(file, shown_root), 1, 1, reason)])
                    problems.extend(parsed[file][1])
                unreadable.add(coll.name)
                continue
            if file not in parsed:
                parsed[file] = load_yaml(file, _shown(file, shown_root))
                problems.extend(parsed[file][1])
            doc = parsed[file][0]
            if doc is None:
                unreadable.add(coll.name)
                continue
            for at in _element_paths(doc, coll.decl, by_file[coll.decl.file], lib, problems):
                for path in _placeholders(_lookup(doc.data, at), at):
                    p = doc.problem(path, f"'{next((str(s) for s in reversed(path) if isinstance(s, str)), '?')}': to fill in")
                    placeholders.add((p.path, p.line, p.col))
                    problems.append(p)
                el = build_element(coll.model, doc, at, problems)
                if isinstance(el, m.Element) and not id_matches(coll.decl, el.id):
                    problems.append(
                        doc.problem(at + ("id",), f"'{el.id}' is not the form of a {coll.decl.label} ID ({coll.decl.id_pattern})")
                    )
                    invalid.add((coll.name, el.id))
                    continue
                if not isinstance(el, m.Element):
                    # Still known by its ID, so one bad field does not cascade into "unknown ID" errors.
                    raw_id = _raw_id(doc, at)
                    if raw_id is not None:
                        invalid.add((coll.name, raw_id))
                    continue
                el._collection = coll.name
                key = el.key
                if key in placed:
                    first_doc, first_at = placed[key]
                    first = first_doc.mark(first_at + ("id",))
                    problems.append(
                        doc.problem(at + ("id",), f"duplicate ID '{el.id}' (first defined at {first_doc.path}:{first.line})")
                    )
                    continue
                problems.extend(check_markdown(el, doc, at))
                placed[key] = (doc, at)
                lib.origins[key] = Origin(doc.path, doc.mark(at + ("id",)).line)
                lib.elements[coll.name].append(el)

    for file in sorted(root.rglob("*")):
        if file.is_file() and file not in claimed and file.suffix in (".yaml", ".yml"):
            problems.append(Problem(_shown(file, shown_root), 1, 1, "this file is not part of any collection declared in site.yaml"))

    problems.extend(_check_references(lib, placed, invalid, unreadable))
    problems.extend(_check_kinds(lib, placed))
    problems.extend(_check_wording(lib, placed))
    problems.extend(_check_together(lib, placed))
    if not lib.drafts:
        problems.extend(_leave_out_drafts(lib, placed))
    # A placeholder is reported once, as to fill in: not also as a wrong value or an unknown reference.
    return [p for p in problems if (p.path, p.line, p.col) not in placeholders or p.message.endswith(": to fill in")]


PLACEHOLDER = "TO FILL IN"


def _placeholders(data: Any, at: DataPath) -> list[DataPath]:
    if data == PLACEHOLDER:
        return [at]
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _placeholders(v, at + (k,))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _placeholders(v, at + (i,))]
    return []


def _lookup(data: Any, at: DataPath) -> Any:
    for step in at:
        data = data[step]
    return data


def _check_kinds(lib: Library, placed: dict[tuple[str, str], tuple[YamlDoc, DataPath]]) -> list[Problem]:
    """What each kind requires beyond its fields' types (its model's ``checks``)."""
    return [doc.problem(at + where, message) for key, (doc, at) in placed.items() for where, message in lib.get(*key).checks()]


def _check_wording(lib: Library, placed: dict[tuple[str, str], tuple[YamlDoc, DataPath]]) -> list[Problem]:
    """A quotation or summary names its source, and that source is among the element's own."""
    problems = []
    for key, (doc, at) in placed.items():
        el = lib.get(*key)
        if not isinstance(el, m.Sourced):
            continue
        own = el.own_sources()
        wording = el.wording
        if wording.kind != "editorial" and wording.source is None:
            problems.append(doc.problem(at + ("wording",), f"a {wording.kind} names its source: add 'source'"))
        elif wording.source is not None and wording.source not in own:
            problems.append(doc.problem(at + ("wording", "source"), f"'{wording.source}' is not among this element's sources"))
    return problems


def _leave_out_drafts(lib: Library, placed: dict[tuple[str, str], tuple[YamlDoc, DataPath]]) -> list[Problem]:
    """The published build: drafts are left out, and nothing published may refer to one."""
    drafts = {el.key for els in lib.elements.values() for el in els if isinstance(el, m.Sourced) and el.review.status == "draft"}
    if not drafts:
        return []
    problems = []
    for key, (doc, at) in placed.items():
        if key in drafts:
            continue
        el = lib.get(*key)
        for path, ref, value in iter_refs(el, type(el), at):
            target = lib.target(el.collection, ref)
            if target is not None and (target, value) in drafts:
                label = lib.collections[target].decl.label
                problems.append(doc.problem(path, f"{label} '{value}' is a draft: publish it, or leave this reference out (scripts/build --drafts shows both)"))
    for name, els in lib.elements.items():
        lib.elements[name] = [el for el in els if el.key not in drafts]
    lib._index.clear()
    return problems


def _check_together(lib: Library, placed: dict[tuple[str, str], tuple[YamlDoc, DataPath]]) -> list[Problem]:
    """What a kind requires of its elements taken together (its module's check_together: a directory
    entry written twice, a glossary form two terms claim), across every collection of the kind."""
    from .kinds import CHECKS_TOGETHER

    def where(el: m.Element, path: DataPath) -> str:
        doc, at = placed[el.key]
        return f"{doc.path}:{doc.mark(at + path).line}"

    problems = []
    for kind, check in CHECKS_TOGETHER.items():
        els = [el for c in lib.of_kind(kind) for el in lib.elements.get(c.name, []) if el.key in placed]
        for el, path, message in check(els, where):
            doc, at = placed[el.key]
            problems.append(doc.problem(at + path, message))
    return problems


def content_files(root: Path, pattern: str) -> tuple[list[Path], str | None]:
    """The files a collection's ``file:`` names under ``root``, in order, or why it names none. Its
    pattern was checked at validation (see :mod:`mcframe.inside`); this is the guard where it is used,
    so that no pattern can glob outside the content folder or end the build with a traceback."""
    if (reason := path_problem(pattern, glob=True)) is not None:
        return [], f"'{pattern}' {reason}"
    try:
        return sorted(root.glob(pattern)), None
    except (ValueError, NotImplementedError, OSError) as exc:
        return [], f"'{pattern}' is not a pattern of files: {exc}"


def _not_inside(file: Path, root: Path, real_folders: set[Path] | None = None) -> str | None:
    """Why ``file`` may not be read as content: a link, or a place outside the content folder. A
    linked "term" must never publish a file from elsewhere on the machine.

    ``real_folders`` remembers folders already found to be real folders all the way from the root,
    so that thousands of files in one folder cost one check each."""
    known = real_folders if real_folders is not None else set()
    for part in (file, *file.parents):
        if part == root or part in known:
            known.update(p for p in file.parents if p != root and p.is_relative_to(root))
            return None  # every step down from the root is a real folder (a path from root.glob has no "..")
        if part.is_symlink():
            return "content files and folders may not be symbolic links" + ("" if part == file else f" ({part.name}/ is one)")
    if not file.resolve().is_relative_to(root.resolve()):
        return "this file is outside the content folder"
    return None


def _shown(path: Path, shown_root: Path) -> str:
    try:
        return path.relative_to(shown_root).as_posix()
    except ValueError:
        return path.as_posix()


def _element_paths(
    doc: YamlDoc, decl: CollectionDecl, sharing: list[CollectionDecl], lib: Library, problems: list[Problem]
) -> list[DataPath]:
    """Paths of the element mappings in ``doc``, checking the file's outer shape on the way.

    ``sharing`` are the collections read from the same file (this one included)."""
    if decl.key is None:
        if not isinstance(doc.data, dict):
            problems.append(doc.problem((), "the file should hold one mapping (field: value lines)"))
            return []
        return [()]
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), f"the file should be a mapping with a '{decl.key}' list"))
        return []
    if decl is sharing[0]:  # the file's own shape is checked, and its intro read, once
        allowed = {c.key for c in sharing if c.key} | {"intro"}
        for key in doc.data:
            if key not in allowed:
                problems.append(doc.problem((key,), f"unknown field '{key}'{did_you_mean(str(key), allowed)}", key=True))
        if isinstance(doc.data.get("intro"), str):
            lib.intros[decl.name] = doc.data["intro"]
        elif "intro" in doc.data:
            problems.append(doc.problem(("intro",), "'intro' should be text"))
    elif isinstance(doc.data.get("intro"), str):
        lib.intros[decl.name] = doc.data["intro"]
    items: Any = doc.data.get(decl.key)
    if items is None:
        problems.append(doc.problem((), f"missing required field '{decl.key}'"))
        return []
    if not isinstance(items, list):
        problems.append(doc.problem((decl.key,), f"'{decl.key}' should be a list"))
        return []
    paths: list[DataPath] = []
    for i, item in enumerate(items):
        if isinstance(item, dict):
            paths.append((decl.key, i))
        else:
            problems.append(doc.problem((decl.key, i), "each entry should be a mapping (field: value lines)"))
    return paths


def _raw_id(doc: YamlDoc, at: DataPath) -> str | None:
    data: Any = doc.data
    for step in at:
        data = data[step]
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _check_references(
    lib: Library,
    placed: dict[tuple[str, str], tuple[YamlDoc, DataPath]],
    invalid: set[tuple[str, str]],
    unreadable: set[str],
) -> list[Problem]:
    known: dict[str, set[str]] = {}
    for name, id in (*placed, *invalid):
        known.setdefault(name, set()).add(id)
    pages = {p.id for p in lib.site.pages}
    problems = []
    for key, (doc, at) in placed.items():
        el = lib.get(*key)
        for path, ref, value in iter_refs(el, type(el), at):
            target = "page" if ref.kind == "page" else lib.target(el.collection, ref)
            ids = pages if target == "page" else known.get(target or "", set())
            if value not in ids and target not in unreadable:
                label = "page" if target == "page" else lib.collections[target].decl.label if target else ref.kind.replace("_", " ")
                hint = did_you_mean(value, ids)
                problems.append(doc.problem(path, f"unknown {label} '{value}'{hint}"))
    return problems
