"""The damaged-content battery as a table: every case of every ``tests/engine/test_battery_*.py``
module, run as the tests run it (see tests/battery.py), printed with its surface, its outcome, the
line the build said (for a refused case) and the seconds it took. Prints; the tests assert."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "engine")]

from battery import Case, run_case  # noqa: E402


def cases() -> list[Case]:
    found = []
    for module in sorted((ROOT / "tests" / "engine").glob("test_battery_*.py")):
        found += importlib.import_module(module.stem).CASES
    return found


def said(case: Case, output: str) -> str:
    """The line of the build's output the case expected (a refused case), else nothing."""
    if not case.expect:
        return ""
    m = re.search(case.expect, output)
    if not m:
        return ""
    start = output.rfind("\n", 0, m.start()) + 1
    end = output.find("\n", m.end())
    return output[start : end if end >= 0 else None]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-k", default="", help="only cases whose name contains this")
    args = parser.parse_args()
    chosen = [c for c in cases() if args.k.lower() in c.name.lower()]
    failed, by_surface = 0, Counter(c.surface for c in chosen)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(chosen):
            scratch = Path(tmp) / f"case-{i}"
            scratch.mkdir()
            try:
                outcome = run_case(case, scratch)
                status, line, seconds = case.outcome, said(case, outcome.output), outcome.seconds
            except AssertionError as exc:
                failed += 1
                status, line, seconds = "FAILED", str(exc).splitlines()[0], 0.0
            print(f"{case.surface:15} {status:11} {seconds:5.1f} s  {case.name}")
            if line:
                print(f"{'':35}{line[:150]}")
    surfaces = ", ".join(f"{s} {n}" for s, n in sorted(by_surface.items()))
    print(f"\n{len(chosen)} cases in {time.perf_counter() - started:.0f} s, {failed} failed; by surface: {surfaces}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
