"""describe_document on whole (small) documents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from communique.describe import describe_document
from communique.describe.document import complete_description
from communique.models import DatePrecision
from communique.read.readers import Hints
from communique.read.sources import document_from_text
from communique.segment import PersonRegistry, segment_document, segment_turns


@pytest.fixture(scope="module")
def registry() -> PersonRegistry:
    return PersonRegistry.default()


BANNER = """Prime Minister of the Russian Federation

11/28/2022 | Press release

Mikhail Mishustin's meeting with President of Uzbekistan Shavkat Mirziyoyev

28 November 2022

Mikhail Mishustin: Welcome to the Government House in Russia. On March 1, 2021 we met.

President of Uzbekistan Shavkat Mirziyoyev: Thank you.
"""
KREMLIN = """Events
Talks with President of Belarus Alexander Lukashenko
February 10, 2022
18:15
Novo-Ogaryovo, Moscow Region
Vladimir Putin: Welcome to Moscow, Alexander.
Alexander Lukashenko: Thank you.
"""
GOV = """# Joint press statements of Presidents of China and Kazakhstan

Astana, 14 September 2022

**Xi Jinping:** Thank you, President Tokayev.

**Kassym-Jomart Tokayev:** Welcome to Astana.
"""

BRIEFING = """THE WHITE HOUSE
For Immediate Release
Department Press Briefing
Matthew Miller, Department Spokesperson
Washington, DC
January 4, 2024

MR MILLER: Good afternoon.

QUESTION: Thanks, Matt.
"""


@pytest.mark.parametrize(
    ("text", "title", "day", "place", "publisher", "participants", "countries"),
    [
        (
            BANNER,
            "Mikhail Mishustin's meeting with President of Uzbekistan Shavkat Mirziyoyev",
            date(2022, 11, 28),
            "Moscow",
            "Prime Minister of the Russian Federation",
            ("Mikhail Mishustin", "Shavkat Mirziyoyev"),
            ("RU", "UZ"),
        ),
        (
            KREMLIN,
            "Talks with President of Belarus Alexander Lukashenko",
            date(2022, 2, 10),
            "Novo-Ogaryovo",  # a residence in Moscow Region, outside Moscow: a place of its own
            None,
            ("Vladimir Putin", "Alexander Lukashenko"),
            ("RU", "BY"),
        ),
        (
            GOV,
            "Joint press statements of Presidents of China and Kazakhstan",
            date(2022, 9, 14),
            "Astana",
            None,
            ("Xi Jinping", "Kassym-Jomart Tokayev"),
            ("KZ", "CN"),
        ),
        (
            BRIEFING,
            "Department Press Briefing",
            date(2024, 1, 4),
            "Washington",
            "THE WHITE HOUSE",
            ("Matthew Miller",),
            ("US",),
        ),
    ],
    ids=["banner", "kremlin", "markdown", "briefing"],
)
def test_document_describe(
    registry: PersonRegistry,
    text: str,
    title: str,
    day: date,
    place: str,
    publisher: str | None,
    participants: tuple[str, ...],
    countries: tuple[str, ...],
) -> None:
    raw = document_from_text(text, source="doc.md", fmt="markdown")
    found = describe_document(raw, registry=registry)
    turns = segment_turns(raw.text, registry=registry, description=found)
    found = complete_description(found, turns, registry=registry)
    assert found.title == title
    assert found.date == day
    assert found.place == place
    assert found.publisher == publisher
    assert found.participants == participants
    assert found.countries == countries


def test_document_hints_win_for_jsonl(registry: PersonRegistry) -> None:
    raw = document_from_text(
        "Talks\nMay 1, 2020\nVladimir Putin: Hello.",
        source="f.jsonl#7",
        fmt="jsonl",
        hints=Hints(title="Given title", date=date(2020, 5, 2)),
        format_name="jsonl",
    )
    found = describe_document(raw, registry=registry)
    assert (found.title, found.date) == ("Given title", date(2020, 5, 2))


def test_document_without_speakers_still_described(registry: PersonRegistry) -> None:
    raw = document_from_text(
        "Address to the Nation\nMay 1, 2020\nCitizens, hello.", source="a.txt", fmt="text"
    )
    found = describe_document(raw, registry=registry)
    assert (found.title, found.date, found.participants) == (
        "Address to the Nation",
        date(2020, 5, 1),
        (),
    )


STATEMENTS = sorted((Path(__file__).parent.parent / "segment" / "statements").iterdir())
INTERVIEW = """Interview with Kassym-Jomart Tokayev to Euronews

A: We expect trade to grow by 10 percent.

Q: And next year?

A: By another 5 percent.
"""


@pytest.mark.parametrize(
    ("source", "text"),
    [(path.name, path.read_text(encoding="utf-8")) for path in STATEMENTS]
    + [("interview.txt", INTERVIEW), ("banner.txt", BANNER), ("kremlin.txt", KREMLIN)],
)
def test_document_describe_reads_the_header_only(
    registry: PersonRegistry, source: str, text: str
) -> None:
    """Describing needs no segmentation: what the header gives is the same with the
    transcript cut off, and completing with the turns only adds participants and parties."""
    fmt = "markdown" if source.endswith(".md") else "text"
    raw = document_from_text(text, source=source, fmt=fmt)
    described = describe_document(raw, registry=registry)
    parts = segment_document(raw.text, registry=registry, description=described)
    done = complete_description(described, parts.turns, registry=registry)
    assert (done.title, done.date, done.place, done.publisher) == (
        described.title,
        described.date,
        described.place,
        described.publisher,
    )
    assert set(described.participants) <= set(done.participants)
    speakers = {t.speaker for t in parts.turns if t.speaker not in ("Question", "Answer")}
    assert speakers - {"Moderator", "Interpreter"} <= set(done.participants)


SAVED_PAGE = """Talks with the President of Freedonia
The President held talks with President of Freedonia Rufus Firefly.
2021-12-16T16:40:00Z
Sevastopol
https://example.org/events/news/12345

The talks covered trade. Vladimir Putin: Welcome. Rufus Firefly: Thank you."""


def test_document_plain_header_block_by_its_shape(registry: PersonRegistry) -> None:
    """Title, summary, a date-time line, a place line and a URL line, before the body."""
    raw = document_from_text(SAVED_PAGE, source="page.txt", fmt="text")
    found = describe_document(raw, registry=registry)
    assert found.title == "Talks with the President of Freedonia"
    assert (found.date, found.date_precision) == (date(2021, 12, 16), DatePrecision.DAY)
    assert found.place == "Sevastopol"  # unknown to the gazetteer, placed by its line
    assert found.url == "https://example.org/events/news/12345"
    turns = segment_turns(raw.text, registry=registry, description=found)
    assert [t.speaker for t in turns] == ["Vladimir Putin", "Rufus Firefly"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # Title, dateline, place and the page's address are metadata; the lead is text.
        (
            "Statements following trilateral talks\n2021-11-26T20:00:00Z\nSochi\n"
            "http://en.kremlin.ru/events/president/news/1\n\nVladimir Putin: Colleagues.",
            "Vladimir Putin: Colleagues.",
        ),
        ("Address to the Nation\nMay 1, 2020\nCitizens, hello.", "Citizens, hello."),
        (BANNER, "Mikhail Mishustin: Welcome"),  # banner, release line, title, date
        # A first line that is no heading: the body starts at once.
        ("The leaders met today.\nThey agreed to act.", "The leaders met today."),
    ],
)
def test_document_body_starts_after_the_header_lines_read_as_metadata(
    registry: PersonRegistry, text: str, body: str
) -> None:
    raw = document_from_text(text, source="a.txt", fmt="text")
    found = describe_document(raw, registry=registry)
    assert raw.text[found.body_start :].startswith(body)


def test_document_a_statement_s_author_is_a_participant_and_names_its_party(
    registry: PersonRegistry,
) -> None:
    """A statement with no speaker turns speaks for the author its title names: the author is a
    participant, and the author's country the statement's party (which keys its figures)."""
    text = (
        "Statement by Vice President Harris Marking One Year Since the Attack\n\n"
        "I will never forget the horror of that day. 250 people were kidnapped.\n"
    )
    raw = document_from_text(text, source="statement.md", fmt="markdown")
    described = describe_document(raw, registry=registry)
    parts = segment_document(raw.text, registry=registry, description=described)
    assert complete_description(described, parts.turns, registry=registry).countries == ()
    done = complete_description(described, parts.turns, registry=registry, voices=parts.voices)
    assert done.participants == ("Kamala Harris",)
    assert done.countries == ("US",)


def test_document_a_statement_from_an_office_s_site_is_that_country_s(
    registry: PersonRegistry,
) -> None:
    """A fact sheet with no speaker, place or publisher line: the office whose site published
    it says whose statement it is."""
    text = "FACT SHEET: The Budget Cuts Taxes\n\nThe tax cuts cut child poverty in half in 2021.\n"
    raw = document_from_text(text, source="sheet.md", fmt="markdown")
    described = describe_document(raw, registry=registry)
    assert complete_description(described, (), registry=registry).countries == ()
    url = "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2024/03/11/x/"
    done = complete_description(replace(described, url=url), (), registry=registry)
    assert done.countries == ("US",)
