"""Tables like Datasette's, through the API: names in any case or in part, sorting, facets, the
filtered view as CSV, `next` links everywhere, and unknown parameters refused by name."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from communique.present.export import FLAT_CLAIM_FIELDS
from communique.serve.app import create_app
from communique.store.ledger import Ledger


@pytest.fixture(scope="module")
def client(sample_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(sample_db))) as c:
        yield c


def _get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def _all(client: TestClient, url: str) -> list[dict[str, Any]]:
    """Every item of a list, following its `next` links from the first page."""
    items: list[dict[str, Any]] = []
    page = _get(client, url)
    total = page["total"]
    while True:
        items += page["items"]
        if page["next"] is None:
            break
        page = _get(client, page["next"])
        assert page["total"] == total
    assert len(items) == total
    return items


@pytest.mark.parametrize(
    ("typed", "exact"),
    [
        ("putin", "Vladimir Putin"),
        ("PUTIN", "Vladimir Putin"),
        ("tokay", "Kassym-Jomart Tokayev"),
        ("kassym-jomart tokayev", "Kassym-Jomart Tokayev"),
    ],
)
def test_tables_speaker_in_any_case_or_in_part(
    client: TestClient, sample_ledger: Ledger, typed: str, exact: str
) -> None:
    found = _all(client, f"/api/claims?speaker={typed}&limit=7")
    expected = [c.id for c in sample_ledger.claims() if c.speaker == exact]
    assert sorted(c["id"] for c in found) == sorted(expected) and expected


def test_tables_a_whole_metric_key_selects_only_itself(client: TestClient) -> None:
    exact = _all(client, "/api/claims?metric=RU_KZ_TRADE&limit=50")
    assert exact and {c["metric"] for c in exact} == {"ru_kz_trade"}
    partial = _all(client, "/api/claims?metric=kz_trade&limit=50")
    assert {c["metric"] for c in partial} > {"ru_kz_trade"}  # ru_kz_trade_growth too
    assert all("kz_trade" in c["metric"] for c in partial)


def test_tables_a_name_that_matches_nothing_finds_nothing(client: TestClient) -> None:
    assert _get(client, "/api/claims?speaker=nobody-of-that-name")["total"] == 0


@pytest.mark.parametrize("sort", ["value", "-value", "when", "-when", "speaker", "-date", "quote"])
def test_tables_sorted_pages_follow_the_order_and_miss_nothing(
    client: TestClient, sample_ledger: Ledger, sort: str
) -> None:
    rows = _all(client, f"/api/claims?sort={sort}&limit=4")
    assert sorted(r["id"] for r in rows) == sorted(c.id or 0 for c in sample_ledger.claims())
    key = {
        "value": lambda r: r["value"],
        "when": lambda r: (r["period"] or {}).get("end") or r["as_of"],
        "speaker": lambda r: r["speaker"],
        "date": lambda r: r["document_date"],
        "quote": lambda r: r["quote"],
    }[sort.removeprefix("-")]
    keyed = [key(r) for r in rows if key(r) is not None]
    assert keyed == sorted(keyed, reverse=sort.startswith("-"))
    assert all(key(r) is None for r in rows[len(keyed) :])  # the undated last either way


@pytest.mark.parametrize("sort", ["value", "-when", "speaker"])
def test_tables_sorted_keyset_pages_are_the_offset_pages(client: TestClient, sort: str) -> None:
    first = _get(client, f"/api/claims?sort={sort}&limit=5")
    assert "after=" in first["next"]
    by_offset = _get(client, f"/api/claims?sort={sort}&limit=5&offset=5")
    by_keyset = _get(client, first["next"])
    assert [r["id"] for r in by_keyset["items"]] == [r["id"] for r in by_offset["items"]]


def test_tables_sorted_after_a_claim_not_there_still_answers(client: TestClient) -> None:
    assert _get(client, "/api/claims?sort=-date&after=0")["items"]


FACETS = ("speaker", "metric", "country", "modality", "qualifier", "year")


@pytest.mark.parametrize("base", ["", "qualifier=over", "speaker=putin"])
def test_tables_facet_counts_are_the_filtered_counts(client: TestClient, base: str) -> None:
    """Each facet value's count is what filtering the view by that value gives."""
    facets = _get(client, f"/api/claims/facets?{base}")
    assert facets["total"] == _get(client, f"/api/claims?{base}&limit=1")["total"]
    assert {f["facet"] for f in facets["facets"]} == set(FACETS)
    seen = 0
    for facet in facets["facets"]:
        for value in facet["values"]:
            narrowed = _get(client, f"/api/claims?{base}&{facet['facet']}={value['value']}")
            assert narrowed["total"] == value["claims"], (facet["facet"], value)
            seen += 1
    assert seen > 5


def test_tables_facets_can_be_asked_one_by_one(client: TestClient) -> None:
    facets = _get(client, "/api/claims/facets?facet=year&facet=modality")["facets"]
    assert [f["facet"] for f in facets] == ["year", "modality"]
    years = [v["value"] for v in facets[0]["values"]]
    assert years == sorted(years, reverse=True) and all(len(y) == 4 for y in years)


def test_tables_csv_is_exactly_the_filtered_view(client: TestClient) -> None:
    query = "speaker=tokayev&sort=-value"
    response = client.get(f"/api/claims.csv?{query}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    listed = _all(client, f"/api/claims?{query}&limit=3")
    assert [int(r["id"]) for r in rows] == [c["id"] for c in listed]
    assert tuple(rows[0]) == FLAT_CLAIM_FIELDS
    for row, claim in zip(rows, listed, strict=True):
        assert claim["quote"] in row["sentence"]
        assert row["speaker"] == "Kassym-Jomart Tokayev"
        assert row["when"] == claim["when"] and row["literal"] == claim["literal"]
        assert row["document_title"]


def test_tables_csv_of_nothing_still_has_its_header(client: TestClient) -> None:
    text = client.get("/api/claims.csv?speaker=nobody-of-that-name").text
    assert text.splitlines() == [",".join(FLAT_CLAIM_FIELDS)]


def test_tables_suggest_names_as_typed(client: TestClient) -> None:
    speakers = _get(client, "/api/claims/suggest?field=speaker&q=pu")["items"]
    assert [s["value"] for s in speakers] == ["Vladimir Putin"]
    metrics = _get(client, "/api/claims/suggest?field=metric&q=TRADE")["items"]
    assert metrics and all("trade" in m["value"] for m in metrics)
    counts = [m["claims"] for m in metrics]
    assert all(c > 0 for c in counts)


@pytest.mark.parametrize(
    "url",
    [
        "/api/documents?limit=1",
        "/api/metrics?limit=2",
        "/api/search?q=trade&limit=1",
        "/api/speakers?limit=1",
        "/api/agreements?limit=1",
        "/api/commitments?limit=1",
        "/api/claims?limit=5",
        "/api/conflicts?limit=1",
    ],
)
def test_tables_every_list_has_next_links(client: TestClient, url: str) -> None:
    items = _all(client, url)
    key = "document_id" if "search" in url else ("metric" if "metrics" in url else "id")
    key = "speaker" if "speakers" in url else key
    assert len({str(i[key]) for i in items}) == len(items)


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("/api/claims?speakr=putin", ["speakr"]),
        ("/api/claims?limit=2&colour=red&size=9", ["colour", "size"]),
        ("/api/conflicts?severty=high", ["severty"]),
        ("/api/documents?q=x", ["q"]),
        ("/claims?metrc=trade", ["metrc"]),
        ("/conflicts?serverity=high", ["serverity"]),
    ],
)
def test_tables_unknown_parameters_are_refused_by_name(
    client: TestClient, url: str, names: list[str]
) -> None:
    response = client.get(url)
    assert response.status_code == 400
    text = response.text
    for name in names:
        assert repr(name) in text or f"&#39;{name}&#39;" in text
    if url.startswith("/api/"):
        assert response.json()["error"]["code"] == "unknown-parameter"


def test_tables_the_schema_names_every_filter(client: TestClient) -> None:
    schema = _get(client, "/openapi.json")
    claims = {p["name"] for p in schema["paths"]["/api/claims"]["get"]["parameters"]}
    assert {
        "speaker",
        "metric",
        "country",
        "year",
        "qualifier",
        "modality",
        "since",
        "until",
        "document",
        "text",
        "sort",
        "after",
        "limit",
    } <= claims
    csv_view = {p["name"] for p in schema["paths"]["/api/claims.csv"]["get"]["parameters"]}
    assert claims - {"after", "limit", "offset"} <= csv_view  # the CSV of exactly the view
    facets = {p["name"] for p in schema["paths"]["/api/claims/facets"]["get"]["parameters"]}
    assert {"facet", "speaker", "year"} <= facets
    conflicts = {p["name"] for p in schema["paths"]["/api/conflicts"]["get"]["parameters"]}
    assert {
        "kind",
        "severity",
        "metric",
        "speaker",
        "country",
        "document",
        "verdict",
        "unreviewed",
        "after",
    } <= conflicts
    assert "400" in schema["paths"]["/api/claims"]["get"]["responses"]
