"""Links a hand-written page writes by path (``[the rules](rules.md)``, ``![a plan](plan.png)``):
each must reach a page or file of the site. A link that goes nowhere, or an absolute one (the offline
edition is opened from a folder, where ``/`` is the disk's root), stops the build at its place, as
the build's ``ref:`` links do, rather than as the site generator's warning; ``scripts/check`` finds
them the same way. Links to other sites, and within the page (``#part``), are left alone."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from urllib.parse import unquote, urlsplit

from .problems import Problem
from .validation import did_you_mean

# Inline links and images, [text](target "title"), and reference definitions, [name]: target.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)|^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[^\n]*$|`+[^`\n]*`+", re.M | re.S)


def link_problems(page: str, text: str, shown: str, exists: Callable[[str], bool], known: Iterable[str]) -> list[Problem]:
    """Links in ``text`` (the page ``page``, shown as ``shown``) that reach no page or file
    (``exists``); ``known`` are the site's pages, for a suggestion."""
    code = [m.span() for m in _CODE.finditer(text)]  # a link in code is an example, not a link
    problems = []
    for m in _LINK.finditer(text):
        target, at = (m.group(1), m.start(1)) if m.group(1) is not None else (m.group(2), m.start(2))
        if any(a <= at < b for a, b in code) or target.startswith(("ref:", "#")):
            continue
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or "@" in target:
            continue
        line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
        if target.startswith(("/", "\\")):
            problems.append(Problem(shown, line, col, f"an absolute link '{target}': the offline edition needs links relative to the page"))
            continue
        uri = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if not exists(uri):
            hint = did_you_mean(uri, known)
            problems.append(Problem(shown, line, col, f"a link to '{target}' goes nowhere: no page or file of the site is at {uri}{hint}"))
    return problems
