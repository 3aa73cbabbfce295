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
from communique.extract.phrases import read_figure, token_index, token_starts
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
_DISCOURSE_NOUNS = frozenset(
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
        "time",
        "year",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "decade",
        "century",
    ]
)
_ALWAYS_TIME = frozenset(
    ["time", "year", "month", "week", "day", "hour", "minute", "decade", "century"]
)


@dataclass(slots=True)
class _Context:
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


_EARLIER = re.compile(r"\b(?:down|up|rising|falling|increased|decreased|rose|fell)\s+from\s+$")


def _turn_of(ctx: _Context, pos: int) -> int:
    i = bisect_right(ctx.turn_starts, pos) - 1
    if i >= 0 and ctx.turns[i].span.start <= pos < ctx.turns[i].span.end:
        return i
    return -1


def _claim_for(
    ctx: _Context,
    sent: tuple[int, int],
    origin: int,
    doc: Any,
    starts: list[int],
    m: Mention,
    mentions: Sequence[Mention],
    times: Sequence[TimeRef],
    sentence_found: list[Found],
) -> Found | None:
    text, (s0, s1) = ctx.text, sent
    first = token_index(starts, m.num_start - origin)
    last = token_index(starts, (m.num_end if m.candidate else m.end) - 1 - origin)
    deadlines = [t for t in times if t.kind == "deadline"]
    clause_times = pick_time(deadlines, mentions, m, (0, 0), kinds=("deadline",)) is not None
    growth_hint = any(
        _GROWTH_BEFORE.search(text[max(s0, i - 20) : i]) for i in (m.start, m.num_start)
    ) or (m.unit == PERCENT and bool(_GROWTH_AFTER.match(text, m.end, m.end + 20)))
    reading = read_figure(
        doc,
        first,
        last,
        count=m.candidate,
        deadline=clause_times,
        tail=text[m.end : s1],
        growth_hint=growth_hint,
    )
    if m.unit == PERCENT and not re.search(r"\d|percent|per cent|%", text[m.start : m.end]):
        reading = replace(reading, share=True, growth=False)  # "nearly half", "every third"
    end = m.end
    if m.candidate:
        if reading.noun_end is None or (reading.noun is None and not ctx.found):
            return None
        head = reading.phrase_head
        if head in _ALWAYS_TIME or (m.small_word and head in _DISCOURSE_NOUNS):
            return None
        end = origin + reading.noun_end
    clause = (origin + reading.clause[0], origin + reading.clause[1])
    phrase_span = (
        (origin + reading.phrase[0], origin + reading.phrase[1]) if reading.phrase else None
    )
    header = ""
    label = label_before(text, m.start)
    cell = table_cell(text, m.start)
    if cell is not None:
        phrase_span, header = cell
    elif label is not None and text[label[1] : m.start].strip() == ":":
        phrase_span = label
    else:
        label = None
    if phrase_span is not None and (label is not None or cell is not None):
        reading = replace(
            reading,
            phrase=None,
            anaphoric=False,
            phrase_head=label_head(text[phrase_span[0] : phrase_span[1]]),
        )
    phrase = text[phrase_span[0] : phrase_span[1]] if phrase_span else ""
    turn = _turn_of(ctx, m.start)
    inherited, restated = antecedent(
        text, m, reading, phrase, turn, sentence=sentence_found, document=ctx.found
    )
    # A restatement is the same amount said again, so it is said the same way.
    modality = inherited.claim.modality if inherited is not None and restated else reading.modality
    # A time past the parsed window lies more than PARSE_TAIL after the sentence's last figure:
    # too far to be read as its own ("..., and to the Protocol adopted in February 2023").
    parsed_end = origin + len(doc.text)
    mine = [
        t
        for t in times
        if t.start < parsed_end and not owned_elsewhere(doc, starts, origin, t, m, mentions)
    ]
    when = pick_time(
        mine, mentions, m, clause, inside_only=inherited is not None, text=text, sentence_start=s0
    )
    if when is None and cell is not None and header and ctx.today:
        header_times = find_times(f"in {header}" if header.isdigit() else header, ctx.today)
        when = header_times[0] if header_times else None
    borrowed = borrowed_key(
        text, doc, origin, m, reading, phrase, inherited=inherited, sentence=sentence_found
    )
    if borrowed is not None:
        base, countries = borrowed
    else:
        name, symmetric = figure_name(
            text,
            doc,
            origin,
            m,
            reading,
            phrase_span=phrase_span,
            phrase=phrase,
            end=end,
            clause=clause,
            when=when,
            modality=modality,
        )
        search = phrase_span or clause
        mentions_c = ctx.countries_in(*search)
        if not mentions_c and phrase_span is not None:
            mentions_c = ctx.countries_in(*clause)
        if not mentions_c and not symmetric:
            mentions_c = ctx.countries_in(*ctx.prev_sentence)
        speaker = ctx.turns[turn] if turn >= 0 else None
        countries = country_key(
            text, mentions_c, ctx.parties, symmetric=symmetric, phrase=phrase, speaker=speaker
        )
        base = name
    metric = f"{base}:{countries}"

    period: Period | None = None
    as_of: date | None = None
    if modality is not Modality.TARGET:
        if inherited is not None and when is None:
            period, as_of = inherited.claim.period, inherited.claim.as_of
        elif when is not None and when.kind == "period" and when.first and when.last:
            period = Period(start=when.first, end=when.last)
        elif when is not None and when.last:
            as_of = when.last
        elif not _EARLIER.search(text, max(s0, m.start - 30), m.start):
            as_of = ctx.today  # an undated "down from 38.5 percent" has no moment we know
    low, high = interval(m.value, m.qualifier, half_step=m.half_step)
    claim = Claim(
        quote=text[m.start : end],
        value=m.value,
        unit=m.unit,
        qualifier=m.qualifier,
        low=low,
        high=high,
        metric=metric,
        metric_phrase=" ".join(phrase.split()),
        subject=countries.split(">")[0] if ">" in countries else None,
        object=countries.split(">")[1] if ">" in countries else None,
        period=period,
        as_of=as_of,
        modality=modality,
        speaker=ctx.turns[turn].speaker if turn >= 0 else "",
        span=Span(start=m.start, end=end),
        sentence=Span(start=s0, end=s1),
        extractor=EXTRACTOR,
    )
    return Found(claim, base, countries, turn)


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
    for (sent, mentions), (origin, _), doc in zip(candidates, windows, docs, strict=True):
        times = find_times(text, ctx.today, start=sent[0], end=sent[1]) if ctx.today else []
        sentence_found: list[Found] = []
        starts = token_starts(doc)
        for m in mentions:
            found = _claim_for(ctx, sent, origin, doc, starts, m, mentions, times, sentence_found)
            if found is not None:
                sentence_found.append(found)
                ctx.found.append(found)
        ctx.prev_sentence = sent
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
