"""Quality gates over a folder of HTML pages, shared by the tests/test_gates_*.py files.

A gate is a function that takes a folder (the unpacked zip, or a small fixture site with seeded
defects) and returns findings (``site_audit.Finding``: page and what is wrong), so the real site and
the fixtures go through the same code.

The browser gates run in one pass: ``survey`` opens every page once in Chromium from file:// and, on
that one visit, records everything the browser, accessibility and print gates assert on:

1. load: console errors, requests outside the folder (``pageprobe.Probe`` aborts http/https/ws), the
   <title>, the h1 elements, and where every navigation entry (``nav.md-nav a``) leads;
2. axe-core with the WCAG 2.0/2.1/2.2 A and AA rules, in a reduced-motion context;
3. keyboard: the first Tab reaches a visible skip link, Enter on it and one more Tab lands in the
   content; then every focusable element shows a focus ring of at least 2px;
4. reflow: at 320 CSS px (400% zoom of a 1280 px window, WCAG 1.4.10) and at 640 CSS px (200% zoom)
   nothing in the page or its content runs off sideways;
5. print (``emulate_media(media="print")``): screen chrome hidden, outside links show their address,
   table rows not cut and table heads repeating, and ``page.pdf()`` makes a PDF.

Zoom is emulated by the layout width: a browser at 200% zoom lays a 1280 px window out 640 CSS px
wide, exactly as a 640 px viewport does (the device pixel ratio changes only how sharp it is drawn).

The survey of a folder is run once per test session and shared through ``pytest``'s stash, however
many test files ask for it.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import time
import zipfile
from collections import defaultdict, deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from conftest import ROOT, copy_fixture, run_mcframe
from mcframe.site_audit import Finding, parse_page
from pageprobe import Probe

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
DESKTOP = {"width": 1280, "height": 800}
REFLOW_WIDTHS = (320, 640)  # 400% and 200% zoom of a 1280 px window
# axe runs at a phone's, a tablet's and a laptop's width, in a window tall enough that the whole
# navigation is in view (Material's sidebar scrolls within the window: entries below its fold would be
# measured cut off, or not at all). Below 1220 px the navigation is a drawer: it is opened and checked too.
AXE_WIDTHS = (320, 768, 1280)
AXE_HEIGHT = 2400
DRAWER_BELOW = 1220
# Screen chrome that must not print: name -> CSS selector.
PRINT_CHROME = {
    "header": ".md-header",
    "search": ".md-search",
    "tabs": ".md-tabs",
    "navigation sidebar": ".md-sidebar--primary",
    "table of contents sidebar": ".md-sidebar--secondary",
    "skip link": ".md-skip",
    "footer navigation": ".md-footer",
    "back-to-top button": ".md-top",
}


# --------------------------------------------------------------------------------------------------
# Findings


def listing(findings: list[Finding], what: str) -> str:
    """An assertion message: how many findings on how many pages, then one line each."""
    pages = sorted({f.file for f in findings})
    lines = "\n".join(f"  {f}" for f in findings[:200])
    more = f"\n  ... and {len(findings) - 200} more" if len(findings) > 200 else ""
    return f"{what}: {len(findings)} finding(s) on {len(pages)} page(s): {', '.join(pages)}\n{lines}{more}"


def pages_with(findings: list[Finding]) -> set[str]:
    return {f.file for f in findings}


def html_pages(folder: Path) -> list[str]:
    """Every .html file in the folder, as a posix path relative to it, sorted."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


# --------------------------------------------------------------------------------------------------
# The one-pass browser survey


@dataclass
class AxeViolation:
    rule: str
    impact: str
    help: str
    nodes: list[tuple[str, str]]  # (CSS selector, failure summary)
    where: str = ""  # the width it was found at, and what was open

    def describe(self) -> str:
        where = "; ".join(f"{target} ({(summary.splitlines() or [''])[-1].strip()})" for target, summary in self.nodes[:3])
        more = f"; and {len(self.nodes) - 3} more" if len(self.nodes) > 3 else ""
        at = f" at {self.where}" if self.where else ""
        return f"axe {self.rule} ({self.impact}){at}: {self.help}: {where}{more}"


@dataclass
class PageReport:
    page: str
    errors: list[str] = field(default_factory=list)  # a check that could not run
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    requests: int = 0
    title: str = ""
    h1: list[str] = field(default_factory=list)
    nav_entries: int = 0
    nav_problems: list[str] = field(default_factory=list)
    skip_problems: list[str] = field(default_factory=list)
    focus_checked: int = 0
    focus_problems: list[str] = field(default_factory=list)
    axe_violations: list[AxeViolation] = field(default_factory=list)
    axe_incomplete: int = 0
    reflow: dict[int, list[str]] = field(default_factory=dict)
    print_chrome: list[str] = field(default_factory=list)
    print_links: int = 0
    print_links_without_address: list[str] = field(default_factory=list)
    print_rows: int = 0
    print_rows_cut: int = 0
    print_heads: int = 0
    print_heads_not_repeated: int = 0
    pdf_bytes: int = 0
    pdf_ok: bool = False


@dataclass
class Survey:
    root: Path
    pages: dict[str, PageReport]
    axe_rules: set[str] = field(default_factory=set)
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def _each(self, fn) -> list[Finding]:
        return [Finding(name, what) for name, report in self.pages.items() for what in fn(report)]

    # Browser gate
    def check_errors(self) -> list[Finding]:
        return self._each(lambda r: [f"could not check: {e}" for e in r.errors])

    def console(self) -> list[Finding]:
        return self._each(lambda r: [f"console error: {m}" for m in r.console_errors])

    def outside(self) -> list[Finding]:
        return self._each(lambda r: [f"requested {u} (outside the folder)" for u in r.outside_requests])

    def structure(self) -> list[Finding]:
        def problems(r: PageReport) -> list[str]:
            out = [] if r.title else ["no <title> (or an empty one)"]
            if len(r.h1) != 1:
                out.append(f"{len(r.h1)} h1 elements, expected exactly one: {r.h1}")
            return out

        return self._each(problems)

    def navigation(self) -> list[Finding]:
        return self._each(lambda r: r.nav_problems)

    # Accessibility gate
    def axe(self) -> list[Finding]:
        return self._each(lambda r: [v.describe() for v in r.axe_violations])

    def skip_link(self) -> list[Finding]:
        return self._each(lambda r: r.skip_problems)

    def focus(self) -> list[Finding]:
        return self._each(lambda r: r.focus_problems)

    def reflow(self, width: int) -> list[Finding]:
        return self._each(lambda r: [f"at {width} px: {p}" for p in r.reflow.get(width, [])])

    # Print gate
    def print_chrome(self) -> list[Finding]:
        return self._each(lambda r: [f"prints the {name}" for name in r.print_chrome])

    def print_links(self) -> list[Finding]:
        return self._each(lambda r: [f"outside link {h} prints without its address" for h in r.print_links_without_address])

    def print_tables(self) -> list[Finding]:
        def problems(r: PageReport) -> list[str]:
            out = [f"{r.print_rows_cut} of {r.print_rows} table rows may be cut across pages"] if r.print_rows_cut else []
            if r.print_heads_not_repeated:
                out.append(f"{r.print_heads_not_repeated} table head(s) do not repeat on each page")
            return out

        return self._each(problems)

    def pdf(self) -> list[Finding]:
        return self._each(lambda r: [] if r.pdf_ok else [f"page.pdf() gave no usable PDF ({r.pdf_bytes} bytes)"])


_PAGE_JS = """() => {
  const here = location.href.split('#')[0];
  const nav = [...document.querySelectorAll('nav.md-nav a[href]')].map(a => {
    const [base, frag] = a.href.split('#');
    const local = base === here && frag ? !!document.getElementById(decodeURIComponent(frag)) : null;
    return {href: a.getAttribute('href'), url: a.href, localTarget: local};
  });
  return {
    title: document.title.trim(),
    h1: [...document.querySelectorAll('h1')].map(h => h.textContent.trim().replace(/\\s+/g, ' ')),
    nav,
  };
}"""

# preload: false: axe would fetch every stylesheet again with XMLHttpRequest, which file:// forbids.
_AXE_RUN_JS = """async ([tags, include]) => {
  const context = include ? {include: [include]} : document;
  const r = await axe.run(context, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], preload: false});
  return {
    rules: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map(x => x.id),
    incomplete: r.incomplete.length,
    violations: r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
      nodes: v.nodes.map(n => [n.target.join(' '), n.failureSummary || ''])})),
  };
}"""

# Every scroll container back at its start, as a reader finds the page. Material scrolls the sidebar
# to the current page's entry; axe-core then measures the entries cut off at the sidebar's top edge
# as undersized targets (target-size), although scrolling shows them whole.
_SCROLL_TO_START_JS = """() => {
  window.scrollTo(0, 0);
  for (const el of document.querySelectorAll('*')) if (el.scrollTop || el.scrollLeft) { el.scrollTop = 0; el.scrollLeft = 0; }
}"""

# What has keyboard focus, and where it is.
_CONTENT_FOCUSABLE_JS = """() => [...document.querySelectorAll('.md-content article :is(a[href], button, input, select, textarea, summary, [tabindex])')]
  .some(el => el.tabIndex >= 0 && el.checkVisibility())"""
_ACTIVE_JS = """(skipHref) => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  let visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  for (let e = el; e && visible; e = e.parentElement) {
    const cs = getComputedStyle(e);
    if (cs.visibility === 'hidden' || Number(cs.opacity) === 0) visible = false;
  }
  let afterTarget = null;
  if (skipHref) {
    const target = document.getElementById(decodeURIComponent(skipHref.replace(/^#/, '')));
    afterTarget = !!target && (target === el || target.contains(el) ||
      !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
  }
  return {
    skip: el.matches('a.md-skip'),
    href: el.getAttribute('href'),
    text: (el.textContent || '').trim().slice(0, 40),
    tag: el.tagName.toLowerCase(),
    visible,
    inChrome: !!el.closest('.md-header, .md-tabs, .md-sidebar, .md-footer'),
    afterTarget,
    hash: location.hash,
  };
}"""

# Every focusable element, focused in turn by script after keyboard use (so :focus-visible applies):
# its outline must be drawn, at least 2px wide and not transparent.
_FOCUS_RING_JS = """() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    [...el.classList].filter(c => c !== 'focus-visible').map(c => '.' + c).join('') +
    (el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '');
  const alpha = color => {
    const parts = (color.match(/rgba?\\(([^)]+)\\)/) || [null, ''])[1].split(/[ ,\\/]+/).filter(Boolean);
    return parts.length > 3 ? Number(parts[3]) : 1;
  };
  const problems = [];
  let checked = 0;
  for (const el of document.querySelectorAll(sel)) {
    if (el.closest('[data-md-component="search"], [inert], [hidden]') || el.disabled) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
    el.focus({preventScroll: true});
    if (document.activeElement !== el) continue;
    checked++;
    const cs = getComputedStyle(el);
    const width = parseFloat(cs.outlineWidth) || 0;
    if (cs.outlineStyle === 'none' || cs.outlineStyle === 'hidden' || width < 2 || alpha(cs.outlineColor) === 0) {
      problems.push(`${describe(el)} has no clear focus ring (outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor})`);
    }
  }
  if (document.activeElement) document.activeElement.blur();
  return {checked, problems};
}"""

# Sideways overflow at the current viewport width: the page itself, then anything in the content that
# runs past the viewport or scrolls sideways (code blocks may scroll: WCAG 1.4.10 excepts them).
_REFLOW_JS = """(width) => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => {
  const problems = [];
  const se = document.scrollingElement;
  if (se.scrollWidth > width) problems.push(`the page scrolls sideways: ${se.scrollWidth} px wide in a ${width} px viewport`);
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    [...el.classList].map(c => '.' + c).join('');
  const content = document.querySelector('.md-content') || document.querySelector('main') || document.body;
  const reported = [];
  for (const el of content.querySelectorAll('*')) {
    if (el.closest('pre, code, svg') || reported.some(r => r.contains(el))) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.position === 'fixed') continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    if (r.right > width + 1) {
      reported.push(el);
      problems.push(`${describe(el)} runs past the viewport to ${Math.round(r.right)} px`);
    } else if (/auto|scroll/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      reported.push(el);
      problems.push(`${describe(el)} scrolls sideways (${el.scrollWidth} px of content in ${el.clientWidth} px)`);
    }
  }
  resolve(problems);
})))"""

_PRINT_JS = """(chrome) => {
  const shown = el => {
    if (!el.getClientRects().length) return false;
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
    }
    return true;
  };
  const visibleChrome = Object.entries(chrome)
    .filter(([, sel]) => [...document.querySelectorAll(sel)].some(shown)).map(([name]) => name);
  const links = [...document.querySelectorAll('.md-content a[href^="http:"], .md-content a[href^="https:"]')].filter(shown);
  const withoutAddress = links.filter(a => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')))
    .map(a => a.getAttribute('href'));
  const rows = [...document.querySelectorAll('.md-content tr')].filter(shown);
  const heads = [...document.querySelectorAll('.md-content thead')].filter(h => h.getClientRects().length);
  return {
    visibleChrome, links: links.length, withoutAddress,
    rows: rows.length, rowsCut: rows.filter(tr => getComputedStyle(tr).breakInside !== 'avoid').length,
    heads: heads.length, headsNotRepeated: heads.filter(h => getComputedStyle(h).display !== 'table-header-group').length,
  };
}"""


def _nav_problem(root: Path, entry: dict) -> str | None:
    """Why a navigation entry does not lead to a file in the folder, or None if it does."""
    href, url = entry["href"], entry["url"]
    if entry["localTarget"] is False:
        return f"nav entry {href} points to an anchor missing on this page"
    parts = urlsplit(url)
    if parts.scheme != "file":
        return f"nav entry {href} leaves the site ({url})"
    target = Path(unquote(parts.path))
    try:
        rel = target.relative_to(root)
    except ValueError:
        return f"nav entry {href} leads outside the folder ({url})"
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"nav entry {href} points to missing {rel.as_posix()}"
    return None


def _timed(survey: Survey, stage: str, report: PageReport, fn) -> None:
    started = time.perf_counter()
    try:
        fn()
    except PlaywrightError as exc:
        report.errors.append(f"{stage}: {str(exc).splitlines()[0]}")
    finally:
        survey.seconds[stage] += time.perf_counter() - started


def survey(browser: Browser, root: Path, pages: list[str] | None = None) -> Survey:
    """Open every page (or the given ones) once and record what every browser gate needs."""
    root = root.resolve()
    result = Survey(root, {})
    started = time.perf_counter()
    probe = Probe.open(browser, root, reduced_motion="reduce", viewport=DESKTOP)
    try:
        page = probe.page()
        page.set_default_timeout(15_000)
        for name in pages if pages is not None else html_pages(root):
            result.pages[name] = _Visit(result, probe, page, name).run()
    finally:
        probe.close()
    result.seconds["total"] = time.perf_counter() - started
    return result


class _Visit:
    """One page, from loading it to printing it."""

    def __init__(self, result: Survey, probe: Probe, page: Page, name: str) -> None:
        self.result, self.probe, self.page, self.name = result, probe, page, name
        self.report = PageReport(name)

    def run(self) -> PageReport:
        probe, report = self.probe, self.report
        console, outside, requests = len(probe.console_errors), len(probe.outside), len(probe.requests)
        _timed(self.result, "load", report, self._load)
        if not report.errors:
            _timed(self.result, "axe", report, self._axe)
            _timed(self.result, "keyboard", report, self._keyboard)
            _timed(self.result, "reflow", report, self._reflow)
            _timed(self.result, "print", report, self._print)
        report.console_errors = probe.console_errors[console:]
        report.outside_requests = probe.outside[outside:]
        report.requests = len(probe.requests) - requests
        return report

    def _load(self) -> None:
        page, report = self.page, self.report
        if page.viewport_size != DESKTOP:
            page.set_viewport_size(DESKTOP)
        self.probe.goto(page, self.name)
        info = page.evaluate(_PAGE_JS)
        report.title, report.h1 = info["title"], info["h1"]
        report.nav_entries = len(info["nav"])
        report.nav_problems = sorted({p for e in info["nav"] if (p := _nav_problem(self.result.root, e))})

    def _axe(self) -> None:
        page = self.page
        page.add_script_tag(path=AXE_JS)
        try:
            for width in AXE_WIDTHS:
                page.set_viewport_size({"width": width, "height": AXE_HEIGHT})
                runs: list[tuple[str, str | None]] = [(f"{width}px", None)]
                if width < DRAWER_BELOW and page.locator("#__drawer").count():
                    runs.append((f"{width}px, navigation drawer open", ".md-sidebar--primary"))
                for label, include in runs:
                    if include:
                        page.evaluate("() => { const d = document.getElementById('__drawer'); d.checked = true; d.dispatchEvent(new Event('change')); }")
                        page.wait_for_timeout(50)
                    page.evaluate(_SCROLL_TO_START_JS)
                    found = page.evaluate(_AXE_RUN_JS, [list(AXE_TAGS), include])
                    self.result.axe_rules.update(found["rules"])
                    self.report.axe_incomplete += found["incomplete"]
                    self.report.axe_violations += [replace(v, where=label) for v in _violations(found)]
                    if include:
                        page.evaluate("() => { const d = document.getElementById('__drawer'); d.checked = false; d.dispatchEvent(new Event('change')); }")
        finally:
            page.set_viewport_size(DESKTOP)

    def _keyboard(self) -> None:
        page, problems = self.page, self.report.skip_problems
        skip = page.locator("a.md-skip")
        href = skip.first.get_attribute("href") if skip.count() else None
        if not href:
            problems.append("no skip link (a.md-skip) to the content")
        page.keyboard.press("Tab")
        first = page.evaluate(_ACTIVE_JS, href)
        if href:
            if not first["skip"]:
                problems.append(f"the first Tab focuses {first['tag']} {first['text']!r}, not the skip link")
            elif not first["visible"]:
                problems.append("the skip link is not visible when it has focus")
            else:
                page.keyboard.press("Enter")
                page.keyboard.press("Tab")
                then = page.evaluate(_ACTIVE_JS, href)
                if then["hash"] != href:
                    problems.append(f"Enter on the skip link did not go to {href} (at {then['hash']!r})")
                # A page whose content has nothing to focus lets Tab move on to the footer.
                focusable = page.evaluate(_CONTENT_FOCUSABLE_JS)
                if (then["inChrome"] or not then["afterTarget"]) and focusable:
                    where = f"{then['tag']} {then['text']!r}"
                    problems.append(f"after the skip link, Tab focuses {where} outside the content")
        rings = page.evaluate(_FOCUS_RING_JS)
        self.report.focus_checked, self.report.focus_problems = rings["checked"], rings["problems"]
        if rings["checked"] == 0:
            self.report.focus_problems.append("no focusable element to check")

    def _reflow(self) -> None:
        for width in REFLOW_WIDTHS:
            self.page.set_viewport_size({"width": width, "height": DESKTOP["height"] * width // DESKTOP["width"]})
            self.report.reflow[width] = self.page.evaluate(_REFLOW_JS, width)
        self.page.set_viewport_size(DESKTOP)

    def _print(self) -> None:
        page, report = self.page, self.report
        page.emulate_media(media="print")
        try:
            found = page.evaluate(_PRINT_JS, PRINT_CHROME)
            report.print_chrome = found["visibleChrome"]
            report.print_links, report.print_links_without_address = found["links"], found["withoutAddress"]
            report.print_rows, report.print_rows_cut = found["rows"], found["rowsCut"]
            report.print_heads, report.print_heads_not_repeated = found["heads"], found["headsNotRepeated"]
            data = page.pdf(format="A4")
            report.pdf_bytes = len(data)
            report.pdf_ok = data.startswith(b"%PDF-") and b"/Type /Page" in data and len(data) > 1000
        finally:
            page.emulate_media(media="screen")


def _violations(found: dict) -> list[AxeViolation]:
    return [AxeViolation(v["id"], v["impact"], v["help"], [tuple(n) for n in v["nodes"]]) for v in found["violations"]]


# --------------------------------------------------------------------------------------------------
# Search


def open_search(page: Page, query: str, key: str = "/") -> None:
    """Keyboard only: the shortcut key focuses the search box, then the query is typed."""
    page.keyboard.press(key)
    page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)


def run_axe(page: Page) -> tuple[list[AxeViolation], set[str]]:
    """axe-core over the page as it is now (for states such as the open search)."""
    page.add_script_tag(path=AXE_JS)
    found = page.evaluate(_AXE_RUN_JS, [list(AXE_TAGS), None])
    return _violations(found), set(found["rules"])


# --------------------------------------------------------------------------------------------------
# Static link gates (no browser)

_DRIVE = re.compile(r"^[a-z]:[\\/]", re.I)


def local_path_references(site: Path) -> list[Finding]:
    """Links and fetches by absolute local path: /x, //x, file:, C:\\x or \\\\server. Each works on
    the machine that built the site and nowhere else."""
    found = []
    for rel in html_pages(site):
        parsed = parse_page(site / rel)
        for ref in parsed.links + parsed.fetches:
            value = ref.strip()
            if (
                value.lower().startswith("file:")
                or _DRIVE.match(value)
                or value.startswith("\\")
                or (value.startswith("/") and not value.startswith("//"))
            ):
                found.append(Finding(rel, f"absolute local path {value}"))
    return sorted(set(found))


def unreachable_pages(site: Path, start: str = "index.html") -> list[Finding]:
    """Pages that no chain of links from the start page reaches."""
    pages = set(html_pages(site))
    seen, queue = {start}, deque([start])
    while queue:
        current = queue.popleft()
        for href in parse_page(site / current).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(current), unquote(parts.path)))
            if (site / target).is_dir():
                target = posixpath.join(target, "index.html")
            if target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    return [Finding(p, f"no link from {start} leads here") for p in sorted(pages - seen)]


# --------------------------------------------------------------------------------------------------
# Fixture sites with seeded defects

# docs/seeded/<name>.md: one defect a page, and a clean page as the control.
SEEDED_PAGES = {
    "clean": """\
# A clean page

The control: no gate finds anything here. It links to [the notes page](../notes.md) and, outside the
site, to [the example domain](https://example.org/).

| Term | Meaning |
|------|---------|
| Mentor | Someone who supports a colleague through a transition |
| Coach | Someone who supports a colleague's specific goals |
""",
    "external-script": """\
# An outside script

<script src="https://example.org/x.js"></script>

This page loads a script from the internet.
""",
    "console-error": """\
# A console error

<script>console.error("boom")</script>

This page logs an error.
""",
    "script-throws": """\
# A script that throws

<script>throw new Error("kaboom")</script>

This page's script throws.
""",
    "two-h1": """\
# The first heading

Some text.

# The second heading

More text.
""",
    "low-contrast": """\
# Faint text

<p style="color:#bbb;background:#fff">This text is too faint to read.</p>
""",
    "no-focus-ring": """\
# No focus ring

<style>.md-typeset a:focus-visible, .md-typeset a.focus-visible { outline: none !important; }</style>

A link to [the notes page](../notes.md) that hides its keyboard focus.
""",
    "too-wide": """\
# Too wide

<div style="width:480px;background:#eee">A box 480 px wide that does not reflow.</div>
""",
    "prints-nav": """\
# Prints its navigation

<style>@media print { .md-sidebar { display: block !important; } }</style>

This page's style brings the navigation sidebar back on paper.
""",
    "broken-anchor": """\
# A broken anchor

<p><a href="../notes.html#nope">The notes page, at an anchor that does not exist</a></p>
""",
    "absolute-path": """\
# Absolute paths

<p><a href="/notes.html">The notes page by an absolute path</a>, and
<a href="file:///tmp/notes.html">by a file URL</a>.</p>
""",
}

# Defects that a hand-written page cannot carry (the theme makes them): written into copies of the
# built clean page. name -> (pattern, replacement), applied once.
MUTATIONS = {
    "no-title": (r"<title>.*?</title>", ""),
    "nav-to-nowhere": (
        r'(<ul class="md-nav__list"[^>]*>)',
        r'\1<li class="md-nav__item"><a href="nowhere.html" class="md-nav__link">Nowhere</a></li>',
    ),
    "no-skip-link": (r'<a href="[^"]*" class="md-skip">.*?</a>', ""),
    "no-print-css": (r'<link rel="stylesheet" href="[^"]*print\.css">', ""),
    "no-a11y-css": (r'<link rel="stylesheet" href="[^"]*a11y\.css">', ""),
}


@dataclass(frozen=True)
class Seeded:
    site: Path  # the fixture's zip, unpacked: only defects written as pages
    mutated: Path  # a copy with the MUTATIONS pages added

    @staticmethod
    def page(name: str) -> str:
        return f"seeded/{name}.html"


def build_seeded(tmp: Path) -> Seeded:
    """The fixture framework plus the SEEDED_PAGES, built with mcframe, zipped and unpacked."""
    project = copy_fixture(tmp / "project")
    # The project's own mkdocs.yml, inherited whole; only its nav gains the seeded pages.
    (project / "mkdocs.yml").rename(project / "base.yml")
    nav = list(yaml_load((project / "base.yml").read_text()).get("nav") or [])
    nav += [{f"Seeded {name}": f"seeded/{name}.md"} for name in SEEDED_PAGES]
    # The seeded pages carry script on purpose (console errors, an outside fetch): trusted here only.
    plugins = ["search", "offline", {"mcframe": {"trusted_pages": ["seeded/*"]}}]
    (project / "mkdocs.yml").write_text("INHERIT: base.yml\n" + yaml.safe_dump({"nav": nav, "plugins": plugins}, sort_keys=False))
    (project / "docs" / "seeded").mkdir()
    for name, text in SEEDED_PAGES.items():
        (project / "docs" / "seeded" / f"{name}.md").write_text(text)
    built = run_mcframe(project, "build")
    assert built.returncode == 0, f"the seeded fixture site did not build:\n{built.stdout}\n{built.stderr}"
    site = tmp / "seeded-site"
    with zipfile.ZipFile(next((project / "dist").glob("*.zip"))) as zf:
        zf.extractall(site)
    mutated = tmp / "mutated-site"
    shutil.copytree(site, mutated)
    clean = (site / Seeded.page("clean")).read_text()
    for name, (pattern, replacement) in MUTATIONS.items():
        text, n = re.subn(pattern, replacement, clean, count=1, flags=re.S)
        assert n == 1, f"mutation {name}: {pattern!r} not found in the built clean page"
        (mutated / Seeded.page(name)).write_text(text)
    return Seeded(site, mutated)


# --------------------------------------------------------------------------------------------------
# Session-wide fixtures (import them into a test module to use them)

_SITE_SURVEY = pytest.StashKey[Survey]()
_SEEDED = pytest.StashKey[Seeded]()
_SEEDED_SURVEY = pytest.StashKey[Survey]()


@pytest.fixture
def site_survey(request: pytest.FixtureRequest, browser: Browser, unpacked: Path) -> Survey:
    """Every page of the unpacked zip, surveyed once per session."""
    stash = request.config.stash
    if _SITE_SURVEY not in stash:
        stash[_SITE_SURVEY] = survey(browser, unpacked)
    return stash[_SITE_SURVEY]


@pytest.fixture
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    """The fixture site with seeded defects, built once per session."""
    stash = request.config.stash
    if _SEEDED not in stash:
        stash[_SEEDED] = build_seeded(tmp_path_factory.mktemp("seeded"))
    return stash[_SEEDED]


@pytest.fixture
def seeded_survey(request: pytest.FixtureRequest, browser: Browser, seeded: Seeded) -> Survey:
    """Every seeded and mutated page (not the real ones around them), surveyed once per session."""
    stash = request.config.stash
    if _SEEDED_SURVEY not in stash:
        pages = [p for p in html_pages(seeded.mutated) if p.startswith("seeded/")]
        stash[_SEEDED_SURVEY] = survey(browser, seeded.mutated, pages)
    return stash[_SEEDED_SURVEY]
