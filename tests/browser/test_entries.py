"""The agreements registry and the commitments tracker in Chromium, over the example corpus
ingested for real: click through both, and follow one agreement across two statements."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

Page = tuple[Any, Any]  # (playwright Page, Watch) from conftest


def _fits(tab: Any) -> None:
    """Nothing wider than the screen, on a laptop and a phone."""
    assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1


def _clean(tab: Any, watch: Any) -> None:
    assert tab.evaluate("window.__csp") == []
    assert watch.problems == []
    assert watch.dialogs == []


def test_entries_registry_follows_an_agreement_across_two_statements(
    seeds_server: Any, page: Page, viewport: str, shots: Path
) -> None:
    tab, watch = page
    tab.goto(seeds_server.url + "/")
    tab.get_by_role("navigation", name="Main").get_by_role("link", name="Agreements").click()
    tab.wait_for_url(re.compile(r"/agreements$"))
    assert tab.locator("h1").inner_text() == "Agreements"
    followed = tab.locator("ul.registry li.card").filter(has_text="named in 2 statements")
    assert followed.count() >= 1
    card = followed.first
    assert "programme" in card.locator(".badge").inner_text().lower()
    mentions = card.locator("ol.mentions > li")
    assert mentions.count() == 2
    dates = [mentions.nth(i).locator("a").inner_text() for i in range(2)]
    assert dates == sorted(dates) and dates[0].startswith("2022") and dates[1].startswith("2024")
    assert "until 2025" in mentions.nth(0).inner_text()
    assert "2021–2025" in mentions.nth(1).inner_text()
    _fits(tab)
    tab.screenshot(path=str(shots / f"{viewport}_registry.png"), full_page=True)
    mentions.nth(1).locator("a").click()
    tab.wait_for_url(re.compile(r"/documents/\d+$"))
    assert "Comprehensive Programme of Economic Cooperation" in tab.locator("div.text").inner_text()
    _clean(tab, watch)


def test_entries_registry_filters_by_party(seeds_server: Any, page: Page) -> None:
    tab, watch = page
    tab.goto(seeds_server.url + "/agreements")
    tab.locator("#party").fill("OSCE")
    tab.locator("#party").press("Enter")
    tab.wait_for_url(re.compile(r"/agreements\?party=OSCE"))
    cards = tab.locator("ul.registry li.card")
    assert cards.count() == 1
    assert "OSCE" in cards.first.inner_text()
    _clean(tab, watch)


def test_entries_tracker_sections_and_history(
    seeds_server: Any, page: Page, viewport: str, shots: Path
) -> None:
    tab, watch = page
    tab.goto(seeds_server.url + "/")
    tab.get_by_role("navigation", name="Main").get_by_role("link", name="Commitments").click()
    tab.wait_for_url(re.compile(r"/commitments$"))
    tab.goto(seeds_server.url + "/commitments?today=2025-02-01")
    soon = tab.locator("#due-soon li.card")
    assert soon.count() >= 3
    assert any("Baiterek" in soon.nth(i).inner_text() for i in range(soon.count()))
    overdue = tab.locator("#overdue li.card")
    assert any("tomorrow" in overdue.nth(i).inner_text() for i in range(overdue.count()))
    followed = tab.locator("ol.history > li")
    assert followed.count() >= 1
    status = followed.first.locator(".status").inner_text().lower()
    assert status in ("done", "delayed", "changed", "restated")
    _fits(tab)
    tab.screenshot(path=str(shots / f"{viewport}_tracker.png"), full_page=True)
    followed.first.locator("a").click()
    tab.wait_for_url(re.compile(r"/documents/\d+$"))
    _clean(tab, watch)


def test_entries_api_and_pages_agree(seeds_server: Any) -> None:
    programmes = httpx.get(
        seeds_server.url + "/api/agreements?kind=programme&limit=100", timeout=10
    ).json()["items"]
    threads = {p["thread"] for p in programmes}
    page = httpx.get(seeds_server.url + "/agreements", timeout=10).text
    for thread in threads:
        assert f'id="agreement{thread}"' in page
