"""A sample ledger for the web tests: the seed statements with hand-made claims and conflicts.

The extractor is still a stub, so claims are hand-made (sample_claims.jsonl, mirroring the shared
gold annotations) and placed on the real texts of examples/corpus/: every quote's span is found
in the text, inside the turn of its speaker. One extra
document carries hostile markup to prove the pages escape document text.
`build_sample_ledger` is shared with tests/browser/ (loaded from this file by path).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from communique.models import (
    QUESTION,
    Claim,
    Conflict,
    ConflictKind,
    Document,
    Modality,
    Period,
    Qualifier,
    Severity,
    Span,
    Turn,
)
from communique.reconcile import reconcile
from communique.store.ledger import Ledger

HERE = Path(__file__).parent
CORPUS = HERE.parents[1] / "examples" / "corpus"
GOLD_CLAIMS = HERE / "sample_claims.jsonl"
GOLD_DOCS = HERE / "sample_documents.json"

COUNTRIES = {
    "Vladimir Putin": "RU",
    "Mikhail Mishustin": "RU",
    "Kassym-Jomart Tokayev": "KZ",
}
HOSTILE_SOURCE = "hostile.txt"
HOSTILE_TEXT = (
    "Test Official: Trade reached <script>alert(1)</script> $5 billion in 2023 "
    '& "quotes" <img src=x onerror=alert(2)> stay text.\n'
)


def _label_lines(text: str, speakers: list[str]) -> list[tuple[int, int, str]]:
    """(label start, text start, label) for each speaker line, e.g. '**President X:** '."""
    names = "|".join(re.escape(s) for s in sorted(set(speakers), key=len, reverse=True))
    pattern = re.compile(
        rf"^\**(?P<label>[^\n:]{{0,80}}?(?:{names})|Question|)\s*:\**[ \t]*", re.MULTILINE
    )
    found = []
    for m in pattern.finditer(text):
        label = m.group("label").strip()
        if label or text[m.end() : m.end() + 3] == "Mr ":  # an unlabelled turn in one seed
            found.append((m.start(), m.end(), label))
    return found


def _turns(text: str, speakers_in_order: list[str]) -> list[Turn]:
    lines = _label_lines(text, speakers_in_order)[: len(speakers_in_order)]
    turns = []
    for i, ((_, start, label), speaker) in enumerate(zip(lines, speakers_in_order, strict=False)):
        end = lines[i + 1][0] if i + 1 < len(lines) else len(text)
        turns.append(
            Turn(
                speaker=speaker,
                label=label or speaker,
                country=COUNTRIES.get(speaker),
                span=Span(start=start, end=end),
            )
        )
    return turns


def _interval(value: Decimal, qualifier: Qualifier) -> tuple[Decimal | None, Decimal | None]:
    if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
        return value, None
    if qualifier in (Qualifier.UNDER, Qualifier.AT_MOST):
        return None, value
    if qualifier == Qualifier.ABOUT:
        return value * Decimal("0.95"), value * Decimal("1.05")
    if qualifier == Qualifier.NEARLY:
        return value * Decimal("0.95"), value
    return value, value


def _claim(gold: dict[str, object], text: str, turns: list[Turn], used: set[int]) -> Claim:
    quote = str(gold["quote"])
    speaker = str(gold["speaker"])
    spans = [t.span for t in turns if t.speaker == speaker] or [Span(start=0, end=len(text))]
    start = next(
        i
        for span in spans
        for i in (m.start() for m in re.finditer(re.escape(quote), text))
        if span.start <= i < span.end and i not in used
    )
    used.add(start)
    value = Decimal(str(gold["value"]))
    qualifier = Qualifier(str(gold["qualifier"]))
    low, high = _interval(value, qualifier)
    metric = str(gold["metric_group"])
    period = gold.get("period")
    as_of = gold.get("as_of")
    return Claim(
        quote=quote,
        value=value,
        unit=str(gold["unit"]),
        qualifier=qualifier,
        low=low,
        high=high,
        metric=metric,
        metric_phrase=metric.replace("_", " "),
        subject=metric[:2].upper() if metric[:3] in ("ru_", "kz_") else None,
        object="KZ" if "_in_kz" in metric or metric.startswith("ru_kz") else None,
        period=Period(
            start=date.fromisoformat(period["start"]),  # type: ignore[index]
            end=date.fromisoformat(period["end"]),  # type: ignore[index]
        )
        if period
        else None,
        as_of=date.fromisoformat(str(as_of)) if as_of else None,
        modality=Modality(str(gold["modality"])),
        speaker=speaker,
        span=Span(start=start, end=start + len(quote)),
        extractor="tests.gold",
    )


def _document(name: str, meta: dict[str, object], golds: list[dict[str, object]]) -> Document:
    # what the reader's normalisation will do to these texts: Markdown escapes and bold go
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    text = text.replace("\\$", "$").replace("**", "")
    speakers = list(meta["speakers_in_order"])  # type: ignore[call-overload]
    turns = _turns(text, speakers)
    used: set[int] = set()
    claims = [_claim(g, text, turns, used) for g in golds]
    title = next(line.strip(" *#") for line in text.splitlines() if meta["title_contains"] in line)
    return Document(
        source=f"{name}.txt",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        original=text,
        title=title,
        date=date.fromisoformat(str(meta["date"])),
        place=str(meta["place"]),
        participants=tuple(dict.fromkeys(s for s in speakers if s != QUESTION)),
        countries=("RU", "KZ"),
        turns=tuple(turns),
        claims=tuple(sorted(claims, key=lambda c: c.span.start)),
    )


def _hostile() -> Document:
    text = HOSTILE_TEXT
    quote = "$5 billion"
    start = text.index(quote)
    label_end = text.index(":") + 2
    return Document(
        source=HOSTILE_SOURCE,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        original=text,
        title="<b>Bold</b> title <script>alert(3)</script>",
        date=date(2023, 12, 31),
        turns=(Turn(speaker="Test Official", span=Span(start=label_end, end=len(text))),),
        claims=(
            Claim(
                quote=quote,
                value=Decimal(5_000_000_000),
                unit="USD",
                metric="<script>metric</script>",
                metric_phrase="<i>trade</i>",
                period=Period(start=date(2023, 1, 1), end=date(2023, 12, 31)),
                speaker="Test Official",
                span=Span(start=start, end=start + len(quote)),
                extractor="tests.gold",
            ),
        ),
    )


def _conflicts(ledger: Ledger) -> list[Conflict]:
    """Two conflicts the reconciler will find once it exists, built by hand from stored claims."""
    by_quote = {c.quote: c for c in ledger.claims()}
    return [
        Conflict(
            kind=ConflictKind.LITERAL,
            severity=Severity.HIGH,
            metric="ru_kz_trade",
            explanation="Trade in 2021 is put at $24.5 billion and at $25.6 billion.",
            claims=(by_quote["$24.5 billion"], by_quote["US$25.6 billion"]),
            period=Period(start=date(2021, 1, 1), end=date(2021, 12, 31)),
        ),
        Conflict(
            kind=ConflictKind.LITERAL,
            severity=Severity.MEDIUM,
            metric="ru_investment_in_kz_stock",
            explanation="Russian investment in Kazakhstan: over $24 billion <b>vs</b> $13 billion.",
            claims=(by_quote["surpassed $24 billion"], by_quote["$13 billion"]),
            as_of=date(2024, 11, 27),
        ),
    ]


def build_sample_ledger(path: Path) -> Path:
    """Write the sample ledger at `path` (an SQLite file) and return the path."""
    with Ledger.open(str(path)) as ledger:
        fill_sample_ledger(ledger)
    return path


def fill_sample_ledger(ledger: Ledger) -> None:
    """Add the sample documents, their claims and conflicts to an empty ledger."""
    metas = {m["doc"]: m for m in json.loads(GOLD_DOCS.read_text(encoding="utf-8"))}
    golds: dict[str, list[dict[str, object]]] = {}
    for line in GOLD_CLAIMS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            gold = json.loads(line)
            golds.setdefault(gold["doc"], []).append(gold)
    for name in sorted(metas):
        ledger.add_document(_document(name, metas[name], golds.get(name, [])))
    ledger.add_document(_hostile())
    reconcile(ledger)
    ledger.replace_conflicts(_conflicts(ledger))


@pytest.fixture
def sample_ledger_anywhere(ledger: Ledger) -> Ledger:
    """The sample ledger once on SQLite and once on PostgreSQL (`ledger` is parametrized)."""
    fill_sample_ledger(ledger)
    return ledger


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_ledger(tmp_path_factory.mktemp("ledger") / "sample.db")


@pytest.fixture(scope="session")
def sample_ledger(sample_db: Path) -> Iterator[Ledger]:
    with Ledger.open(str(sample_db)) as ledger:
        yield ledger
