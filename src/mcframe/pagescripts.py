"""Which of the engine's scripts a page loads: only those it has work for. Each script acts on markup
that templates (or hand-written pages) write, and does nothing on a page without it; the page's own
HTML says which it holds, so the self-review's script is not loaded on the glossary, nor the
facilitator's board's anywhere but on the activity circles. Site-relative, from the site's own
files: nothing is fetched from outside."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape


@dataclass(frozen=True)
class Script:
    uri: str  # where the site holds it
    selector: str  # what the script looks for on the page (a test keeps it in the script's source)
    markup: re.Pattern[str]  # that markup, in a tag of the page's HTML (in a code sample, "<" is escaped)


def _in_a_tag(attribute: str) -> re.Pattern[str]:
    return re.compile(r"<[A-Za-z][^<>]*?\s" + attribute)


SCRIPTS = (
    Script("assets/mcframe/glossary.js", "a.mcf-term[data-term]", _in_a_tag(r'class="(?:[^"]*\s)?mcf-term[\s"]')),  # term links and their previews
    Script("assets/mcframe/filters.js", "form[data-mcf-filter]", _in_a_tag("data-mcf-filter=")),  # browse pages' filters
    Script("assets/mcframe/selfreview.js", 'getElementById("mcf-review")', _in_a_tag('id="mcf-review"')),  # the success indicators
    Script("assets/mcframe/circlesboard.js", 'getElementById("mcf-board")', _in_a_tag('id="mcf-board"')),  # the activity circles
    Script("assets/mcframe/cite.js", "button[data-copy]", _in_a_tag("data-(?:copy|mcf-csl)=")),  # "Cite this"
)


def needed(html: str) -> list[str]:
    """The scripts ``html`` has work for, in the order they load."""
    return [s.uri for s in SCRIPTS if s.markup.search(html)]


def with_scripts(html: str, relative: Callable[[str], str]) -> str:
    """The page with a <script> for each script it needs, at the end of its body (after the theme's).
    ``relative`` turns a site path into a link from this page."""
    tags = "".join(f'<script src="{escape(relative(uri))}"></script>\n' for uri in needed(html))
    at = html.rfind("</body>")
    return html if not tags or at < 0 else html[:at] + tags + html[at:]
