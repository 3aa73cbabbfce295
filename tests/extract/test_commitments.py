"""Commitments: a subject that can act and a verb of intent, with kind, actor and due date."""

from __future__ import annotations

from datetime import date

import pytest

from communique.extract.commitments import find_commitments
from communique.extract.entries import read_statement
from communique.models import CommitmentKind, Description, Period, Span, Turn

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
        # Committing to a specific act is a plan; to an effort, a pledge.
        (
            "We commit to imposing restrictive measures on the central bank.",
            "We commit to imposing restrictive measures on the central bank",
            K.PLAN,
            None,
        ),
        (
            "We commit to acting against those who finance the war.",
            "We commit to acting against those who finance the war",
            K.PLEDGE,
            None,
        ),
        (
            "We are resolved to continue imposing costs on the aggressor.",
            "We are resolved to continue imposing costs on the aggressor",
            K.PLEDGE,
            None,
        ),
        (
            "The leaders committed their full efforts toward a lasting settlement of the conflict.",
            "The leaders committed their full efforts toward a lasting settlement of the conflict",
            K.PLEDGE,
            None,
        ),
        # Leaders giving their teams a task agree to act.
        (
            "The leaders tasked their teams with preparing a joint plan on energy.",
            "The leaders tasked their teams with preparing a joint plan on energy",
            K.AGREEMENT_TO_ACT,
            None,
        ),
        (
            "They discussed trade, agreeing to have their ministers prepare a new programme.",
            "agreeing to have their ministers prepare a new programme",
            K.AGREEMENT_TO_ACT,
            None,
        ),
        (
            "We have agreed with Kazakhstan to build a grain terminal in Aktau next year.",
            "We have agreed with Kazakhstan to build a grain terminal in Aktau next year",
            K.AGREEMENT_TO_ACT,
            ("2025-01-01", "2025-12-31"),
        ),
        (
            "We agreed that the next round will be held in Astana.",
            "We agreed that the next round will be held in Astana",
            K.AGREEMENT_TO_ACT,
            None,
        ),
        (
            "It was confirmed that the summit would take place in Astana.",
            "It was confirmed that the summit would take place in Astana",
            K.PLAN,
            None,
        ),
        # What an agency announces it is doing happens on the day of the announcement.
        (
            "The ministry is releasing new guidance for regional hospitals.",
            "The ministry is releasing new guidance for regional hospitals",
            K.PLAN,
            ("2024-11-27", "2024-11-27"),
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
        "I hope that today's agreements will bring results.",  # a hope
        "I agree with you that it is necessary to support the society.",  # an opinion
        "We commit to undertake the following measures: sanctions and export controls.",
        "The two presidents will continue their contacts.",  # nothing in particular
        "We are delivering on these obligations.",  # a stance
        "They are preparing for round two.",
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


def test_commitments_two_dated_stops_of_one_plan_are_two() -> None:
    text = "The next round will be held in Geneva on January 9 and then in Brussels on January 12."
    assert _found(text) == [
        (
            "The next round will be held in Geneva on January 9",
            "plan",
            ("2025-01-09", "2025-01-09"),
        ),
        ("then in Brussels on January 12", "plan", ("2025-01-12", "2025-01-12")),
    ]


def test_commitments_in_person_are_the_people_else_their_states() -> None:
    meeting = Description(
        date=TODAY, countries=("RU", "KZ"), participants=("Vladimir Putin", "Kassym-Jomart Tokayev")
    )
    text = "On November 29, Vladimir Putin will hold talks with the President of Kazakhstan."
    assert [c.actor for c in find_commitments(read_statement(text, [], meeting))] == [
        ("Vladimir Putin",)
    ]
    text = "President Biden recommitted to supporting the defence of the UAE against attacks."
    gulf = Description(date=date(2022, 9, 22), countries=("US", "AE"))
    assert [c.actor for c in find_commitments(read_statement(text, [], gulf))] == [("US",)]


def test_commitments_you_and_i_are_the_two_speakers() -> None:
    text = (
        "Alexander Lukashenko: Thank you, and if everything goes as planned tomorrow, you and I "
        "will attend the exercises. Vladimir Putin: Yes, of course."
    )
    second = text.index("Vladimir Putin:")
    turns = [
        Turn(speaker="Alexander Lukashenko", span=Span(start=22, end=second), country="BY"),
        Turn(speaker="Vladimir Putin", span=Span(start=second + 16, end=len(text)), country="RU"),
    ]
    union = Description(date=TODAY, countries=("RU", "BY"))
    found = find_commitments(read_statement(text, turns, union))
    assert [(c.quote, c.actor, c.due) for c in found] == [
        (
            "if everything goes as planned tomorrow, you and I will attend the exercises",
            ("Alexander Lukashenko", "Vladimir Putin"),
            Period(start=date(2024, 11, 28), end=date(2024, 11, 28)),
        )
    ]


MEETING = Description(
    date=TODAY, countries=("RU", "KZ"), participants=("Vladimir Putin", "Kassym-Jomart Tokayev")
)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # "He" is the participant named last before; an office, the participant holding it.
        (
            "Vladimir Putin noted today that we need a union. He is planning to call the "
            "President of Uzbekistan.",
            ("Vladimir Putin",),
        ),
        (
            "During the visit, the President of Kazakhstan will visit the Republic of Tatarstan.",
            ("Kassym-Jomart Tokayev",),
        ),
        # Talks within an organisation: the body and the side named with it.
        (
            "The talks will take place as part of the Russia-NATO Council on January 12.",
            ("NATO", "RU"),
        ),
    ],
)
def test_commitments_actor_in_person_or_at_an_organisation(
    text: str, actor: tuple[str, ...]
) -> None:
    assert [c.actor for c in find_commitments(read_statement(text, [], MEETING))] == [actor]


def test_commitments_under_my_personal_supervision_is_the_speaker() -> None:
    text = "Kassym-Jomart Tokayev: All these projects will be under my personal supervision."
    turns = [
        Turn(speaker="Kassym-Jomart Tokayev", span=Span(start=23, end=len(text)), country="KZ")
    ]
    found = find_commitments(read_statement(text, turns, MEETING))
    assert [c.actor for c in found] == [("Kassym-Jomart Tokayev",)]


def test_commitments_a_second_predicate_is_quoted_alone_with_the_first_subject() -> None:
    text = (
        "The pathway for states was established by the Rescue Plan and will become available "
        "in April 2025. The United States stands with Ukraine and will continue to work to hold "
        "the aggressor accountable."
    )
    found = find_commitments(read_statement(text, [], Description(date=TODAY, countries=("US",))))
    assert [(c.quote, c.actor, c.due) for c in found] == [
        (
            "will become available in April 2025",
            ("US",),
            Period(start=date(2025, 4, 1), end=date(2025, 4, 30)),
        ),
        ("will continue to work to hold the aggressor accountable", ("US",), None),
    ]


def test_commitments_thanks_for_agreeing_to_come_is_the_meeting() -> None:
    thanks = "I thank my colleagues for agreeing to come to Moscow today and to discuss the region."
    assert _found(thanks) == []
    sent = "I thank him for agreeing to send branches of Russian universities to Kazakhstan."
    assert [kind for _, kind, _ in _found(sent)] == ["agreement_to_act"]


def test_commitments_where_an_event_happens_is_not_who_acts() -> None:
    text = "Construction of three new power plants in Kazakhstan is currently on the agenda."
    found = find_commitments(read_statement(text, [], BILATERAL))
    assert [c.actor for c in found] == [("KZ", "RU")]
