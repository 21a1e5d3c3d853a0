"""Command line: ``python -m mcframe [--project DIR] check|build|serve|…``. Every build option is an
option here; none is read from the environment."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from .authoring import collection_for, write_editor_schemas, write_scaffold
from .editions import write_release
from .language import check_languages
from .library import load_library
from .lint import lint, summary
from .mkdocs_seam.languages import theme_languages
from .problems import errors, summarise
from .validation import did_you_mean


def check(project: Path, drafts: bool = False, all_warnings: bool = False) -> int:
    """Everything the build would refuse, found without building (see :mod:`mcframe.checking`), then
    lint over every element, drafts included: errors stop, warnings are summarised."""
    from .checking import check_project
    from .mkdocs_seam.project import check_settings  # the Markdown extensions and plugin options the build uses

    docs_dir, options, pages, problems = check_settings(project)
    lib, found = check_project(project, docs_dir, pages, drafts=drafts, options=options)
    problems += found
    if lib is not None and not errors(problems):
        problems += check_languages(lib.site, lib.site_doc, theme_languages())
    if lib is not None and not errors(problems):
        problems += lint(lib, docs_dir)
    for p in sorted(errors(problems)):
        print(p, file=sys.stderr)
    for line in summarise(sorted(p for p in problems if p.severity == "warning"), all_warnings):
        print(line, file=sys.stderr)
    bad = errors(problems)
    if bad or lib is None:
        print(f"{len(bad)} error(s) in content; nothing was built.", file=sys.stderr)
        return 1
    print("content OK: " + "; ".join(summary(lib)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mcframe", description=__doc__)
    project_help = "the project folder: content/, docs/, optional templates/ and mkdocs.yml (default: here)"
    parser.add_argument("--project", type=Path, default=Path.cwd(), help=project_help)
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=help)
        cmd.add_argument("--project", type=Path, default=argparse.SUPPRESS, help=project_help)  # before or after the command
        return cmd

    check_cmd = command("check", "validate content without building")
    build = command("build", "validate, build site/ and the offline zip under dist/")
    build.add_argument("--site-dir", type=Path, default=None)
    build.add_argument("--dist-dir", type=Path, default=None)
    build.add_argument("--timings", action="store_true", help="print how long the glossary linker took")
    serve = command("serve", "live preview for editors, with drafts shown; rebuilds on changes")
    serve.add_argument("--no-drafts", dest="drafts", action="store_false", help="leave drafts out, as the published build does")
    serve.add_argument("-a", "--dev-addr", default=None, help="IP address and port to serve on (default: localhost:8000)")
    for cmd in (build, check_cmd):
        cmd.add_argument("--drafts", action="store_true", help="an editors' build: show draft elements, marked as drafts")
    for cmd in (build, check_cmd, serve):
        cmd.add_argument("--all-warnings", action="store_true", help="list every warning, not the first few of each kind")
    command("schemas", "write schemas/ and editor settings, for completion and checks while typing YAML")
    command("release", "record every element's fingerprint for the current edition (content/fingerprints.json)")
    new = command("new", "start a new element: a valid file with every required field to fill in")
    new.add_argument("collection", help="the collection to add to, by its name in site.yaml (or its kind, where the site has one of that kind)")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if args.command == "check":
        return check(project, args.drafts, args.all_warnings)
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
    # Building needs the MkDocs seam (checking asks it for the settings only).
    if args.command == "serve":
        from .mkdocs_seam.project import serve as serve_project

        return serve_project(project, drafts=args.drafts, all_warnings=args.all_warnings, dev_addr=args.dev_addr)
    from .mkdocs_seam.publish import publish

    return publish(project, args.site_dir, args.dist_dir, drafts=args.drafts, all_warnings=args.all_warnings, timings=args.timings)
