"""Finds glossary terms in text in time linear in the text, whatever the number of terms.

Surface forms are split into words and joiners (a space or a hyphen) and stored in a trie keyed by
those tokens. Scanning walks the trie from each word of the text and keeps the longest match, so
the cost per word is bounded by the longest term (a handful of words), not by the number of terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from markdown.util import ETX, STX

# A word: letters and digits, with inner apostrophes ("teacher's"). Underscore is not a word char.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SPACE = re.compile(r"\s+")
_END = "\0"  # trie key holding the term id at the end of a form


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: str


def _joiner(gap: str) -> str | None:
    """What joins two words, normalised: white space becomes one space, hyphens one hyphen, other
    short punctuation ("plan, do, review") stays. None: the gap breaks any term."""
    if not gap or len(gap) > 4 and not _SPACE.fullmatch(gap):
        return None
    if STX in gap or ETX in gap:  # a placeholder for raw HTML sits between the words
        return None
    return _SPACE.sub(" ", gap).replace("‐", "-").replace("‑", "-")


def tokens_of(form: str) -> list[str]:
    """``"Co-coaching model"`` -> ``["co", "-", "coaching", " ", "model"]``."""
    words = list(_WORD.finditer(form))
    out: list[str] = []
    for i, w in enumerate(words):
        if i:
            joiner = _joiner(form[words[i - 1].end() : w.start()])
            if joiner is None:
                raise ValueError(f"cannot match the form {form!r}: too much between its words")
            out.append(joiner)
        out.append(w.group().lower().replace("’", "'"))
    if not out:
        raise ValueError(f"the form {form!r} has no words")
    return out


def plural(word: str) -> str:
    """A regular English plural of the last word: enough for glossary headwords and abbreviations."""
    if word.isupper():
        return word + "s"  # NQT -> NQTs
    lower = word.lower()
    if re.search(r"[^aeiou]y$", lower):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", lower):
        return word + "es"
    return word + "s"


def with_plurals(forms: Iterable[str]) -> list[str]:
    out: list[str] = []
    for form in forms:
        out.append(form)
        head, _, last = form.rpartition(" ")
        if last and not form.lower().endswith("ing"):  # "mentoring" has no useful plural
            out.append(f"{head} {plural(last)}".strip())
    return out


def _glued(text: str, start: int, end: int) -> bool:
    before = start >= 2 and text[start - 1] in "-‐‑" and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] in "-‐‑" and text[end + 1].isalnum()
    return before or after


class TermMatcher:
    def __init__(self, forms: dict[str, str]) -> None:
        """``forms`` maps each surface form to its term id."""
        self._trie: dict[str, Any] = {}
        self.longest = 1
        for form, term in forms.items():
            toks = tokens_of(form)
            self.longest = max(self.longest, len(toks))
            node = self._trie
            for tok in toks:
                node = node.setdefault(tok, {})
            node.setdefault(_END, term)  # first claim wins; clashes are reported by validation

    def find(self, text: str) -> Iterator[Match]:
        """Leftmost-longest, non-overlapping matches of whole words, case-insensitively."""
        lower = _fold(text)
        root = self._trie
        words = list(_WORD.finditer(lower))
        # Most words start no term: find the few that do in one comprehension, then walk the trie
        # from each of those only.
        starts = [i for i, w in enumerate(words) if w.group() in root]
        n = len(words)
        consumed = -1  # index of the last word inside a match already made
        for i in starts:
            if i <= consumed:
                continue
            node = root[words[i].group()]
            best, term = -1, ""
            j = i
            while True:
                found = node.get(_END)
                if found is not None:
                    best, term = j, found
                if j + 1 >= n:
                    break
                joiner = _joiner(lower[words[j].end() : words[j + 1].start()])
                nxt = node.get(joiner) if joiner else None
                if nxt is None:
                    break
                nxt = nxt.get(words[j + 1].group())
                if nxt is None:
                    break
                node = nxt
                j += 1
            if best < 0:
                continue
            start, end = words[i].start(), words[best].end()
            if _glued(text, start, end):  # part of a longer hyphenated word: not a whole word
                continue
            yield Match(start, end, term)
            consumed = best


def _fold(text: str) -> str:
    """Lower-cased text with the same length, so positions in it are positions in ``text``."""
    lower = text.lower()
    if len(lower) != len(text):  # a few characters grow when lower-cased (e.g. "İ")
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lower.replace("’", "'") if "’" in lower else lower
