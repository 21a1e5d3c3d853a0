"""Fills each glossary entry's "Used on" list once every page has been converted."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import escape

MARKER = re.compile(r'<div class="mcf-used-on" data-used-on="([^"]+)"></div>')


def used_on_html(links: list[tuple[str, str]]) -> str:
    """``links`` are (title, href) pairs, already in reading order."""
    if not links:
        return '<p class="mcf-used-on"><strong>Used on:</strong> no page yet.</p>'
    items = "".join(f'<li><a href="{escape(href)}">{escape(title)}</a></li>' for title, href in links)
    return f'<div class="mcf-used-on"><p><strong>Used on</strong></p><ul>{items}</ul></div>'


def fill_used_on(html: str, links_for: Callable[[str], list[tuple[str, str]]]) -> str:
    return MARKER.sub(lambda m: used_on_html(links_for(m.group(1))), html)
