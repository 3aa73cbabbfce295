"""An analyst's path through the sample corpus, ingested for real, in Chromium on a laptop and a
phone: home → a conflict → both its claims → their passages → the metric chart with the
conflict marked → a speaker's track record → the speaker's claims filtered and exported as
CSV, which opens with the rows the API lists for that filter."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

Page = tuple[Any, Any]  # (playwright Page, Watch) from conftest


def _fits(tab: Any) -> None:
    """Nothing wider than the screen (tables and charts scroll inside their own boxes)."""
    assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1


def _api_ids(base: str, query: str) -> list[int]:
    """Every claim id the API lists for a filter, following its `next` links."""
    ids: list[int] = []
    url: str | None = f"/api/claims?{query}&limit=10"
    while url:
        page = httpx.get(base + url, timeout=10).json()
        ids += [c["id"] for c in page["items"]]
        url = page["next"]
    return ids


def test_analyst_path_from_a_conflict_to_a_csv(
    seeds_server: Any, page: Page, viewport: str, shots: Path
) -> None:
    tab, watch = page
    base = seeds_server.url

    def shot(name: str) -> None:
        _fits(tab)
        tab.screenshot(path=str(shots / f"{viewport}_analyst_{name}.png"), full_page=True)

    # Home: the starkest conflicts, each with a permalink.
    tab.goto(base + "/")
    card = tab.locator("section.home-conflicts li.card").first
    assert card.locator(".badge").first.inner_text().lower() in ("high", "medium", "low")
    shot("1_home")
    card.locator("a[href^='/conflicts/']").first.click()
    tab.wait_for_url(re.compile(r"/conflicts/\d+$"))
    conflict_url = tab.url
    conflict_id = int(conflict_url.rsplit("/", 1)[1])
    assert tab.locator("ul.reasons li").count() >= 1  # why it is a conflict, in words
    sides = tab.locator("ol.sides li.side")
    assert sides.count() >= 2
    claim_paths = [
        sides.nth(i).locator("h2 a").get_attribute("href") or "" for i in range(sides.count())
    ]
    quotes = [sides.nth(i).locator("blockquote mark").inner_text() for i in range(sides.count())]
    speaker_path = sides.first.locator("footer a[href^='/speakers/']").get_attribute("href")
    metric_path = tab.get_by_role("link", name="see it on the metric's chart").get_attribute("href")
    shot("2_conflict")

    # Both claims: each says it is in this conflict, and leads to its passage.
    for n, (path, quote) in enumerate(zip(claim_paths, quotes, strict=True)):
        tab.goto(base + path)
        assert tab.locator("h1 .conflict-badge").is_visible()
        assert tab.locator(f"#conflicts li#conflict{conflict_id}").count() == 1
        assert tab.locator("blockquote.context mark").inner_text() == quote
        if n == 0:
            shot("3_claim")
        tab.get_by_role("link", name="read in the document").click()
        tab.wait_for_url(re.compile(r"/documents/\d+#c\d+$"))
        target = tab.locator(":target")
        assert target.count() == 1
        assert target.evaluate("a => a.firstChild.textContent") == quote
        assert target.is_visible()
        if n == 0:
            tab.screenshot(path=str(shots / f"{viewport}_analyst_4_passage.png"))

    # The metric chart marks both claims as in conflict, and joins them.
    tab.goto(base + (metric_path or ""))
    chart = tab.locator("#chart svg")
    for path in claim_paths:
        claim_id = path.rsplit("/", 1)[1]
        mark = chart.locator(f"a.mark.conflict[data-claim='{claim_id}']")
        assert mark.count() == 1
        assert mark.locator("circle.ring").count() == 1
    assert chart.locator("line.link").count() >= 1
    assert tab.locator(f"#conflicts li#conflict{conflict_id}").count() == 1
    tab.locator("#chart").scroll_into_view_if_needed()
    shot("5_metric")

    # The speaker's track record lists the conflict and their claims.
    tab.goto(base + (speaker_path or ""))
    name = tab.locator("h1").inner_text()
    assert tab.locator(f"#conflicts li#conflict{conflict_id}").count() == 1
    assert tab.locator("#claims table.claims tbody tr").count() >= 1
    shot("6_speaker")

    # Their claims as a table, filtered, then the view as CSV.
    tab.get_by_role("link", name="as a table with filters").click()
    tab.wait_for_url(re.compile(r"/claims\?speaker="))
    shown = int(tab.locator(".view-bar .count").inner_text().split()[0])
    shot("7_table")
    with tab.expect_download() as download:
        tab.locator(".view-bar a.export", has_text="CSV").click()
    saved = shots / f"{viewport}_analyst_claims.csv"
    download.value.save_as(saved)
    with saved.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = _api_ids(base, f"speaker={httpx.QueryParams({'s': name})['s']}")
    assert [int(r["id"]) for r in rows] == expected
    assert len(rows) == shown
    assert {r["speaker"] for r in rows} == {name}
    own = [r for r in rows if "/claims/" + r["id"] in claim_paths]
    assert own, "the speaker's claim in the conflict is among the rows"
    for row in own:
        assert row["quote"] in row["sentence"]
        assert row["document_title"] and row["period_start"] <= row["period_end"]
    assert watch.problems == [] and watch.dialogs == []
    assert tab.evaluate("window.__csp") == []
