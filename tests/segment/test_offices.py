"""Role labels resolved from the document's own context: its title, then who held the office."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from communique.models import Description
from communique.segment import PersonRegistry, segment_turns
from communique.segment.offices import default_offices
from communique.segment.turns import name_after_title


@pytest.fixture(scope="module")
def registry() -> PersonRegistry:
    return PersonRegistry.default()


@pytest.mark.parametrize(
    ("title", "country", "day", "label", "speaker"),
    [
        (
            "Remarks by President Biden at a Reception",
            "US",
            date(2024, 5, 1),
            "THE PRESIDENT",
            "Joe Biden",
        ),
        (
            "Remarks by Vice President Harris at a Launch",
            "US",
            date(2022, 6, 7),
            "THE VICE PRESIDENT",
            "Kamala Harris",
        ),
        # no name in the title: the holder of the office on the document's date
        (
            "Press Briefing by the Press Secretary",
            "US",
            date(2021, 4, 15),
            "THE PRESIDENT",
            "Joe Biden",
        ),
        (
            "Press Briefing by the Press Secretary",
            "US",
            date(2025, 4, 15),
            "THE PRESIDENT",
            "Donald Trump",
        ),
        ("Remarks at a Reception", "US", date(2022, 3, 1), "THE FIRST LADY", "Jill Biden"),
        ("Press Briefing", "US", date(2022, 5, 20), "MS. JEAN-PIERRE", "Karine Jean-Pierre"),
        ("Talks", "IN", date(2024, 7, 9), "PRIME MINISTER MODI", "Narendra Modi"),
        # a name the registry does not know, learned from the title
        (
            "Remarks by Prime Minister Rufus Firefly of Freedonia",
            None,
            None,
            "THE PRIME MINISTER",
            "Rufus Firefly",
        ),
    ],
)
def test_offices_role_label_is_a_person(
    registry: PersonRegistry,
    title: str,
    country: str | None,
    day: date | None,
    label: str,
    speaker: str,
) -> None:
    text = f"{label}:  Thank you all.\n\nQ    A question?\n\n{label}:  An answer."
    description = Description(title=title, date=day, countries=(country,) if country else ())
    turns = segment_turns(text, registry=registry, description=description)
    assert [t.speaker for t in turns] == [speaker, "Question", speaker]


def test_offices_site_gives_the_country() -> None:
    offices = default_offices()
    assert offices.country_of("https://www.whitehouse.gov/briefings/x/") == "US"
    assert offices.country_of("http://en.kremlin.ru/events/president/news/1") == "RU"
    assert offices.country_of("https://example.org/") is None
    assert offices.holder("The President", country="RU", on=date(2010, 1, 1)) == "Dmitry Medvedev"
    assert offices.holder("The President", country="US", on=None) is None


@pytest.mark.parametrize(
    ("title", "role", "name"),
    [
        ("Remarks by President Biden Before Meeting", "THE PRESIDENT", "Biden Before Meeting"),
        ("Remarks by Vice President Harris", "THE PRESIDENT", None),
        ("Remarks by Vice President Harris", "THE VICE PRESIDENT", "Harris"),
        ("Statement", "THE PRESIDENT", None),
    ],
)
def test_offices_name_after_title(title: str, role: str, name: str | None) -> None:
    assert name_after_title(title, role) == name


def test_offices_fullest_name_wins(registry: PersonRegistry) -> None:
    text = (
        "President of Freedonia Xuan Phuc: Hello.\n"
        "Vladimir Putin: Welcome.\n"
        "Nguyen Xuan Phuc: Thank you."
    )
    turns = segment_turns(text, registry=registry, description=Description())
    seq = [k for k, _ in itertools.groupby(t.speaker for t in turns)]
    assert seq == ["Nguyen Xuan Phuc", "Vladimir Putin", "Nguyen Xuan Phuc"]
