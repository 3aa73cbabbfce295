"""Fuzzing the extractor: random statements built from number words and digits in several
notations, currencies, units, hedges, dates and speakers, read and run through the whole
pipeline (describe, segment, extract).

Nothing escapes but InputError; every span lies inside the text; every claim's quote is the
normalised text at its span, inside its sentence; and the offset map takes each claim back
to the same words in the original. COMMUNIQUE_FUZZ multiplies the examples.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from communique.errors import InputError
from communique.models import Document, RawDocument
from communique.pipeline import process_document
from communique.read.sources import document_from_text

SCALE = int(os.environ.get("COMMUNIQUE_FUZZ", "1"))
FUZZ = settings(
    max_examples=120 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

NUMBER_WORDS = [
    "one", "two", "three", "ten", "twelve", "twenty", "twenty-five", "forty-two", "ninety",
    "a hundred", "one hundred and five", "a thousand", "half", "a third", "a quarter",
    "a dozen", "dozens of", "one and a half", "two-thirds", "zero", "a couple of", "several",
    "hundreds of", "a few",
]  # fmt: skip
SCALES = [
    "", " thousand", " million", " billion", " trillion", "bn", " bn", "mn", " mln", "m", "k",
    " thousand million", " billions", " lakh",
]  # fmt: skip
PREFIXES = ["", "$", "US$", "USD ", "€", "EUR ", "£", "¥", "₽", "RUB ", "CNY ", "₸", "Rs "]
SUFFIXES = [
    "", " dollars", " US dollars", " euros", " rubles", " roubles", " yuan", " tenge",
    " pounds", " USD", " percent", "%", " per cent", " percentage points", " tonnes",
    " barrels a day", " companies", " projects", " agreements", " times", " people", " km",
]  # fmt: skip
HEDGES = [
    "", "over ", "more than ", "almost ", "nearly ", "about ", "around ", "approximately ",
    "up to ", "at least ", "some ", "less than ", "under ", "roughly ", "well over ",
    "just under ", "close to ", "no more than ", "upwards of ", "between ",
]  # fmt: skip
DATES = [
    "", " in 2023", " last year", " in January–October 2022", " by 2030", " as of 1 July 2024",
    " in the first half of 2023", " on 12.05.2021", " in 2021-2022", " this year",
    " next year", " over the past five years", " in Q3 2024", " since 2015",
    " between 2019 and 2021", " in 1999", " in 20233", " in the 1990s", " on 31 February 2023",
    " from March to May", " in 2023 and 2024",
]  # fmt: skip
SUBJECTS = [
    "Trade", "Our trade", "Bilateral trade", "Russian investment in Kazakhstan", "Exports",
    "Inflation", "GDP growth", "The number of students", "Turnover between our countries",
    "It", "Chinese investment", "Trade between Russia and China", "Unemployment",
]  # fmt: skip
VERBS = [
    "reached", "grew by", "amounted to", "fell by", "will reach", "is expected to reach",
    "stood at", "increased to", "was", "exceeded", "totals", "closely approached",
    "should double to", "rose", "has surpassed",
]  # fmt: skip
SPEAKERS = [
    "", "Vladimir Putin: ", "Kassym-Jomart Tokayev: ", "Question: ", "Jane Doe: ",
    "PRESIDENT BIDEN: ", "The President: ",
]  # fmt: skip
NOISE = ["", " — ", ", as agreed", " (applause)", ";", "“", "”", "\u00a0", " ", "\n", "..."]


@st.composite
def digits(draw: st.DrawFn) -> str:
    whole = draw(st.integers(0, 10**7))
    notation = draw(st.integers(0, 5))
    if notation == 0:
        return str(whole)
    if notation == 1:
        return f"{whole:,}"  # 1,234,567
    if notation == 2:
        return f"{whole:,}".replace(",", " ")  # 1 234 567
    if notation == 3:
        return f"{whole:,}".replace(",", ".")  # 1.234.567
    fraction = draw(st.integers(0, 999))
    sep = "." if notation == 4 else ","
    return f"{whole}{sep}{fraction}"


@st.composite
def amounts(draw: st.DrawFn) -> str:
    number = draw(digits() | st.sampled_from(NUMBER_WORDS))
    amount = draw(st.sampled_from(PREFIXES)) + number + draw(st.sampled_from(SCALES))
    amount += draw(st.sampled_from(SUFFIXES))
    if draw(st.integers(0, 5)) == 0:  # a range
        amount += draw(st.sampled_from([" to ", "–", "-", " and "])) + draw(digits())
    return draw(st.sampled_from(HEDGES)) + amount


@st.composite
def sentences(draw: st.DrawFn) -> str:
    return (
        draw(st.sampled_from(SUBJECTS))
        + " "
        + draw(st.sampled_from(VERBS))
        + " "
        + draw(amounts())
        + draw(st.sampled_from(DATES))
        + draw(st.sampled_from(NOISE))
        + draw(st.sampled_from([".", "!", "?", "", ". "]))
    )


@st.composite
def statements(draw: st.DrawFn) -> str:
    turns = []
    for _ in range(draw(st.integers(1, 4))):
        said = " ".join(draw(st.lists(sentences(), min_size=1, max_size=4)))
        turns.append(draw(st.sampled_from(SPEAKERS)) + said)
    header = draw(st.sampled_from(["", "Astana, 27 November 2024\n\n", "Press statements\n\n"]))
    return header + "\n\n".join(turns)


def _squash(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split())


def run(statement: str) -> tuple[RawDocument, Document] | None:
    try:
        raw = document_from_text(statement, source="fuzz.txt", fmt="text")
    except InputError:
        return None
    return raw, process_document(raw)


def check_claims(raw: RawDocument, doc: Document) -> None:
    text, original, offsets = raw.text, raw.original, raw.offset_map
    assert doc.text == text
    event(f"claims found: {min(len(doc.claims), 5)}{'+' if len(doc.claims) > 5 else ''}")
    for turn in doc.turns:
        assert 0 <= turn.span.start <= turn.span.end <= len(text)
    for claim in doc.claims:
        start, end = claim.span.start, claim.span.end
        assert 0 <= start < end <= len(text), claim
        assert claim.quote == text[start:end]
        if claim.sentence is not None:
            assert 0 <= claim.sentence.start <= start and end <= claim.sentence.end <= len(text)
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high, claim
        assert claim.value.is_finite() and claim.unit
        # back to the original: the same words, whatever spaces normalisation changed
        first, last = offsets[start], offsets[end - 1]
        assert 0 <= first <= last < len(original)
        assert _squash(original[first : last + 1]) == _squash(claim.quote), claim


@FUZZ
@given(statements())
def test_fuzz_extractor_statements(statement: str) -> None:
    note(f"statement: {statement!r}")
    done = run(statement)
    if done is not None:
        check_claims(*done)


@FUZZ
@given(st.lists(st.sampled_from(NUMBER_WORDS + SCALES + PREFIXES + HEDGES) | sentences()))
def test_fuzz_extractor_fragments(parts: list[str]) -> None:
    """Pieces in any order: hedges without numbers, scales without figures, and so on."""
    statement = " ".join(parts)
    note(f"statement: {statement!r}")
    done = run(statement)
    if done is not None:
        check_claims(*done)
