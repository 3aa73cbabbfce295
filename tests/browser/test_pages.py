"""The web UI in Chromium against the real `communique serve`: every page, a click-through,
the keyboard, hostile text, CSP, and screenshots on a laptop and a phone viewport."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

# One worker drives the browser: one Chromium and one server for the whole run.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


Page = tuple[Any, Any]  # (playwright Page, Watch) from conftest
WRITE_TOKEN = "browser-write-token"  # the token conftest starts the server with


def _api(server: Any, path: str) -> Any:
    response = httpx.get(server.url + path, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def _pages(server: Any) -> dict[str, str]:
    """One URL per kind of page, with ids read from the API (never hard-coded)."""
    claim = _api(server, "/api/claims?metric=ru_kz_trade&limit=1")["items"][0]
    hostile = next(
        d for d in _api(server, "/api/documents?limit=500")["items"] if d["source"] == "hostile.txt"
    )
    return {
        "overview": "/",
        "documents": "/documents",
        "document": f"/documents/{claim['document_id']}",
        "hostile": f"/documents/{hostile['id']}",
        "claims": "/claims?metric=ru_kz_trade",
        "claim": f"/claims/{claim['id']}",
        "metrics": "/metrics",
        "metric": "/metrics/ru_kz_trade",
        "conflicts": "/conflicts",
        "search": "/search?q=investment",
        "docs": "/docs",
        "missing": "/documents/987654",
    }


def _clean(tab: Any, watch: Any, *, expect_404: bool = False) -> None:
    violations = tab.evaluate("window.__csp")
    assert violations == [], violations
    problems = [p for p in watch.problems if not (expect_404 and "404" in p)]
    assert problems == [], problems
    assert watch.dialogs == []


def _no_sideways_scroll(tab: Any) -> None:
    """Nothing wider than the screen (tables and the chart scroll inside their own boxes)."""
    wide = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 1


@pytest.mark.parametrize(
    "name",
    [
        "overview",
        "documents",
        "document",
        "hostile",
        "claims",
        "claim",
        "metrics",
        "metric",
        "conflicts",
        "search",
        "docs",
        "missing",
    ],
)
def test_pages_load_clean(server: Any, page: Page, viewport: str, shots: Path, name: str) -> None:
    tab, watch = page
    response = tab.goto(server.url + _pages(server)[name])
    assert response.status == (404 if name == "missing" else 200)
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert tab.locator("h1").first.is_visible()
    _no_sideways_scroll(tab)
    tab.screenshot(path=str(shots / f"{viewport}_{name}.png"), full_page=True)
    _clean(tab, watch, expect_404=name == "missing")


def test_pages_click_through(server: Any, page: Page, viewport: str, shots: Path) -> None:
    tab, watch = page
    tab.goto(server.url + "/")
    tab.get_by_role("link", name=re.compile("Press statements following")).first.click()
    tab.wait_for_url(re.compile(r"/documents/\d+$"))
    claim = tab.locator("a.claim").first
    claim.hover()
    tip = claim.locator(".tip")
    assert tip.is_visible()
    assert re.search(r"billion|%|\d", tip.inner_text())
    tab.screenshot(path=str(shots / f"{viewport}_flow_hover.png"))
    quote = claim.evaluate("a => a.firstChild.textContent")
    claim.click()
    tab.wait_for_url(re.compile(r"/claims/\d+$"))
    assert tab.locator("blockquote mark").inner_text() == quote
    claim_url = tab.url
    tab.locator("dl.fields a[href='/metrics/ru_kz_trade']").click()
    tab.wait_for_url(re.compile(r"/metrics/ru_kz_trade$"))
    marks = tab.locator("svg a.mark")
    assert marks.count() >= 3
    assert tab.locator("svg a.mark path.arrow").count() >= 1  # "over"/"exceeded" hedges
    tab.screenshot(path=str(shots / f"{viewport}_flow_metric.png"), full_page=True)
    tab.locator(f'table a[href="{claim_url.removeprefix(server.url)}"]').first.click()
    tab.wait_for_url(claim_url)
    tab.get_by_role("link", name="read in the document").click()
    assert tab.evaluate("location.hash").startswith("#c")
    assert tab.locator(":target").count() == 1
    tab.goto(server.url + "/conflicts")
    card = tab.locator("li.card").first
    assert card.locator(".badge").inner_text().lower() in ("high", "medium", "low")
    card.locator("ul.sides a").first.click()
    tab.wait_for_url(re.compile(r"/claims/\d+$"))
    box = tab.locator("#q")
    box.fill("uranium")
    box.press("Enter")
    tab.wait_for_url(re.compile(r"/search\?q=uranium"))
    assert tab.locator("ol.hits mark").first.inner_text().lower().startswith("uranium")
    tab.screenshot(path=str(shots / f"{viewport}_flow_search.png"), full_page=True)
    _clean(tab, watch)


def test_pages_keyboard(server: Any, page: Page, viewport: str, shots: Path) -> None:
    tab, watch = page
    doc = _pages(server)["document"]
    tab.goto(server.url + doc)
    tab.keyboard.press("Tab")
    skip = tab.locator("a.skip")
    assert tab.evaluate("document.activeElement.className") == "skip"
    assert skip.is_visible() and skip.bounding_box()["y"] >= 0
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main"
    for _ in range(60):  # tab forward until the first highlighted claim has focus
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.classList.contains('claim')"):
            break
    focused = tab.locator("a.claim:focus")
    assert focused.count() == 1
    assert focused.locator(".tip").is_visible()
    outline = focused.evaluate("a => getComputedStyle(a).outlineStyle")
    assert outline != "none"
    tab.screenshot(path=str(shots / f"{viewport}_keyboard_focus.png"))
    tab.keyboard.press("Escape")
    assert not focused.locator(".tip").is_visible()
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/claims/\d+$"))
    _clean(tab, watch)


def test_pages_show_hostile_text_as_text(server: Any, page: Page) -> None:
    tab, watch = page
    tab.goto(server.url + _pages(server)["hostile"])
    text = tab.locator("div.text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert tab.locator("div.text script, div.text img").count() == 0
    assert "<script>alert(3)</script>" in tab.locator("h1").inner_text()
    _clean(tab, watch)


def test_pages_show_a_posted_document(server: Any, page: Page, viewport: str) -> None:
    tab, watch = page
    text = f"Speaker: Quokka exports reached <b>$3 billion</b> ({viewport})."
    response = httpx.post(
        server.url + "/api/documents",
        json={"id": f"posted-{viewport}", "title": "Quokka <i>news</i>", "text": text},
        headers={"Authorization": f"Bearer {WRITE_TOKEN}"},
        timeout=60,
    )
    assert response.status_code in (200, 201), response.text
    tab.goto(server.url + response.json()["document"]["links"]["html"])
    assert "Quokka <i>news</i>" in tab.locator("h1").inner_text()
    # the reader strips stray tags from statements; what is left never becomes markup
    assert "reached $3 billion" in tab.locator("div.text").inner_text()
    assert tab.locator("div.text b:not(.tip b)").count() == 0
    assert tab.locator("div.text a.claim").count() == 1  # the figure became a claim
    _clean(tab, watch)
