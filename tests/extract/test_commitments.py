"""Commitments: a subject that can act and a verb of intent, with kind, actor and due date."""

from __future__ import annotations

from datetime import date

import pytest

from communique.extract.commitments import find_commitments
from communique.extract.entries import read_statement
from communique.models import CommitmentKind, Description, Span, Turn

TODAY = date(2024, 11, 27)
BILATERAL = Description(date=TODAY, countries=("RU", "KZ"))
K = CommitmentKind


def _found(text: str) -> list[tuple[str, str, tuple[str, str] | None]]:
    statement = read_statement(text, [], BILATERAL)
    return [
        (c.quote, c.kind.value, (c.due.start.isoformat(), c.due.end.isoformat()) if c.due else None)
        for c in find_commitments(statement)
    ]


@pytest.mark.parametrize(
    ("text", "quote", "kind", "due"),
    [
        (
            "In 2026, Kazakhstan will host the 3rd Games of the Future.",
            "In 2026, Kazakhstan will host the 3rd Games of the Future",
            K.PLAN,
            ("2026-01-01", "2026-12-31"),
        ),
        (
            "We expect that the first launch will take place next year as planned.",
            "the first launch will take place next year as planned",
            K.PLAN,
            ("2025-01-01", "2025-12-31"),
        ),
        (
            "I have decided to open the Alley of Friendship in Astana in the spring of 2025.",
            "I have decided to open the Alley of Friendship in Astana in the spring of 2025",
            K.PLAN,
            ("2025-03-01", "2025-05-31"),
        ),
        (
            "We have agreed to maintain positive momentum in bilateral trade.",
            "We have agreed to maintain positive momentum in bilateral trade",
            K.AGREEMENT_TO_ACT,
            None,
        ),
        (
            "The three governments further committed to enhance drug surveillance.",
            "The three governments further committed to enhance drug surveillance",
            K.PLEDGE,
            None,
        ),
        (
            "We will be able to increase our mutual trade to more than $30 billion by 2030.",
            "We will be able to increase our mutual trade to more than $30 billion by 2030",
            K.TARGET,
            ("2024-11-27", "2030-12-31"),
        ),
        (
            "Construction of three new power plants is currently on the agenda.",
            "Construction of three new power plants is currently on the agenda",
            K.PLAN,
            None,
        ),
        (
            "There are plans to open three such schools in the republic soon.",
            "There are plans to open three such schools in the republic soon",
            K.PLAN,
            None,
        ),
        (
            "Yesterday a forum took place, and tomorrow, a session of the council will be "
            "convened.",
            "tomorrow, a session of the council will be convened",
            K.PLAN,
            ("2024-11-28", "2024-11-28"),
        ),
    ],
)
def test_commitments_quote_kind_and_due(
    text: str, quote: str, kind: CommitmentKind, due: tuple[str, str] | None
) -> None:
    assert _found(text) == [(quote, kind.value, due)]


@pytest.mark.parametrize(
    "text",
    [
        "I will repeat what I said.",  # what the speaker will say
        "This will help our economies.",  # what will be true of things
        "It will be difficult.",
        "Will you sign the treaty?",  # a question
        "We will continue to strengthen our friendship.",  # vague goodwill
        "Russian-Kazakhstani cooperation will continue to expand.",  # a forecast
        "I am sure we will resolve them.",
        "The Administration is committed to ensuring fairness.",  # a stance
        "Ukraine is not ready to join the alliance today.",
        "We agree that it is impossible to strengthen security at others' expense.",
    ],
)
def test_commitments_leave_out_what_promises_nothing(text: str) -> None:
    assert _found(text) == []


def test_commitments_actor_and_speaker_from_the_turn() -> None:
    text = (
        "Vladimir Putin: We will certainly provide our Kazakhstani friends with all the "
        "assistance they need. I have proposed to establish a new organisation. "
        "We will keep working together on building new plants."
    )
    turns = [
        Turn(speaker="Vladimir Putin", span=Span(start=16, end=len(text)), country="RU"),
    ]
    found = find_commitments(read_statement(text, turns, BILATERAL))
    assert [(c.speaker, c.actor, c.kind) for c in found] == [
        ("Vladimir Putin", ("RU",), K.PLEDGE),
        ("Vladimir Putin", ("Vladimir Putin",), K.PLAN),
        ("Vladimir Putin", ("KZ", "RU"), K.PLEDGE),
    ]


def test_commitments_take_a_time_fronted_in_the_sentence_before() -> None:
    text = (
        "In 2025, we also plan to celebrate two great anniversaries. "
        "We have arranged to hold festive events to mark these dates."
    )
    assert [due for _, _, due in _found(text)] == [
        ("2025-01-01", "2025-12-31"),
        ("2025-01-01", "2025-12-31"),
    ]
