"""One number convention everywhere: for every claim of the sample corpus, the interval and the
period that the CLI, the HTML report, the web page, the API and the exports show are the same,
and the numbers are those of the intervals module.

The sample corpus is ingested for real (reader, extractor, reconcile), and each surface is read
as a user gets it: the CLI's JSON and CSV on stdout, the report's HTML file, the web pages and
the API of the real app.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.extract.intervals import literal_interval, ordinary_interval
from communique.models import Claim
from communique.present.figures import LITERAL, ORDINARY
from communique.serve.app import create_app
from communique.store.ledger import Ledger

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
runner = CliRunner()

Shown = dict[str, Any]  # what one surface shows of one claim: texts, and numbers where it has them


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("surfaces") / "ledger.db")
    done = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", path, "-q"])
    assert done.exit_code == 0, done.output
    return path


@pytest.fixture(scope="module")
def claims(db: str) -> dict[int, Claim]:
    with Ledger.open(db) as ledger:
        found = {c.id or 0: c for c in ledger.claims()}
    assert len(found) > 20  # the sample corpus has dozens of figures
    return found


def _cli(*args: str) -> str:
    done = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    return done.stdout


def _num(value: Any) -> float | None:
    return None if value in (None, "") else float(value)


def _from_cli_timelines(db: str) -> dict[int, Shown]:
    out = {}
    for metric in json.loads(_cli("metrics", "--json", "--db", db)):
        if not metric["metric"]:
            continue
        for p in json.loads(_cli("timeline", metric["metric"], "--json", "--db", db)):
            out[p["id"]] = {
                "literal": p["literal"]["text"],
                "ordinary": p["ordinary"]["text"],
                "when": p["when"],
                "period_start": p["period_start"],
                "period_end": p["period_end"],
                "low": _num(p["literal"]["low"]),
                "high": _num(p["literal"]["high"]),
                "ordinary_low": _num(p["ordinary"]["low"]),
                "ordinary_high": _num(p["ordinary"]["high"]),
            }
    return out


def _from_csv_export(db: str) -> dict[int, Shown]:
    rows = csv.DictReader(io.StringIO(_cli("export", "claims", "-f", "csv", "--db", db)))
    return {
        int(r["id"]): {
            "literal": r["literal"],
            "ordinary": r["ordinary"],
            "when": r["when"],
            "period_start": r["period_start"] or None,
            "period_end": r["period_end"] or None,
            **{k: _num(r[k]) for k in ("low", "high", "ordinary_low", "ordinary_high")},
        }
        for r in rows
    }


def _from_jsonl_export(db: str) -> dict[int, Shown]:
    out = {}
    for line in _cli("export", "claims", "--db", db).splitlines():
        r = json.loads(line)
        period = r["period"] or {}
        out[r["id"]] = {
            "when": r["when"],
            "period_start": period.get("start"),
            "period_end": period.get("end"),
            **{k: _num(r[k]) for k in ("low", "high", "ordinary_low", "ordinary_high")},
        }
    return out


def _api_pages(client: TestClient) -> Iterator[dict[str, Any]]:
    url: str | None = "/api/claims?limit=20"
    while url:
        page = client.get(url).json()
        yield from page["items"]
        url = page["next"]


def _from_api(client: TestClient) -> dict[int, Shown]:
    out = {}
    for r in _api_pages(client):
        period = r["period"] or {}
        out[r["id"]] = {
            "literal": r["literal"],
            "ordinary": r["ordinary"],
            "when": r["when"],
            "period_start": period.get("start"),
            "period_end": period.get("end"),
            **{k: _num(r[k]) for k in ("low", "high", "ordinary_low", "ordinary_high")},
        }
    return out


_DD = re.compile(r'<dd class="(literal|ordinary|when)">(.*?)</dd>', re.S)
_PERIOD = re.compile(r'<span class="meta">\((\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)\)</span>')


def _from_web(client: TestClient, ids: list[int]) -> dict[int, Shown]:
    out = {}
    for claim_id in ids:
        page = client.get(f"/claims/{claim_id}")
        assert page.status_code == 200
        cells = dict(_DD.findall(page.text))
        period = _PERIOD.search(cells["when"])
        out[claim_id] = {
            "literal": html.unescape(cells["literal"]),
            "ordinary": html.unescape(cells["ordinary"]),
            "when": html.unescape(_PERIOD.sub("", cells["when"]).strip()),
            "period_start": period[1] if period else None,
            "period_end": period[2] if period else None,
        }
    return out


_MARK = re.compile(r'<mark id="c(\d+)" class="claim[^"]*" title="([^"]*)">')


def _from_report(db: str, folder: Path) -> dict[int, Shown]:
    page = folder / "report.html"
    _cli("report", "--db", db, "--html", str(page))
    out = {}
    for claim_id, title in _MARK.findall(page.read_text(encoding="utf-8")):
        parts = html.unescape(title).split(" · ")
        fields = dict(p.split(": ", 1) for p in parts if p.startswith((LITERAL, ORDINARY)))
        out[int(claim_id)] = {
            "when": parts[2],
            "literal": fields[LITERAL],
            "ordinary": fields[ORDINARY],
        }
    return out


def test_surfaces_show_every_claim_alike(db: str, claims: dict[int, Claim], tmp_path: Path) -> None:
    with TestClient(create_app(db)) as client:
        surfaces = {
            "cli timeline": _from_cli_timelines(db),
            "csv export": _from_csv_export(db),
            "jsonl export": _from_jsonl_export(db),
            "api": _from_api(client),
            "web page": _from_web(client, sorted(claims)),
            "html report": _from_report(db, tmp_path),
        }
    keyed = {c.id for c in claims.values() if c.metric}  # timelines hold the claims with a key
    assert set(surfaces["cli timeline"]) == keyed
    for name in ("csv export", "jsonl export", "api", "web page", "html report"):
        assert set(surfaces[name]) == set(claims), name  # every claim, on every surface
    for claim_id, claim in claims.items():
        literal, ordinary = literal_interval(claim), ordinary_interval(claim)
        numbers = {
            "low": _num(literal.low),
            "high": _num(literal.high),
            "ordinary_low": _num(ordinary.low),
            "ordinary_high": _num(ordinary.high),
        }
        reference = surfaces["api"][claim_id]
        assert {k: reference[k] for k in numbers} == numbers, claim.quote
        for name, shown in surfaces.items():
            if claim_id not in shown:
                continue
            for field, value in shown[claim_id].items():
                assert value == reference[field], (name, field, claim.quote)
