"""An analyst's verdict from the browser: the conflict's page takes the write token, a verdict
and a note, and then shows them, as the board does; a wrong token is refused in words; the
verdict can be withdrawn."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

Page = tuple[Any, Any]  # (playwright Page, Watch) from conftest
WRITE_TOKEN = "browser-write-token"  # the token conftest starts the server with
NOTE = "the 2021 figures were revised in 2022"


def test_reviews_from_the_conflict_page(
    review_server: Any, page: Page, viewport: str, shots: Path
) -> None:
    tab, watch = page
    base = review_server.url
    conflict = httpx.get(base + "/api/conflicts?limit=1", timeout=10).json()["items"][0]
    tab.goto(f"{base}/conflicts/{conflict['id']}")
    form = tab.locator("form.review")
    assert form.is_visible()
    form.get_by_label("dismissed").check()
    form.get_by_label("Note").fill(NOTE)
    form.get_by_label("Write token").fill("not-the-token")
    form.get_by_role("button", name="Save verdict").click()
    tab.get_by_text("send Authorization: Bearer <write token>").wait_for()
    watch.problems.clear()  # the 401 was the point

    form.get_by_label("Write token").fill(WRITE_TOKEN)
    with tab.expect_navigation():
        form.get_by_role("button", name="Save verdict").click()
    shown = tab.locator("p.verdict").inner_text()
    assert re.fullmatch(rf"dismissed: {re.escape(NOTE)} \(\d{{4}}-\d\d-\d\d\)", shown), shown
    article = tab.locator("article.conflict-page").get_attribute("class") or ""
    assert "verdict-dismissed" in article
    tab.screenshot(path=str(shots / f"{viewport}_review_saved.png"), full_page=True)
    stored = httpx.get(f"{base}/api/conflicts/{conflict['id']}", timeout=10).json()["review"]
    assert (stored["verdict"], stored["note"]) == ("dismissed", NOTE)
    tab.goto(f"{base}/conflicts?verdict=dismissed")
    assert tab.locator(f"li#conflict{conflict['id']}").count() == 1

    tab.goto(f"{base}/conflicts/{conflict['id']}")  # the token is remembered in this tab
    with tab.expect_navigation():
        tab.get_by_role("button", name="Withdraw verdict").click()
    assert tab.locator("p.verdict").count() == 0
    assert httpx.get(f"{base}/api/conflicts/{conflict['id']}", timeout=10).json()["review"] is None
    assert watch.problems == [] and watch.dialogs == []
    assert tab.evaluate("window.__csp") == []
