"""Where every page and element lives, from the page list in site.yaml.

An element lives on the page that ``shows`` its collection (a page of its own) or ``lists`` it (an
anchor on that page). Both derive from the ID only, so permalinks survive changes of title or wording.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .models import Element
from .sitedef import PageDecl, SiteDef


def anchor_of(id: str) -> str:
    return id.lower()


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link from one source page to another (MkDocs rewrites ``.md`` links to URLs)."""
    if from_page == to_page:
        return f"#{anchor}" if anchor else posixpath.basename(to_page)
    rel = _relative(posixpath.dirname(from_page), to_page)
    return f"{rel}#{anchor}" if anchor else rel


@lru_cache(maxsize=1 << 16)
def _relative(from_dir: str, to_page: str) -> str:
    """``posixpath.relpath`` for the site's own paths (relative, normalised), without its calls to
    the file system: a page links to thousands of others at scale."""
    src = [p for p in from_dir.split("/") if p and p != "."]
    dst = [p for p in to_page.split("/") if p and p != "."]
    n = 0
    while n < len(src) and n < len(dst) - 1 and src[n] == dst[n]:
        n += 1
    return "/".join([".."] * (len(src) - n) + dst[n:])


def in_html(link: str) -> str:
    """A link to a source page as the built site has it, for raw HTML that MkDocs does not rewrite."""
    path, hash_, anchor = link.partition("#")
    return (path.removesuffix(".md") + ".html" if path.endswith(".md") else path) + hash_ + anchor


@dataclass(frozen=True)
class Routes:
    """The pages a site has, given which collections have elements."""

    pages: tuple[PageDecl, ...]  # in site.yaml order, only those whose condition holds
    _by_id: dict[str, PageDecl]
    _home: dict[str, PageDecl]  # collection name -> the page its elements live on
    # Split list pages: (collection, id) -> the letter page the element lives on.
    _split: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def plan(cls, site: SiteDef, elements: dict[str, list[Element]], title_of: Callable[[Element], str]) -> Routes:
        non_empty = {name for name, els in elements.items() if els}
        pages = tuple(p for p in site.pages if _appears(p, non_empty))
        home: dict[str, PageDecl] = {}
        split: dict[tuple[str, str], str] = {}
        for p in pages:
            for name in [*p.lists, *([p.shows] if p.shows else [])]:
                home[name] = p
            for parts in split_letters(p, elements, title_of).values():
                for lp in parts:
                    split.update({el.key: letter_page(p, lp.letter, lp.part) for el in lp.elements})
        return cls(pages, {p.id: p for p in pages}, home, split)

    def has(self, page_id: str) -> bool:
        return page_id in self._by_id

    def page(self, page_id: str) -> str:
        """The source path of a page by its ID in site.yaml."""
        try:
            return self._by_id[page_id].path
        except KeyError:
            raise KeyError(f"no page '{page_id}' in this site (not declared in site.yaml, or its collection is empty)") from None

    def decl(self, page_id: str) -> PageDecl:
        return self._by_id[page_id]

    def list_page(self, collection: str) -> str | None:
        """The page that lists a collection (or, for an element-page collection, None)."""
        p = self._home.get(collection)
        return p.path if p and not p.shows else None

    def home_of(self, collection: str) -> PageDecl | None:
        """The page that lists or shows a collection's elements."""
        return self._home.get(collection)

    def has_page(self, collection: str) -> bool:
        """Whether some page shows or lists the collection."""
        return collection in self._home

    def element_page(self, el: Element) -> str:
        p = self._home[el.collection]
        if p.shows:
            return p.path.replace("{id}", anchor_of(el.id))
        return self._split.get(el.key, p.path)

    def element_anchor(self, el: Element) -> str | None:
        return None if self._home[el.collection].shows else anchor_of(el.id)

    def element_href(self, from_page: str, el: Element) -> str:
        return href(from_page, self.element_page(el), self.element_anchor(el))


def initial(title: str) -> str:
    """The letter an element is filed under: its title's first letter, or "#"."""
    first = title.strip()[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


@dataclass(frozen=True)
class LetterPage:
    """One page of a split list: a letter's elements, or one part of them when the letter alone holds
    more than the list's ``split_above`` (so no page grows without bound)."""

    letter: str
    part: int  # from 1
    parts: int
    elements: list[Element]


def split_letters(page: PageDecl, elements: dict[str, list[Element]], title_of: Callable[[Element], str]) -> dict[str, list[LetterPage]]:
    """For a list page past its ``split_above``: its collection's pages by initial letter, in order,
    each of at most ``split_above`` elements."""
    out: dict[str, list[LetterPage]] = {}
    size = page.split_above
    for name in page.lists[:1]:
        els = elements.get(name, [])
        if size is not None and len(els) > size:
            letters: dict[str, list[Element]] = {}
            for el in sorted(els, key=lambda e: title_of(e).casefold()):
                letters.setdefault(initial(title_of(el)), []).append(el)
            out[name] = []
            for letter, those in sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0])):
                chunks = [those[i : i + size] for i in range(0, len(those), size)]
                out[name] += [LetterPage(letter, n, len(chunks), chunk) for n, chunk in enumerate(chunks, 1)]
    return out


def letter_page(page: PageDecl, letter: str, part: int = 1) -> str:
    """``glossary.md`` and "A" -> ``glossary/a.md``; its second part -> ``glossary/a-2.md``."""
    return f"{page.path.removesuffix('.md')}/{'other' if letter == '#' else letter.lower()}{'' if part == 1 else f'-{part}'}.md"


def _appears(page: PageDecl, non_empty: set[str]) -> bool:
    needed = page.when if page.when is not None else [n for n in (*page.lists, page.shows, page.browses) if n]
    return not needed or any(name in non_empty for name in needed)
