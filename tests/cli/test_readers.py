"""The reading commands: --json for timeline, metrics and search; export filtered as the web's
tables filter; and none of them creates a ledger that is not there."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.present.export import FLAT_CLAIM_FIELDS

runner = CliRunner()


@pytest.mark.parametrize(
    "args",
    [
        ["report"],
        ["metrics"],
        ["timeline", "trade"],
        ["search", "trade"],
        ["export", "claims"],
        ["conflicts", "list"],
        ["conflicts", "show", "1"],
        ["conflicts", "dismiss", "1"],
        ["runs"],
    ],
)
def test_readers_refuse_a_missing_ledger_and_create_none(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, [*args, "--db", str(missing)])
    assert result.exit_code == 1, result.output
    assert "no-ledger" in result.output
    assert not missing.exists()


def test_readers_metrics_json_lists_each_metric(db: str) -> None:
    result = runner.invoke(app, ["metrics", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    [metric] = json.loads(result.output)
    assert metric["metric"] == "trade:KZ-RU"
    assert metric["claims"] == 2
    assert metric["units"] == ["USD"]
    assert (metric["first"], metric["last"]) == ("2021-12-31", "2021-12-31")


def test_readers_timeline_json_carries_both_intervals(db: str) -> None:
    result = runner.invoke(app, ["timeline", "trade:KZ-RU", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    points = json.loads(result.output)
    hedged = next(p for p in points if p["qualifier"] == "over")
    assert hedged["ordinary"]["text"] == "$21 bn – $24.15 bn"
    assert hedged["literal"]["text"] == "$21 bn or more"


@pytest.mark.parametrize(("query", "hits"), [("trade", 2), ("exceeded", 1), ("wheat", 0)])
def test_readers_search_json_lists_the_hits(db: str, query: str, hits: int) -> None:
    result = runner.invoke(app, ["search", query, "--json", "--db", db])
    assert result.exit_code == (0 if hits else 1), result.output
    found = json.loads(result.output)
    assert len(found) == hits
    assert all("[[" in h["snippet"] and h["source"].endswith(".txt") for h in found)


@pytest.mark.parametrize(
    ("options", "speakers"),
    [
        ([], ["Vladimir Putin", "Kassym-Jomart Tokayev"]),
        (["--speaker", "putin"], ["Vladimir Putin"]),  # part of the name, any case
        (["--metric", "TRADE"], ["Vladimir Putin", "Kassym-Jomart Tokayev"]),
        (["--since", "2021-06-01"], ["Vladimir Putin", "Kassym-Jomart Tokayev"]),
        (["--since", "2022-01-01"], []),  # the claims are about 2021
        (["--until", "2020-12-31"], []),
        (["--speaker", "nobody"], []),
    ],
)
def test_readers_export_claims_flat_csv_filtered(
    db: str, options: list[str], speakers: list[str]
) -> None:
    result = runner.invoke(app, ["export", "claims", "-f", "csv", *options, "--db", db])
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.output))
    assert tuple(reader.fieldnames or ()) == FLAT_CLAIM_FIELDS  # the header even when empty
    rows = list(reader)
    assert [r["speaker"] for r in rows] == speakers
    for row in rows:
        assert row["period_start"] == "2021-01-01" and row["period_end"] == "2021-12-31"
        assert row["quote"] in row["sentence"]


@pytest.mark.parametrize(
    ("options", "n"), [([], 1), (["--speaker", "tokayev"], 1), (["--since", "2022-01-01"], 0)]
)
def test_readers_export_conflicts_filtered(db: str, options: list[str], n: int) -> None:
    result = runner.invoke(app, ["export", "conflicts", *options, "--db", db])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == n


def test_readers_export_filters_only_claims_and_conflicts(db: str) -> None:
    result = runner.invoke(app, ["export", "documents", "--speaker", "putin", "--db", db])
    assert result.exit_code == 1
    assert "bad-option" in result.output


def test_readers_export_refuses_a_bad_date(db: str) -> None:
    result = runner.invoke(app, ["export", "claims", "--since", "last year", "--db", db])
    assert result.exit_code == 1
    assert "bad-date" in result.output


@pytest.mark.parametrize(
    ("options", "n"),
    [
        ([], 1),
        (["--speaker", "PUTIN"], 1),
        (["--metric", "trade"], 1),
        (["--severity", "low"], 0),
        (["--kind", "literal"], 0),
        (["--verdict", "confirmed"], 0),
        (["--unreviewed"], 1),
    ],
)
def test_readers_conflicts_list_filters_as_the_board(db: str, options: list[str], n: int) -> None:
    result = runner.invoke(app, ["conflicts", "list", "--json", *options, "--db", db])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert len(found) == n
    for conflict in found:
        assert {c["speaker"] for c in conflict["claims"]} == {
            "Vladimir Putin",
            "Kassym-Jomart Tokayev",
        }
        assert conflict["kind"] == "pragmatic" and conflict["reasons"]
