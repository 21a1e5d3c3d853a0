"""Opens pages in Chromium while recording every request and console error; blocks the network."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Route

OUTSIDE = ("http:", "https:", "ws:", "wss:", "ftp:")


@dataclass
class Probe:
    """A browser context whose every request is recorded; requests outside ``root`` are aborted."""

    root: Path
    context: BrowserContext
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, browser: Browser, root: Path, **context_args) -> Probe:
        probe = cls(root.resolve(), browser.new_context(**context_args))
        probe.context.on("request", probe._record)
        probe.context.on("websocket", lambda ws: probe.outside.append(ws.url))
        # Playwright routes network requests only (not file://): abort every one of them.
        probe.context.route("**/*", probe._abort_network)
        return probe

    def inside(self, url: str) -> bool:
        if url.startswith(("data:", "blob:", "about:")):
            return True
        return url.startswith("file://") and url.split("?")[0].split("#")[0].startswith(self.root.as_uri())

    def _record(self, request: Request) -> None:
        self.requests.append(request.url)
        if not self.inside(request.url):
            self.outside.append(request.url)

    def _abort_network(self, route: Route, request: Request) -> None:
        if request.url.startswith(OUTSIDE):
            route.abort()
        else:
            route.continue_()

    def page(self) -> Page:
        page = self.context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"pageerror: {exc}"))
        return page

    def _console(self, msg: ConsoleMessage) -> None:
        if msg.type == "error":
            self.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})")

    @classmethod
    def tool(cls, browser: Browser, root: Path, relative: str, **options) -> tuple[Probe, Page]:
        """A page with an offline tool (the board, the self-review) open: its downloads kept and its
        confirmations answered yes, as a person working through it would."""
        probe = cls.open(browser, root, accept_downloads=True, **options)
        page = probe.page()
        page.on("dialog", lambda d: d.accept())
        probe.goto(page, relative)
        return probe, page

    def goto(self, page: Page, relative: str) -> None:
        page.goto((self.root / relative).as_uri())

    def close(self) -> None:
        self.context.close()
