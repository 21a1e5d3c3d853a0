"""Benchmark of the glossary linker. Prints figures; asserts nothing.

1. Builds a synthetic site (default 1,000 pages of 600 words, 500 terms) with and without the linker
   and prints both build times and their ratio.
   Builds alternate with and without, and the best of each is reported, since other load on the
   machine only ever adds time.
2. Times the linker alone per page at 50, 500 and 5,000 terms, to show its cost stays flat as the
   glossary grows (the matcher is a token trie: cost follows the text, not the number of terms).
"""

from __future__ import annotations

import argparse
import copy
import datetime
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import markdown

from mcframe.glossary.forms import collect_forms
from mcframe.glossary.linker import GlossaryLinker, TermInfo
from mcframe.glossary.matcher import TermMatcher
from mcframe.kinds.term import Term
from mcframe.models import Review, Wording


def make_term(**fields: object) -> Term:
    """A glossary term with the wording and review every element carries."""
    return Term.model_validate(
        {"wording": Wording(kind="editorial"), "review": Review(status="published", date=datetime.date(2026, 1, 1)), **fields}
    )

ROOT = Path(__file__).resolve().parents[1]
COMMON = (  # noqa: SIM905  (one string reads better than a list of 60 words)
    "the of and to in a is that for it as with was on be by this are or at from which not have an "
    "school teacher lesson practice support learning development time staff pupils colleagues plan "
    "review observe discuss evidence goal session classroom programme role network"
).split()
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "zo", "pa", "qu", "xe"]


def term_words(n: int, rng: random.Random) -> list[str]:
    """``n`` distinct made-up headwords, about a third of them two words long."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.33:
            word += " " + "".join(rng.choice(SYLLABLES) for _ in range(3))
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


def make_terms(n: int, rng: random.Random) -> list[Term]:
    return [
        make_term(id=f"t{i}", term=w, definition=f"Definition of {w}.", sources=["curee-2005-national-framework"])
        for i, w in enumerate(term_words(n, rng))
    ]


def page_text(words: int, terms: list[Term], rng: random.Random) -> str:
    paras = []
    left = words
    section = 0
    while left > 0:
        if section % 3 == 0:
            paras.append(f"## Section {section}")
        section += 1
        n = min(left, 60)
        tokens = [rng.choice(terms).term if rng.random() < 0.08 else rng.choice(COMMON) for _ in range(n)]
        paras.append(" ".join(tokens).capitalize() + ".")
        left -= n
    return "\n\n".join(paras)


def make_site(folder: Path, pages: int, words: int, terms: list[Term], rng: random.Random, in_nav: bool = True) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copytree(ROOT / "content", folder / "content", ignore=shutil.ignore_patterns("glossary"))
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    gloss = folder / "content/glossary"
    gloss.mkdir()
    for t in terms:
        (gloss / f"{t.id}.yaml").write_text(
            f"id: {t.id}\nterm: {t.term}\ndefinition: {t.definition}\nsources: [curee-2005-national-framework]\n"
            "wording: {kind: editorial}\nreview: {status: published, date: 2026-01-01}\n"
        )
    bench = folder / "docs/bench"
    bench.mkdir()
    for i in range(pages):
        (bench / f"p{i:04}.md").write_text(f"# Page {i}\n\n{page_text(words, terms, rng)}\n")
    if in_nav:  # as in the real site, every page is in the navigation, in sections of 50
        sections = [
            f"  - Section {k // 50}:\n" + "".join(f"    - bench/p{i:04}.md\n" for i in range(k, min(k + 50, pages)))
            for k in range(0, pages, 50)
        ]
        with (folder / "mkdocs.yml").open("a") as f:
            f.write("nav:\n" + "".join(sections))
    return folder


def timed_build(project: Path, links: str) -> float:
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mcframe").setLevel(logging.ERROR)  # unused-term warnings are noise here
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(
        str(project / "mkdocs.yml"),
        site_dir=str(project / f"site-{links}"),
        plugins={"search": {}, "offline": {}, "mcframe": {"glossary_links": links}},
    )
    started = time.perf_counter()
    build(config)
    return time.perf_counter() - started


def linker_ms_per_page(n_terms: int, pages: int, words: int, rng: random.Random) -> float:
    terms = make_terms(n_terms, rng)
    forms, _, _ = collect_forms(terms)
    infos = {t.id: TermInfo(t.id, t.term, t.definition) for t in terms}
    linker = GlossaryLinker(infos, TermMatcher(forms), "glossary.md", "section")
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables"])
    trees = []
    for _ in range(pages):
        md.reset()
        root = md.parser.parseDocument(page_text(words, terms, rng).split("\n")).getroot()
        for proc in md.treeprocessors:
            proc.run(root) if proc is not None else None
        trees.append(root)
    runs = []
    for _ in range(3):
        fresh = [copy.deepcopy(t) for t in trees]
        started = time.perf_counter()
        for t in fresh:
            linker.link(t, "bench/p.md")
        runs.append((time.perf_counter() - started) * 1000 / pages)
    return min(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--terms", type=int, default=500)
    parser.add_argument("--linker-pages", type=int, default=200, help="pages timed per glossary size")
    parser.add_argument("--seed", type=int, default=2005)
    parser.add_argument("--runs", type=int, default=3, help="builds per configuration; the best is reported")
    parser.add_argument(
        "--layout",
        choices=("both", "nav", "no-nav"),
        default="both",
        help="pages in the navigation (as the real site has them), out of it (the linker's worst case), or both",
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    print(f"linker alone, {args.linker_pages} pages of {args.words} words (best of 3):")
    costs = {}
    for n in (50, 500, 5000):
        costs[n] = linker_ms_per_page(n, args.linker_pages, args.words, random.Random(args.seed))
        print(f"  {n:>5} terms: {costs[n]:.3f} ms/page")
    print(f"  5,000 vs 50 terms: x{costs[5000] / costs[50]:.2f}")

    layouts = {"both": (True, False), "nav": (True,), "no-nav": (False,)}[args.layout]
    for in_nav in layouts:
        with tempfile.TemporaryDirectory() as tmp:
            rng = random.Random(args.seed)
            project = make_site(Path(tmp), args.pages, args.words, make_terms(args.terms, rng), rng, in_nav)
            where = "all in the navigation" if in_nav else "none in the navigation"
            print(f"full build, {args.pages} pages of {args.words} words ({where}), {args.terms} terms, best of {args.runs}:")
            timed_build(project, "off")  # warm-up: imports, template compilation, file cache
            runs: dict[str, list[float]] = {"off": [], "section": []}
            for _ in range(args.runs):  # interleaved, so drifting machine load hits both alike
                for mode in runs:
                    runs[mode].append(timed_build(project, mode))
            off, on = min(runs["off"]), min(runs["section"])
            print(f"  without linker: {off:.2f} s")
            print(f"  with linker:    {on:.2f} s")
            print(f"  ratio: {on / off:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
