"""Command line: ``python -m mcframe check|build``."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from .authoring import collection_for, write_editor_schemas, write_scaffold
from .editions import write_release
from .language import check_languages, label_report
from .library import Library, load_library
from .lint import lint, summary
from .mkdocs_seam.languages import theme_languages
from .problems import Problem, errors, summarise
from .validation import did_you_mean


def check(project: Path) -> int:
    """Validate everything (drafts included), then lint: errors stop, warnings are summarised."""
    lib, problems = load_library(project / "content", shown_root=project, drafts=True)
    if lib is not None and not errors(problems):
        problems += check_languages(lib.site, lib.site_doc, theme_languages())
    if lib is not None and not errors(problems):
        problems += lint(lib, project / "docs") + words_used(lib, project)
    for p in sorted(errors(problems)):
        print(p, file=sys.stderr)
    for line in summarise(sorted(p for p in problems if p.severity == "warning")):
        print(line, file=sys.stderr)
    bad = errors(problems)
    if bad or lib is None:
        print(f"{len(bad)} error(s) in content; nothing was built.", file=sys.stderr)
        return 1
    print("content OK: " + "; ".join(summary(lib)))
    return 0


def words_used(lib: Library, project: Path) -> list[Problem]:
    """The pages rendered (not the downloads) to learn which labels pages in each language say, and
    warnings for those their language lacks; and whatever stops the pages rendering."""
    from .render import render_site

    _, problems = render_site(lib, None, project / "templates", downloads_too=False)
    return problems + label_report(lib.site, lib.site_doc)


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
    sub.add_parser("schemas", help="write schemas/ and editor settings, for completion and checks while typing YAML")
    sub.add_parser("release", help="record every element's fingerprint for the current edition (content/fingerprints.json)")
    new = sub.add_parser("new", help="start a new element: a valid file with every required field to fill in")
    new.add_argument("collection", help="the collection to add to, by its name in site.yaml (or its kind, where the site has one of that kind)")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if getattr(args, "all_warnings", False):
        os.environ["MCFRAME_ALL_WARNINGS"] = "1"
    if args.command == "check":
        return check(project)
    if args.command in ("schemas", "new", "release"):
        lib, problems = load_library(project / "content", shown_root=project, drafts=True)
        if lib is None:
            return check(project)
        if args.command == "release":
            print(write_release(lib, project / "content").relative_to(project))
            return 0
        if args.command == "schemas":
            for path in write_editor_schemas(project, lib):
                print(path.relative_to(project))
            return 0
        coll = collection_for(lib, args.collection)
        if coll is None:
            names = sorted(lib.collections)
            hint = did_you_mean(args.collection, names)
            print(f"content/site.yaml:1:1: no collection '{args.collection}'{hint} (this site has: {', '.join(names)})", file=sys.stderr)
            return 1
        path, new_id = write_scaffold(project, lib, coll, datetime.date.today())
        print(f"{path.relative_to(project)}: new {coll.decl.label} {new_id}; replace every TO FILL IN")
        return 0
    from .mkdocs_seam.publish import publish  # the build path needs the MkDocs seam; checking does not

    return publish(project, site_dir=args.site_dir, dist_dir=args.dist_dir, drafts=args.drafts)
