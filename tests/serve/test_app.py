"""The REST API and pages through the ASGI app: pagination, filters, errors, escaping, headers."""

from __future__ import annotations

import hashlib
import re
import shutil
import warnings
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

with warnings.catch_warnings():
    # starlette 1.x asks for `httpx2` in its test client; httpx 0.28 is what we pin.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

import communique
from communique.models import Claim, Document, Span
from communique.serve.app import CSP, create_app
from communique.store.ledger import ClaimFilter, Ledger

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(sample_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(sample_db))) as c:
        yield c


@pytest.fixture
def writer(sample_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "write.db"
    shutil.copy(sample_db, db)
    with TestClient(create_app(str(db), write_token=TOKEN)) as c:
        yield c


def _page(client: TestClient, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize(
    ("url", "total_of"),
    [
        ("/api/documents", lambda n: n["documents"]),
        ("/api/claims", lambda n: n["claims"]),
        ("/api/conflicts", lambda n: n["conflicts"]),
    ],
)
def test_app_pages_add_up_to_total(
    client: TestClient, sample_ledger: Ledger, url: str, total_of: Any
) -> None:
    total = total_of(sample_ledger.count())
    seen = []
    for offset in range(0, total + 2, 2):
        page = _page(client, f"{url}?limit=2&offset={offset}")
        assert page["total"] == total
        assert (page["limit"], page["offset"]) == (2, offset)
        seen += [item["id"] for item in page["items"]]
    assert len(seen) == total == len(set(seen))


@pytest.mark.parametrize("query", ["metric=ru_kz_trade", "country=KZ", "text=billion"])
@pytest.mark.parametrize("limit", [1, 3, 4])
def test_app_claim_totals_hold_on_every_page(
    client: TestClient, sample_ledger: Ledger, query: str, limit: int
) -> None:
    total = _page(client, f"/api/claims?{query}&limit=500")["total"]
    for offset in range(0, total + limit + 1):
        page = _page(client, f"/api/claims?{query}&limit={limit}&offset={offset}")
        assert page["total"] == total
        assert len(page["items"]) == max(0, min(limit, total - offset))


@pytest.mark.parametrize(
    ("query", "holds"),
    [
        ("metric=ru_kz_trade", lambda c: c["metric"] == "ru_kz_trade"),
        ("speaker=Vladimir%20Putin", lambda c: c["speaker"] == "Vladimir Putin"),
        ("country=kz", lambda c: "KZ" in (c["subject"], c["object"])),
        ("qualifier=over", lambda c: c["qualifier"] == "over"),
        ("modality=plan", lambda c: c["modality"] == "plan"),
        ("document=2", lambda c: c["document_id"] == 2),
        ("unit=percent", lambda c: c["unit"] == "percent"),
        ("text=BILLION", lambda c: "billion" in c["quote"].lower()),
        (
            "since=2024-01-01",
            lambda c: (c["period"] or {}).get("end", c["as_of"] or "") >= "2024-01-01",
        ),
        (
            "until=2021-12-31",
            lambda c: (c["period"] or {}).get("start", c["as_of"] or "9") <= "2021-12-31",
        ),
    ],
)
def test_app_claim_filters_narrow(
    client: TestClient, sample_ledger: Ledger, query: str, holds: Any
) -> None:
    page = _page(client, f"/api/claims?{query}&limit=500")
    assert 0 < page["total"] < sample_ledger.count()["claims"]
    assert len(page["items"]) == page["total"]
    assert all(holds(c) for c in page["items"])


def test_app_claim_links_lead_to_its_document_and_metric(client: TestClient) -> None:
    claim = _page(client, "/api/claims?metric=ru_kz_trade&limit=1")["items"][0]
    one = _page(client, claim["links"]["self"])
    assert one == claim
    doc = _page(client, claim["links"]["document"])
    assert doc["text"][claim["span"]["start"] : claim["span"]["end"]] == claim["quote"]
    metric = _page(client, claim["links"]["metric"])
    assert claim["id"] in [p["claim"]["id"] for p in metric["timeline"]]


def test_app_metric_timeline_is_in_time_order(client: TestClient, sample_ledger: Ledger) -> None:
    metric = _page(client, "/api/metrics/ru_kz_trade")
    moments = [p["when"] for p in metric["timeline"] if p["when"]]
    assert moments == sorted(moments)
    assert metric["claims"] == sample_ledger.count_claims(ClaimFilter(metric="ru_kz_trade"))


def test_app_metrics_most_claimed_first(client: TestClient) -> None:
    counts = [m["claims"] for m in _page(client, "/api/metrics?limit=500")["items"]]
    assert counts == sorted(counts, reverse=True)


def test_app_search_counts_and_marks_hits(client: TestClient) -> None:
    page = _page(client, "/api/search?q=uranium")
    assert page["total"] == len(page["items"]) >= 1
    assert all(re.search(r"\[\[uranium", h["snippet"], re.I) for h in page["items"])


def test_app_speakers_count_turns(client: TestClient, sample_ledger: Ledger) -> None:
    page = _page(client, "/api/speakers")
    assert sum(s["turns"] for s in page["items"]) == sample_ledger.count()["turns"]


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/claims?limit=0", 422, "bad-parameter"),
        ("/api/claims?limit=abc", 422, "bad-parameter"),
        ("/api/claims?offset=-1", 422, "bad-parameter"),
        ("/api/claims?limit=100000", 422, "bad-parameter"),
        ("/api/claims?until=0", 422, "bad-parameter"),
        ("/api/claims?since=yesterday", 422, "bad-parameter"),
        ("/api/claims?qualifier=roughly", 422, "bad-parameter"),
        ("/api/claims?country=Kazakhstan", 422, "bad-parameter"),
        ("/api/claims/999999", 404, "not-found"),
        ("/api/claims/99999999999999999999999", 422, "bad-parameter"),
        ("/api/documents/0", 422, "bad-parameter"),
        ("/api/documents/424242", 404, "not-found"),
        ("/api/metrics/no_such_metric", 404, "not-found"),
        ("/api/search", 422, "bad-parameter"),
        ("/api/nothing-here", 404, "not-found"),
    ],
)
def test_app_errors_have_one_shape(client: TestClient, url: str, status: int, code: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]


@pytest.mark.parametrize("url", ["/claims/999999", "/documents/31337", "/metrics/nope", "/x"])
def test_app_pages_answer_404_in_html(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    "url", ["/", "/documents/1", "/api/claims", "/static/style.css", "/docs", "/api/nothing"]
)
def test_app_sends_security_headers(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    assert headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def _hostile_id(client: TestClient) -> int:
    docs = _page(client, "/api/documents?limit=500")["items"]
    return next(d["id"] for d in docs if d["source"] == "hostile.txt")


@pytest.mark.parametrize(
    ("url", "raw"),
    [
        ("/documents/{id}", "<script>alert(1)</script>"),
        ("/documents/{id}", "<img src=x onerror=alert(2)>"),
        ("/documents/{id}", "<script>alert(3)</script>"),
        ("/", "<b>Bold</b>"),
        ("/", "<script>metric</script>"),
        ("/conflicts", "<b>vs</b>"),
        ("/search?q=billion", "<b>Bold</b>"),
        ("/claims?document={id}", "<script>metric</script>"),
    ],
)
def test_app_escapes_document_text(client: TestClient, url: str, raw: str) -> None:
    body = client.get(url.format(id=_hostile_id(client))).text
    assert raw not in body
    assert str(escape(raw)) in body


def test_app_search_marks_after_escaping(client: TestClient) -> None:
    body = client.get("/search?q=alert").text
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in body


def test_app_docs_page_is_offline(client: TestClient) -> None:
    body = client.get("/docs").text
    assert "/api/claims" in body
    assert not re.search(r"""(src|href)=["']https?://""", body)
    assert "<script>" not in body  # only the packaged external script


def test_app_read_only_without_token(client: TestClient) -> None:
    response = client.post("/api/documents", json={"text": "Trade grew."})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "read-only"


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic czNjcmV0", f"bearer{TOKEN}"])
def test_app_write_needs_the_token(writer: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = writer.post("/api/documents", json={"text": "Trade grew."}, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_app_ingests_json_then_finds_it(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"id": "posted-1", "title": "Posted", "date": "2025-01-02", "text": "Zebrafish talks."}
    first = writer.post("/api/documents", json=body, headers=auth)
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "new"
    doc = first.json()["document"]
    assert (doc["source"], doc["title"], doc["date"]) == ("posted-1", "Posted", "2025-01-02")
    again = writer.post("/api/documents", json=body, headers=auth)
    assert (again.status_code, again.json()["status"]) == (200, "unchanged")
    renamed = writer.post("/api/documents", json={**body, "id": "other-name"}, headers=auth)
    assert (renamed.status_code, renamed.json()["document"]["id"]) == (200, doc["id"])
    stored = _page(writer, doc["links"]["self"])
    assert stored["text"].strip() == "Zebrafish talks."
    assert _page(writer, "/api/search?q=zebrafish")["total"] == 1


def test_app_ingests_plain_text(writer: TestClient) -> None:
    response = writer.post(
        "/api/documents?id=plain-1",
        content=b"Plain statement about wheat.",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["document"]["source"] == "plain-1"


@pytest.mark.parametrize(
    ("content", "kind", "status", "code"),
    [
        (b"{not json", "application/json", 422, "bad-body"),
        (b'{"title": "no text"}', "application/json", 422, "bad-body"),
        (b'{"text": ""}', "application/json", 422, "bad-body"),
        (b'{"text": "x", "extra": 1}', "application/json", 422, "bad-body"),
        (b'{"text": "x", "date": "soon"}', "application/json", 422, "bad-body"),
        (b"\xff\xfe\x00bad", "text/plain", 422, "bad-body"),
        (b"text", "application/pdf", 415, "unsupported-media-type"),
    ],
)
def test_app_rejects_bad_documents(
    writer: TestClient, content: bytes, kind: str, status: int, code: str
) -> None:
    response = writer.post(
        "/api/documents",
        content=content,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": kind},
    )
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/documents",
        "/documents/1",
        "/claims",
        "/claims?qualifier=over&since=2022-01-01&country=",
        "/claims/1",
        "/metrics",
        "/metrics/ru_kz_trade",
        "/conflicts",
        "/search?q=trade",
        "/search",
        "/docs",
    ],
)
def test_app_pages_render(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert '<main id="main"' in response.text
    assert 'href="#main"' in response.text


def test_app_claims_page_rejects_bad_dates(client: TestClient) -> None:
    response = client.get("/claims?since=not-a-date")
    assert response.status_code == 422
    assert "since" in response.text


def test_app_document_page_highlights_every_claim(
    client: TestClient, sample_ledger: Ledger
) -> None:
    doc = sample_ledger.document(2)
    assert doc is not None
    body = client.get("/documents/2").text
    for claim in doc.claims:
        assert f'id="c{claim.id}"' in body
        assert f'href="/claims/{claim.id}"' in body


def test_app_claim_page_links_passage_and_metric(client: TestClient) -> None:
    claim = _page(client, "/api/claims?metric=ru_kz_trade&limit=1")["items"][0]
    body = client.get(f"/claims/{claim['id']}").text
    assert f'href="/documents/{claim["document_id"]}#c{claim["id"]}"' in body
    assert 'href="/metrics/ru_kz_trade"' in body
    assert f"<mark>{claim['quote']}</mark>" in body
    assert date.fromisoformat(claim["document_date"]).isoformat() in body


def test_app_claim_totals_follow_writes_from_elsewhere(writer: TestClient) -> None:
    """The count cache is keyed on the ledger file: another process's write shows at once."""
    before = _page(writer, "/api/claims?country=ZZ")["total"]
    db = writer.app.state.ledger.url.database  # type: ignore[attr-defined]
    text = "Someone: about 7 percent growth."
    start = text.index("about 7 percent")
    with Ledger.open(db) as other:
        other.add_document(
            Document(
                source="elsewhere.txt",
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                text=text,
                claims=(
                    Claim(
                        quote="about 7 percent",
                        value=Decimal(7),
                        unit="percent",
                        subject="ZZ",
                        span=Span(start=start, end=start + len("about 7 percent")),
                    ),
                ),
            )
        )
    assert _page(writer, "/api/claims?country=ZZ")["total"] == before + 1


@pytest.mark.parametrize("query", ["offset=0.0", "limit=1.0", "document=2.0", "offset=%2B-1"])
def test_app_whole_number_parameters_reject_decimals(client: Any, query: str) -> None:
    response = client.get(f"/api/claims?{query}")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "bad-parameter"


@pytest.mark.parametrize(
    ("method", "url", "allow"),
    [
        ("DELETE", "/api/claims", "GET, HEAD"),
        ("POST", "/api/claims/1", "GET, HEAD"),
        ("PUT", "/api/documents", "GET, HEAD, POST"),
        ("DELETE", "/", "GET, HEAD"),
        ("PATCH", "/metrics", "GET, HEAD"),
    ],
)
def test_app_405_names_the_allowed_methods(
    client: TestClient, method: str, url: str, allow: str
) -> None:
    response = client.request(method, url)
    assert response.status_code == 405
    assert response.headers["allow"] == allow


@pytest.mark.parametrize("url", ["/", "/claims", "/api/claims", "/api/claims/1", "/api/metrics"])
def test_app_answers_head_like_get_without_a_body(client: TestClient, url: str) -> None:
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers.get("content-security-policy") == get.headers["content-security-policy"]


def test_app_head_of_a_missing_page_is_404(client: TestClient) -> None:
    assert client.head("/api/claims/999999").status_code == 404


@pytest.mark.parametrize(
    "query", ["", "metric=ru_kz_trade", "country=KZ", "country=KZ&text=billion", "unit=USD"]
)
@pytest.mark.parametrize("limit", [1, 3])
def test_app_claim_next_links_walk_every_claim_once_on_both_databases(
    sample_ledger_anywhere: Ledger, query: str, limit: int
) -> None:
    """Following `next` (keyset: `after` the last id) from the first page visits each match
    once, in order, keeps the filters and total, and ends with null on the last page."""
    ledger = sample_ledger_anywhere
    where = ClaimFilter(
        metric="ru_kz_trade" if "metric" in query else None,
        country="KZ" if "country" in query else None,
        text="billion" if "text" in query else None,
        unit="USD" if "unit" in query else None,
    )
    expected = sorted(c.id or 0 for c in ledger.claims(where))
    assert expected
    with TestClient(create_app(ledger.url.render_as_string(hide_password=False))) as client:
        url: str | None = f"/api/claims?{query}&limit={limit}&offset=0"
        seen: list[int] = []
        while url is not None:
            page = _page(client, url)
            assert page["total"] == len(expected)
            assert len(page["items"]) == limit or page["next"] is None
            seen += [item["id"] for item in page["items"]]
            url = page["next"]
            assert url is None or ("offset" not in url and f"limit={limit}" in url)
    assert seen == expected


def test_app_conflict_next_links_walk_every_conflict_once(client: TestClient) -> None:
    everything = _page(client, "/api/conflicts?limit=500")
    assert everything["next"] is None and everything["total"] >= 2
    url: str | None = "/api/conflicts?limit=1"
    seen: list[int] = []
    while url is not None:
        page = _page(client, url)
        assert page["total"] == everything["total"]
        seen += [item["id"] for item in page["items"]]
        url = page["next"]
    assert seen == [item["id"] for item in everything["items"]]


def test_app_document_says_how_precise_its_date_is(tmp_path: Path) -> None:
    """A statement dated "1995" is stored as 1995-01-01: the API says it is a year."""
    source = tmp_path / "speeches.jsonl"
    source.write_text(
        '{"id": "a", "date": "1995", "text": "We opened 40 schools."}\n'
        '{"id": "b", "date": "1995-09-25", "text": "We opened 41 schools."}\n',
        encoding="utf-8",
    )
    db = tmp_path / "precision.db"
    communique.ingest([str(source)], db=str(db), workers=1)
    with TestClient(create_app(str(db))) as c:
        listed = _page(c, "/api/documents")["items"]
        found = {
            d["source"].rsplit("#", 1)[-1]: _page(c, f"/api/documents/{d['id']}") for d in listed
        }
    assert (found["a"]["date"], found["a"]["date_precision"]) == ("1995-01-01", "year")
    assert (found["b"]["date"], found["b"]["date_precision"]) == ("1995-09-25", "day")


def test_app_review_needs_the_token(client: TestClient, writer: TestClient) -> None:
    [first, *_] = _page(writer, "/api/conflicts")["items"]
    url = f"/api/conflicts/{first['id']}/review"
    assert client.put(url, json={"verdict": "dismissed"}).status_code == 403
    for header in (None, "Bearer wrong"):
        headers = {"Authorization": header} if header else {}
        response = writer.put(url, json={"verdict": "dismissed"}, headers=headers)
        assert response.status_code == 401
    assert _page(writer, url.removesuffix("/review"))["review"] is None


def test_app_review_is_stored_listed_and_withdrawn(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    listed = _page(writer, "/api/conflicts")["items"]
    confidences = [c["confidence"] for c in listed]
    assert confidences == sorted(confidences, reverse=True)  # the most confident first
    target = listed[-1]
    url = f"/api/conflicts/{target['id']}/review"
    done = writer.put(url, json={"verdict": "confirmed", "note": "checked both"}, headers=auth)
    assert done.status_code == 200, done.text
    assert (done.json()["review"]["verdict"], done.json()["review"]["note"]) == (
        "confirmed",
        "checked both",
    )
    assert len(done.json()["review"]["claims"]) == len(target["claims"])
    shown = _page(writer, f"/api/conflicts/{target['id']}")
    assert shown["review"]["verdict"] == "confirmed"
    assert [c["id"] for c in _page(writer, "/api/conflicts?verdict=confirmed")["items"]] == [
        target["id"]
    ]
    assert target["id"] not in [
        c["id"] for c in _page(writer, "/api/conflicts?unreviewed=true")["items"]
    ]
    page = writer.get("/conflicts").text
    assert "confirmed" in page and "checked both" in page
    assert writer.delete(url, headers=auth).status_code == 204
    assert _page(writer, f"/api/conflicts/{target['id']}")["review"] is None
    assert writer.delete(url, headers=auth).status_code == 404
    missing = writer.put(
        "/api/conflicts/999999/review", json={"verdict": "confirmed"}, headers=auth
    )
    assert missing.status_code == 404
    bad = writer.put(url, json={"verdict": "maybe"}, headers=auth)
    assert bad.status_code == 422
