"""Paths stay inside, and only regular files are read.

Every path that content names (a download's place in the site, a collection's files, a template, a
file name made from the edition number) is checked once, where site.yaml is validated, by the types
below: a new path field declared with one of them is checked with no more code. Files are read with
:func:`read_regular`, which never blocks on a named pipe and never follows a link, and a folder of
hand-written pages is checked by :func:`docs_problems` before the site generator copies anything.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from .problems import Problem

_GLOB = re.compile(r"[*?\[\]]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown(value: str) -> str:
    """``value`` as a message may print it: a control character written as its code, not sent to the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def path_problem(value: str, *, glob: bool = False, folder: bool = False) -> str | None:
    """Why ``value`` may not name a place under a folder (the site, content/, templates/): it leaves
    the folder (a leading ``/``, a ``..`` step, a drive), or could mean another place on another
    machine (a backslash), or is no path at all. None: it stays inside, whatever the folder holds.

    ``glob``: wildcards (``*``, ``?``, ``[…]``) are allowed; ``folder``: a closing ``/`` is allowed."""
    if not value:
        return "is empty"
    if _CONTROL.search(value):
        return "has a control character in it"
    if "\\" in value:
        return "has a backslash in it (folders are separated with '/')"
    if value.startswith("/") or value.startswith("~"):
        return f"starts outside, with '{value[0]}'"
    parts = (value.removesuffix("/") if folder else value).split("/")
    if ".." in parts:
        return "goes up out of its folder with '..'"
    if ":" in parts[0]:
        return "names a drive or a protocol"
    if any(part in ("", ".") for part in parts):
        return "has an empty step in it ('//' or '/./')"
    if not glob and _GLOB.search(value):
        return "has a wildcard in it (*, ?, [ or ])"
    return None


def _inside(what: str, example: str, *, glob: bool = False, folder: bool = False) -> AfterValidator:
    def check(value: str) -> str:
        reason = path_problem(value, glob=glob, folder=folder)
        if reason is not None:
            raise PydanticCustomError(
                "inside",
                "'{value}' {reason}; it should be a path inside {what}, like {example}",
                {"value": shown(value), "reason": reason, "what": what, "example": example},
            )
        return value

    return AfterValidator(check)


# A file (or with a closing "/", a folder) in the published site: a download's place.
_SCHEMA = WithJsonSchema({"type": "string", "minLength": 1, "not": {"pattern": r"(^|/)\.\.(/|$)|^[/~\\]|^[A-Za-z]:"}})  # what an editor's schema can say of it

SitePath = Annotated[str, _SCHEMA, _inside("the site", "downloads/framework.pdf", folder=True)]
# A file under content/, or a glob for several: a collection's files.
ContentGlob = Annotated[str, _SCHEMA, _inside("content/", "glossary/*.yaml", glob=True)]
# One file under content/: the favicon.
ContentFile = Annotated[str, _SCHEMA, _inside("content/", "identity/logo.svg")]
# A template, by its path in the project's templates/ folder or the engine's.
TemplateName = Annotated[str, _SCHEMA, _inside("templates/", "concept.md.j2")]

_NAME_PART = re.compile(r"[A-Za-z0-9]+([._+-][A-Za-z0-9]+)*")


def _name_part(value: str) -> str:
    if not _NAME_PART.fullmatch(value) or len(value) > 40:
        raise PydanticCustomError(
            "name_part",
            "'{value}' cannot go into a file name: use letters, digits and single . - _ + between them, at most 40, like 3, 2.1 or 2026-1",
            {"value": shown(value)},
        )
    return value


# Text that goes into a file name, as the edition number goes into the zip's: no "/", no "..", no
# space or hidden-file dot, whatever the file system.
FileNamePart = Annotated[str, AfterValidator(_name_part), WithJsonSchema({"type": "string", "pattern": f"^{_NAME_PART.pattern}$", "maxLength": 40})]


def is_file_name(name: str) -> bool:
    """Whether ``name`` is one plain file name (no folder, not hidden): a last guard where a file is written."""
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".") and not _CONTROL.search(name)


class NotRegular(Exception):
    """A file that may not be read as content, with the reason in an editor's words."""


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, if it is a regular file of at most ``max_bytes``: a named pipe would block
    the build for ever, a device would read for ever, a folder cannot be read, a link may lead outside.

    The file is opened without following a link and without waiting (a pipe opens at once), and what
    was opened is checked, so nothing can be swapped in between a check and the read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise NotRegular(_os_reason(path, exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(_kind_reason(info.st_mode))
        if info.st_size > max_bytes:
            raise NotRegular(f"the file is {info.st_size / 1e6:.1f} MB; content files may be at most {max_bytes / 1e6:.0f} MB")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise NotRegular(f"the file is more than {max_bytes / 1e6:.0f} MB; content files may be at most {max_bytes / 1e6:.0f} MB")
        return data
    except OSError as exc:
        raise NotRegular(_os_reason(path, exc)) from None
    finally:
        os.close(fd)


def _os_reason(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP or path.is_symlink():
        return "content files and folders may not be symbolic links"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "this file cannot be read (permission denied): make it readable"
    if exc.errno == errno.EISDIR:
        return "this is a folder, not a file: rename it, or name files only in site.yaml"
    if exc.errno == errno.ENOENT:
        return "this file has gone (removed while the build read it)"
    return f"this file cannot be read: {exc.strerror or exc}"


def _kind_reason(mode: int) -> str:
    """Why something that is not a regular file is refused, by what it is."""
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file: rename it, or name files only in site.yaml"
    if stat.S_ISFIFO(mode):
        return "this is a named pipe, not a file: only regular files are read"
    if stat.S_ISSOCK(mode):
        return "this is a socket, not a file: only regular files are read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "this is a device, not a file: only regular files are read"
    return "this is not a regular file: only regular files are read"


def docs_problems(docs_dir: Path, shown: str) -> list[Problem]:
    """Everything in the folder of hand-written pages that may not be published: a link (to a file or
    a folder, wherever it points: the site generator would copy what it points at into the site and
    the zip), and anything that is not a regular file or folder (a named pipe would block the build).
    ``shown`` is the folder as messages name it (``docs``). Nothing is followed, nothing is opened."""
    if not docs_dir.is_dir():
        return []
    problems: list[Problem] = []
    for folder, dirs, files in os.walk(docs_dir, onerror=lambda exc: problems.append(_walk_problem(exc, docs_dir, shown))):
        for name in sorted(dirs + files):
            path = Path(folder, name)
            reason = _docs_reason(path, shown)
            if reason is not None:
                problems.append(Problem(f"{shown}/{path.relative_to(docs_dir).as_posix()}", 1, 1, reason))
        dirs.sort()  # os.walk descends into no link: a linked folder is reported above, and not entered
    return problems


def _docs_reason(path: Path, shown: str) -> str | None:
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return f"cannot be looked at: {exc.strerror or exc}"
    if stat.S_ISLNK(mode):
        return f"files and folders in {shown}/ may not be symbolic links: copy the file in instead"
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        return _kind_reason(mode)
    if not os.access(path, os.R_OK):
        return "this file cannot be read (permission denied): make it readable"
    return None


def _walk_problem(exc: OSError, docs_dir: Path, shown: str) -> Problem:
    where = Path(exc.filename) if exc.filename else docs_dir
    rel = where.relative_to(docs_dir).as_posix() if where.is_relative_to(docs_dir) and where != docs_dir else ""
    return Problem(f"{shown}/{rel}" if rel else shown, 1, 1, f"this folder cannot be read: {exc.strerror or exc}")
