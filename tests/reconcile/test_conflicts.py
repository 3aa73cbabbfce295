"""find_conflicts: what contradicts, what only looks like it does, and how records look."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.models import (
    Claim,
    ConflictKind,
    Modality,
    Period,
    Qualifier,
    Severity,
    Span,
    TimeSource,
)
from communique.reconcile.conflicts import (
    MAX_CONFLICTS_PER_GROUP,
    find_conflicts,
    find_incomparable,
)

Y2021 = {"period": Period(start=date(2021, 1, 1), end=date(2021, 12, 31))}
Y2023 = {"period": Period(start=date(2023, 1, 1), end=date(2023, 12, 31))}
JAN_OCT_2022 = {"period": Period(start=date(2022, 1, 1), end=date(2022, 10, 31))}
Y2022 = {"period": Period(start=date(2022, 1, 1), end=date(2022, 12, 31))}
STOCK = {"metric": "investment_stock:RU-KZ", "as_of": "2024-11-27", "said": "2024-11-27"}
FIRMS = {"metric": "companies_with_capital:RU-KZ", "unit": "count", "as_of": "2024-11-27"}
PEOPLE = {"metric": "students:KZ-RU", "unit": "count", "as_of": "2024-11-27"}

# (quote, value, options) pairs mirroring the seeds gold and the genre's usual phrasings.
CONFLICTING = [
    pytest.param(
        ("surpassed $24 billion", 24e9, {"qualifier": "over", **STOCK}),
        ("$13 billion", 13e9, {"speaker": "Speaker B", **STOCK}),
        ConflictKind.LITERAL,
        Severity.HIGH,
        id="stock-over-24-vs-13-same-day",
    ),
    pytest.param(
        ("$24.5 billion", 24.5e9, {"source": "doc-0.txt", "said": "2022-11-28", **Y2021}),
        ("US$25.6 billion", 25.6e9, {"speaker": "Speaker B", **Y2021}),
        ConflictKind.LITERAL,
        Severity.HIGH,
        id="trade-2021-both-exact",
    ),
    pytest.param(
        ("exceeded US$21 billion", 21e9, {"qualifier": "over", **Y2021}),
        ("US$25.6 billion", 25.6e9, {"speaker": "Speaker B", **Y2021}),
        ConflictKind.PRAGMATIC,
        Severity.MEDIUM,
        id="trade-2021-exceeded-21-vs-25.6",
    ),
    pytest.param(
        ("almost 50 percent", 50, {"qualifier": "nearly", "unit": "percent", **Y2021}),
        ("62 percent", 62, {"unit": "percent", "speaker": "Speaker B", **Y2021}),
        ConflictKind.LITERAL,
        Severity.HIGH,
        id="nearly-is-below",
    ),
    pytest.param(
        ("less than $5 billion", 5e9, {"qualifier": "under", **Y2021}),
        ("$3 billion", 3e9, {"speaker": "Speaker B", **Y2021}),
        ConflictKind.PRAGMATIC,
        Severity.MEDIUM,
        id="under-5-vs-3",
    ),
    pytest.param(
        ("$28.4 billion", 28.4e9, Y2023),
        ("$28.6 billion", 28.6e9, {"speaker": "Speaker B", **Y2023}),
        ConflictKind.LITERAL,
        Severity.MEDIUM,
        id="rounding-size-gap-is-medium",
    ),
]

CONSISTENT = [
    pytest.param(
        ("approximately 24,000 companies", 24000, {"qualifier": "about", **FIRMS}),
        ("over 23,000 businesses", 23000, {"qualifier": "over", "speaker": "B", **FIRMS}),
        id="about-24000-and-over-23000",
    ),
    pytest.param(
        ("About 60,000 students", 60000, {"qualifier": "about", **PEOPLE}),
        ("over 60,000 students", 60000, {"qualifier": "over", "speaker": "B", **PEOPLE}),
        id="about-and-over-60000",
    ),
    pytest.param(
        ("closely approached $30 billion", 30e9, {"qualifier": "nearly", **Y2023}),
        ("$28.4 billion", 28.4e9, Y2023),
        id="nearly-30-and-28.4",
    ),
    pytest.param(
        ("US$17 billion", 17e9, {**STOCK}),
        ("exceeded US$17 billion", 17e9, {"qualifier": "over", "speaker": "B", **STOCK}),
        id="17-and-exceeded-17-same-day",
    ),
    pytest.param(
        ("$22.2 billion", 22.2e9, JAN_OCT_2022),
        ("$20 billion", 20e9, {"speaker": "B", **Y2022}),
        id="jan-oct-versus-year",
    ),
    pytest.param(
        ("more than $30 billion", 30e9, {"qualifier": "over", "modality": "target", **Y2023}),
        ("$28.4 billion", 28.4e9, {"speaker": "B", **Y2023}),
        id="target-versus-actual",
    ),
    pytest.param(
        ("2 trillion roubles", 2e12, {"unit": "RUB", **Y2021}),
        ("$25.6 billion", 25.6e9, {"speaker": "B", **Y2021}),
        id="roubles-versus-dollars",
    ),
    pytest.param(
        ("$25.6 billion", 25.6e9, Y2021),
        ("$25.6 billion", 25.6e9, {"speaker": "B", "source": "doc-2.txt", **Y2021}),
        id="same-figure-two-documents",
    ),
    pytest.param(
        ("$17 billion", 17e9, {"metric": "investment_stock:RU-KZ", **Y2021}),
        ("$4.6 billion", 4.6e9, {"metric": "investment_stock:KZ-RU", **Y2021}),
        id="look-alike-metrics-other-direction",
    ),
    pytest.param(
        ("$17 billion", 17e9, {"metric": "investment_stock:RU-KZ", **Y2021}),
        ("over $4.5 billion", 4.5e9, {"metric": "investment_flow:RU-KZ", **Y2021}),
        id="look-alike-metrics-stock-and-flow",
    ),
    pytest.param(
        ("over $17 billion", 17e9, {**STOCK, "as_of": "2022-11-28"}),
        ("$13 billion", 13e9, {**STOCK}),
        id="levels-at-different-moments",
    ),
]


def _pair(
    make_claim: Any, a: tuple[str, float, dict[str, Any]], b: tuple[str, float, dict[str, Any]]
) -> list[Claim]:
    return [make_claim(a[0], a[1], **a[2]), make_claim(b[0], b[1], **b[2])]


@pytest.mark.parametrize(("a", "b", "kind", "severity"), CONFLICTING)
def test_conflicts_flags_disagreement(
    make_claim: Any, a: Any, b: Any, kind: ConflictKind, severity: Severity
) -> None:
    claims = _pair(make_claim, a, b)
    conflicts = find_conflicts(claims)
    assert [(c.kind, c.severity) for c in conflicts] == [(kind, severity)]
    assert {c.id for c in conflicts[0].claims} == {c.id for c in claims}
    assert a[0] in conflicts[0].explanation and b[0] in conflicts[0].explanation


@pytest.mark.parametrize(("a", "b"), CONSISTENT)
def test_conflicts_leaves_consistent_pairs_alone(make_claim: Any, a: Any, b: Any) -> None:
    claims = _pair(make_claim, a, b)
    assert find_conflicts(claims) == []
    # Swapping the order changes nothing.
    assert find_conflicts(claims[::-1]) == []


def test_conflicts_explanation_names_metric_moment_speakers_and_dates(make_claim: Any) -> None:
    claims = [
        make_claim(
            "exceeded US$21 billion",
            21e9,
            qualifier="over",
            speaker="Kassym-Jomart Tokayev",
            **Y2021,
        ),
        make_claim("US$25.6 billion", 25.6e9, speaker="Vladimir Putin", **Y2021),
    ]
    [conflict] = find_conflicts(claims)
    text = conflict.explanation
    for part in (
        "Trade between Kazakhstan and Russia in 2021",
        "Kassym-Jomart Tokayev",
        "Vladimir Putin",
        "(2022-02-10)",
        "the same day",
    ):
        assert part in text
    assert conflict.period == Y2021["period"] and conflict.metric == "trade:KZ-RU"


def test_conflicts_uses_catalogue_labels(make_claim: Any) -> None:
    claims = _pair(
        make_claim, ("$1 billion", 1e9, Y2021), ("$3 billion", 3e9, {"speaker": "B", **Y2021})
    )
    [conflict] = find_conflicts(claims, labels={"trade:KZ-RU": "Bilateral trade"})
    assert conflict.explanation.startswith("Bilateral trade in 2021")


@pytest.mark.parametrize(
    ("first", "second", "kind", "severity"),
    [
        pytest.param(
            ("exceeded US$21 billion", 21e9, "over"),
            ("$24.5 billion", 24.5e9, "exact"),
            ConflictKind.REVISION,
            Severity.LOW,
            id="hedge-then-figure",
        ),
        pytest.param(
            ("$24.5 billion", 24.5e9, "exact"),
            ("$25.1 billion", 25.1e9, "exact"),
            ConflictKind.REVISION,
            Severity.MEDIUM,
            id="figure-then-figure",
        ),
    ],
)
def test_conflicts_same_speaker_across_documents_is_a_revision(
    make_claim: Any, first: Any, second: Any, kind: ConflictKind, severity: Severity
) -> None:
    claims = [
        make_claim(
            first[0],
            first[1],
            qualifier=first[2],
            speaker="Kassym-Jomart Tokayev",
            source="feb.txt",
            said="2022-02-10",
            **Y2021,
        ),
        make_claim(
            second[0],
            second[1],
            qualifier=second[2],
            speaker="Kassym-Jomart Tokayev",
            source="nov.txt",
            said="2022-11-28",
            **Y2021,
        ),
    ]
    [conflict] = find_conflicts(claims)
    assert (conflict.kind, conflict.severity) == (kind, severity)
    assert "later" in conflict.explanation


def test_conflicts_same_speaker_same_document_is_not_a_revision(make_claim: Any) -> None:
    claims = [
        make_claim("$24.5 billion", 24.5e9, **Y2021),
        make_claim("$25.6 billion", 25.6e9, **Y2021),
    ]
    [conflict] = find_conflicts(claims)
    assert conflict.kind is ConflictKind.LITERAL


@pytest.mark.parametrize(
    ("before", "after", "days", "jump"),
    [
        pytest.param(
            ("$20 billion", 20e9), ("$9 billion", 9e9), 365, True, id="stock-halves-in-a-year"
        ),
        pytest.param(
            ("about 7,500", 7500), ("approximately 24,000", 24000), 1021, True, id="count-triples"
        ),
        pytest.param(("$17 billion", 17e9), ("$13 billion", 13e9), 1021, False, id="ordinary-fall"),
        pytest.param(
            ("$10 billion", 10e9), ("$24 billion", 24e9), 2000, False, id="slow-growth-over-years"
        ),
    ],
)
def test_conflicts_flags_large_jumps_between_moments(
    make_claim: Any, before: Any, after: Any, days: int, jump: bool
) -> None:
    start = date(2021, 1, 1)
    end = date.fromordinal(start.toordinal() + days)
    qual = "about" if before[0].startswith("about") else "exact"
    claims = [
        make_claim(
            before[0],
            before[1],
            qualifier=qual,
            metric="stock:RU-KZ",
            as_of=start.isoformat(),
            said=start.isoformat(),
            source="a.txt",
        ),
        make_claim(
            after[0],
            after[1],
            metric="stock:RU-KZ",
            as_of=end.isoformat(),
            said=end.isoformat(),
            source="b.txt",
            speaker="B",
        ),
    ]
    found = [c for c in find_conflicts(claims) if c.kind is ConflictKind.JUMP]
    assert bool(found) is jump
    if jump:
        assert found[0].severity is Severity.LOW and len(found[0].claims) == 2


def test_conflicts_jump_needs_every_claim_to_move(make_claim: Any) -> None:
    """A moment whose own claims disagree (24 vs 13) does not make a jump from 17."""
    claims = [
        make_claim("$17 billion", 17e9, metric="s:RU-KZ", as_of="2023-01-01"),
        make_claim(
            "over $40 billion",
            40e9,
            qualifier="over",
            metric="s:RU-KZ",
            as_of="2024-01-01",
            source="b.txt",
        ),
        make_claim(
            "$18 billion", 18e9, metric="s:RU-KZ", as_of="2024-01-01", source="b.txt", speaker="B"
        ),
    ]
    assert {c.kind for c in find_conflicts(claims)} == {ConflictKind.LITERAL}


def test_conflicts_records_stay_small_on_a_crowded_metric(make_claim: Any) -> None:
    claims = [
        make_claim("$25.6 billion", 25.6e9, source=f"d{i}.txt", speaker="Putin", **Y2021)
        for i in range(20)
    ]
    claims += [
        make_claim("$24.5 billion", 24.5e9, source=f"e{i}.txt", speaker="Tokayev", **Y2021)
        for i in range(20)
    ]
    conflicts = find_conflicts(claims)
    assert len(conflicts) == 1
    assert len(conflicts[0].claims) <= 6
    assert "more claims" in conflicts[0].explanation


def test_conflicts_currency_mismatch_is_noted_not_flagged(make_claim: Any) -> None:
    claims = [
        make_claim("2 trillion roubles", 2e12, unit="RUB", **Y2021),
        make_claim("$25.6 billion", 25.6e9, **Y2021),
    ]
    assert find_conflicts(claims) == []
    [note] = find_incomparable(claims)
    assert note.units == ("RUB", "USD") and "not compared" in note.note


def test_conflicts_prefers_the_extractors_interval(make_claim: Any) -> None:
    """low/high from the extractor override the derived reading ("about" made tight here)."""
    tight = make_claim(
        "about $20 billion",
        20e9,
        qualifier="about",
        low=Decimal("19.9e9"),
        high=Decimal("20.1e9"),
        **Y2021,
    )
    other = make_claim("$21 billion", 21e9, speaker="B", **Y2021)
    assert find_conflicts([tight, other])[0].kind is ConflictKind.LITERAL
    loose = make_claim("about $20 billion", 20e9, qualifier="about", **Y2021)
    assert find_conflicts([loose, other]) == []


_claims = st.builds(
    Claim,
    quote=st.text(max_size=20),
    value=st.decimals(allow_nan=True, allow_infinity=True),
    unit=st.sampled_from(["USD", "RUB", "count", "percent", "rank", ""]),
    qualifier=st.sampled_from(list(Qualifier)),
    low=st.none() | st.decimals(allow_nan=True, allow_infinity=True),
    high=st.none() | st.decimals(allow_nan=True, allow_infinity=True),
    metric=st.sampled_from(["", "trade:KZ-RU", "stock:RU-KZ"]),
    period=st.none() | st.sampled_from([Y2021["period"], Y2023["period"]]),
    as_of=st.none() | st.dates(min_value=date(2020, 1, 1), max_value=date(2025, 1, 1)),
    modality=st.sampled_from(list(Modality)),
    speaker=st.sampled_from(["", "A", "B", "Question"]),
    span=st.builds(lambda n: Span(start=n, end=n + 1), st.integers(0, 400)),
    indicator=st.sampled_from(["", "trade", "investment"]),
    scope=st.none() | st.sampled_from(["florida", "pilots"]),
    time_source=st.none() | st.sampled_from(list(TimeSource)),
    vague=st.booleans(),
    enumeration=st.none() | st.sampled_from([0, 100]),
    id=st.integers(min_value=1, max_value=10**6),
    source=st.none() | st.sampled_from(["a.txt", "b.txt"]),
    document_date=st.none() | st.dates(min_value=date(2020, 1, 1), max_value=date(2025, 1, 1)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_claims, max_size=12))
def test_conflicts_never_crashes_on_arbitrary_claims(claims: list[Claim]) -> None:
    conflicts = find_conflicts(claims)
    ids = {id(c) for c in claims}
    for conflict in conflicts:
        assert len(conflict.claims) >= 2
        assert all(id(c) in ids for c in conflict.claims)
        assert conflict.explanation and conflict.reasons
        assert 0 < conflict.confidence <= 1
        assert all(c.indicator and not c.vague for c in conflict.claims)
    find_incomparable(claims)


def test_conflicts_keep_only_the_starkest_on_a_crowded_group(make_claim: Any) -> None:
    claims = [
        make_claim(f"${n} billion", n * 10**9, speaker=f"S{n}", source=f"d{n}.txt", **Y2021)
        for n in range(10, 40)
    ]
    conflicts = find_conflicts(claims)
    assert len(conflicts) == MAX_CONFLICTS_PER_GROUP < 30 * 29 // 2
    widest = {c.quote for c in conflicts[0].claims}
    assert widest == {"$10 billion", "$39 billion"}
