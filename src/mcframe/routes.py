"""Where every element lives: its page and anchor. Both derive from the ID only, so permalinks survive
changes of title or wording.
"""

from __future__ import annotations

import posixpath

from .models import Element

# kind -> page that lists elements of that kind (None: the element has a page of its own)
_LIST_PAGES: dict[str, str | None] = {
    "concept": None,
    "principle": "framework/principles.md",
    "description": "framework/descriptions.md",
    "skill": "framework/skills.md",
    "career_stage": "framework/career-stages.md",
    "purpose": "framework/purposes.md",
    "form": "framework/forms.md",
    "phase": "framework/phases.md",
    "source": "sources.md",
    "term": "glossary.md",
    "case_study": None,
    "practice_site": "practice/directory.md",
    "evidence": None,
    "agency": "policy/grid.md",
    "programme": "policy/grid.md",
    "resource": "evidence/websites.md",
}

_OWN_PAGES = {
    "concept": "framework/concepts/{id}.md",
    "case_study": "case-studies/{id}.md",
    "evidence": "evidence/{id}.md",
}


def page_of(kind: str, id: str) -> str:
    listed = _LIST_PAGES[kind]
    if listed is not None:
        return listed
    return _OWN_PAGES[kind].format(id=id.lower())


def anchor_of(id: str) -> str:
    return id.lower()


def has_own_page(kind: str) -> bool:
    return _LIST_PAGES[kind] is None


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link from one source page to another (MkDocs rewrites ``.md`` links to URLs)."""
    rel = to_page if from_page == to_page else posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    if from_page == to_page:
        return f"#{anchor}" if anchor else posixpath.basename(to_page)
    return f"{rel}#{anchor}" if anchor else rel


def element_href(from_page: str, el: Element) -> str:
    page = page_of(el.kind, el.id)
    return href(from_page, page, None if has_own_page(el.kind) else anchor_of(el.id))
