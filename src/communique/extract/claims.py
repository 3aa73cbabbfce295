"""Quantitative claims: figure, hedge, metric, period or moment, modality, speaker, offsets.

Cheap regexes find sentences that hold a quantity (`sentences`, `quantities`); only those are
parsed by spaCy, in one batch (`nlp`), to read what each figure measures (`phrases`, `figures`).
A figure may take its key, date or modality from one it refers back to (`antecedents`); else
its key comes from an indicator lexicon and the countries around it (`keys`, `metrics`). Periods
come from the time expressions of the sentence, resolved against the document's date (`periods`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from communique.extract import nlp
from communique.extract.actors import is_organisation
from communique.extract.antecedents import Found, antecedent, borrowed_key
from communique.extract.carried import carried_time, points_back, told_in_the_past
from communique.extract.countries import (
    CountryMention,
    country_in_label,
    dominant_country,
    find_countries,
)
from communique.extract.currencies import home_currency
from communique.extract.discourse import (
    ListTime,
    date_by_restatement,
    list_time_at,
    list_times,
)
from communique.extract.figures import Sentence, metric_phrase, quote_end, read_in_sentence
from communique.extract.groups import find_item, find_scope, scope_slug, share_predicate
from communique.extract.indicators import Reach, indicator_of
from communique.extract.intervals import bounds, written_step
from communique.extract.keys import Keyed, figure_key, is_flow
from communique.extract.lists import drop_repeats, mark_enumerations
from communique.extract.metrics import metric_name, per_time, role_of
from communique.extract.periods import Clock, TimeRef, find_document_date, find_times
from communique.extract.phrases import Reading, token_starts, window_chars
from communique.extract.quantities import Mention, find_mentions
from communique.extract.scope import (
    cut_at_turns,
    dates_an_event,
    figure_token,
    owned_elsewhere,
    parse_window,
    pick_time,
)
from communique.extract.sentences import item_label, split_sentences
from communique.extract.units import COUNT, PERCENT, RANK
from communique.extract.vague import find_vague
from communique.models import (
    Claim,
    DatePrecision,
    Description,
    Modality,
    Period,
    Span,
    TimeSource,
    Turn,
    Voice,
)
from communique.segment.voices import Speakers

EXTRACTOR = "communique.claims.v1"

_BILATERAL = re.compile(r"\b(?:bilateral|mutual|two-way|between (?:our|the two) countries)\b", re.I)
_THEIR = re.compile(r"\b(?:their|its)\b", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_EARLIER = re.compile(
    r"\b(?:down|up|rising|falling|increased|decreased|rose|fell|doubled|tripled|grown|grew|risen"
    r"|fallen|dropped|declined|jumped|climbed)\s+from\s+$"
)


@dataclass(slots=True)
class _Context:
    """One document being read, with the claims found so far."""

    text: str
    clock: Clock  # the document's date and country, and the speaker of the sentence read
    parties: tuple[str, ...]
    turns: Sequence[Turn]
    turn_starts: list[int]
    speakers: Speakers
    countries: list[CountryMention] = field(default_factory=list)
    country_starts: list[int] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    lists: list[ListTime] = field(default_factory=list)  # times that lead-ins set for lists

    @property
    def today(self) -> date | None:
        return self.clock.today

    def countries_in(self, start: int, end: int) -> list[CountryMention]:
        """Countries named in text[start:end], from the one scan of the whole document."""
        i = bisect_left(self.country_starts, start)
        out = []
        while i < len(self.countries) and self.countries[i].start < end:
            if self.countries[i].end <= end:
                out.append(self.countries[i])
            i += 1
        return out


def _turn_of(ctx: _Context, pos: int) -> int:
    """Index of the turn that holds `pos`, or -1 outside every turn (no speaker)."""
    i = bisect_right(ctx.turn_starts, pos) - 1
    if i >= 0 and ctx.turns[i].span.start <= pos < ctx.turns[i].span.end:
        return i
    return -1


def _claim_for(ctx: _Context, s: Sentence, m: Mention) -> Found | None:
    """The claim of one figure, or None for a bare number that is no claim. Each step reads
    what the ones before settled: the parse, the phrase, the figure it inherits from, its
    time, its metric key, its date."""
    text = ctx.text
    reading = read_in_sentence(text, s, m)
    end = quote_end(s, m, reading, first_claim=not ctx.found)
    if end is None:
        return None
    clause = (s.origin + reading.clause[0], s.origin + reading.clause[1])
    reading, phrase_span, header = metric_phrase(text, s.origin, m, reading)
    phrase = text[phrase_span[0] : phrase_span[1]] if phrase_span else ""
    turn = _turn_of(ctx, m.start)
    inherited, restated = antecedent(
        text, m, reading, phrase, turn, sentence=s.found, document=ctx.found
    )
    # A restatement is the same amount said again, so it is said the same way.
    modality = inherited.claim.modality if inherited is not None and restated else reading.modality
    rate = bool(per_time(text[end : end + 20])) or "capacity" in phrase.lower()
    when, ahead = _time_of(
        ctx,
        s,
        m,
        clause,
        inside_only=inherited is not None,
        since=inherited.claim.span.end if inherited is not None else None,
        header=header,
        modality=modality,
        rate=rate,
    )
    if ahead and modality is Modality.ACTUAL:
        modality = Modality.PLAN  # "Next year, it should grow by 1,100 rubles"
    key = borrowed_key(
        text, s.doc, s.origin, m, reading, phrase, inherited=inherited, sentence=s.found
    )
    if key is None:
        key = _own_key(
            ctx,
            s,
            m,
            reading,
            phrase_span=phrase_span,
            phrase=phrase,
            end=end,
            clause=clause,
            when=when,
            modality=modality,
            turn=turn,
        )
    dated_by = inherited
    # "tripled from $780 million to $3 billion last year": where a change starts is no figure
    # of the change's time
    base = _FROM_BEFORE.search(text, max(s.span[0], m.start - 16), m.start) is not None
    if when is None and inherited is None and modality is Modality.ACTUAL and not base:
        dated_by = _same_measure_before(s, key)
        when = _carried(ctx, s, reading, key, turn) if dated_by is None else None
    period, as_of, time_source = _dating(ctx, s, m, modality, dated_by, when)
    step = written_step(m.half_step, m.unit, m.value)
    literal = bounds(m.value, m.qualifier, step, ordinary=False)
    claim = Claim(
        quote=text[m.start : end],
        value=m.value,
        unit=m.unit,
        qualifier=m.qualifier,
        low=literal.low,
        high=m.high
        if m.high is not None
        else literal.high,  # a range's high end ("$20–25 billion")
        step=step,
        metric=str(key.key),
        metric_phrase=" ".join(phrase.split()),
        indicator=key.indicator,
        scope=key.key.scope,
        subject=key.subject,
        object=key.object,
        period=period,
        as_of=as_of,
        time_source=time_source,
        modality=modality,
        vague=m.vague,
        speaker=ctx.speakers.at(m.start),
        span=Span(start=m.start, end=end),
        sentence=Span(start=s.span[0], end=s.span[1]),
        extractor=EXTRACTOR,
    )
    return Found(claim, key, turn)


def _time_of(
    ctx: _Context,
    s: Sentence,
    m: Mention,
    clause: tuple[int, int],
    *,
    inside_only: bool,
    header: str,
    modality: Modality,
    rate: bool,
    since: int | None = None,
) -> tuple[TimeRef | None, bool]:
    """(the time expression that dates the figure, whether the figure's time is still to
    come). The time is one of its sentence's that the parse does not hang under another figure
    or clause, nor on an event the figure only describes ("a 100,000 sq m facility will open in
    2025": still to come, but not its date); a table cell falls back to its column header
    ("2023"). A figure that inherits from another takes a time only from its clause, or one said
    between that figure and it in the sentence (`since`: where the figure it inherits from
    ends)."""
    # A time past the parsed window lies more than PARSE_TAIL after the sentence's last figure:
    # too far to be read as its own ("..., and to the Protocol adopted in February 2023").
    parsed_end = s.origin + window_chars(s.doc)
    planned = modality is not Modality.ACTUAL
    own = [
        t
        for t in s.times
        if t.start < parsed_end and not owned_elsewhere(s.doc, s.starts, s.origin, t, m, s.mentions)
    ]
    events = [
        t
        for t in own
        if dates_an_event(s.doc, s.starts, s.origin, t, m, planned=planned, rate=rate)
    ]
    mine = [t for t in own if t not in events]
    # A target's or a plan's deadline is its horizon ("to $30 billion by 2030"); a time still to
    # come dates any figure (and makes it a plan, see `_claim_for`).
    kinds: tuple[str, ...] = ("period", "point", "future")
    if modality is not Modality.ACTUAL:
        kinds += ("deadline",)
    when = pick_time(
        mine,
        s.mentions,
        m,
        clause,
        inside_only=inside_only,
        kinds=kinds,
        text=ctx.text,
        sentence_start=s.span[0],
    )
    if when is None and since is not None and since >= s.span[0]:
        # "trade reached US$24 billion, while he has data for the first nine months: the
        # numbers could be approaching US$28 billion": a time said after the figure continued,
        # with no figure between, dates the continuation
        between = [
            t
            for t in mine
            if since <= t.start
            and t.end <= m.start
            and t.kind in kinds
            and not any(t.end <= o.start and o.end <= m.start for o in s.mentions if o is not m)
        ]
        when = between[-1] if between else None
    if when is None and not inside_only:
        when = _lead_in_time(ctx.text, s, m, mine, kinds)
    if when is None and header:
        header_times = find_times(f"in {header}" if header.isdigit() else header, ctx.clock)
        when = header_times[0] if header_times else None
    if when is None and not inside_only:
        when = list_time_at(ctx.lists, m.start)
    ahead = (when is not None and when.kind == "future") or any(t.kind == "future" for t in events)
    return when, ahead


def _same_measure_before(s: Sentence, key: Keyed) -> Found | None:
    """An earlier actual figure of the sentence on the same indicator and countries whose time
    the text gave, which dates a figure with none of its own: "This year's trade volumes
    topped $1 billion and increased 25 percent over 2020" (another figure stands between the
    time and the second one, so no time of the sentence is its own)."""
    mine = indicator_of(key.indicator) if key.indicator else None
    if mine is None:
        return None
    for f in reversed(s.found):
        c = f.claim
        if c.modality is not Modality.ACTUAL or c.time_source in (None, TimeSource.DOCUMENT):
            continue
        other = indicator_of(f.keyed.indicator) if f.keyed.indicator else None
        if other is mine and f.keyed.key.countries == key.key.countries:
            return f
    return None


def _carried(ctx: _Context, s: Sentence, reading: Reading, key: Keyed, turn: int) -> TimeRef | None:
    """The time an earlier sentence of the paragraph gives a figure that has none of its own:
    when its sentence points back to it ("up to that point"), or when it counts what befell
    people at an event, told in the past tense (`carried`)."""
    floor = ctx.turns[turn].span.start if turn >= 0 else 0
    if points_back(ctx.text, s.span[0], s.span[1]):
        return carried_time(
            ctx.text, ctx.clock, sentence_start=s.span[0], floor=floor, days_only=False
        )
    indicator = indicator_of(key.indicator) if key.indicator else None
    if indicator is None or not indicator.event or reading.governor is None:
        return None
    if not told_in_the_past(s.doc[reading.governor]):
        return None
    return carried_time(ctx.text, ctx.clock, sentence_start=s.span[0], floor=floor, days_only=True)


def _lead_in_time(
    text: str, s: Sentence, m: Mention, times: Sequence[TimeRef], kinds: tuple[str, ...]
) -> TimeRef | None:
    """A time said before a colon that opens what follows: "We have recorded growth in the
    first quarter: we generated 2 percent more electricity; proceeds are up 26 percent"."""
    colon = text.find(": ", s.span[0], m.start)
    if colon < 0:
        return None
    lead = [
        t
        for t in times
        if t.end <= colon
        and t.kind in kinds
        and not any(t.end <= o.start and o.end <= colon for o in s.mentions)
    ]
    return lead[-1] if lead else None


def _own_key(
    ctx: _Context,
    s: Sentence,
    m: Mention,
    reading: Reading,
    *,
    phrase_span: tuple[int, int] | None,
    phrase: str,
    end: int,
    clause: tuple[int, int],
    when: TimeRef | None,
    modality: Modality,
    turn: int,
) -> Keyed:
    """The key of a figure that borrows none: named by `metrics` from its own phrase (a count's
    counted noun, what an amount is said of), scoped by `groups`, with the countries its phrase
    names, else its clause names, else the speaker's or the statement's own."""
    text = ctx.text
    phrase_at = phrase_span[0] - s.origin if phrase_span else -1
    naming = metric_name(
        s.doc,
        m,
        reading,
        phrase=phrase,
        phrase_at=phrase_at,
        clause_left=text[clause[0] : m.start] if m.unit != COUNT else "",
        rank_noun=" ".join(text[m.num_end : m.end].split()) if m.unit == RANK else "",
    )
    suffix = ""
    if naming.indicator is not None and naming.indicator.stock_flow and m.unit.isupper():
        suffix = "_flow" if is_flow(text, phrase, end, when, modality) else "_stock"
    suffix += per_time(text[end : end + 20]) if m.unit != PERCENT else ""
    window = (s.origin, s.origin + window_chars(s.doc))
    taken = [(t.start - s.origin, t.end - s.origin) for t in s.times] + [
        (c.start - s.origin, c.end - s.origin) for c in ctx.countries_in(*window)
    ]
    scope = (
        None
        if m.unit == RANK
        else find_scope(
            s.doc,
            head=reading.noun if reading.noun is not None else reading.head,
            governor=reading.governor,
            figure=_scope_token(s, m),
            alias=naming.alias,
            same=naming.indicator.pattern if naming.indicator is not None else None,
            modifiers=naming.indicator is not None,
            taken=taken,
        )
    )
    if scope is None and naming.indicator is None and (label := item_label(text, m.start)):
        scope = scope_slug(label)  # "- Boston Logan International—$44.9 million to ..."
    if scope is None and naming.name == "share":
        # "nearly 40 percent are pre-diabetic": a share of no whole, said to be something
        scope = share_predicate(s.doc, figure=_scope_token(s, m), governor=reading.governor)
    if (
        scope is None
        and m.unit.isupper()
        and (naming.indicator is None or naming.indicator.itemised)
    ):
        # "announced $9 billion to replace lead pipes", "Eucrisa will be discounted from $792"
        scope = find_item(
            s.doc,
            figure=_scope_token(s, m),
            governor=reading.governor,
            head=reading.head,
            taken=taken,
        )
    nearby = ctx.countries_in(*(phrase_span or clause))
    if phrase_span is not None and not nearby:
        nearby = ctx.countries_in(*clause)
    elif phrase_span is not None and naming.reach is Reach.DIRECTIONAL:
        # a direction is often completed by the clause: "Russian companies operate in Belarus"
        nearby = _completed(text, nearby, ctx.countries_in(*clause))
    if not nearby and naming.reach is Reach.DIRECTIONAL:
        # "24,000 companies with Russian participation ..., accounting for nearly half of all
        # foreign capital enterprises": the sentence before the figure says whose they are
        nearby = ctx.countries_in(s.span[0], m.start)
    theirs = naming.reach is not Reach.NATIONAL and bool(_THEIR.search(phrase))
    if not nearby and ((len(ctx.parties) < 2 and _BILATERAL.search(phrase)) or theirs):
        # "Kazakhstan and China reviewed cooperation. Bilateral trade reached ...", "Russian
        # companies ... Their total investment exceeded US$17 billion": the words refer back to
        # the countries of the sentence before
        before = max(text.rfind(". ", 0, s.span[0] - 2), text.rfind("\n", 0, s.span[0] - 2))
        nearby = ctx.countries_in(before + 1, s.span[0])
    # "cooperation in the EAEU continues ... Last year, its trade reached $73 billion": whose
    # "its" is, when no country, is no business of the statement's own two parties
    parties = () if theirs and not nearby else ctx.parties
    speaker = _speaker_country(ctx.turns[turn]) if turn >= 0 else None
    return figure_key(
        naming,
        text=text,
        phrase=phrase,
        nearby=nearby,
        parties=parties,
        home=speaker or ctx.clock.country,
        speaker=speaker,
        scope=scope,
        suffix=suffix,
    )


def _scope_token(s: Sentence, m: Mention) -> int | None:
    """The token a figure's own prepositions hang on: "percent" in "92 percent for pilots"."""
    if m.num_start < s.origin:
        return None
    token = figure_token(s.doc, s.starts, m, s.origin)
    return int(token.head.i if token.dep_ == "nummod" else token.i)


def _completed(
    text: str, phrase: list[CountryMention], clause: list[CountryMention]
) -> list[CountryMention]:
    """The phrase's countries, with the clause's in the role the phrase leaves open: "Russian
    companies operate in Belarus" adds the object; "top five investors in Kazakhstan's economy"
    said of "Russian companies" adds the subject."""
    have = {role_of(text, c) for c in phrase}
    named = {c.code for c in phrase}
    wanted = {"subject", "object"} - have - ({"subject"} if "bare" in have else set())
    return phrase + [c for c in clause if c.code not in named and role_of(text, c) in wanted]


def _speaker_country(turn: Turn) -> str | None:
    """The speaker's country: from the turn, else named in its label."""
    return turn.country or country_in_label(turn.label or turn.speaker)


def _dating(
    ctx: _Context,
    s: Sentence,
    m: Mention,
    modality: Modality,
    inherited: Found | None,
    when: TimeRef | None,
) -> tuple[Period | None, date | None, TimeSource | None]:
    """(period, as_of, how it was established) of a figure. A figure with no time of its own
    takes the date of the one it inherits from; a deadline dates a target or a plan: a rate or
    share by the year it is due, an amount from the document's date to it; an undated target
    has no date, and an undated figure holds on the document's date, unless it is where
    something came "down from"."""
    if inherited is not None and when is None:
        c = inherited.claim
        return c.period, c.as_of, c.time_source
    if when is not None and when.kind == "future" and when.first and when.last:
        return Period(start=when.first, end=when.last), None, when.source
    if when is not None and when.kind == "deadline" and when.first and when.last:
        today = ctx.clock.day
        if m.unit == PERCENT or today is None or today >= when.last:
            return Period(start=when.first, end=when.last), None, when.source
        return Period(start=today, end=when.last), None, when.source
    if when is not None and when.kind == "period" and when.first and when.last:
        day = ctx.clock.day
        if (
            modality is not Modality.ACTUAL
            and m.unit != COUNT  # "will conduct 3 exercises this year" holds as of the day
            and day is not None
            and when.last == day
            and when.first == date(day.year, 1, 1)
        ):
            # "if we supply 37 million tonnes this year": what is planned for the year is
            # planned for all of it, not for the part gone by
            return Period(start=when.first, end=date(day.year, 12, 31)), None, when.source
        return Period(start=when.first, end=when.last), None, when.source
    if when is not None and when.kind == "point" and when.last:
        return None, when.last, when.source
    day = ctx.clock.day  # a document dated to the year only gives no moment
    if modality is Modality.TARGET or day is None:
        return None, None, None
    if _EARLIER.search(ctx.text, max(s.span[0], m.start - 30), m.start):
        return None, None, None  # an undated "down from 38.5 percent" has no moment we know
    return None, day, TimeSource.DOCUMENT


_Candidate = tuple[tuple[int, int], list[Mention]]


def _candidates(text: str, turns: Sequence[Turn]) -> list[_Candidate]:
    """Sentences (cut at turn starts) that hold a quantity, with their mentions."""
    cuts = sorted({t.span.start for t in turns})
    home = home_currency(text)  # "$" of a text that speaks from Australia is AUD
    out = []
    for start, end in split_sentences(text):
        for s, e in cut_at_turns(start, end, cuts):
            mentions = find_mentions(text, s, e, home=home)
            vague = find_vague(text, s, e)
            if vague:
                taken = [(m.start, m.end) for m in mentions]
                mentions += [
                    v for v in vague if not any(v.start < b and a < v.end for a, b in taken)
                ]
                mentions.sort(key=lambda m: m.start)
            mentions = drop_repeats(text, mentions)
            if mentions:
                out.append(((s, e), mentions))
    return out


def _home(description: Description, mentioned: Sequence[CountryMention]) -> str | None:
    """The country a statement speaks for: its first party that is a country (a UN official
    named in the header is no home), else, with no party known (a UN speech, a fact sheet),
    the country it names far more often than any other."""
    home = next((c for c in description.countries if not is_organisation(c)), None)
    return home or dominant_country(mentioned)


def _read(
    text: str,
    turns: Sequence[Turn],
    voices: Sequence[Voice],
    description: Description,
    candidates: list[_Candidate],
    windows: list[tuple[int, int]],
    docs: Iterable[Any],
) -> list[Claim]:
    """Claims from the parsed candidate sentences of one document."""
    ordered = sorted(turns, key=lambda t: t.span.start)
    mentioned = find_countries(text)
    # The statement's parties as `describe` found them, never guessed from the countries its
    # text mentions most: a key names the countries of the figure's own phrase, else these.
    parties = tuple(description.countries[:2])
    document = Clock(
        today=description.date or find_document_date(text),
        # A date given only to the year or month is no day: no as_of or period comes from it.
        year_only=description.date_precision not in (None, DatePrecision.DAY),
        country=_home(description, mentioned),
    )
    ctx = _Context(
        text=text,
        clock=document,
        lists=list_times(text, document) if ":" in text else [],
        parties=parties,
        countries=mentioned,
        country_starts=[c.start for c in mentioned],
        turns=ordered,
        turn_starts=[t.span.start for t in ordered],
        speakers=Speakers.of(ordered, voices),
    )
    for (span, mentions), (origin, _), doc in zip(candidates, windows, docs, strict=True):
        ctx.clock = replace(document, speaker=ctx.speakers.at(span[0]) or None)
        times = find_times(text, ctx.clock, start=span[0], end=span[1])
        sentence = Sentence(span, origin, doc, token_starts(doc), mentions, times)
        for m in mentions:
            found = _claim_for(ctx, sentence, m)
            if found is not None:
                sentence.found.append(found)
                ctx.found.append(found)
        mark_enumerations(text, sentence.found)
    date_by_restatement(text, ctx.found)
    return [f.claim for f in ctx.found]


def extract_claims(
    text: str,
    turns: Sequence[Turn],
    *,
    description: Description,
    voices: Sequence[Voice] = (),
) -> list[Claim]:
    """Every quantitative claim in `text`, each with its speaker from `turns` or, outside
    them, from the `voices` attributed by segmentation."""
    return next(extract_claims_batch([(text, turns, description, voices)]))


def extract_claims_batch(
    documents: Iterable[tuple[str, Sequence[Turn], Description, Sequence[Voice]]],
) -> Iterator[list[Claim]]:
    """`extract_claims` for many documents, their candidate sentences parsed in one spaCy
    stream: the same claims, about a tenth faster than one document at a time."""
    prepared = []
    for text, turns, description, voices in documents:
        candidates = _candidates(text, turns)
        windows = [parse_window(text, sent, ms) for sent, ms in candidates]
        prepared.append((text, turns, voices, description, candidates, windows))
    docs = nlp.parse(text[a:b] for text, _, _, _, _, windows in prepared for a, b in windows)
    for text, turns, voices, description, candidates, windows in prepared:
        if not candidates:
            yield []
            continue
        mine = [next(docs) for _ in windows]
        yield _read(text, turns, voices, description, candidates, windows, mine)
