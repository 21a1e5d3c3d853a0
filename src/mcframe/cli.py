"""Command line: ``python -m mcframe check|build``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .library import load_library
from .problems import errors, summarise


def check(project: Path) -> int:
    lib, problems = load_library(project / "content", shown_root=project, drafts=True)
    for p in sorted(errors(problems)):
        print(p, file=sys.stderr)
    for line in summarise(sorted(p for p in problems if p.severity == "warning")):
        print(line, file=sys.stderr)
    bad = errors(problems)
    if bad or lib is None:
        print(f"{len(bad)} error(s) in content; nothing was built.", file=sys.stderr)
        return 1
    print(f"content OK: {lib.count()} elements")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mcframe", description=__doc__)
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="project folder (default: here)")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="validate content without building")
    build = sub.add_parser("build", help="validate, build site/ and the offline zip under dist/")
    build.add_argument("--site-dir", type=Path, default=None)
    build.add_argument("--dist-dir", type=Path, default=None)
    build.add_argument("--drafts", action="store_true", help="an editors' build: show draft elements, marked as drafts")
    for command in (build, check_cmd):
        command.add_argument("--all-warnings", action="store_true", help="list every warning, not the first few of each kind")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if args.all_warnings:
        os.environ["MCFRAME_ALL_WARNINGS"] = "1"
    if args.command == "check":
        return check(project)
    from .mkdocs_seam.publish import publish  # the build path needs the MkDocs seam; checking does not

    return publish(project, site_dir=args.site_dir, dist_dir=args.dist_dir, drafts=args.drafts)
