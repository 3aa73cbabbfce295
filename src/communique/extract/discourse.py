"""What a figure takes from beyond its sentence: the time a list's lead-in sets for its items
("Data on the impact of HEERF funds in 2021 show that:" over the bullets below it), and the
time and key of its own restatement ("**6 million community college students received aid:**
The Department projects that 6 million community college students have received an emergency
aid grant since the start of 2021").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from communique.extract.antecedents import Found
from communique.extract.periods import Clock, TimeRef, find_times
from communique.models import TimeSource

_LEAD_IN = re.compile(r"^[^\n]*\S[ \t]*:[ \t]*$", re.M)
_ITEM = re.compile(r"[ \t]*(?:[-*•]|\d+[.)])[ \t]")
_NEW_ITEM = re.compile(r"\n[ \t]*(?:[-*•]|\d+[.)]|\|)[ \t]")
RESTATED_WITHIN = 600
"""Characters between a figure and its restatement in the same list item or paragraph; the
fact sheets' bold lead-ins are restated within two or three wrapped lines (under 400)."""


@dataclass(frozen=True, slots=True)
class ListTime:
    """A time a lead-in line sets for the list items below it, text[start:end]."""

    start: int
    end: int
    time: TimeRef


def list_times(text: str, clock: Clock) -> list[ListTime]:
    """The lists whose lead-in line (ending in a colon) states a period or a moment."""
    out = []
    for m in _LEAD_IN.finditer(text):
        times = [t for t in find_times(text, clock, start=m.start(), end=m.end()) if t.last]
        times = [t for t in times if t.kind in ("period", "point")]
        if not times:
            continue
        end = _list_end(text, m.end())
        if end > m.end():
            out.append(ListTime(m.end(), end, times[-1]))
    return out


LIST_WINDOW = 20_000
"""Characters read after a lead-in for its list: longer than any list of our statements."""


def _list_end(text: str, pos: int) -> int:
    """Where the list that starts after `pos` ends: at the first line after a blank one that
    is not an item (an item's wrapped lines go on without a blank between them); `pos` when no
    item follows."""
    lines = text[pos : pos + LIST_WINDOW].split("\n")
    offset = pos + len(lines[0]) + 1
    seen = False
    blank_before = False
    end = pos
    for line in lines[1:]:
        if _ITEM.match(line):
            seen = True
        elif not line.strip():
            blank_before = True
            offset += len(line) + 1
            continue
        elif not seen or blank_before:
            break
        blank_before = False
        end = offset + len(line)
        offset += len(line) + 1
    return end if seen else pos


def list_time_at(lists: Sequence[ListTime], pos: int) -> TimeRef | None:
    return next((x.time for x in lists if x.start <= pos < x.end), None)


def date_by_restatement(text: str, found: Sequence[Found]) -> None:
    """Give a figure with no time of its own (dated by the document) the time and key of its
    restatement a few lines on: the same value and unit, in the same turn and list item."""
    for i, f in enumerate(found):
        c = f.claim
        if c.time_source not in (TimeSource.DOCUMENT, None):
            continue
        for g in found[i + 1 :]:
            later = g.claim
            if later.span.start - c.span.end > RESTATED_WITHIN or g.turn != f.turn:
                break
            if _NEW_ITEM.search(text, c.span.end, later.span.start):
                break
            if later.value != c.value or later.unit != c.unit:
                continue
            if later.time_source in (TimeSource.STATED, TimeSource.RELATIVE):
                f.claim = replace(
                    c,
                    period=later.period,
                    as_of=later.as_of,
                    time_source=later.time_source,
                    metric=later.metric,
                    indicator=later.indicator,
                    scope=later.scope,
                    subject=later.subject,
                    object=later.object,
                )
                f.keyed = g.keyed
            break
