"""The board by review state, on SQLite and PostgreSQL: an analyst's verdict filters the API and
the web board alike, orders the board (confirmed first, dismissed last), and is shown with its
note on the cards and the conflict's page; the home page leaves dismissed conflicts out."""

from __future__ import annotations

import re
import warnings
from typing import Any

from communique.models import Verdict
from communique.serve.app import create_app
from communique.store.ledger import Ledger

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

NOTE = "one figure is January–October, the other the whole year"


def _ids(client: TestClient, url: str) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["items"]]


def _cards(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<li class="card[^"]*" id="conflict(\d+)"', page)]


def test_board_reviews_filter_order_and_show(
    sample_ledger_anywhere: Ledger, ledger_url: str
) -> None:
    ledger = sample_ledger_anywhere
    first, second = (c.id or 0 for c in ledger.conflicts())  # the most confident first
    ledger.review_conflict(first, Verdict.DISMISSED, note=NOTE)
    ledger.review_conflict(second, Verdict.CONFIRMED)
    with TestClient(create_app(ledger_url)) as client:
        assert _ids(client, "/api/conflicts?verdict=dismissed") == [first]
        assert _ids(client, "/api/conflicts?verdict=confirmed") == [second]
        assert _ids(client, "/api/conflicts?unreviewed=true") == []
        one: Any = client.get("/api/conflicts?verdict=dismissed&limit=1").json()
        assert one["total"] == 1 and one["next"] is None

        board = client.get("/conflicts").text
        assert _cards(board) == [second, first]  # confirmed lead, dismissed close the board
        assert f'class="card severity-high verdict-dismissed" id="conflict{first}"' in board
        assert "January–October, the other the whole year" in board
        assert _cards(client.get("/conflicts?verdict=dismissed").text) == [first]
        assert _cards(client.get("/conflicts?unreviewed=true").text) == []

        page = client.get(f"/conflicts/{first}").text
        assert "<strong>dismissed</strong>: " + NOTE in page
        home = client.get("/").text
        assert _cards(home) == [second]

        ledger.clear_review(first)
        assert _ids(client, "/api/conflicts?unreviewed=true") == [first]
        assert _cards(client.get("/conflicts?unreviewed=true").text) == [first]


def test_board_reviews_form_only_where_writes_are_taken(sample_db: object) -> None:
    reader = TestClient(create_app(str(sample_db)))
    writer = TestClient(create_app(str(sample_db), write_token="t"))
    [first] = _ids(reader, "/api/conflicts?limit=1")
    assert 'form class="review"' not in reader.get(f"/conflicts/{first}").text
    assert f'form class="review" data-conflict="{first}"' in writer.get(f"/conflicts/{first}").text
