"""The HTML report in a real browser: headless Chromium renders each page, on a desktop and
a 390-pixel phone, and prints it to PDF on A4 and Letter.

Marked `browser`: skip them with `-m "not browser"` or `CERTADVISE_NO_BROWSER=1`; without a
Chromium (Debian's `chromium`, or $CERTADVISE_CHROMIUM) or Playwright they skip, saying
why. Screenshots and PDFs are written to `.artifacts/browser/` (git-ignored).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO, Runner
from .pages import SCRIPT, hostile_overlay, page_html

pytestmark = pytest.mark.browser

SKIP = os.environ.get("CERTADVISE_NO_BROWSER")  # read before the fixtures clear CERTADVISE_*
CHROMIUM = os.environ.get("CERTADVISE_CHROMIUM") or next(
    (p for name in ("chromium", "chromium-browser") if (p := shutil.which(name))), None
)
ARTIFACTS = REPO / ".artifacts" / "browser"
PAGES = ["recommend", "path", "compare", "show", "renewals", "recommend-gb", "path-au"]
FLAGS = [  # quiet: no network of its own, no first-run work
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if SKIP:
        pytest.skip("CERTADVISE_NO_BROWSER is set")
    if CHROMIUM is None:
        pytest.skip("no Chromium installed (apt-get install chromium, or set CERTADVISE_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[test]')")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        found = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS
        )
        yield found
        found.close()


class Visit:
    """One page open in the browser, with what it said on its console and what it asked
    for from the network (nothing, for a self-contained page)."""

    def __init__(self, context: Any, html: str, width: int) -> None:
        self.page = context.new_page()
        self.console: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route(
            "**/*", lambda route: (self.requests.append(route.request.url), route.abort())
        )
        self.page.set_viewport_size({"width": width, "height": 900})
        self.page.set_content(html, wait_until="load")

    def js(self, script: str) -> Any:
        return self.page.evaluate(script)

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_page(html: str, width: int = 1000) -> Visit:
        opened.append(Visit(browser, html, width))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()


RENDERED = """() => ({
  tables: [...document.querySelectorAll('table')].map(t => ({
    rows: t.tBodies[0] ? t.tBodies[0].rows.length : 0,
    headers: t.tHead ? t.tHead.rows[0].cells.length : 0,
    shown: t.getBoundingClientRect().height > 0,
  })),
  charts: [...document.querySelectorAll('svg[role=img]')].map(s => ({
    title: s.querySelector(':scope > title')?.textContent || '',
    width: s.getBoundingClientRect().width,
    height: s.getBoundingClientRect().height,
    bars: s.querySelectorAll('rect, path').length,
  })),
  scrollWidth: document.documentElement.scrollWidth,
  viewport: document.documentElement.clientWidth,
})"""


@pytest.mark.parametrize("name", PAGES)
def test_each_page_renders_with_every_table_and_chart(cli: Runner, visit: Any, name: str) -> None:
    html = page_html(cli, name)
    seen = visit(html)
    found = seen.js(RENDERED)
    assert seen.console == [] and seen.requests == []
    assert len(found["tables"]) == html.count("<table") and found["tables"]
    assert all(t["rows"] > 0 and t["headers"] > 0 and t["shown"] for t in found["tables"])
    assert len(found["charts"]) == html.count('role="img"')
    for chart in found["charts"]:
        assert chart["title"] and chart["width"] > 300 and chart["height"] > 40 and chart["bars"]
    assert found["scrollWidth"] <= found["viewport"]
    seen.page.screenshot(path=str(ARTIFACTS / f"{name}-1000.png"), full_page=True)


WIDEST = """() => Math.max(...[...document.body.querySelectorAll('*')]
  .filter(e => !e.closest('.visually-hidden, thead')
               || getComputedStyle(e.closest('.visually-hidden, thead')).clipPath === 'none')
  .map(e => e.getBoundingClientRect().right))"""  # headers hidden for the stacked rows


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scrolling_on_a_390_pixel_phone(cli: Runner, visit: Any, name: str) -> None:
    seen = visit(page_html(cli, name), width=390)
    found = seen.js(RENDERED)
    assert found["viewport"] == 390 and found["scrollWidth"] <= 390, found["scrollWidth"]
    widest = seen.js(WIDEST)
    assert widest <= 390.5  # nothing sticks out, even where overflow is hidden
    for chart in found["charts"]:
        assert chart["width"] <= 390
    seen.page.screenshot(path=str(ARTIFACTS / f"{name}-390.png"), full_page=True)


def flat(text: str) -> str:
    """Text without spaces, ligatures undone: how words compare across a PDF's text layer."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


ROW_ENDS = """() => [...document.querySelectorAll('tbody > tr')].map(tr => [
  tr.cells[0].innerText, tr.cells[tr.cells.length - 1].innerText,
  tr.closest('table').caption ? tr.closest('table').caption.innerText : ''])"""


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("name", ["recommend", "path", "compare", "renewals"])
def test_printing_gives_pages_without_cut_tables(
    cli: Runner, visit: Any, name: str, paper: str
) -> None:
    from pypdf import PdfReader

    seen = visit(page_html(cli, name))
    rows = seen.js(ROW_ENDS)
    pdf = seen.page.pdf(format=paper, print_background=True)
    (ARTIFACTS / f"{name}-{paper}.pdf").write_bytes(pdf)
    pages = [flat(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]
    assert pages and all(pages), "a blank page"
    assert flat("Made by certadvise") in pages[-1]
    for first, last, _ in rows:  # a row starts and ends on the same page
        head, tail = flat(first)[:24], flat(last)[-24:]
        assert any(head in page and tail in page for page in pages), (first, last)
    captions = {caption: first for first, _, caption in reversed(rows) if caption}
    for caption, first in captions.items():  # no caption alone at the foot of a page
        assert any(flat(caption) in p and flat(first)[:24] in p for p in pages), caption


def test_a_long_table_repeats_its_header_on_each_page(cli: Runner, visit: Any) -> None:
    from pypdf import PdfReader

    seen = visit(page_html(cli, "recommend", "--all"))
    pdf = seen.page.pdf(format="A4")
    pages = [flat(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]
    excluded = [i for i, p in enumerate(pages) if flat("Why not") in p]
    assert len(pages) >= 3 and excluded
    rows = seen.js(ROW_ENDS)
    ends = [flat(first + last)[:40] for first, last, cap in rows if cap.startswith("Off the")]
    spread = {i for i, page in enumerate(pages) for row in ends if row in page}
    assert len(spread) >= 2  # the table of what was left out runs over pages
    assert spread <= set(excluded)  # every page holding its rows starts with its header


def test_hostile_text_stays_text_in_the_browser(cli: Runner, visit: Any, tmp_path: Path) -> None:
    folder = hostile_overlay(tmp_path)
    for command in (["recommend", "-g", "athletes", "--all"], ["show", "EVIL-CERT"]):
        html = cli(*command, "--catalog", str(folder), "-f", "html").out
        seen = visit(html)
        assert seen.dialogs == [] and seen.console == [] and seen.requests == []
        assert seen.js("() => document.querySelectorAll('script, img, iframe, b').length") == 0
        text = seen.js("() => document.body.innerText")
        assert SCRIPT in text and "<img src=x onerror=" in text
        assert seen.js("() => document.querySelectorAll('h1').length") == 1
        hrefs = seen.js("() => [...document.links].map(a => a.protocol)")
        assert set(hrefs) <= {"https:", "http:"}
        seen.page.screenshot(path=str(ARTIFACTS / f"hostile-{command[0]}.png"), full_page=True)


def test_the_batch_page_renders_and_reads_on_a_phone(cli: Runner, visit: Any) -> None:
    from .test_batch import COHORT, batch_page

    html = batch_page(cli, COHORT)
    for width in (1000, 390):
        seen = visit(html, width=width)
        found = seen.js(RENDERED)
        assert seen.console == [] and seen.requests == []
        assert len(found["tables"]) == html.count("<table") and found["tables"]
        assert all(t["rows"] > 0 and t["headers"] > 0 and t["shown"] for t in found["tables"])
        assert len(found["charts"]) == html.count('role="img"') and found["charts"]
        assert found["viewport"] == width and found["scrollWidth"] <= width
        assert seen.js(WIDEST) <= width + 0.5
        seen.page.screenshot(path=str(ARTIFACTS / f"batch-{width}.png"), full_page=True)


LABELS = """() => [...document.querySelectorAll('svg[role=img]')].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].map(t => ({
    text: t.textContent, inside: t.getBoundingClientRect().right <= box.right + 0.5}));
})"""


@pytest.mark.parametrize("width", [1000, 390])
def test_a_long_chart_label_keeps_its_converted_amount_in_sight(
    cli: Runner, visit: Any, width: int
) -> None:
    seen = visit(page_html(cli, "recommend-gb"), width=width)
    labels = seen.js(LABELS)
    assert all(label["inside"] for label in labels), [x for x in labels if not x["inside"]]
    assert any(label["text"].endswith("known fees (≈ £63)") for label in labels)
    assert not any("…" in label["text"] for label in labels)
    seen.page.screenshot(path=str(ARTIFACTS / f"recommend-gb-labels-{width}.png"), full_page=True)
