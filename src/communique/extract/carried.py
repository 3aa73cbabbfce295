"""A figure's time said in an earlier sentence of its paragraph, for a figure that has none of
its own.

Two constructions carry a time across a sentence boundary:

- words that point back to a time just named: "First thing I did when I was sworn into office
  back on January 20th is I bought enough vaccine. There were only 4 million Americans who had
  been vaccinated up to that point" (also "at that time", "at the time", "by then");
- a count of what befell people at an event (deaths, hostages: indicators marked `event`), told
  in the past tense after a sentence that names the event's day: "I will never forget the horror
  of October 7, 2023. 1,200 innocent people ... were massacred by Hamas terrorists. ... 250
  people kidnapped."

Only the paragraph the figure is in, within CARRY_CHARS before its sentence, is read: a new
paragraph, another speaker or a longer stretch starts afresh. A carried time counts as resolved
from words (`TimeSource.RELATIVE`), never as stated at the figure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from communique.extract.periods import Clock, TimeRef, find_times
from communique.extract.tokens import pos
from communique.models import TimeSource

CARRY_CHARS = 300
"""How far back an earlier sentence's time is read: about three sentences of a transcript.
The constructions above in the dev contradictions of tests/eval/real/ sit 60-200 characters
after the time they take; past 300 an unmarked figure is as often about something else."""

_POINTS_BACK = re.compile(
    r"\b(?:(?:up to|until|till|by|at|as of|on)\s+(?:that|this)\s+(?:point|time|moment|day|date)"
    r"|at the time|(?:by|until|till|up to|back)\s+then)\b",
    re.I,
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def points_back(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] refers back to a time named before it ("up to that point")."""
    return _POINTS_BACK.search(text, start, end) is not None


def told_in_the_past(governor: Any) -> bool:
    """Whether the verb governing a figure (a parsed token) tells a past event: "were
    massacred", "250 people kidnapped", "killing ..." under "committed"; not "have been killed"
    (up to now) nor "are held". Prepositions such as "including" are climbed through."""
    for t in (governor, *governor.ancestors):
        if t.dep_ == "prep" or pos(t) not in ("VERB", "AUX") or t.tag_ == "VBG":
            continue
        if t.tag_ == "VBD":
            return True
        if t.tag_ == "VBN":
            present = ("VBZ", "VBP", "MD")  # "has been", "are", "will be"
            return not any(c.dep_ in ("aux", "auxpass") and c.tag_ in present for c in t.children)
        return False
    return False


def carried_time(
    text: str,
    clock: Clock,
    *,
    sentence_start: int,
    floor: int,
    days_only: bool,
) -> TimeRef | None:
    """The last time named between the start of the figure's paragraph (not before `floor`:
    its speaker's turn) and `sentence_start`, at most CARRY_CHARS back: a day (`days_only`)
    or any period or moment; None when there is none. Its offsets are where it is written."""
    start = max(floor, sentence_start - CARRY_CHARS, 0)
    breaks = list(_PARAGRAPH.finditer(text, start, sentence_start))
    if breaks:
        start = breaks[-1].end()
    kinds = ("point",) if days_only else ("point", "period")
    times = [t for t in find_times(text, clock, start=start, end=sentence_start) if t.kind in kinds]
    if not times:
        return None
    return replace(times[-1], source=TimeSource.RELATIVE)


__all__ = ["CARRY_CHARS", "carried_time", "points_back", "told_in_the_past"]
