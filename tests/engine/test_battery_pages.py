"""The battery's cases for what a page publishes: script, and fetches from outside the site (see battery.py)."""

from __future__ import annotations

from pathlib import Path

from battery import Case, append, parametrize, run_case

CASES = [
    Case("<script> on a hand-written page", "docs/", append("docs/notes.md", "\n<script>alert(1)</script>\n"), expect=r"docs/notes\.md:\d+:\d+: .*<script>"),
]


@parametrize(CASES)
def test_case(case: Case, tmp_path: Path) -> None:
    run_case(case, tmp_path)
