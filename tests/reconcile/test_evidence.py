"""The evidence a conflict needs, class by class of the look-alikes that real archives are full
of, and the confidence and reasons a conflict carries. Claims are hand-built here (what the
extractor would hand over); tests/reconcile/test_statements.py runs short statements through
the extractor where the extractor's reading is what decides."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from communique.models import ConflictKind, Period
from communique.reconcile.conflicts import find_conflicts
from communique.reconcile.evidence import SELF_CORRECTION_CHARS, excluded, unrelated

Y2021 = {"period": Period(start=date(2021, 1, 1), end=date(2021, 12, 31))}
NOV_2022 = {"period": Period(start=date(2022, 11, 1), end=date(2022, 11, 30))}
SINCE_JAN_2021 = {"period": Period(start=date(2021, 1, 20), end=date(2022, 12, 2))}
JOBS = {"metric": "jobs:US", "unit": "count"}
RATE = {"metric": "unemployment:US", "unit": "percent"}
TODAY = {"as_of": "2021-03-05", "said": "2021-03-05"}


# Each case: two claims that look alike (same metric key, and mostly the same moment) and
# must not be flagged, named by the class of the judged real findings they stand for.
NOT_CONFLICTS = [
    pytest.param(
        ("9.9 percent for African Americans", 9.9, {**RATE, **TODAY, "enumeration": 40}),
        ("8.5 percent for Hispanics", 8.5, {**RATE, **TODAY, "enumeration": 40}),
        id="items-of-one-enumeration",
    ),
    pytest.param(
        ("for pilots 92 percent", 92, {**RATE, **TODAY, "scope": "pilots"}),
        ("for the Navy 62 percent", 62, {**RATE, **TODAY, "scope": "navy", "speaker": "B"}),
        id="different-groups",
    ),
    pytest.param(
        ("5.9 percent", 5.9, {**RATE, **TODAY, "scope": "florida"}),
        ("6.4 percent", 6.4, {**RATE, **TODAY, "speaker": "B"}),
        id="part-and-whole-state-and-nation",
    ),
    pytest.param(
        ("more than 260,000 jobs last month", 260000, {**JOBS, **NOV_2022, "qualifier": "over"}),
        ("10.5 million jobs", 10.5e6, {**JOBS, **SINCE_JAN_2021}),
        id="monthly-and-cumulative",
    ),
    pytest.param(
        (
            "shipped over 15.6 million meals",
            15.6e6,
            {"metric": "meals_flow:US", "unit": "count", **TODAY, "qualifier": "over"},
        ),
        ("20 million meals", 20e6, {"metric": "meals_stock:US", "unit": "count", **TODAY}),
        id="flow-and-stock",
    ),
    pytest.param(
        (
            "500 pharmacies",
            500,
            {"metric": "pharmacies", "unit": "count", **TODAY, "indicator": ""},
        ),
        (
            "50 pharmacies",
            50,
            {"metric": "pharmacies", "unit": "count", **TODAY, "indicator": "", "speaker": "B"},
        ),
        id="counts-of-no-recognised-indicator",
    ),
    pytest.param(
        ("peaked at 9 percent", 9, {"metric": "inflation:US", "unit": "percent", **TODAY}),
        (
            "9.1 percent",
            9.1,
            {"metric": "inflation:US", "unit": "percent", **TODAY, "speaker": "B"},
        ),
        id="rounded-restatement",
    ),
    pytest.param(
        ("more than a million jobs", 1e6, {**JOBS, **TODAY, "qualifier": "over"}),
        ("1.3 million jobs", 1.3e6, {**JOBS, **TODAY, "speaker": "B"}),
        id="over-x-fits-a-larger-figure",
    ),
    pytest.param(
        ("more than 2,300", 2300, {**JOBS, **Y2021, "qualifier": "over", "at": 100}),
        ("2.3 million", 2.3e6, {**JOBS, **Y2021, "at": 140}),
        id="self-correction-in-one-turn",
    ),
    pytest.param(
        ("6.7 million jobs last year", 6.7e6, {**JOBS, **Y2021}),
        ("well over 7 million jobs", 7e6, {**JOBS, **SINCE_JAN_2021, "qualifier": "over"}),
        id="different-periods",
    ),
    pytest.param(
        (
            "164 million Americans",
            164e6,
            {"metric": "vaccinated:US", "unit": "count", "as_of": "2021-07-29", "source": "a.txt"},
        ),
        (
            "165 million Americans",
            165e6,
            {"metric": "vaccinated:US", "unit": "count", "as_of": "2021-08-02", "source": "b.txt"},
        ),
        id="running-total-updated",
    ),
    pytest.param(
        (
            "16 million Americans",
            16e6,
            {
                "metric": "benefits:US",
                "unit": "count",
                **TODAY,
                "time_source": "document",
                "source": "a.txt",
            },
        ),
        (
            "20 million Americans",
            20e6,
            {
                "metric": "benefits:US",
                "unit": "count",
                **TODAY,
                "time_source": "document",
                "source": "b.txt",
            },
        ),
        id="dated-only-by-two-different-statements",
    ),
    pytest.param(
        ("thousands of jobs", 1000, {**JOBS, **TODAY, "vague": True, "qualifier": "at_least"}),
        ("500 jobs", 500, {**JOBS, **TODAY, "speaker": "B"}),
        id="vague-plural",
    ),
    pytest.param(
        ("6.1 percent", 6.1, {**RATE, "as_of": "2021-03-11"}),
        ("6.4 percent", 6.4, {**RATE, "as_of": "2021-01-20", "speaker": "B"}),
        id="different-moments",
    ),
]


def _claims(make_claim: Any, *pairs: tuple[str, float, dict[str, Any]]) -> list[Any]:
    return [make_claim(quote, value, **options) for quote, value, options in pairs]


@pytest.mark.parametrize(("a", "b"), NOT_CONFLICTS)
def test_evidence_look_alikes_are_not_conflicts(make_claim: Any, a: Any, b: Any) -> None:
    claims = _claims(make_claim, a, b)
    assert find_conflicts(claims) == []
    assert find_conflicts(claims[::-1]) == []


def test_evidence_says_why_a_claim_or_pair_is_left_out(make_claim: Any) -> None:
    assert excluded(make_claim("500", 500, **JOBS, indicator="", **TODAY)) == (
        "about no recognised indicator"
    )
    assert excluded(make_claim("$3 bn", 3e9, modality="target", **Y2021)) == (
        "a target, not an actual figure"
    )
    assert excluded(make_claim("$3 bn", 3e9, **Y2021, time_source=None)) == (
        "its time was not established"
    )
    a = make_claim("9.9 percent", 9.9, **RATE, **TODAY, enumeration=7)
    b = make_claim("8.5 percent", 8.5, **RATE, **TODAY, enumeration=7)
    assert unrelated(a, b) == "items of one enumeration"
    far = make_claim("12 percent", 12, **RATE, **TODAY, at=a.span.end + SELF_CORRECTION_CHARS + 1)
    near = make_claim("11 percent", 11, **RATE, **TODAY, at=a.span.end + 5)
    assert unrelated(a, near) == (
        "one voice giving two figures a few words apart: a correction, a list or a change"
    )
    assert unrelated(a, far) is None


def test_evidence_one_statements_moment_of_speaking_is_shared(make_claim: Any) -> None:
    """Two figures with no time of their own in one statement are said of one 'now' (the
    seeds' ">$24 billion" and "$13 billion" of Russian investment); across two statements
    that moment is not shown to be the same."""
    stock = {"metric": "investment_stock:RU>KZ", "as_of": "2024-11-27", "said": "2024-11-27"}
    over = make_claim(
        "surpassed $24 billion", 24e9, qualifier="over", time_source="document", **stock
    )
    same_doc = make_claim("$13 billion", 13e9, speaker="B", time_source="document", **stock)
    other_doc = make_claim(
        "$13 billion", 13e9, speaker="B", time_source="document", source="other.txt", **stock
    )
    [conflict] = find_conflicts([over, same_doc])
    assert conflict.kind is ConflictKind.LITERAL
    assert any("moment of speaking" in r for r in conflict.reasons)
    assert find_conflicts([over, other_doc]) == []


def test_evidence_far_apart_in_one_turn_is_a_conflict_of_lower_confidence(
    make_claim: Any,
) -> None:
    one = make_claim("6.4 million jobs", 6.4e6, **JOBS, **Y2021, at=100)
    later = make_claim("6.9 million jobs", 6.9e6, **JOBS, **Y2021, at=5000)
    other = make_claim("6.9 million jobs", 6.9e6, **JOBS, **Y2021, at=5000, speaker="B")
    [self_contradiction] = find_conflicts([one, later])
    [two_people] = find_conflicts([one, other])
    assert self_contradiction.kind is two_people.kind is ConflictKind.LITERAL
    assert self_contradiction.confidence < two_people.confidence


def test_evidence_confidence_ranks_the_stronger_evidence_first(make_claim: Any) -> None:
    def conflict(**changes: Any) -> Any:
        a = {"speaker": "A", **Y2021, **changes.get("a", {})}
        b = {"speaker": "B", "source": "doc-2.txt", **Y2021, **changes.get("b", {})}
        [found] = find_conflicts(
            [
                make_claim(changes.get("qa", "$24.5 billion"), changes.get("va", 24.5e9), **a),
                make_claim(changes.get("qb", "$25.6 billion"), changes.get("vb", 25.6e9), **b),
            ]
        )
        return found

    exact_stated = conflict()
    relative = conflict(a={"time_source": "relative"})
    hedged = conflict(qa="exceeded $21 billion", va=21e9, a={"qualifier": "over"})
    journalist = conflict(b={"speaker": "Question"})
    rounding = conflict(qa="$25.5 billion", va=25.5e9, qb="$25.7 billion", vb=25.7e9)
    assert exact_stated.kind is ConflictKind.LITERAL and hedged.kind is ConflictKind.PRAGMATIC
    assert exact_stated.confidence > relative.confidence
    assert exact_stated.confidence > hedged.confidence
    assert exact_stated.confidence > journalist.confidence
    assert exact_stated.confidence > rounding.confidence
    reasons = " | ".join(exact_stated.reasons)
    for words in (
        "same indicator: trade (KZ-RU)",
        "same period, stated",
        "said by A and by B",
        "doc-2.txt",
        "both figures exact",
        "cannot both be true",
    ):
        assert words in reasons
    assert any("resolved from words" in r for r in relative.reasons)
    assert any("hedged: 'exceeded $21 billion'" in r for r in hedged.reasons)


def test_evidence_a_revision_ranks_below_a_contradiction(make_claim: Any) -> None:
    feb = make_claim(
        "44 Americans",
        44,
        metric="killed:US",
        unit="count",
        as_of="2023-10-07",
        speaker="Kamala Harris",
        source="a.txt",
        said="2023-11-01",
    )
    dec = make_claim(
        "46 Americans",
        46,
        metric="killed:US",
        unit="count",
        as_of="2023-10-07",
        speaker="Kamala Harris",
        source="b.txt",
        said="2023-12-02",
    )
    other = make_claim(
        "46 Americans",
        46,
        metric="killed:US",
        unit="count",
        as_of="2023-10-07",
        speaker="Antony Blinken",
        source="b.txt",
        said="2023-12-02",
    )
    [revision] = find_conflicts([feb, dec])
    [contradiction] = find_conflicts([feb, other])
    assert revision.kind is ConflictKind.REVISION
    assert contradiction.kind is ConflictKind.LITERAL
    assert revision.confidence < contradiction.confidence
    assert any("revision" in r for r in revision.reasons)


@pytest.mark.parametrize(
    ("options", "why"),
    [
        pytest.param(
            {"metric": "aid:US", "indicator": "aid"},
            "an indicator between two parties with only one named",
            id="aid-with-no-recipient",
        ),
        pytest.param(
            {"metric": "funding:US", "indicator": "funding"},
            "one of many items of funding: a key cannot say which",
            id="funding-of-no-named-item",
        ),
    ],
)
def test_evidence_an_indicator_needs_what_identifies_its_quantity(
    make_claim: Any, options: dict[str, Any], why: str
) -> None:
    a = make_claim("$276 million", 276e6, **Y2021, **options)
    b = make_claim("$800 million", 800e6, **Y2021, **options, speaker="B", source="b.txt")
    assert excluded(a) == why
    assert find_conflicts([a, b]) == []
    if options["indicator"] == "funding":  # a scope names a sector, not the item: still out
        scoped = {"metric": "funding:US/transportation", "scope": "transportation"}
        assert find_conflicts([replace(a, **scoped), replace(b, **scoped)]) == []
        return
    named = [replace(a, metric="aid:US-UA"), replace(b, metric="aid:US-UA")]
    assert len(find_conflicts(named)) == 1


def test_evidence_a_flow_said_now_has_no_moment(make_claim: Any) -> None:
    """Trade said with no period ("bilateral trade has reached US$140 billion" beside a goal of
    US$200 billion) is not a level of the moment of speaking, unlike a stock."""
    now = {"as_of": "2022-02-04", "said": "2022-02-04", "time_source": "document"}
    flows = [
        make_claim("US$140 billion", 140e9, metric="trade:CN-RU", **now),
        make_claim("US$200 billion", 200e9, metric="trade:CN-RU", speaker="B", **now),
    ]
    stocks = [
        make_claim(
            "$24 billion", 24e9, metric="investment_stock:RU-KZ", indicator="investment", **now
        ),
        make_claim(
            "$13 billion",
            13e9,
            metric="investment_stock:RU-KZ",
            indicator="investment",
            speaker="B",
            **now,
        ),
    ]
    assert find_conflicts(flows) == []
    assert [c.kind for c in find_conflicts(stocks)] == [ConflictKind.LITERAL]


def test_evidence_a_passage_repeated_later_is_still_one_passage(make_claim: Any) -> None:
    """ "1.14 million shots today ... 400 million shots ... 400 million shots in nine months":
    the repeat further on does not make the pair a self-contradiction."""
    shots = {"metric": "vaccinations:US", "unit": "count", **TODAY}
    first = make_claim("1.14 million shots", 1.14e6, **shots, at=100)
    near = make_claim("400 million shots", 400e6, **shots, at=250)
    again = make_claim("400 million shots", 400e6, **shots, at=100 + SELF_CORRECTION_CHARS + 50)
    assert find_conflicts([first, near, again]) == []
    assert len(find_conflicts([first, again])) == 1
