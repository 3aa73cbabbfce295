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


class DatePrecision(StrEnum):
    """How much of a date the source gave: "1995" is a year, "2021-11-04" a day. A date of
    month or year precision is stored as the first day of that month or year."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


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
class ReadWarning:
    """Something read that could not be used (the document was kept): `path` names where."""

    path: str
    reason: str  # "bad-date", "bad-field"
    message: str


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
    date_precision: DatePrecision | None = None  # None with no date; DAY unless told coarser
    url: str | None = None
    publisher: str | None = None
    tags: tuple[str, ...] = ()
    warnings: tuple[ReadWarning, ...] = ()  # metadata left out, and why


@dataclass(frozen=True, slots=True, kw_only=True)
class Tenure:
    """A term in an office: its role, the first day in it and the first day out of it (None
    while in office)."""

    role: str
    start: date
    end: date | None = None

    def holds(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """A person: "President of Russia Vladimir Putin" and "President Putin" are one."""

    name: str  # canonical full name
    roles: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-2
    aliases: tuple[str, ...] = ()
    tenures: tuple[Tenure, ...] = ()  # terms in office, when known: namesakes told apart by date

    def serving(self, on: date) -> bool:
        """Whether one of the person's known terms includes `on`."""
        return any(tenure.holds(on) for tenure in self.tenures)


@dataclass(frozen=True, slots=True, kw_only=True)
class Description:
    """What `describe` finds out about a document."""

    title: str | None = None
    date: date | None = None
    date_precision: DatePrecision | None = None
    place: str | None = None
    publisher: str | None = None
    url: str | None = None
    participants: tuple[str, ...] = ()  # canonical names
    countries: tuple[
        str, ...
    ] = ()  # ISO alpha-2 codes of the parties, first the host/publisher side
    body_start: int = 0  # where the statement itself begins, after the header's metadata lines


@dataclass(frozen=True, slots=True, kw_only=True)
class Turn:
    """One speaker turn; `span` covers what was said (not the speaker label)."""

    speaker: str  # canonical name, QUESTION, or the label as written when unknown
    span: Span
    label: str = ""  # the speaker label as written ("President of Russia Vladimir Putin")
    role: str | None = None
    country: str | None = None  # ISO alpha-2 of the speaker


class VoiceKind(StrEnum):
    """Why a stretch of text outside the transcript's turns is someone's."""

    AUTHOR = "author"  # a first-person statement or message by the author its title names
    REPORTED = "reported"  # reported speech: "X said that ...", "according to X, ..."
    QUOTED = "quoted"  # a quotation credited to its source in a round-up of what people said


@dataclass(frozen=True, slots=True, kw_only=True)
class Voice:
    """Text attributed to a speaker without being a transcript turn: it sets the speaker of the
    claims in it, never the document's turns (a readout or message has none)."""

    speaker: str  # canonical name
    span: Span
    kind: VoiceKind


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """What every kind of ledger entry shares: the words quoted, where they stand in the
    normalised text, who said them, and the extractor that found them."""

    quote: str  # as written in the normalised text: text[span.start:span.end]
    span: Span
    speaker: str = ""  # canonical name; "" for narration
    sentence: Span | None = None
    extractor: str = ""  # versioned stage name: "communique.claims.v1"
    # Filled by the ledger when an entry is read back; None on freshly extracted ones.
    id: int | None = None
    source: str | None = None
    document_date: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(Entry):
    """One quantitative claim; `quote` is the quantity expression as written, with its hedge:
    "over $17 billion"."""

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
    metric_auto: str = ""  # the extractor's key before reconciliation rewrote `metric`


class AgreementKind(StrEnum):
    """What kind of document an agreement is, from its name as written."""

    TREATY = "treaty"
    AGREEMENT = "agreement"
    DECLARATION = "declaration"
    MEMORANDUM = "memorandum"
    PROGRAMME = "programme"
    PLAN = "plan"
    ROADMAP = "roadmap"
    PROTOCOL = "protocol"
    CONTRACT = "contract"
    STATEMENT = "statement"
    OTHER = "other"


class AgreementStatus(StrEnum):
    SIGNED = "signed"
    ADOPTED = "adopted"  # adopted, approved or agreed with no signature mentioned
    IN_FORCE = "in_force"  # in effect, being implemented
    PLANNED = "planned"
    NEGOTIATING = "negotiating"
    MENTIONED = "mentioned"


@dataclass(frozen=True, slots=True, kw_only=True)
class Agreement(Entry):
    """An agreement or other document a statement names or clearly refers to; `quote` is its
    name as written (the first mention in the document), `span` covers it."""

    name: str  # the name as written, or a descriptive phrase when it has no title
    kind: AgreementKind = AgreementKind.OTHER
    parties: tuple[str, ...] = ()  # sorted ISO alpha-2 codes and organisation acronyms
    status: AgreementStatus = AgreementStatus.MENTIONED
    date: date | None = None  # signed or adopted, when the text gives the day
    mentions: int = 1  # how often the document names it
    # Set by reconciliation: the id of the first stored mention of the same agreement.
    thread: int | None = None


class CommitmentKind(StrEnum):
    PLEDGE = "pledge"  # an open-ended promise of effort or support
    PLAN = "plan"  # a specific action or event planned, decided or scheduled
    TARGET = "target"  # a level or outcome to reach
    AGREEMENT_TO_ACT = "agreement_to_act"  # "we have agreed to", "X agreed to"


@dataclass(frozen=True, slots=True, kw_only=True)
class Commitment(Entry):
    """A concrete promise, plan or target of action; `quote` is the clause stating it."""

    actor: tuple[str, ...] = ()  # sorted ISO codes or acronyms, or a person's canonical name
    action: str = ""  # short verb phrase: "open an MGIMO branch in Astana"
    kind: CommitmentKind = CommitmentKind.PLAN
    due: Period | None = None  # when it should happen, resolved against the document's date


class Progress(StrEnum):
    """What a later statement reports of a commitment."""

    DONE = "done"  # "seven branches have opened"
    DELAYED = "delayed"  # "postponed", or restated with a later due date
    CHANGED = "changed"  # restated with a different due date or cancelled
    RESTATED = "restated"  # promised again, as before


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUp(Entry):
    """A later statement about a commitment; `quote` is its sentence. Derived by
    reconciliation, which links commitments across documents."""

    commitment_id: int
    status: Progress
    later_commitment_id: int | None = None  # when the later statement is itself a commitment


@dataclass(frozen=True, slots=True, kw_only=True)
class Report(Entry):
    """A sentence of a statement that reports something done, put off or changed ("seven
    branches have opened in Kazakhstan"); `quote` is the sentence. Found by reconciliation in
    each document once, and matched there against earlier commitments."""

    status: Progress


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
    date_precision: DatePrecision | None = None
    place: str | None = None
    publisher: str | None = None
    url: str | None = None
    participants: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    turns: tuple[Turn, ...] = ()
    claims: tuple[Claim, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    id: int | None = None
