"""Speaker turns on statements in layouts other than the samples' (files in statements/)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from communique.describe import describe_document
from communique.models import QUESTION, Description
from communique.read.sources import document_from_text
from communique.segment import PersonRegistry, segment_turns

STATEMENTS = Path(__file__).parent / "statements"
Q = QUESTION
KZ = "Kazakhstan"

# (file, [(speaker, first words spoken, last words spoken), ...])
CASES = [
    (
        "us_briefing.txt",
        [
            ("Jane Doe", "Good afternoon", "on Friday."),
            (Q, "Thanks, Jane.", "the trip?"),
            ("Jane Doe", "Sure.", "factory there."),
            (Q, "And on trade:", "new tariffs?"),
            ("Jane Doe", "Not today.", "everyone."),
        ],
    ),
    (
        "interview.txt",
        [
            (Q, "Mr President,", "doing?"),
            ("Rufus Firefly", "Growth", "last year."),
            (Q, "And next year?", "And next year?"),
            ("Rufus Firefly", "We expect", "more."),
        ],
    ),
    (
        "readout.md",
        [
            ("Sergey Lavrov", "Thank you, colleagues.", "$3 billion in trade."),
            ("Wang Yi", "China appreciates", "the dialogue."),
            ("Sergey Lavrov", "Let me add one point: we", "meet again."),
        ],
    ),
    (
        "caps_transcript.txt",
        [
            ("Vladimir Putin", "Good evening.", "Good evening."),
            ("Sergey Lavrov", "I will add", "few words."),
            ("Moderator", "Next question", "please."),
            (Q, "Mr Lavrov,", "the talks?"),
            ("Sergey Lavrov", "They went well.", "They went well."),
        ],
    ),
    (
        "joint_press_conference.txt",
        [
            ("Shavkat Mirziyoyev", "Dear brother,", "welcome to Tashkent."),
            ("Kassym-Jomart Tokayev", "Thank you.", "we must act."),
        ],
    ),
    (
        "split_labels.txt",
        [
            ("Vladimir Putin", "Good afternoon", "Mr President."),
            ("Arman Bekov", "Thank you.", "Thank you."),
            ("Vladimir Putin", "Let us begin.", "Let us begin."),
            ("Arman Bekov", "Agreed.", "Agreed."),
        ],
    ),
    (
        "outlet_questions.txt",
        [
            (Q, "The two sessions", "your comment?"),
            ("Mao Ning", "China's economy", "open up."),
            (Q, "A question on trade: will", "rise?"),
            ("Mao Ning", "I would refer", "authorities."),
            (Q, "Follow-up", "please."),
            ("Mao Ning", "I have nothing", "to add."),
        ],
    ),
    (
        "white_house.txt",
        [
            ("Joe Biden", "Good afternoon,", "$200 billion."),
            ("Narendra Modi", "Thank you, Mr. President.", "Thank you, Mr. President."),
            (Q, "Mr. President, thank you.", "what did you discuss?"),
            ("Joe Biden", "We discussed", "a lot."),
            (Q, "(Inaudible.)", "(Inaudible.)"),  # a question nobody heard is still a turn
            ("Joe Biden", "Thank you all.", "Thank you all."),
        ],
    ),
    (
        "department_briefing.txt",
        [
            ("Matthew Miller", "Good afternoon.", "one announcement."),
            (Q, "Thanks, Matt.", "On Ukraine?"),
            ("Matthew Miller", "We remain", "committed."),
            (Q, "And Kazakhstan?", "And Kazakhstan?"),
            ("Matthew Miller", "Secretary Blinken", "of Kazakhstan."),
        ],
    ),
    ("no_labels.txt", []),
]
_LABEL_OR_DIRECTION = re.compile(r"[A-Z][^\n:]*\n?:|Q\b|\([^()]*\)\.?|\s+")


@pytest.fixture(scope="module")
def registry() -> PersonRegistry:
    return PersonRegistry.default()


def _read(name: str) -> str:
    path = STATEMENTS / name
    fmt = "markdown" if path.suffix == ".md" else "text"
    return document_from_text(path.read_text(encoding="utf-8"), source=str(path), fmt=fmt).text


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_turns_speakers_and_spans(
    name: str, expected: list[tuple[str, str, str]], registry: PersonRegistry
) -> None:
    raw = document_from_text(
        (STATEMENTS / name).read_text(encoding="utf-8"),
        source=name,
        fmt="markdown" if name.endswith(".md") else "text",
    )
    description = describe_document(raw, registry=registry)
    turns = segment_turns(raw.text, registry=registry, description=description)
    assert [t.speaker for t in turns] == [e[0] for e in expected]
    for turn, (_, first, last) in zip(turns, expected, strict=True):
        spoken = turn.span.slice(raw.text)
        assert spoken.startswith(first), spoken
        assert spoken.endswith(last), spoken
        assert spoken == spoken.strip()


@pytest.mark.parametrize("name", [c[0] for c in CASES if c[1]])
def test_turns_gaps_hold_only_labels_and_stage_directions(
    name: str, registry: PersonRegistry
) -> None:
    text = _read(name)
    turns = segment_turns(text, registry=registry, description=Description())
    for before, after in itertools.pairwise(turns):
        gap = text[before.span.end : after.span.start]
        assert _LABEL_OR_DIRECTION.sub("", gap).strip(" .") == "", gap
        assert before.label and before.label in text[: before.span.start]


def test_turns_none_without_labels(registry: PersonRegistry) -> None:
    text = _read("no_labels.txt")
    assert segment_turns(text, registry=registry, description=Description()) == []


def test_turns_text_before_first_label_belongs_to_no_turn(registry: PersonRegistry) -> None:
    text = _read("joint_press_conference.txt")
    turns = segment_turns(text, registry=registry, description=Description())
    assert turns[0].span.start > text.index("22 December 2022")


@pytest.mark.parametrize(
    ("text", "speaker", "country", "role"),
    [
        (
            "President of Kazakhstan Arman Bekov: Hello.",
            "Arman Bekov",
            "KZ",
            "President of Kazakhstan",
        ),
        (
            "Kazakh Foreign Minister Arman Bekov: Hello.",
            "Arman Bekov",
            "KZ",
            "Kazakh Foreign Minister",
        ),
        (
            "President of Russia Vladimir Putin: Hello.",
            "Vladimir Putin",
            "RU",
            "President of Russia",
        ),
        ("Dr. Maria Ortega: Hello.", "Maria Ortega", None, None),
        ("MS. ANNA KOWALSKA: Hello.", "Anna Kowalska", None, None),
    ],
)
def test_turns_role_and_country(
    text: str, speaker: str, country: str | None, role: str | None, registry: PersonRegistry
) -> None:
    (turn,) = segment_turns(text, registry=registry, description=Description())
    assert (turn.speaker, turn.country, turn.role) == (speaker, country, role)
    assert turn.span.slice(text) == "Hello."


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("Secretary John Smith", "Secretary Smith"),
        ("John Smith", "Smith"),
        ("JOHN SMITH", "MR. SMITH"),
    ],
)
def test_turns_short_label_resolves_to_earlier_full_name(
    first: str, later: str, registry: PersonRegistry
) -> None:
    text = f"{first}: We begin.\n\nQ: Why?\n\n{later}: Because."
    turns = segment_turns(text, registry=registry, description=Description())
    assert [t.speaker for t in turns] == ["John Smith", QUESTION, "John Smith"]


def test_turns_answer_continues_previous_answerer(registry: PersonRegistry) -> None:
    text = "Q: First?\nPresident Putin: Yes.\nQ: Second?\nA: No."
    turns = segment_turns(text, registry=registry, description=Description())
    assert [t.speaker for t in turns] == [QUESTION, "Vladimir Putin", QUESTION, "Vladimir Putin"]


def test_turns_cyrillic_labels(registry: PersonRegistry) -> None:
    text = (
        "Встреча с губернатором\n\n"
        "Владимир Путин: Добрый день. Губернатор Иван Петров: Здравствуйте. "
        "Владимир Путин: Как дела? Иван Петров: Хорошо."
    )
    turns = segment_turns(text, registry=registry, description=Description())
    assert [t.speaker for t in turns] == [
        "Vladimir Putin",  # the registry knows him by his Cyrillic name too
        "Иван Петров",
        "Vladimir Putin",
        "Иван Петров",
    ]
    assert text[turns[1].span.start : turns[1].span.end] == "Здравствуйте."
