"""The battery's cases for paths and files: everything site.yaml names stays inside the project and
its output, only regular files are read, and docs/ publishes no link (see battery.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from battery import Case, both, mcframe, parametrize, replace, run_case, write

SITE = "content/site.yaml"
ARCHIVE_DOWNLOAD = "path: downloads/cavs-standards.pdf"  # the archive fixture's one download
GLOSSARY_GLOB = "file: glossary/*.yaml"  # the fixture's glob collection
EDITION = 'number: "3"'


def outside(project: Path) -> Path:
    """A place beside the project (in the case's own scratch folder): what no build may touch."""
    return project.parent / "outside"


def site_yaml(old: str, new: Callable[[Path], str]) -> Callable[[Path], None]:
    """Damage: replace ``old`` in site.yaml with a value that names a place beside the project."""
    return lambda project: replace(SITE, old, new(project))(project)


def outside_yaml(project: Path) -> None:
    """Damage: a valid glossary term beside the project, which a glob could reach."""
    outside(project).mkdir(exist_ok=True)
    (outside(project) / "stolen.yaml").write_text("id: stolen\nterm: stolen\ndefinition: Read from outside the project.\n")


def fifo(path: str) -> Callable[[Path], None]:
    """Damage: a named pipe in place of (or beside) a file: reading it would wait for ever."""

    def damage(project: Path) -> None:
        target = project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        os.mkfifo(target)

    return damage


def folder(path: str) -> Callable[[Path], None]:
    return lambda project: (project / path).mkdir(parents=True)


def link(path: str, to: str | Callable[[Path], Path]) -> Callable[[Path], None]:
    """Damage: a symbolic link at ``path`` to ``to`` (as written, or made from the project's path)."""

    def damage(project: Path) -> None:
        target = project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir() and not target.is_symlink():
            for p in sorted(target.rglob("*"), reverse=True):
                p.rmdir() if p.is_dir() else p.unlink()
            target.rmdir()
        else:
            target.unlink(missing_ok=True)
        target.symlink_to(to if isinstance(to, str) else to(project))

    return damage


def victim(project: Path) -> Path:
    """A folder beside the project holding one precious file, for a link to point at."""
    folder = outside(project)
    folder.mkdir(exist_ok=True)
    (folder / "precious.txt").write_text("an editor's own file\n")
    return folder


def make_victim(project: Path) -> None:
    victim(project)


def refused_and_victim_intact(damage: Callable[[Path], None], command: str, expect: str) -> Callable[[Path], None]:
    """A case of its own kind, for damage to the output folders themselves (site/, dist/), where the
    battery's before-and-after comparison of site/ and dist/ cannot hold: the build is refused with
    its place and the folder outside the project that a link pointed at is untouched."""

    def run(project: Path) -> None:
        import re

        folder = victim(project)
        damage(project)
        result = mcframe(project, command, 60)
        output = result.stdout + result.stderr
        assert "Traceback" not in output, output[-3000:]
        assert result.returncode != 0, output[-3000:]
        assert re.search(expect, output), output[-3000:]
        assert sorted(p.name for p in folder.iterdir()) == ["precious.txt"], sorted(folder.iterdir())
        assert (folder / "precious.txt").read_text() == "an editor's own file\n"

    return run


def release_writes_no_link(project: Path) -> None:
    """``release`` left the file a link pointed at alone, and wrote fingerprints.json as a file."""
    assert (outside(project) / "precious.txt").read_text() == "an editor's own file\n"
    written = project / "content/fingerprints.json"
    assert not written.is_symlink() and '"elements"' in written.read_text()


def zip_named(name: str) -> Callable[[Path], None]:
    def check(project: Path) -> None:
        assert (project / "dist" / name).is_file(), sorted(p.name for p in (project / "dist").iterdir())
        assert not list(outside(project).parent.glob("*.zip")), "a zip beside the project"

    return check


def nothing(project: Path) -> None:
    pass


CASES = [
    # site.yaml: every path it names stays inside.
    Case(
        "absolute download path",
        "site.yaml",
        site_yaml(ARCHIVE_DOWNLOAD, lambda p: f"path: {outside(p)}/written.pdf"),
        expect=r"content/site\.yaml:108:39: 'path': '/.*/written\.pdf' starts outside",
        project="archive",
    ),
    Case(
        "../ download path",
        "site.yaml",
        replace(SITE, ARCHIVE_DOWNLOAD, "path: ../../written.pdf"),
        expect=r"content/site\.yaml:108:39: 'path': '\.\./\.\./written\.pdf' goes up out of its folder",
        project="archive",
    ),
    Case(
        "download path with .. in the middle",
        "site.yaml",
        replace(SITE, ARCHIVE_DOWNLOAD, "path: downloads/../../../written.pdf"),
        expect=r"content/site\.yaml:108:39: .*goes up out of its folder",
        project="archive",
    ),
    Case(
        "download path with a backslash",
        "site.yaml",
        replace(SITE, ARCHIVE_DOWNLOAD, r"path: 'downloads\..\..\written.pdf'"),
        expect=r"content/site\.yaml:108:39: .*has a backslash in it",
        project="archive",
    ),
    Case(
        "edition number ../../x",
        "site.yaml",
        replace(SITE, EDITION, 'number: "../../x"'),
        expect=r"content/site\.yaml:12:11: 'number': '\.\./\.\./x' cannot go into a file name",
    ),
    Case(
        "edition number with a folder",
        "site.yaml",
        replace(SITE, EDITION, 'number: "2026/1"'),
        expect=r"content/site\.yaml:12:11: 'number': '2026/1' cannot go into a file name",
    ),
    Case("edition number 2026-1 names the zip", "site.yaml", replace(SITE, EDITION, 'number: "2026-1"'), check=zip_named("workshop-2026-1.zip")),
    Case("edition number 2.1 names the zip", "site.yaml", replace(SITE, EDITION, 'number: "2.1"'), check=zip_named("workshop-2.1.zip")),
    Case(
        "collection glob with ../",
        "site.yaml",
        both(outside_yaml, replace(SITE, GLOSSARY_GLOB, "file: ../../outside/*.yaml")),
        expect=r"content/site\.yaml:60:11: 'file': '\.\./\.\./outside/\*\.yaml' goes up out of its folder",
    ),
    Case(
        "absolute collection glob",
        "site.yaml",
        both(outside_yaml, site_yaml(GLOSSARY_GLOB, lambda p: f"file: {outside(p)}/*.yaml")),
        expect=r"content/site\.yaml:60:11: 'file': '/.*/outside/\*\.yaml' starts outside",
    ),
    Case(
        "collection glob climbing out under **",
        "site.yaml",
        replace(SITE, GLOSSARY_GLOB, "file: glossary/**/../../../*.yaml"),
        expect=r"content/site\.yaml:60:11: .*goes up out of its folder",
    ),
    Case(
        "template path out of templates/",
        "site.yaml",
        replace(SITE, "template: home.md.j2", "template: ../../../etc/passwd"),
        expect=r"content/site\.yaml:69:15: 'template': .*goes up out of its folder",
    ),
    # Held before this round too (kept so that they stay held): page paths and the favicon.
    Case(
        "page path climbing out",
        "site.yaml",
        replace(SITE, "path: notes.md", "path: ../../notes.md"),
        expect=r"content/site\.yaml:\d+:11: '\.\./\.\./notes\.md' does not have the expected form",
    ),
    Case(
        "favicon outside content/",
        "site.yaml",
        replace(SITE, "zip_name:", "favicon: /etc/passwd\nzip_name:"),
        expect=r"content/site\.yaml:14:10: .*'/etc/passwd' .*should be a path inside content/",
    ),
    # The files themselves: only regular files are read.
    Case(
        "named pipe matched by a glob", "files", fifo("content/glossary/pipe.yaml"), expect=r"content/glossary/pipe\.yaml:1:1: this is a named pipe", timeout=30
    ),
    Case("named pipe as a collection's file", "files", fifo("content/rules.yaml"), expect=r"content/rules\.yaml:1:1: this is a named pipe", timeout=30),
    Case("named pipe as site.yaml", "files", fifo(SITE), expect=r"content/site\.yaml:1:1: this is a named pipe", timeout=30),
    Case(
        "folder named like a .yaml file, matched by a glob",
        "files",
        folder("content/glossary/notes.yaml"),
        expect=r"content/glossary/notes\.yaml:1:1: this is a folder, not a file",
    ),
    Case(
        "collection file that is a folder",
        "files",
        both(lambda p: (p / "content/rules.yaml").unlink(), folder("content/rules.yaml")),
        expect=r"content/rules\.yaml:1:1: this is a folder",
    ),
    Case(
        "fingerprints.json a link to /etc/passwd",
        "files",
        link("content/fingerprints.json", "/etc/passwd"),
        expect=r"content/fingerprints\.json:1:1: content files and folders may not be symbolic links",
    ),
    Case(
        "fingerprints.json not JSON",
        "files",
        write("content/fingerprints.json", '{\n "elements": {,}\n'),
        expect=r"content/fingerprints\.json:2:15: not valid JSON",
    ),
    Case(
        "fingerprints.json a named pipe", "files", fifo("content/fingerprints.json"), expect=r"content/fingerprints\.json:1:1: this is a named pipe", timeout=30
    ),
    Case(
        "release through a linked fingerprints.json",
        "files",
        both(make_victim, link("content/fingerprints.json", lambda p: outside(p) / "precious.txt")),
        check=release_writes_no_link,
        command="release",
    ),
    Case(
        "site/ a link to a folder outside",
        "files",
        nothing,
        run=refused_and_victim_intact(link("site", outside), "build", r"site:1:1: the build's folder site/ may not be a symbolic link"),
    ),
    Case(
        "dist/ a link to a folder outside",
        "files",
        nothing,
        run=refused_and_victim_intact(link("dist", outside), "build", r"dist:1:1: the build's folder dist/ may not be a symbolic link"),
    ),
    # docs/: no link, no pipe, before anything is copied into site/ or the zip.
    Case(
        "docs file linked to /etc/passwd",
        "docs/",
        link("docs/passwd.txt", "/etc/passwd"),
        expect=r"docs/passwd\.txt:1:1: files and folders in docs/ may not be symbolic links",
    ),
    Case("docs page linked to /etc/passwd", "docs/", link("docs/passwd.md", "/etc/passwd"), expect=r"docs/passwd\.md:1:1: .*may not be symbolic links"),
    Case("docs folder linked to /etc", "docs/", link("docs/etc", "/etc"), expect=r"docs/etc:1:1: files and folders in docs/ may not be symbolic links"),
    Case(
        "docs file linked to a content file",
        "docs/",
        link("docs/ideas.yaml", "../content/ideas.yaml"),
        expect=r"docs/ideas\.yaml:1:1: .*may not be symbolic links",
    ),
    Case(
        "hand-written page a link within docs/",
        "docs/",
        both(write("docs/kept.md", "# Kept\n"), link("docs/notes.md", "kept.md")),
        expect=r"docs/notes\.md:1:1: .*may not be symbolic links",
    ),
    Case("docs folder linked to its parent (a loop)", "docs/", link("docs/sub/loop", ".."), expect=r"docs/sub/loop:1:1: .*may not be symbolic links"),
    Case("docs link to nothing", "docs/", link("docs/gone.md", "nowhere.md"), expect=r"docs/gone\.md:1:1: .*may not be symbolic links"),
    Case(
        "docs link deep in a folder",
        "docs/",
        link("docs/assets/img/logo.svg", "/etc/hostname"),
        expect=r"docs/assets/img/logo\.svg:1:1: .*may not be symbolic links",
    ),
    Case("named pipe as a docs page", "docs/", fifo("docs/pipe.md"), expect=r"docs/pipe\.md:1:1: this is a named pipe", timeout=30),
    Case("named pipe as a docs asset", "docs/", fifo("docs/assets/style.css"), expect=r"docs/assets/style\.css:1:1: this is a named pipe", timeout=30),
]


@parametrize(CASES)
def test_case(case: Case, tmp_path: Path) -> None:
    run_case(case, tmp_path)
