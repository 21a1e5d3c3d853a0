"""Fills each glossary entry's "Used on" list once every page has been converted."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import escape

# The empty list the glossary template leaves in each entry: any <div> with a data-used-on attribute,
# whatever the order of its attributes.
MARKER = re.compile(r'<div\b[^>]*\bdata-used-on="([^"]+)"[^>]*>\s*</div>')


def used_on_html(links: list[tuple[str, str]], heading: str, none: str) -> str:
    """``links`` are (title, href) pairs, already in reading order."""
    if not links:
        return ""  # a term no page uses yet: nothing to say to readers (the build warns editors)
    items = "".join(f'<li><a href="{escape(href)}">{escape(title)}</a></li>' for title, href in links)
    return f'<div class="mcf-used-on"><p><strong>{escape(heading)}</strong></p><ul>{items}</ul></div>'


def fill_used_on(html: str, links_for: Callable[[str], list[tuple[str, str]]], heading: str, none: str) -> str:
    return MARKER.sub(lambda m: used_on_html(links_for(m.group(1)), heading, none), html)
