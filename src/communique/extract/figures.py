"""One figure read in its sentence: what the parse says it measures, where its quote ends,
and which words name it.

`phrases` reads the dependency parse; this adds what the raw text around the figure tells
and the parse misses (a deadline that makes it a target, "grew by" before a percent, a table
row's first cell or a "Label:" that names it), and drops the bare numbers that count nothing
worth a claim ("one side", "two years").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from communique.extract.antecedents import Found
from communique.extract.periods import TimeRef
from communique.extract.phrases import Doc, Reading, read_figure, token_index
from communique.extract.proportions import HALVING_RE, MULTIPLE_RE
from communique.extract.quantities import Mention
from communique.extract.scope import label_head, pick_time
from communique.extract.sentences import label_before, table_cell
from communique.extract.units import PERCENT
from communique.models import Modality

_GROWTH_BEFORE = re.compile(
    r"(?:\bby|\bup|\bdown|increase of|growth of|rise of|decline of|drop of|fall of|reduction of"
    r"|increased|grew|rose)\s+$",
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
        # what a speaker counts in the speech itself ("three pieces of advice", "two reasons")
        "piece",
        "reason",
        "example",
        "demand",
        "area",
        "lesson",
        "message",
        "priority",
        "principle",
        "idea",
        "comment",
        "remark",
        "observation",
        "topic",
        "aspect",
        "dimension",
        "element",
        "factor",
        "task",
        "advice",
        "proposal",
        "suggestion",
        "pillar",
        "conclusion",
        "request",
        "wish",
        "step",
        "part",
    ]
)
# A change "from" one level "to" another; not a range ("ranging from $100 to $500").
_FROM_BEFORE = re.compile(
    r"(?<!range\s)(?<!ranges\s)(?<!ranging\s)(?<!vary\s)(?<!varies\s)(?<!varying\s)"
    r"\bfrom\s+(?:\S+,?\s+and\s+)?$",
    re.I,
)
_TO_AFTER = re.compile(r"(?:\s+and\s+\S+)?,?\s+(?:respectively,\s+)?to\s", re.I)
_WRITTEN_PERCENT = re.compile(r"\d|percent|per cent|%")


@dataclass(slots=True)
class Sentence:
    """One candidate sentence: its figures, its time expressions, the parse of its window
    (which starts at `origin`), and the claims found in it so far."""

    span: tuple[int, int]
    origin: int
    doc: Doc
    starts: list[int]
    mentions: Sequence[Mention]
    times: Sequence[TimeRef]
    found: list[Found] = field(default_factory=list)


def read_in_sentence(text: str, s: Sentence, m: Mention) -> Reading:
    """What the parse says the figure measures, with two hints from the raw text that the
    parse alone misses: a deadline with no other figure between it and this one (a target or
    plan, not a level), and "by", "up", "grew" before the figure or "growth" after a percent
    (a change, not a level)."""
    s0, s1 = s.span
    first = token_index(s.starts, m.num_start - s.origin)
    last = token_index(s.starts, (m.num_end if m.candidate or m.vague else m.end) - 1 - s.origin)
    # "by 2030" sets a level to reach (a target); "in 2026", "next year" only date a plan.
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
    if reading.modality is Modality.ACTUAL and not m.candidate and _due_in_clause(s, reading):
        # "committed to a 55 per cent reduction in emissions by 2030", "on track to reduce
        # child mortality by two thirds by 2015": a level due by a date its clause names
        reading = replace(reading, modality=Modality.TARGET)
    if (
        reading.modality is not Modality.ACTUAL
        and _FROM_BEFORE.search(text, max(s0, m.start - 40), m.start)
        and _TO_AFTER.match(text, m.end)
    ):
        # "will fall from $1,028 to $350", "reduce unemployment from 11% to 7%": the level a
        # change starts from is where things stand, whatever is planned for the one it reaches
        reading = replace(reading, modality=Modality.ACTUAL)
    if m.unit == PERCENT and HALVING_RE.match(text, m.num_start, m.num_end):
        reading = replace(reading, share=False, growth=True)  # "cut child poverty in half"
    elif MULTIPLE_RE.match(text, m.num_start, m.num_end):
        # "trade more than tripled": growth; "four times faster": a ratio, no share either
        reading = replace(reading, share=False, growth=m.unit == PERCENT)
    elif m.unit == PERCENT and not _WRITTEN_PERCENT.search(text, m.start, m.end):
        reading = replace(reading, share=True, growth=False)  # "nearly half", "every third"
    return reading


def _due_in_clause(s: Sentence, reading: Reading) -> bool:
    """Whether a deadline ("by 2030") stands in the figure's own clause, and the clause's verb
    is no past deed ("grew by 5 percent by 2020" said of the past is a fact)."""
    lo, hi = s.origin + reading.clause[0], s.origin + reading.clause[1]
    if not any(t.kind == "deadline" and lo <= t.start and t.end <= hi for t in s.times):
        return False
    if reading.governor is None:
        return True
    verb = s.doc[reading.governor]
    return not (
        verb.tag_ == "VBD"
        or (verb.tag_ == "VBN" and any(c.lower_ in ("have", "has", "had") for c in verb.children))
    )


def quote_end(s: Sentence, m: Mention, reading: Reading, *, first_claim: bool) -> int | None:
    """Where the figure's quote ends, or None when a bare number is no claim. A bare number
    ("93 collaborative projects") runs to the noun it counts; it is no claim when it counts
    nothing, counts time ("two years"), or is a small word counting a discourse noun ("one
    side"), nor is a bare "the number" with no claim before it to continue."""
    if not m.candidate:
        return m.end
    if reading.noun_end is None or (reading.noun is None and first_claim):
        return None
    head = reading.phrase_head
    if head in _TIME_NOUNS or (m.small_word and head in _DISCOURSE_NOUNS):
        return None
    return s.origin + reading.noun_end


def metric_phrase(
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
