"""Real-browser fixtures: built sites served from 127.0.0.1 and Debian's Chromium.

The browser tests never skip: a machine without Chromium or Playwright fails them with the
command that installs what is missing (``-m "not browser"`` deselects them on purpose).
Screenshots go to ``$AIGUIDE_SCREENSHOTS`` or, by default, the session's temporary folder.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from ..conftest import Shared

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

#: ``site(root, **overrides)`` builds a test root once and returns the URL it is served at.
Site = Callable[..., str]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep request lines out of the test output."""


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that drops a connection early (favicon probes) is not a failure."""


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `apt-get update && apt-get "
                    "install -y chromium` (the README's test command does)", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415
    except ImportError:
        pytest.fail('Playwright is missing: run `python -m pip install -e ".[test]"`',
                    pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A folder of built sites and the URL it is served at."""
    folder = tmp_path_factory.mktemp("sites")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site(sites: tuple[Path, str], built: Shared) -> Site:
    """The same builds as the other tests read (without a warning), served by HTTP."""
    folder, url = sites

    def serve(root: str, **overrides: Any) -> str:
        result = built(root, confoverrides=overrides)
        assert result.warnings == ""
        name = result.outdir.parent.parent.name  # the folder the build was made in
        if not (folder / name).exists():
            (folder / name).symlink_to(result.outdir, target_is_directory=True)
        return f"{url}/{name}"

    return serve


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("AIGUIDE_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def axe_violations(page: Page, include: list[str] | None = None) -> str:
    """Run axe-core with the WCAG 2.1 A and AA rules; "" when nothing is violated."""
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415

    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    context = {"include": [[selector] for selector in include]} if include else None
    results = Axe().run(page, context=context, options=options)
    if not results.violations_count:
        return ""
    lines = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']}: {node['target']} {node['failureSummary']}")
    return "\n".join(lines)


def capture(page: Page, path: Path) -> None:
    """A whole-page PNG as a reader sees it: no hover, no focus ring, sticky parts at the top.

    The window is stretched to the page's height instead of using a full-page screenshot,
    which would paint sticky headers and back-to-top buttons halfway down.
    """
    size = page.viewport_size or DESKTOP
    page.mouse.move(size["width"] - 1, size["height"] - 1)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate("window.scrollTo(0, 0)")
    height = page.evaluate("document.scrollingElement.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(height, 4000)})
    page.wait_for_timeout(100)
    page.screenshot(path=path)
    page.set_viewport_size(size)


def overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return int(page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth"))
