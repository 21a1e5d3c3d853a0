"""Benchmark of scale. Prints figures; asserts nothing.

Grows the real content 1x, 10x and 100x (each case study and evidence digest copied under new IDs,
and the glossary grown with made-up terms to the same factor), builds each in a temporary folder, and
prints pages, seconds, ms/page, the largest page (and which it is), the median page weight, the size
of site/ and of the zip (and of the zip without the files offered for download: PDFs, open data and
citation files), and the glossary linker's share of the build. The figures of the previous run (kept
in .bench/scale.json, which git ignores) are printed beside them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LAST = ROOT / ".bench" / "scale.json"
# Folders of the site that hold files offered for download (PDFs, open data, citation files), not pages.
DOWNLOADS = {"downloads", "data", "cite"}
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "zo", "pa", "qu", "xe"]


def grow(project: Path, factor: int, seed: int = 2005) -> None:
    """Copy each case study and digest ``factor - 1`` times under new IDs; add made-up terms."""
    content = project / "content"
    cases = sorted((content / "case_studies").glob("*.yaml"))
    digests = sorted((content / "evidence").glob("*.yaml"))
    for k in range(1, factor):
        for i, path in enumerate(cases):
            text = path.read_text(encoding="utf-8")
            new_id = f"CS{100 + k * len(cases) + i:04d}"
            text = re.sub(r"^id: CS\d+", f"id: {new_id}", text, count=1, flags=re.M)
            text = re.sub(r'^title: "?(.*?)"?$', rf'title: "\1 (copy {k})"', text, count=1, flags=re.M)
            (path.parent / f"copy{k:03d}-{path.name}").write_text(text, encoding="utf-8")
        for i, path in enumerate(digests):
            text = path.read_text(encoding="utf-8")
            new_id = f"EV{100 + k * len(digests) + i:04d}"
            text = re.sub(r"^id: EV\d+", f"id: {new_id}", text, count=1, flags=re.M)
            (path.parent / f"copy{k:03d}-{path.name}").write_text(text, encoding="utf-8")
    terms = len(list((content / "glossary").glob("*.yaml")))
    rng = random.Random(seed)
    seen: set[str] = set()
    for n in range(terms * (factor - 1)):
        while True:
            word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5)))
            if word not in seen:
                seen.add(word)
                break
        (content / "glossary" / f"made-up-{n:05d}.yaml").write_text(
            f"id: made-up-{n:05d}\nterm: {word}\ndefinition: A made-up term for the benchmark.\n"
            "sources: [curee-2004-interim-report]\nwording: {kind: editorial}\nreview: {status: published, date: 2026-01-01}\n",
            encoding="utf-8",
        )


def measure(factor: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", project / "docs")
        shutil.copytree(ROOT / "content", project / "content")
        (project / "node_modules").symlink_to(ROOT / "node_modules")
        grow(project, factor)
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "mcframe", "--project", str(project), "build", "--timings"], capture_output=True, text=True
        )
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(f"build at {factor}x failed:\n{result.stderr[-3000:]}")
        linker = re.search(r"glossary linker: ([0-9.]+) s", result.stdout + result.stderr)
        pages = [p for p in (project / "site").rglob("*.html") if p.name != "404.html"]
        sizes = sorted(p.stat().st_size for p in pages)
        largest = max(pages, key=lambda p: p.stat().st_size).relative_to(project / "site").as_posix()
        site_bytes = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file())
        zip_path = next((project / "dist").glob("*.zip"))
        with zipfile.ZipFile(zip_path) as zf:  # the files offered for download, which the 12 MB predates
            downloads = sum(i.compress_size for i in zf.infolist() if i.filename.split("/")[0] in DOWNLOADS)
        return {
            "factor": factor,
            "pages": len(pages),
            "seconds": seconds,
            "ms_per_page": 1000 * seconds / len(pages),
            "largest_kb": sizes[-1] / 1024,
            "median_kb": statistics.median(sizes) / 1024,
            "site_mb": site_bytes / 1e6,
            "zip_mb": zip_path.stat().st_size / 1e6,
            "zip_pages_mb": (zip_path.stat().st_size - downloads) / 1e6,
            "largest": largest,
            "linker_share": float(linker.group(1)) / seconds if linker else float("nan"),
        }


COLUMNS = (
    ("factor", "content", "{:>5}x"),
    ("pages", "pages", "{:>6}"),
    ("seconds", "build s", "{:>8.1f}"),
    ("ms_per_page", "ms/page", "{:>8.1f}"),
    ("largest_kb", "largest KB", "{:>10.0f}"),
    ("median_kb", "median KB", "{:>9.0f}"),
    ("site_mb", "site MB", "{:>8.1f}"),
    ("zip_mb", "zip MB", "{:>7.1f}"),
    ("zip_pages_mb", "w/o downloads", "{:>13.1f}"),
    ("linker_share", "linker", "{:>7.0%}"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("factors", nargs="*", type=int, default=[1, 10, 100])
    args = parser.parse_args(argv)
    last = {str(r["factor"]): r for r in json.loads(LAST.read_text())} if LAST.is_file() else {}
    print("  ".join(f"{title:>{len(fmt.format(0)) if 'x' not in fmt else 6}}" for _, title, fmt in COLUMNS))
    rows = []
    for factor in args.factors:
        row = measure(factor)
        rows.append(row)
        print("  ".join(fmt.format(row[key]) for key, _, fmt in COLUMNS) + f"   largest: {row['largest']}")
        before = last.get(str(factor))
        if before:
            print("  ".join(fmt.format(before.get(key, float("nan"))) for key, _, fmt in COLUMNS) + "   (previous run)")
        sys.stdout.flush()
    if len(rows) >= 2 and rows[-2]["factor"] > 1:
        print(f"ms/page at {rows[-1]['factor']}x vs {rows[-2]['factor']}x: x{rows[-1]['ms_per_page'] / rows[-2]['ms_per_page']:.2f}")
    LAST.parent.mkdir(exist_ok=True)
    LAST.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
