"""Voices outside turns: an author's statement and reported speech set claim speakers, and a
statement, readout or message still has no transcript turns."""

from __future__ import annotations

from datetime import date

import pytest

from communique.models import Description, Span, Turn, Voice, VoiceKind
from communique.pipeline import process_document
from communique.read.readers import Hints
from communique.read.sources import document_from_text
from communique.segment import PersonRegistry, segment_document
from communique.segment.voices import Speakers


@pytest.fixture(scope="module")
def registry() -> PersonRegistry:
    return PersonRegistry.default()


def _voices(registry: PersonRegistry, text: str, **description: object) -> list[tuple[str, str]]:
    parts = segment_document(text, registry=registry, description=Description(**description))  # type: ignore[arg-type]
    assert parts.turns == ()
    return [(v.kind.value, v.speaker) for v in parts.voices]


@pytest.mark.parametrize(
    ("title", "day", "countries", "author"),
    [
        ("Statement from President Joe Biden on the Jobs Report", None, (), "Joe Biden"),
        (
            "Statement by Press Secretary Karine Jean-Pierre on Trade",
            None,
            (),
            "Karine Jean-Pierre",
        ),
        ("Statement from Minister Rufus Firefly on Tariffs", None, (), "Rufus Firefly"),
        (
            "Presidential Message on National Diabetes Month",
            date(2025, 11, 4),
            ("US",),
            "Donald Trump",
        ),
    ],
)
def test_attribution_author_named_by_the_title(
    registry: PersonRegistry,
    title: str,
    day: date | None,
    countries: tuple[str, ...],
    author: str,
) -> None:
    text = "Today we created 300,000 jobs. I am proud of it."
    found = _voices(registry, text, title=title, date=day, countries=countries)
    assert found == [("author", author)]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Governor Ivan Petrov reported that 1,200 homes were rebuilt.", "Ivan Petrov"),
        ("According to Sergei Shoigu, 300 tanks were repaired.", "Sergei Shoigu"),
        ("President Biden noted that 15 million jobs were created.", "Joe Biden"),
        ("The Prime Minister said that trade reached $5 billion.", "Narendra Modi"),
    ],
)
def test_attribution_reported_speech_is_the_reported_persons(
    registry: PersonRegistry, sentence: str, speaker: str
) -> None:
    text = f"The leaders met on Monday. {sentence} They agreed to meet again."
    found = _voices(
        registry, text, title="Readout of a call", date=date(2024, 7, 9), countries=("IN",)
    )
    assert found == [("reported", speaker)]
    parts = segment_document(
        text,
        registry=registry,
        description=Description(title="Readout", date=date(2024, 7, 9), countries=("IN",)),
    )
    speakers = parts.speakers
    assert speakers.at(text.index(sentence) + 5) == speaker
    assert speakers.at(0) == "" and speakers.at(len(text) - 3) == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "They said that trade grew.",  # no one named
        "The Ministry of Finance reported that revenue grew.",  # an institution
        "The parties noted that trade grew.",
    ],
)
def test_attribution_no_person_no_voice(registry: PersonRegistry, sentence: str) -> None:
    assert _voices(registry, sentence, title="Readout") == []


def test_attribution_inside_a_turn_the_speaker_keeps_the_floor() -> None:
    turn = Turn(speaker="Vladimir Putin", span=Span(start=0, end=50))
    voice = Voice(speaker="Sergei Shoigu", span=Span(start=10, end=40), kind=VoiceKind.REPORTED)
    author = Voice(speaker="Joe Biden", span=Span(start=0, end=200), kind=VoiceKind.AUTHOR)
    inner = Voice(speaker="Kamala Harris", span=Span(start=60, end=80), kind=VoiceKind.REPORTED)
    speakers = Speakers.of([turn], [author, voice, inner])
    assert [speakers.at(p) for p in (20, 70, 100)] == [
        "Vladimir Putin",
        "Kamala Harris",
        "Joe Biden",
    ]


def test_attribution_sets_claim_speakers_through_the_pipeline() -> None:
    text = (
        "Readout of the Call with the Governor\n\n"
        "The President spoke with the Governor today. Governor Ivan Petrov reported that 1,200 "
        "homes were rebuilt this year. The White House will send 300 engineers.\n"
    )
    raw = document_from_text(
        text,
        source="readout.md",
        fmt="markdown",
        hints=Hints(title="Readout of the Call with the Governor", date=date(2024, 5, 1)),
    )
    doc = process_document(raw)
    assert doc.turns == ()
    by_quote = {c.quote: c.speaker for c in doc.claims}
    assert by_quote["1,200 homes"] == "Ivan Petrov"
    assert by_quote["300 engineers"] == ""


def test_attribution_message_reads_is_the_senders(registry: PersonRegistry) -> None:
    text = (
        "Greetings to the Forum\nVladimir Putin sent greetings to the forum.\n"
        "2021-11-19T14:00:00Z\n\n"
        'The message reads, in part: "More than 1,400 standards have been approved."'
    )
    found = _voices(registry, text, title="Greetings to the Forum")
    assert found == [("author", "Vladimir Putin")]


def test_attribution_a_title_alone_is_the_person_named_with_it_before(
    registry: PersonRegistry,
) -> None:
    text = (
        "The President met Governor of Kursk Region Ivan Petrov. The Governor reported that "
        "1,200 homes were rebuilt. Trade grew."
    )
    assert _voices(registry, text, title="Meeting with the Governor") == [
        ("reported", "Ivan Petrov")
    ]


def test_attribution_an_institution_is_no_person_named_before(registry: PersonRegistry) -> None:
    text = (
        "White House Press Secretary Jane Roe spoke today. The White House said that 300 "
        "engineers will go."
    )
    assert _voices(registry, text, title="Readout") == []


def test_attribution_a_foreign_office_is_its_holder(registry: PersonRegistry) -> None:
    text = (
        "The leaders held talks. The President of China mentioned the intention to increase "
        "trade to US$250 billion. The President of Russia spoke about settlements."
    )
    found = _voices(registry, text, title="Talks", date=date(2022, 2, 4), countries=("RU",))
    assert found == [("reported", "Xi Jinping")]


def test_attribution_a_speech_reports_in_its_speakers_voice(registry: PersonRegistry) -> None:
    """A UN speech names no speaker; what it reports stays the speaker's (""), as in a turn."""
    text = (
        "Mr. President, I thank you. We have come far. Our Government announced that 300 "
        "schools were built, and I am proud of it. As Secretary-General Antonio Guterres said "
        "last year, we must act. My country will do its part, and we will."
    )
    assert _voices(registry, text) == []


@pytest.mark.parametrize(
    "title",
    [
        "Statement from President Joe Biden Marking 11 Years Since the Shooting",
        "Statement by President Joe Biden Ahead of the Anniversary",
    ],
)
def test_attribution_author_title_words_after_the_name(
    registry: PersonRegistry, title: str
) -> None:
    assert _voices(registry, "Eleven years ago 26 people died.", title=title) == [
        ("author", "Joe Biden")
    ]
