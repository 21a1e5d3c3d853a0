"""Small Python-Markdown extensions the site's templates rely on."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

TABLE_PARTS = ("caption", "colgroup", "col")


class TableParts(markdown.Extension):
    """Treats a table's caption and column groups as blocks, so that a ``<table markdown>`` written
    in a template keeps them inside the table, rather than wrapping them in a paragraph (which the
    browser then moves out of the table, leaving an empty paragraph before it)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        for tag in TABLE_PARTS:
            if tag not in md.block_level_elements:
                md.block_level_elements.append(tag)


class PermalinkTitles(markdown.Extension):
    """Gives the headings' permalinks (the toc extension's, class ``headerlink``) the title ``title``,
    set for each page before it is converted: the label ``permalink_title`` in the page's language."""

    def __init__(self) -> None:
        super().__init__()
        self.title: str | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_PermalinkTitler(md, self), "mcf_permalink_titles", 4)  # after toc's (5)


class _PermalinkTitler(Treeprocessor):
    def __init__(self, md: markdown.Markdown, ext: PermalinkTitles) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if self.ext.title is not None:
            for a in root.iter("a"):
                if "headerlink" in (a.get("class") or "").split():
                    a.set("title", self.ext.title)
