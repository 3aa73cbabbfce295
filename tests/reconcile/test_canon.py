"""canonical_key and describe_metric: trivial merges only, readable names."""

from __future__ import annotations

import pytest

from communique.reconcile.canon import canonical_key, describe_metric


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("trade:KZ-RU", "trade:KZ-RU"),
        ("trade:RU-KZ", "trade:KZ-RU"),  # a symmetric pair in the other order
        ("Trade : ru-kz", "trade:KZ-RU"),
        ("trade:RU–KZ", "trade:KZ-RU"),  # en dash
        ("investment_stock:RU-KZ", "investment_stock:RU-KZ"),
        ("investment_stock:KZ-RU", "investment_stock:KZ-RU"),  # direction is kept
        ("investment_stock:RU>KZ", "investment_stock:RU-KZ"),  # the old direction sign
        ("companies with capital:ru > kz", "companies_with_capital:RU-KZ"),
        ("unemployment:RU/Kaluga Region", "unemployment:RU/kaluga-region"),
        ("gdp_growth/world", "gdp_growth/world"),
        ("gdp:kz", "gdp:KZ"),
        ("inflation", "inflation"),
        ("  odd:key:shape ", "odd:key:shape"),
        ("", ""),
    ],
)
def test_canon_merges_only_trivial_differences(key: str, expected: str) -> None:
    assert canonical_key(key) == expected
    assert canonical_key(expected) == expected  # idempotent


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("trade:KZ-RU", "Trade between Kazakhstan and Russia"),
        ("investment_stock:RU-KZ", "Investment stock from Russia in Kazakhstan"),
        ("unemployment:RU/kaluga-region", "Unemployment of Russia (kaluga region)"),
        ("gdp:KZ", "Gdp of Kazakhstan"),
        ("trade:XX-KZ", "Trade between Kazakhstan and XX"),
        ("inflation", "Inflation"),
        ("", "Unnamed metric"),
    ],
)
def test_canon_describes_keys_in_words(key: str, words: str) -> None:
    assert describe_metric(key) == words
