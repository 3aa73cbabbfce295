"""The values that flow through the pipeline: read → describe → segment → extract → store.

Every value is a frozen dataclass; contract vocabularies are StrEnums whose values are the
export strings. Offsets are half-open spans into a document's *normalised* text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum


class Qualifier(StrEnum):
    """How a figure is hedged; the values are the export strings of shared/eval/README.md."""

    EXACT = "exact"
    OVER = "over"
    AT_LEAST = "at_least"
    ABOUT = "about"
    NEARLY = "nearly"
    UNDER = "under"
    AT_MOST = "at_most"


class Modality(StrEnum):
    ACTUAL = "actual"
    TARGET = "target"
    PLAN = "plan"


class TimeSource(StrEnum):
    """How a claim's period or moment was established; conflicts trust the first two."""

    STATED = "stated"  # written out: "in 2021", "January–October 2022", "by 2030"
    RELATIVE = "relative"  # resolved against the document's date: "last year", "this month"
    DOCUMENT = "document"  # no time in the text: the document's date


class ConflictKind(StrEnum):
    LITERAL = "literal"  # the intervals are disjoint
    PRAGMATIC = "pragmatic"  # compatible on paper, contradictory in ordinary reading
    REVISION = "revision"  # one speaker or source changes its figure for the same period
    JUMP = "jump"  # a large move between two moments of a level


class Verdict(StrEnum):
    """An analyst's judgement of a conflict."""

    CONFIRMED = "confirmed"  # a real contradiction
    DISMISSED = "dismissed"  # not one (different groups, a correction, a misread figure...)


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


QUESTION = "Question"
"""Canonical speaker of a journalist's question."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """Half-open [start, end) character offsets into a document's normalised text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """A closed span of days, [start, end] inclusive, as the export contract writes it."""

    start: date
    end: date


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """What `read` produces: the decoded original, the normalised text, and metadata hints."""

    source: str  # path, URL, or FILE.jsonl#ID
    original: str  # decoded text as it came (HTML already reduced to text by trafilatura)
    text: str  # normalised text: every offset downstream refers to it
    content_hash: str  # sha256 of the normalised text: re-ingest is idempotent
    format: str  # "text", "markdown", "html", "jsonl"
    offset_map: tuple[int, ...] = ()  # offset_map[i] = index in `original` of text[i]
    title: str | None = None  # hints from metadata (HTML <title>, JSONL fields)
    date: date | None = None
    url: str | None = None
    publisher: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """A person: "President of Russia Vladimir Putin" and "President Putin" are one."""

    name: str  # canonical full name
    roles: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-2
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Description:
    """What `describe` finds out about a document."""

    title: str | None = None
    date: date | None = None
    place: str | None = None
    publisher: str | None = None
    participants: tuple[str, ...] = ()  # canonical names
    countries: tuple[
        str, ...
    ] = ()  # ISO alpha-2 codes of the parties, first the host/publisher side


@dataclass(frozen=True, slots=True, kw_only=True)
class Turn:
    """One speaker turn; `span` covers what was said (not the speaker label)."""

    speaker: str  # canonical name, QUESTION, or the label as written when unknown
    span: Span
    label: str = ""  # the speaker label as written ("President of Russia Vladimir Putin")
    role: str | None = None
    country: str | None = None  # ISO alpha-2 of the speaker


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One quantitative claim; `span` covers `quote` in the normalised text."""

    quote: str  # the quantity expression as written, with its hedge: "over $17 billion"
    value: Decimal  # base units: 17000000000 for "$17 billion"
    unit: str  # ISO 4217 code, "percent", "count", "rank"
    qualifier: Qualifier = Qualifier.EXACT
    low: Decimal | None = None  # interval implied by the hedge and the precision as written
    high: Decimal | None = None
    step: Decimal | None = None  # place value of the last digit written: 0.1e9 in "$25.6 billion"
    metric: str = ""  # provisional key shared by claims about one indicator
    metric_phrase: str = ""  # what is measured, as written: "bilateral trade"
    indicator: str = ""  # the recognised indicator ("trade", "unemployment"), "" when none
    scope: str | None = None  # a region, sector or group it is said of: "kaluga-region"
    subject: str | None = None  # ISO alpha-2: whose indicator ("Russian investment" → RU)
    object: str | None = None  # ISO alpha-2: towards whom ("... in Kazakhstan" → KZ)
    period: Period | None = None  # for amounts over a span of time
    as_of: date | None = None  # for a level at a moment
    time_source: TimeSource | None = None  # how period or as_of was established; None: undated
    modality: Modality = Modality.ACTUAL
    vague: bool = False  # a vague plural read as a lower bound: "thousands of lives" ≥ 1000
    enumeration: int | None = None  # start offset of the list of parallel figures it is one of
    speaker: str = ""
    span: Span
    sentence: Span | None = None
    extractor: str = ""  # versioned stage name: "communique.claims.v1"
    # Filled by the ledger when a claim is read back; None on freshly extracted claims.
    id: int | None = None
    source: str | None = None
    document_date: date | None = None
    metric_auto: str = ""  # the extractor's key before reconciliation rewrote `metric`


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    """An analyst's verdict on a conflict, kept by the identity of its claims (document content
    hash, span and value), so it outlives conflict ids across re-ingest and re-reconcile."""

    verdict: Verdict
    note: str = ""
    at: datetime | None = None
    claims: tuple[str, ...] = ()  # identities of the claims judged (see store/reviews.py)


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """A disagreement between claims on one metric for one period or moment."""

    kind: ConflictKind
    severity: Severity
    metric: str
    explanation: str
    claims: tuple[Claim, ...] = field(default_factory=tuple)
    period: Period | None = None
    as_of: date | None = None
    id: int | None = None
    confidence: float = 0.0  # 0..1: how sure the evidence makes it a real contradiction
    reasons: tuple[str, ...] = ()  # the evidence in plain words, strongest first
    review: Review | None = None  # the analyst's verdict, when one was given


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A document as the ledger holds it, with what each stage found."""

    source: str
    content_hash: str
    text: str
    original: str = ""
    format: str = "text"
    title: str | None = None
    date: date | None = None
    place: str | None = None
    publisher: str | None = None
    url: str | None = None
    participants: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    turns: tuple[Turn, ...] = ()
    claims: tuple[Claim, ...] = ()
    id: int | None = None
