"""Full-page screenshots of one page per template (the first page each template makes), at 390 and
1280 px wide by default, from the built site/ opened as files. Prints where each went."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from mcframe.library import load_library
from mcframe.render import render_site

ROOT = Path(__file__).resolve().parents[1]


def one_page_per_template(project: Path) -> list[str]:
    lib, _ = load_library(project / "content", shown_root=project)
    assert lib is not None, "content has errors: run scripts/check"
    rendered, _ = render_site(lib, None, project / "templates")
    assert rendered is not None
    seen: dict[str, str] = {}
    for decl in rendered.routes.pages:
        key = decl.template or decl.path
        if key not in seen:
            seen[key] = rendered.routes.element_page(lib.elements[decl.shows][0]) if decl.shows else decl.path
    return [p.removesuffix(".md") + ".html" for p in seen.values()]


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "screenshots"
    widths = [int(w) for w in argv[1:]] or [390, 1280]
    out.mkdir(parents=True, exist_ok=True)
    site = ROOT / "site"
    pages = one_page_per_template(ROOT)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("MCFRAME_CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name in pages:
                page.goto((site / name).as_uri())
                target = out / f"{width}-{name.replace('/', '_').removesuffix('.html')}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
