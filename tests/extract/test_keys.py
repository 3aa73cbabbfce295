"""Metric keys from a figure's own phrase: indicator, countries, scope; written shell-safe."""

from __future__ import annotations

import re
from datetime import date

import pytest

from communique.extract import extract_claims
from communique.extract.keys import MetricKey, canonical, parse_key
from communique.models import Description, Span, Turn

_RU = Description(date=date(2024, 11, 27), countries=("RU",))
_KZ_RU = Description(date=date(2024, 11, 27), countries=("KZ", "RU"))
_SHELL_SAFE = re.compile(r"^[A-Za-z0-9_:/-]+$")


def _keys(text: str, description: Description = _RU) -> list[str]:
    turns = (Turn(speaker="Vladimir Putin", span=Span(start=0, end=len(text)), country="RU"),)
    return [c.metric for c in extract_claims(text, turns, description=description)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Unemployment in the Kaluga Region fell to 3.1 percent.", "unemployment:RU/kaluga-region"),
        ("Unemployment fell to 3.1 percent.", "unemployment:RU"),
        ("Our unemployment fell to 3.1 percent.", "unemployment:RU"),
        ("Youth unemployment reached 15 percent.", "unemployment:RU/youth"),
        ("Loans to small businesses reached $5 billion.", "loans:RU/small-businesses"),
        ("The world economy will grow by 5.9 percent this year.", "gdp_growth/world"),
        ("Russian investment in Kazakhstan exceeded $17 billion.", "investment_stock:RU-KZ"),
        ("Kazakh investment in Russia reached $4.6 billion.", "investment_stock:KZ-RU"),
        ("Inflation in Kazakhstan reached 8.5 percent.", "inflation:KZ"),
        ("Over 60,000 Kazakhstani students study in Russia.", "students:KZ-RU"),
        ("The price of Cetrotide will drop to $22.50.", "prices:RU/cetrotide"),
    ],
)
def test_keys_come_from_the_figures_own_phrase(text: str, key: str) -> None:
    assert _keys(text) == [key]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a region's figure is not the country's
        (
            "Unemployment in the Kaluga Region fell to 3.1 percent.",
            "Unemployment fell to 3 percent.",
        ),
        # figures for different groups
        ("The rate was 92 percent for pilots.", "The rate was 62 percent for the Navy."),
        # a monthly amount is not a yearly one
        ("Exports reached $2 billion a month.", "Exports reached $24 billion a year."),
        # what was done with counted things
        ("We have initiated 93 projects.", "We have completed 13 projects."),
    ],
)
def test_keys_keep_apart_what_differs(a: str, b: str) -> None:
    assert _keys(a) != _keys(b)


@pytest.mark.parametrize(
    "text",
    [
        "Fernandez has had two doses of the vaccine.",
        "That's about US$4 billion, we rank first in terms of direct investment.",
        "We signed 12 agreements today.",
    ],
)
def test_keys_are_never_verb_stems_or_function_words(text: str) -> None:
    for key in _keys(text):
        name = parse_key(key).name  # type: ignore[union-attr]
        assert name not in ("that", "it", "this", "hav", "sign") and not name.endswith(":hav")
        assert _SHELL_SAFE.match(key), key


def test_keys_name_the_parties_of_a_symmetric_indicator() -> None:
    assert _keys("Our trade reached $24.5 billion last year.", _KZ_RU) == ["trade:KZ-RU"]


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("trade:KZ-RU", MetricKey("trade", ("KZ", "RU"))),
        ("investment_stock:RU>KZ", MetricKey("investment_stock", ("RU", "KZ"))),
        ("unemployment:RU/kaluga-region", MetricKey("unemployment", ("RU",), "kaluga-region")),
        ("gdp_growth/world", MetricKey("gdp_growth", (), "world")),
        ("inflation", MetricKey("inflation")),
    ],
)
def test_keys_parse_and_write_back(written: str, parts: MetricKey) -> None:
    assert parse_key(written) == parts
    assert str(canonical(parts)) == written.replace(">", "-")


def test_keys_canonical_sorts_only_symmetric_pairs() -> None:
    assert str(canonical(MetricKey("trade", ("RU", "KZ")))) == "trade:KZ-RU"
    assert str(canonical(MetricKey("investment", ("RU", "KZ")))) == "investment:RU-KZ"


def test_keys_a_list_items_opening_name_scopes_its_amount() -> None:
    text = (
        "- Boston Logan International, Massachusetts—$44.9 million to build a taxiway.\n"
        "- Naples Airport, Florida—$3.5 million to rebuild a road.\n"
    )
    assert _keys(text) == ["amount:RU/boston-logan-international", "amount:RU/naples-airport"]


def test_keys_nothing_goes_on_about_a_vague_plural() -> None:
    text = "Millions of our citizens receive benefits. It will grow by 1,100 rubles."
    vague, amount = _keys(text)
    assert vague != amount


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # what the money is for: "for" + noun, an infinitive of purpose, a programme
        ("We announced $7.3 billion for clean electricity.", "amount:RU/electricity"),
        ("Since then, we have announced $9 billion to replace lead pipes.", "amount:RU/pipes"),
        (
            "The President secured $15 billion through the Bipartisan Infrastructure Law.",
            "amount:RU/bipartisan-infrastructure-law",
        ),
        # the item a price or an amount is said of, by its proper name
        ("Duavee will see its price cut from $202 to $30.", "prices:RU/duavee"),
        ("NOAA is awarding $12.7 million in grants.", "funding:RU/noaa"),
        ("The monthly price of the Wegovy pill will fall to $149.", "prices:RU/wegovy-pill"),
        (
            "The monthly prices of Ozempic will fall to an average price of $350.",
            "prices:RU/ozempic",
        ),
        # a share of no whole, said to be something
        ("Among adults, nearly 40 percent are pre-diabetic.", "share:RU/pre-diabetic"),
        ("Over 40 percent are overweight or obese.", "share:RU/overweight-or-obese"),
    ],
)
def test_keys_an_amount_is_keyed_by_what_it_is_for(text: str, key: str) -> None:
    assert _keys(text)[0] == key


@pytest.mark.parametrize(
    "text",
    [
        "Secretary Blinken announced $686 million for relief.",  # a person pays: no item
        "The Administration announced $26 million.",  # nor the government itself
    ],
)
def test_keys_an_actor_is_no_item(text: str) -> None:
    key = parse_key(_keys(text)[0])
    assert key is not None and key.scope in (None, "relief")


def test_keys_an_amount_restating_a_share_is_no_share() -> None:
    text = "In 2021, 53 percent, or $39 billion, of total HEERF dollars were spent."
    share, amount = _keys(text)
    assert share.startswith("share") and not amount.startswith("share")


def test_keys_a_statement_with_no_party_speaks_for_the_country_it_names_most() -> None:
    text = (
        "Jamaica welcomes the Assembly. Jamaica has reformed, and Jamaica is growing. "
        "Haiti is our neighbour. Unemployment fell to 9 percent."
    )
    claims = extract_claims(text, (), description=Description())
    assert [c.metric for c in claims] == ["unemployment:JM"]
    even = "Jamaica and Haiti met. Jamaica and Haiti agreed. Unemployment fell to 9 percent."
    assert [c.metric for c in extract_claims(even, (), description=Description())] == [
        "unemployment"
    ]
