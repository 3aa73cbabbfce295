"""Place of a statement: dateline, venue gazetteer, country visited."""

from __future__ import annotations

import pytest

from communique.describe.dates import find_dateline
from communique.describe.places import find_place, resolve_place
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
