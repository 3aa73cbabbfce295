"""Conflicts end to end from short statements of our own, through the real extractor: what the
extractor reads (indicator, scope, enumeration, period and how it was established) is what
decides whether two look-alike figures are flagged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import count

import pytest

from communique.extract import extract_claims
from communique.models import Claim, ConflictKind, Description, Span, Turn
from communique.reconcile.conflicts import find_conflicts

_IDS = count(1)
US = ("US",)
RU_KZ = ("RU", "KZ")


def _statement(
    text: str, *, said: str, source: str, countries: tuple[str, ...] = US, speaker: str = ""
) -> list[Claim]:
    turns = (Turn(speaker=speaker, span=Span(start=0, end=len(text))),) if speaker else ()
    claims = extract_claims(
        text, turns, description=Description(date=date.fromisoformat(said), countries=countries)
    )
    return [
        replace(c, id=next(_IDS), source=source, document_date=date.fromisoformat(said))
        for c in claims
    ]


def _conflicts(*statements: tuple[str, str, str]) -> list[object]:
    """(text, date said, speaker) of each statement → the conflicts among all their claims."""
    claims = [
        claim
        for n, (text, said, speaker) in enumerate(statements)
        for claim in _statement(text, said=said, source=f"s{n}.txt", speaker=speaker)
    ]
    return [c for c in find_conflicts(claims) if c.kind is not ConflictKind.JUMP]


# Look-alikes: one or two statements whose figures share an indicator and must not be flagged.
LOOK_ALIKES = [
    pytest.param(
        [
            (
                "In February 2021, the unemployment rate was 9.9 percent for African Americans "
                "and 8.5 percent for Hispanics.",
                "2021-03-05",
                "Jen Psaki",
            )
        ],
        id="items-of-one-enumeration",
    ),
    pytest.param(
        [
            (
                "In January 2021, unemployment in Florida stood at 5.9 percent.",
                "2021-03-01",
                "Ron Smith",
            ),
            ("In January 2021, the unemployment rate was 6.4 percent.", "2021-03-02", "Jo Lee"),
        ],
        id="part-and-whole-a-state-and-the-nation",
    ),
    pytest.param(
        [
            ("The economy added 260,000 jobs in November 2022.", "2022-12-02", "Jo Lee"),
            ("Since January 2021 the economy has added 10.5 million jobs.", "2022-12-02", "Al Bo"),
        ],
        id="monthly-and-cumulative",
    ),
    pytest.param(
        [
            ("There are 500 pharmacies in the state.", "2023-05-01", "Ann Doe"),
            ("There are 50 pharmacies here in Houston.", "2023-05-01", "Bob Roe"),
        ],
        id="counts-of-no-recognised-indicator",
    ),
    pytest.param(
        [
            ("Inflation peaked at 9.1 percent in June 2022.", "2024-09-19", "Joe Biden"),
            ("In June 2022 inflation peaked at 9 percent.", "2024-03-21", "Jane Roe"),
        ],
        id="rounded-restatement",
    ),
    pytest.param(
        [
            ("In 2021, the economy created more than 6.5 million jobs.", "2022-03-28", "A B"),
            ("The economy created 6.7 million jobs in 2021.", "2022-02-01", "C D"),
        ],
        id="over-x-fits-a-larger-figure",
    ),
    pytest.param(
        [
            (
                "In 2020 the restaurant industry lost more than 2,300 — excuse me — 2.3 million "
                "jobs.",
                "2021-05-05",
                "Joe Biden",
            )
        ],
        id="self-correction",
    ),
    pytest.param(
        [
            ("The economy created 6.7 million jobs in 2021.", "2022-03-14", "Joe Biden"),
            ("Since January 2021, well over 7 million jobs were created.", "2022-03-14", "Al Bo"),
        ],
        id="different-periods",
    ),
    pytest.param(
        [
            ("Today 164 million Americans are fully vaccinated.", "2021-07-29", "Jeff Zients"),
            ("Today 165 million Americans are fully vaccinated.", "2021-08-02", "Jeff Zients"),
        ],
        id="running-total-updated",
    ),
    pytest.param(
        [
            ("Since August 14th, we have evacuated over 80,000 people.", "2021-08-26", "Ann Doe"),
            ("Since August 14th, we have evacuated 105,000 people.", "2021-08-28", "Bob Roe"),
        ],
        id="running-totals-since-a-day",
    ),
    pytest.param(
        [
            ("On October 7, 2023, 1,200 people were killed.", "2024-01-26", "Ann Doe"),
            (
                "On October 7, 2023, Hamas killed 1,200 people, including 46 Americans.",
                "2024-10-07",
                "Bob Roe",
            ),
        ],
        id="part-and-whole-including",
    ),
    pytest.param(
        [
            (
                "President Biden is investing in Pennsylvania. The unemployment rate in the state "
                "is 3.4 percent, down from 7.4 percent when he took office.",
                "2024-04-16",
                "Ann Doe",
            ),
            ("When I was sworn in, unemployment was 6.4 percent.", "2022-10-27", "Joe Biden"),
        ],
        id="a-state-and-the-nation-at-the-start-of-a-term",
    ),
    pytest.param(
        [
            (
                "Over 230 million Americans are fully vaccinated, up from 3.5 million when "
                "President Biden took office.",
                "2023-03-10",
                "Ann Doe",
            ),
            (
                "Less than 2 million people were vaccinated when we came into office.",
                "2024-03-01",
                "Joe Biden",
            ),
        ],
        id="a-time-after-a-base-dates-the-base",
    ),
    pytest.param(
        [
            (
                "By the end of May, we're going to have roughly 600 million doses.",
                "2021-03-23",
                "A B",
            ),
            (
                "By the end of May 2021, there were 220 million doses available.",
                "2021-04-15",
                "C D",
            ),
        ],
        id="a-plan-in-be-going-to",
    ),
]


@pytest.mark.parametrize("statements", LOOK_ALIKES)
def test_statements_look_alikes_are_not_flagged(statements: list[tuple[str, str, str]]) -> None:
    assert _conflicts(*statements) == []


CONTRADICTIONS = [
    pytest.param(
        [
            (
                "In 2021, trade between Russia and Kazakhstan reached $24.5 billion.",
                "2022-11-28",
                "Kassym-Jomart Tokayev",
            ),
            (
                "Trade between Russia and Kazakhstan amounted to $25.6 billion in 2021.",
                "2022-02-10",
                "Vladimir Putin",
            ),
        ],
        ConflictKind.LITERAL,
        id="one-year-two-figures",
    ),
    pytest.param(
        [
            ("In 2021, the economy created 6.4 million jobs.", "2022-01-19", "A B"),
            ("In 2021, the economy created more than 6.5 million jobs.", "2022-03-28", "C D"),
        ],
        ConflictKind.LITERAL,
        id="exact-below-an-over",
    ),
    pytest.param(
        [
            ("Last year, the unemployment rate averaged 6.7 percent.", "2022-02-01", "A B"),
            ("In 2021 the unemployment rate averaged 5.3 percent.", "2022-03-01", "C D"),
        ],
        ConflictKind.LITERAL,
        id="relative-year-and-stated-year",
    ),
    pytest.param(
        [
            (
                "The Child Tax Credit cut child poverty by 40 percent last year.",
                "2022-02-01",
                "Jen Psaki",
            ),
            ("The expanded credit helped cut child poverty in half in 2021.", "2024-03-11", "A B"),
        ],
        ConflictKind.LITERAL,
        id="in-half-is-fifty-percent",
    ),
    pytest.param(
        [
            ("On October 7, Hamas took 240 people hostage.", "2024-05-06", "Kamala Harris"),
            ("On October 7th, Hamas took 250 innocent hostages.", "2024-06-24", "Joe Biden"),
        ],
        ConflictKind.LITERAL,
        id="a-day-without-its-year",
    ),
    pytest.param(
        [
            ("When I was sworn in, unemployment was 6.4 percent.", "2022-10-27", "Joe Biden"),
            (
                "Unemployment was 6.7 percent when the President took office.",
                "2022-04-07",
                "Jen Psaki",
            ),
        ],
        ConflictKind.LITERAL,
        id="the-start-of-a-term",
    ),
    pytest.param(
        [
            ("On October 7, 2023, Hamas took 240 people hostage.", "2024-01-26", "Ann Doe"),
            (
                "I will never forget the horror of October 7, 2023. Women raped on the side of "
                "the road. 250 people kidnapped.",
                "2024-10-07",
                "Bob Roe",
            ),
        ],
        ConflictKind.LITERAL,
        id="an-event-count-takes-the-day-named-before",
    ),
    pytest.param(
        [
            (
                "On October 7, 2023, Hamas killed 1,200 innocent people, including 44 Americans.",
                "2024-01-26",
                "Ann Doe",
            ),
            (
                "I will never forget October 7, 2023. 1,200 innocent people, including 46 "
                "Americans, were massacred by Hamas terrorists.",
                "2024-10-07",
                "Bob Roe",
            ),
        ],
        ConflictKind.LITERAL,
        id="parts-of-one-whole-given-two-ways",
    ),
    pytest.param(
        [
            (
                "I was sworn into office on January 20, 2021. There were only 4 million Americans "
                "who had been vaccinated up to that point.",
                "2021-10-07",
                "Ann Doe",
            ),
            (
                "Less than 2 million people were vaccinated when we came into office.",
                "2024-03-01",
                "Joe Biden",
            ),
        ],
        ConflictKind.LITERAL,
        id="up-to-that-point",
    ),
    pytest.param(
        [
            (
                "Last year trade between Russia and Tajikistan fell by 15 percent. But this year, "
                "we are seeing a 45-percent growth.",
                "2021-12-27",
                "Vladimir Putin",
            ),
            (
                "This year's trade volumes between Russia and Tajikistan topped $1 billion and "
                "increased 25 percent over 2020.",
                "2021-12-27",
                "Emomali Rahmon",
            ),
        ],
        ConflictKind.LITERAL,
        id="a-growth-going-on-about-trade",
    ),
]


@pytest.mark.parametrize(("statements", "kind"), CONTRADICTIONS)
def test_statements_contradictions_are_flagged(
    statements: list[tuple[str, str, str]], kind: ConflictKind
) -> None:
    [conflict] = _conflicts(*statements)
    assert conflict.kind is kind
    assert conflict.confidence > 0 and conflict.reasons
