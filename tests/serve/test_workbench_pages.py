"""Conflicts where the analyst looks, and people and metrics as pages, through the ASGI app:
the board's filters and permalinks, claim pages, the home page, metric charts, speakers."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from communique.models import Conflict
from communique.reconcile.canon import describe_metric
from communique.serve.app import create_app
from communique.store.ledger import Ledger


@pytest.fixture(scope="module")
def client(sample_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(sample_db))) as c:
        yield c


def _html(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def _ids(client: TestClient, url: str) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["items"]]


def _involves(conflict: Conflict, test: Any) -> bool:
    return any(test(c) for c in conflict.claims)


@pytest.mark.parametrize(
    ("query", "holds"),
    [
        ("severity=high", lambda k: k.severity.value == "high"),
        ("kind=literal", lambda k: k.kind.value == "literal"),
        ("metric=RU_KZ_TRADE", lambda k: k.metric == "ru_kz_trade"),
        ("speaker=putin", lambda k: _involves(k, lambda c: c.speaker == "Vladimir Putin")),
        ("speaker=mishustin", lambda k: _involves(k, lambda c: c.speaker == "Mikhail Mishustin")),
        ("country=kz", lambda k: _involves(k, lambda c: "KZ" in (c.subject, c.object))),
    ],
)
def test_pages_board_filters_are_the_conflicts_that_hold(
    client: TestClient, sample_ledger: Ledger, query: str, holds: Any
) -> None:
    expected = sorted(k.id or 0 for k in sample_ledger.conflicts() if holds(k))
    assert _ids(client, f"/api/conflicts?{query}") == expected
    page = _html(client, f"/conflicts?{query}")
    shown = sorted(int(i) for i in re.findall(r'<li class="card[^"]*" id="conflict(\d+)"', page))
    assert shown == expected


def test_pages_board_filters_by_document(client: TestClient, sample_ledger: Ledger) -> None:
    conflict = sample_ledger.conflicts()[0]
    doc = sample_ledger.document(conflict.claims[0].source or "")
    assert doc is not None and doc.id is not None
    ids = _ids(client, f"/api/conflicts?document={doc.id}")
    assert conflict.id in ids
    for k in sample_ledger.conflicts():
        assert (k.id in ids) == any(c.source == doc.source for c in k.claims)


def test_pages_each_conflict_has_a_permalink(client: TestClient, sample_ledger: Ledger) -> None:
    for conflict in sample_ledger.conflicts():
        api = client.get(f"/api/conflicts/{conflict.id}").json()
        assert api["explanation"] == conflict.explanation
        page = _html(client, f"/conflicts/{conflict.id}")
        assert str(escape(conflict.explanation)) in page
        for claim in conflict.claims:
            assert f'href="/claims/{claim.id}"' in page
            assert str(escape(claim.quote)) in page  # the passage around it, quote marked
        assert f"/metrics/{conflict.metric}" in page
    assert client.get("/conflicts/987654").status_code == 404
    assert client.get("/api/conflicts/987654").status_code == 404


def test_pages_claim_page_shows_its_conflicts(client: TestClient, sample_ledger: Ledger) -> None:
    conflict = sample_ledger.conflicts()[0]
    claim, other = conflict.claims[0], conflict.claims[1]
    page = _html(client, f"/claims/{claim.id}")
    assert "conflict-badge" in page and "In conflict with" in page
    assert f'href="/conflicts/{conflict.id}"' in page
    assert str(escape(other.quote)) in page  # the conflicting quote, on the claim's own page
    involved = {c.id for k in sample_ledger.conflicts() for c in k.claims}
    quiet = next(c for c in sample_ledger.claims() if c.id not in involved)
    assert "conflict-badge" not in _html(client, f"/claims/{quiet.id}")


def test_pages_home_shows_the_starkest_conflicts(client: TestClient, sample_ledger: Ledger) -> None:
    page = _html(client, "/")
    shown = re.findall(r'id="conflict(\d+)"', page)
    assert shown and len(shown) == min(6, len(sample_ledger.conflicts()))
    severities = re.findall(r'<li class="card severity-(\w+)" id="conflict', page)
    order = {"high": 0, "medium": 1, "low": 2}
    assert [order[s] for s in severities] == sorted(order[s] for s in severities)


def test_pages_metric_chart_marks_its_conflicts(client: TestClient, sample_ledger: Ledger) -> None:
    conflict = next(k for k in sample_ledger.conflicts() if k.metric == "ru_kz_trade")
    page = _html(client, "/metrics/ru_kz_trade")
    marks = re.findall(r'class="mark([^"]*)" data-claim="(\d+)"', page)
    in_conflict = {int(claim_id) for cls, claim_id in marks if "conflict" in cls}
    assert marks and {c.id for c in conflict.claims} <= in_conflict
    assert 'class="link' in page  # the dashed line joining them
    heading = re.search(r"<h1>(.*?)</h1>", page, re.S)
    assert heading is not None and heading.group(1) == describe_metric("ru_kz_trade")


def test_pages_speaker_page_is_a_track_record(client: TestClient, sample_ledger: Ledger) -> None:
    name = "Vladimir Putin"
    page = _html(client, "/speakers/Vladimir%20Putin")
    claims = [c for c in sample_ledger.claims() if c.speaker == name]
    for claim in claims:
        assert f'href="/claims/{claim.id}"' in page
    theirs = [k for k in sample_ledger.conflicts() if any(c.speaker == name for c in k.claims)]
    assert theirs
    for conflict in theirs:
        assert f'id="conflict{conflict.id}"' in page
    assert f"<strong>{len(claims)}</strong> claims" in page
    assert client.get("/speakers/Nobody%20Atall").status_code == 404


def test_pages_speakers_are_listed_with_links(client: TestClient) -> None:
    page = _html(client, "/speakers")
    assert 'href="/speakers/Vladimir%20Putin"' in page


def test_pages_claims_table_sorts_facets_and_exports(client: TestClient) -> None:
    page = _html(client, "/claims?speaker=Vladimir+Putin&sort=-value")
    assert 'aria-sort="descending"' in page
    assert 'href="/api/claims.csv?speaker=Vladimir+Putin&amp;sort=-value"' in page
    assert 'href="/api/claims?speaker=Vladimir+Putin&amp;sort=-value"' in page
    facet = re.search(r"<h3>qualifier</h3>\s*<ul>(.*?)</ul>", page, re.S)
    assert facet is not None and "qualifier=" in facet.group(1)
    chosen = re.search(r'<li class="chosen"><a href="/claims\?([^"]*)"', page)
    assert chosen is not None and "speaker" not in chosen.group(1)  # the link takes it off
