"""`/api/agreements` and `/api/commitments` over the example corpus as ingested for real."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    # starlette asks for its httpx fork; the tested client works the same on httpx.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

import communique
from communique.serve.app import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("entries-api") / "x.db")
    communique.ingest([str(EXAMPLES)], db=db, workers=1)
    with TestClient(create_app(db)) as c:
        yield c


def _get(client: TestClient, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_entries_api_lists_agreements_with_their_document(client: TestClient) -> None:
    page = _get(client, "/api/agreements?limit=100")
    assert page["total"] == len(page["items"]) > 5
    first = page["items"][0]
    assert first["links"]["self"] == f"/api/agreements/{first['id']}"
    assert _get(client, first["links"]["self"]) == first
    document = _get(client, first["links"]["document"])
    assert document["text"][first["span"]["start"] : first["span"]["end"]] == first["quote"]


@pytest.mark.parametrize(
    ("query", "field", "expected"),
    [
        ("kind=programme", "kind", {"programme"}),
        ("status=signed", "status", {"signed"}),
        ("party=OSCE", "parties", {("OSCE",)}),
        ("speaker=Vladimir%20Putin", "speaker", {"Vladimir Putin"}),
    ],
)
def test_entries_api_agreement_filters_narrow(
    client: TestClient, query: str, field: str, expected: set[object]
) -> None:
    items = _get(client, f"/api/agreements?{query}")["items"]
    assert items
    assert {tuple(i[field]) if isinstance(i[field], list) else i[field] for i in items} == expected


def test_entries_api_commitment_filters_narrow(client: TestClient) -> None:
    everything = _get(client, "/api/commitments?limit=200")
    assert everything["total"] > 20
    due = _get(client, "/api/commitments?due_after=2025-01-01&due_before=2025-12-31&limit=200")
    assert 0 < due["total"] < everything["total"]
    assert all(
        i["due"]["end"] >= "2025-01-01" and i["due"]["start"] <= "2025-12-31" for i in due["items"]
    )
    kz = _get(client, "/api/commitments?actor=KZ&kind=plan&limit=200")["items"]
    assert kz and all("KZ" in i["actor"] and i["kind"] == "plan" for i in kz)
    one_document = _get(client, f"/api/commitments?document={kz[0]['document_id']}&limit=200")
    assert {i["document_id"] for i in one_document["items"]} == {kz[0]["document_id"]}


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/agreements/999999", 404),
        ("/api/commitments/999999", 404),
        ("/api/agreements?kind=novel", 422),
        ("/api/commitments?due_after=soon", 422),
    ],
)
def test_entries_api_errors_have_the_one_shape(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert set(response.json()["error"]) >= {"code", "message"}


def test_entries_api_threads_and_history_across_statements(client: TestClient) -> None:
    agreements = _get(client, "/api/agreements?kind=programme&limit=100")["items"]
    threads: dict[int, list[dict[str, Any]]] = {}
    for a in agreements:
        threads.setdefault(a["thread"], []).append(a)
    followed = [members for members in threads.values() if len(members) > 1]
    assert followed, "the 2021-2025 programme is named in 2022 and 2024"
    members = _get(client, f"/api/agreements?thread={followed[0][0]['thread']}")["items"]
    assert len({m["document_id"] for m in members}) == 2
    commitments = _get(client, "/api/commitments?limit=200")["items"]
    with_history = [c for c in commitments if c["history"]]
    assert with_history
    for c in with_history:
        assert all(h["document_date"] > c["document_date"] for h in c["history"])
        assert _get(client, c["links"]["self"])["history"] == c["history"]
