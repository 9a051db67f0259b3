"""Browser tests: the app on a real waitress server on loopback, driven by Debian's Chromium.

The server holds the sample papers plus two hostile documents (``HOSTILE_TXT``, ``HOSTILE_HTML``).
Chromium is ``/usr/bin/chromium`` with a new empty profile; Playwright never downloads a browser.
Every page a test opens is checked for Content-Security-Policy violations and for requests to
anything but the loopback server; screenshots go to ``test-artifacts/web/``.
"""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path

import pytest

from ingest.manifest import Manifest
from ingest.pipeline import Ingestor
from ingest.extract import default_extractors
from kg.settings import Settings
from tests.serving import served
from tests.conftest import REPO, SAMPLES

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts" / "web"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
HOSTILE_TXT = "hostile_notes.txt"
HOSTILE_HTML = "hostile_minutes.html"
HOSTILE_TEXT = """Hostile test paper

1.1 This paper says <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> in its text.

1.2 A link to [the report](javascript:window.__pwned=3) and a bare javascript:window.__pwned=4 address.

1.3 An iframe <iframe src="javascript:window.parent.__pwned=5"></iframe> and a style <style>body{display:none}</style>.
"""
HOSTILE_PAGE = """<!doctype html><html><head><title>Hostile minutes</title>
<script>window.__pwned = 6</script></head><body>
<h1>Hostile minutes</h1>
<p>2.1 Members noted the <a href="javascript:window.__pwned=7">linked report</a> and
<img src="x" onerror="window.__pwned=8"> the figures &lt;script&gt;window.__pwned=9&lt;/script&gt;.</p>
<p onclick="window.__pwned=10">2.2 RESOLVED: that the report be noted.</p>
</body></html>
"""
CSP_PROBE = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""




def _papers(folder: Path) -> Path:
    """The sample papers plus the hostile ones, with a manifest that gives a ``javascript:`` source."""
    folder.mkdir(parents=True)
    manifest = json.loads((SAMPLES / "manifest.json").read_text())
    for entry in manifest:
        shutil.copy(SAMPLES / entry["file"], folder / entry["file"])
    (folder / HOSTILE_TXT).write_text(HOSTILE_TEXT)
    (folder / HOSTILE_HTML).write_text(HOSTILE_PAGE)
    manifest.append({"file": HOSTILE_TXT, "council": "Harwick Borough Council", "body": "Hostile <b>Body</b>",
                     "meeting_date": "2025-03-01", "document_type": "report",
                     "title": "Hostile <script>window.__pwned=11</script> paper",
                     "source_url": "javascript:window.__pwned=12"})
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return folder


@pytest.fixture(scope="session")
def site(tmp_path_factory, embedder):
    """Base URL of the app serving the sample and hostile papers on loopback."""
    root = tmp_path_factory.mktemp("web")
    papers = _papers(root / "papers")
    settings = Settings.load({}, data=root / "data")
    ingestor = Ingestor(settings, embedder=embedder, extractors=default_extractors())
    report = ingestor.ingest([papers], Manifest.load(papers / "manifest.json"))
    assert report.ok, report.failed
    with served(settings.data) as base:
        # The first question loads the embedding model; do it here so tests measure pages, not start-up.
        urllib.request.urlopen(base + "/api/search?q=warm+up&k=1", timeout=120).read()
        yield base


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """A Chromium context with a new, empty profile."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (make test does)")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900}, service_workers="block",
        )
        context.add_init_script(CSP_PROBE)
        yield context
        context.close()


class Visit:
    """A page plus what it must not do: violate the CSP, reach off the machine, or run a dialog."""

    def __init__(self, page, base: str) -> None:
        self.page, self.base = page, base
        self.offsite: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.offsite.append(url)
            route.abort()

    def open(self, path: str) -> None:
        """Go to ``path`` on the site and wait for the page to settle."""
        self.page.goto(self.base + path, wait_until="load")

    def shot(self, name: str, full_page: bool = True) -> Path:
        """Save a screenshot under test-artifacts/web/."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def assert_clean(self, allowed: tuple[str, ...] = ()) -> None:
        """No CSP violation (but ``allowed`` ones), no off-machine request, no dialog, no script error."""
        violations = [v for v in self.page.evaluate("window.__csp || []") if v not in allowed]
        assert violations == [], violations
        assert self.offsite == [], self.offsite
        assert self.dialogs == [], self.dialogs
        assert self.errors == [], self.errors


@pytest.fixture()
def visit(site, browser_context):
    """A fresh tab on the site, checked for cleanliness by the test that uses it."""
    page = browser_context.new_page()
    page.set_default_timeout(20_000)
    yield Visit(page, site)
    page.close()
