"""The user catalogue: aliases, merges, splits, and errors that name the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from communique.errors import ConfigError
from communique.reconcile import canonicalize
from communique.reconcile.catalogue import CATALOGUE_ENV, find_catalogue, load_catalogue

CATALOGUE = """
[labels]
"trade:RU-KZ" = "Bilateral trade"

[aliases]
"non_oil_trade:KZ-RU" = "trade:KZ-RU"

[[merge]]
into = "investment_stock:RU-KZ"
keys = ["accumulated_investment:RU-KZ", "fdi_stock:RU-KZ"]

[[split]]
key = "investment:RU-KZ"
pattern = "accumulat|stock"
into = "investment_stock:RU-KZ"
"""


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    path = tmp_path / "catalogue.toml"
    path.write_text(CATALOGUE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("metric", "phrase", "expected"),
    [
        ("non_oil_trade:RU-KZ", "non-oil trade", "trade:KZ-RU"),  # alias, after canon
        ("accumulated_investment:RU-KZ", "", "investment_stock:RU-KZ"),  # merge
        ("fdi_stock:RU-KZ", "", "investment_stock:RU-KZ"),  # merge
        ("investment:RU-KZ", "accumulated Russian investment", "investment_stock:RU-KZ"),  # split
        ("investment:RU-KZ", "Russian investment last year", "investment:RU-KZ"),  # no match
        ("investment:KZ-RU", "accumulated investment", "investment:KZ-RU"),  # other key
        ("trade:RU-KZ", "", "trade:KZ-RU"),  # untouched but canonical
    ],
)
def test_catalogue_renames_merges_and_splits(
    make_claim: Any, catalogue_file: Path, metric: str, phrase: str, expected: str
) -> None:
    catalogue = load_catalogue(catalogue_file)
    [claim] = canonicalize(
        [make_claim("$1 billion", 1e9, metric=metric, metric_phrase=phrase)], catalogue
    )
    assert claim.metric == expected
    assert catalogue.labels["trade:KZ-RU"] == "Bilateral trade"


def test_catalogue_restarts_from_the_extractors_key(make_claim: Any, catalogue_file: Path) -> None:
    """A claim already renamed by an earlier catalogue goes back when the rule is gone."""
    claim = make_claim("$1 billion", 1e9, metric="trade:KZ-RU", metric_auto="non_oil_trade:KZ-RU")
    assert canonicalize([claim], load_catalogue(catalogue_file))[0].metric == "trade:KZ-RU"
    assert canonicalize([claim])[0].metric == "non_oil_trade:KZ-RU"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[aliases\n", "bad-toml"),
        ("[colours]\nx = 1\n", "invalid"),
        ("[[merge]]\ninto = 'a'\n", "invalid"),  # keys missing
        ("[[split]]\nkey = 'a'\npattern = '('\ninto = 'b'\n", "bad-pattern"),
        ("[aliases]\na = 'b'\nb = 'a'\n", "alias-cycle"),
        ("[aliases]\na = 'b'\n[[merge]]\ninto = 'c'\nkeys = ['a']\n", "ambiguous"),
    ],
)
def test_catalogue_bad_file_raises_config_error_naming_it(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_catalogue(path)
    assert info.value.reason == reason
    assert info.value.path == str(path)


def test_catalogue_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_catalogue(tmp_path / "nope.toml")
    assert info.value.reason == "missing"


def test_catalogue_found_from_flag_then_environment(
    catalogue_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(CATALOGUE_ENV, raising=False)
    assert find_catalogue().path is None and not find_catalogue().renames
    monkeypatch.setenv(CATALOGUE_ENV, str(catalogue_file))
    assert find_catalogue().path == str(catalogue_file)
    other = tmp_path / "other.toml"
    other.write_text("", encoding="utf-8")
    assert find_catalogue(other).path == str(other)


def test_catalogue_indicators_name_figures_the_extractor_left_unnamed(
    make_claim: Any, tmp_path: Path
) -> None:
    path = tmp_path / "catalogue.toml"
    path.write_text(
        '[[indicator]]\nname = "hospital_beds"\naliases = ["hospital bed", "bed"]\n',
        encoding="utf-8",
    )
    catalogue = load_catalogue(path)
    unnamed = make_claim(
        "12,000 beds",
        12000,
        unit="count",
        metric="bed_built:UA/kharkiv",
        metric_phrase="beds",
        indicator="",  # the extractor recognised no indicator
    )
    named = make_claim(
        "12,000 patients",
        12000,
        unit="count",
        metric="cases:UA",
        metric_phrase="cases in hospital beds",
        indicator="cases",
    )
    first, second = canonicalize([unnamed, named], catalogue)
    assert first.metric == "hospital_beds:UA/kharkiv"  # countries and scope kept
    assert second.metric == "cases:UA"  # a recognised indicator is the extractor's own
