"""Small Python-Markdown extensions the site's templates rely on."""

from __future__ import annotations

import markdown

TABLE_PARTS = ("caption", "colgroup", "col")


class TableParts(markdown.Extension):
    """Treats a table's caption and column groups as blocks, so that a ``<table markdown>`` written
    in a template keeps them inside the table, rather than wrapping them in a paragraph (which the
    browser then moves out of the table, leaving an empty paragraph before it)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        for tag in TABLE_PARTS:
            if tag not in md.block_level_elements:
                md.block_level_elements.append(tag)
