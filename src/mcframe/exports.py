"""The exports pages offer as downloads: those kinds bring (a programme's spreadsheet), the whole
framework as one PDF, the poster, and the open data. Each is deterministic, so the offline zip stays
byte-identical across builds of the same content."""

from __future__ import annotations

from collections.abc import Callable

from .kinds import DRAWINGS as PDF_FILES
from .kinds import EXPORTS as KIND_EXPORTS
from .library import Library

# The exports a page may offer as downloads (site.yaml: pages[].downloads[].export): one file, at the
# download's path; or, for a bundle, many files in the download's path as a folder.
EXPORTS: dict[str, Callable[[Library], bytes]] = dict(KIND_EXPORTS)


def _open_data(lib: Library) -> dict[str, bytes]:
    from .opendata import bundle

    return bundle(lib)


BUNDLES: dict[str, Callable[[Library], dict[str, bytes]]] = {"open-data": _open_data}


def drawings(lib: Library) -> dict[str, str]:
    """The drawings of the kinds this site has, by file name, for the PDF and the poster."""
    out: dict[str, str] = {}
    for kind, draw in PDF_FILES.items():
        if any(lib.elements.get(c.name) for c in lib.of_kind(kind)):
            out.update(draw(lib))
    return out


def _poster(lib: Library) -> bytes:
    from .poster import poster_pdf

    return poster_pdf(lib, drawings(lib))


EXPORTS["poster-a3-pdf"] = _poster


def _framework(lib: Library) -> bytes:
    from .citing import references
    from .poster import framework_pdf

    site = lib.site
    citation = references(lib, [("edition", site.title, site.address)])["edition"].apa
    return framework_pdf(lib, drawings(lib), citation)


EXPORTS["framework-pdf"] = _framework
