"""Quantitative claims: figure, hedge, metric, period or moment, modality, speaker, offsets.

Cheap regexes find sentences that hold a quantity (`sentences`, `quantities`); only those are
parsed by spaCy, in one batch (`nlp`), to read what each figure measures (`phrases`). Metric
keys come from an indicator lexicon and the countries around the figure (`metrics`), periods
from the time expressions of the sentence, resolved against the document's date (`periods`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from communique.extract import nlp
from communique.extract.antecedents import Found, antecedent, borrowed_key
from communique.extract.countries import CountryMention, find_countries, guess_parties
from communique.extract.hedges import interval
from communique.extract.keys import country_key, figure_name
from communique.extract.periods import TimeRef, find_document_date, find_times
from communique.extract.phrases import Reading, read_figure, token_index, token_starts
from communique.extract.quantities import Mention, find_mentions
from communique.extract.scope import (
    cut_at_turns,
    label_head,
    owned_elsewhere,
    parse_window,
    pick_time,
)
from communique.extract.sentences import label_before, split_sentences, table_cell
from communique.extract.units import PERCENT
from communique.models import Claim, Description, Modality, Period, Span, Turn

EXTRACTOR = "communique.claims.v1"

_GROWTH_BEFORE = re.compile(
    r"(?:\bby|\bup|\bdown|increase of|growth of|rise of|decline of|increased|grew|rose)\s+$",
    re.I,
)
_GROWTH_AFTER = re.compile(r"\s+(?:growth|increase|rise|decline|drop|decrease)\b", re.I)
_TIME_NOUNS = frozenset(
    ["time", "year", "month", "week", "day", "hour", "minute", "decade", "century"]
)
# What a small number word counts in talk rather than in data: "one side", "the first round".
_DISCOURSE_NOUNS = _TIME_NOUNS | frozenset(
    [
        "country",
        "side",
        "party",
        "leader",
        "president",
        "head",
        "state",
        "nation",
        "people",
        "delegation",
        "original",
        "copy",
        "language",
        "question",
        "word",
        "thing",
        "way",
        "point",
        "issue",
        "anniversary",
        "occasion",
        "round",
        "stage",
        "phase",
    ]
)
_WRITTEN_PERCENT = re.compile(r"\d|percent|per cent|%")
_EARLIER = re.compile(r"\b(?:down|up|rising|falling|increased|decreased|rose|fell)\s+from\s+$")


@dataclass(slots=True)
class _Context:
    """One document being read, with the claims found so far."""

    text: str
    today: date | None
    parties: tuple[str, ...]
    turns: Sequence[Turn]
    turn_starts: list[int]
    countries: list[CountryMention] = field(default_factory=list)
    country_starts: list[int] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    prev_sentence: tuple[int, int] = (0, 0)

    def countries_in(self, start: int, end: int) -> list[CountryMention]:
        """Countries named in text[start:end], from the one scan of the whole document."""
        i = bisect_left(self.country_starts, start)
        out = []
        while i < len(self.countries) and self.countries[i].start < end:
            if self.countries[i].end <= end:
                out.append(self.countries[i])
            i += 1
        return out


@dataclass(slots=True)
class _Sentence:
    """One candidate sentence: its figures, its time expressions, the parse of its window
    (which starts at `origin`), and the claims found in it so far."""

    span: tuple[int, int]
    origin: int
    doc: Any
    starts: list[int]
    mentions: Sequence[Mention]
    times: Sequence[TimeRef]
    found: list[Found] = field(default_factory=list)


def _turn_of(ctx: _Context, pos: int) -> int:
    i = bisect_right(ctx.turn_starts, pos) - 1
    if i >= 0 and ctx.turns[i].span.start <= pos < ctx.turns[i].span.end:
        return i
    return -1


def _claim_for(ctx: _Context, s: _Sentence, m: Mention) -> Found | None:
    """The claim of one figure, or None for a bare number that is no claim. Each step reads
    what the ones before settled: the parse, the phrase, the figure it inherits from, its
    time, its metric key, its date."""
    text = ctx.text
    reading = _reading(text, s, m)
    end = _quote_end(ctx, s, m, reading)
    if end is None:
        return None
    clause = (s.origin + reading.clause[0], s.origin + reading.clause[1])
    reading, phrase_span, header = _phrase(text, s.origin, m, reading)
    phrase = text[phrase_span[0] : phrase_span[1]] if phrase_span else ""
    turn = _turn_of(ctx, m.start)
    inherited, restated = antecedent(
        text, m, reading, phrase, turn, sentence=s.found, document=ctx.found
    )
    # A restatement is the same amount said again, so it is said the same way.
    modality = inherited.claim.modality if inherited is not None and restated else reading.modality
    when = _time_of(ctx, s, m, clause, inside_only=inherited is not None, header=header)
    key = borrowed_key(
        text, s.doc, s.origin, m, reading, phrase, inherited=inherited, sentence=s.found
    )
    if key is None:
        key = _own_key(ctx, s, m, reading, phrase_span, phrase, end, clause, when, modality, turn)
    base, countries = key
    period, as_of = _dating(ctx, s, m, modality, inherited, when)
    low, high = interval(m.value, m.qualifier, half_step=m.half_step)
    claim = Claim(
        quote=text[m.start : end],
        value=m.value,
        unit=m.unit,
        qualifier=m.qualifier,
        low=low,
        high=high,
        metric=f"{base}:{countries}",
        metric_phrase=" ".join(phrase.split()),
        subject=countries.split(">")[0] if ">" in countries else None,
        object=countries.split(">")[1] if ">" in countries else None,
        period=period,
        as_of=as_of,
        modality=modality,
        speaker=ctx.turns[turn].speaker if turn >= 0 else "",
        span=Span(start=m.start, end=end),
        sentence=Span(start=s.span[0], end=s.span[1]),
        extractor=EXTRACTOR,
    )
    return Found(claim, base, countries, turn)


def _reading(text: str, s: _Sentence, m: Mention) -> Reading:
    """What the parse says the figure measures, with two hints from the raw text that the
    parse alone misses: a deadline in the sentence that governs it (a target, not a level),
    and "by", "up", "grew" before it or "growth" after a percent (a change, not a level)."""
    s0, s1 = s.span
    first = token_index(s.starts, m.num_start - s.origin)
    last = token_index(s.starts, (m.num_end if m.candidate else m.end) - 1 - s.origin)
    deadlines = [t for t in s.times if t.kind == "deadline"]
    clause_times = pick_time(deadlines, s.mentions, m, (0, 0), kinds=("deadline",)) is not None
    growth_hint = any(
        _GROWTH_BEFORE.search(text[max(s0, i - 20) : i]) for i in (m.start, m.num_start)
    ) or (m.unit == PERCENT and bool(_GROWTH_AFTER.match(text, m.end, m.end + 20)))
    reading = read_figure(
        s.doc,
        first,
        last,
        count=m.candidate,
        deadline=clause_times,
        tail=text[m.end : s1],
        growth_hint=growth_hint,
    )
    if m.unit == PERCENT and not _WRITTEN_PERCENT.search(text, m.start, m.end):
        reading = replace(reading, share=True, growth=False)  # "nearly half", "every third"
    return reading


def _quote_end(ctx: _Context, s: _Sentence, m: Mention, reading: Reading) -> int | None:
    """Where the figure's quote ends, or None when a bare number is no claim. A bare number
    ("93 collaborative projects") runs to the noun it counts; it is no claim when it counts
    nothing, counts time ("two years"), or is a small word counting a discourse noun ("one
    side"), nor is a bare "the number" with no claim before it to continue."""
    if not m.candidate:
        return m.end
    if reading.noun_end is None or (reading.noun is None and not ctx.found):
        return None
    head = reading.phrase_head
    if head in _TIME_NOUNS or (m.small_word and head in _DISCOURSE_NOUNS):
        return None
    return s.origin + reading.noun_end


def _phrase(
    text: str, origin: int, m: Mention, reading: Reading
) -> tuple[Reading, tuple[int, int] | None, str]:
    """(reading, where the metric phrase is written, the column header of a table cell). A
    table row's first cell or a line's "Label:" names the figure better than any parse of the
    row, so it replaces the parsed phrase and its head."""
    cell = table_cell(text, m.start)
    if cell is not None:
        span, header = cell
    else:
        label = label_before(text, m.start)
        if label is None or text[label[1] : m.start].strip() != ":":
            parsed = (
                (origin + reading.phrase[0], origin + reading.phrase[1]) if reading.phrase else None
            )
            return reading, parsed, ""
        span, header = label, ""
    head = label_head(text[span[0] : span[1]])
    return replace(reading, phrase=None, anaphoric=False, phrase_head=head), span, header


def _time_of(
    ctx: _Context,
    s: _Sentence,
    m: Mention,
    clause: tuple[int, int],
    *,
    inside_only: bool,
    header: str,
) -> TimeRef | None:
    """The time expression that dates the figure, among those of its sentence that the parse
    does not hang under another figure or clause; a table cell falls back to its column
    header ("2023"). A figure that inherits from another takes a time only from its clause."""
    # A time past the parsed window lies more than PARSE_TAIL after the sentence's last figure:
    # too far to be read as its own ("..., and to the Protocol adopted in February 2023").
    parsed_end = s.origin + len(s.doc.text)
    mine = [
        t
        for t in s.times
        if t.start < parsed_end and not owned_elsewhere(s.doc, s.starts, s.origin, t, m, s.mentions)
    ]
    when = pick_time(
        mine,
        s.mentions,
        m,
        clause,
        inside_only=inside_only,
        text=ctx.text,
        sentence_start=s.span[0],
    )
    if when is None and header and ctx.today:
        header_times = find_times(f"in {header}" if header.isdigit() else header, ctx.today)
        when = header_times[0] if header_times else None
    return when


def _own_key(
    ctx: _Context,
    s: _Sentence,
    m: Mention,
    reading: Reading,
    phrase_span: tuple[int, int] | None,
    phrase: str,
    end: int,
    clause: tuple[int, int],
    when: TimeRef | None,
    modality: Modality,
    turn: int,
) -> tuple[str, str]:
    """(metric name, countries) of a figure that borrows no key: named by `keys`, with the
    countries of its phrase, else of its clause, else, for a directional indicator, of the
    sentence before ("Russian investments ... They reached $17 billion")."""
    name, symmetric = figure_name(
        ctx.text,
        s.doc,
        s.origin,
        m,
        reading,
        phrase_span=phrase_span,
        phrase=phrase,
        end=end,
        clause=clause,
        when=when,
        modality=modality,
    )
    nearby = ctx.countries_in(*(phrase_span or clause))
    if not nearby and phrase_span is not None:
        nearby = ctx.countries_in(*clause)
    if not nearby and not symmetric:
        nearby = ctx.countries_in(*ctx.prev_sentence)
    speaker = ctx.turns[turn] if turn >= 0 else None
    countries = country_key(
        ctx.text, nearby, ctx.parties, symmetric=symmetric, phrase=phrase, speaker=speaker
    )
    return name, countries


def _dating(
    ctx: _Context,
    s: _Sentence,
    m: Mention,
    modality: Modality,
    inherited: Found | None,
    when: TimeRef | None,
) -> tuple[Period | None, date | None]:
    """(period, as_of) of a figure. A target is undated (its deadline is not when it held); a
    figure with no time of its own takes the date of the one it inherits from; an undated
    figure holds on the document's date, unless it is where something came "down from"."""
    if modality is Modality.TARGET:
        return None, None
    if inherited is not None and when is None:
        return inherited.claim.period, inherited.claim.as_of
    if when is not None and when.kind == "period" and when.first and when.last:
        return Period(start=when.first, end=when.last), None
    if when is not None and when.last:
        return None, when.last
    if not _EARLIER.search(ctx.text, max(s.span[0], m.start - 30), m.start):
        return None, ctx.today
    return None, None  # an undated "down from 38.5 percent" has no moment we know


def _parties(described: Sequence[str], mentioned: list[CountryMention]) -> tuple[str, ...]:
    """The two parties that metric keys name: those `describe` found, completed from the
    countries the text names most. Never more than two, so a third country mentioned in passing
    cannot split one metric's key across documents."""
    parties = list(dict.fromkeys(described))
    if len(parties) < 2:
        parties += [c for c in guess_parties(mentioned) if c not in parties]
    return tuple(parties[:2])


_Candidate = tuple[tuple[int, int], list[Mention]]


def _candidates(text: str, turns: Sequence[Turn]) -> list[_Candidate]:
    """Sentences (cut at turn starts) that hold a quantity, with their mentions."""
    cuts = sorted({t.span.start for t in turns})
    out = []
    for start, end in split_sentences(text):
        for s, e in cut_at_turns(start, end, cuts):
            mentions = find_mentions(text, s, e)
            if mentions:
                out.append(((s, e), mentions))
    return out


def _read(
    text: str,
    turns: Sequence[Turn],
    description: Description,
    candidates: list[_Candidate],
    windows: list[tuple[int, int]],
    docs: Iterable[Any],
) -> list[Claim]:
    """Claims from the parsed candidate sentences of one document."""
    ordered = sorted(turns, key=lambda t: t.span.start)
    mentioned = find_countries(text)
    ctx = _Context(
        text=text,
        today=description.date or find_document_date(text),
        parties=_parties(description.countries, mentioned),
        countries=mentioned,
        country_starts=[c.start for c in mentioned],
        turns=ordered,
        turn_starts=[t.span.start for t in ordered],
    )
    for (span, mentions), (origin, _), doc in zip(candidates, windows, docs, strict=True):
        times = find_times(text, ctx.today, start=span[0], end=span[1]) if ctx.today else []
        sentence = _Sentence(span, origin, doc, token_starts(doc), mentions, times)
        for m in mentions:
            found = _claim_for(ctx, sentence, m)
            if found is not None:
                sentence.found.append(found)
                ctx.found.append(found)
        ctx.prev_sentence = span
    return [f.claim for f in ctx.found]


def extract_claims(text: str, turns: Sequence[Turn], *, description: Description) -> list[Claim]:
    """Every quantitative claim in `text`, each with its speaker from `turns`."""
    return next(extract_claims_batch([(text, turns, description)]))


def extract_claims_batch(
    documents: Iterable[tuple[str, Sequence[Turn], Description]],
) -> Iterator[list[Claim]]:
    """`extract_claims` for many documents, their candidate sentences parsed in one spaCy
    stream: the same claims, about a tenth faster than one document at a time."""
    prepared = []
    for text, turns, description in documents:
        candidates = _candidates(text, turns)
        windows = [parse_window(text, sent, ms) for sent, ms in candidates]
        prepared.append((text, turns, description, candidates, windows))
    docs = nlp.parse(text[a:b] for text, _, _, _, windows in prepared for a, b in windows)
    for text, turns, description, candidates, windows in prepared:
        if not candidates:
            yield []
            continue
        mine = [next(docs) for _ in windows]
        yield _read(text, turns, description, candidates, windows, mine)
