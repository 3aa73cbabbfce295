"""Figures side by side in one sentence: a figure said twice for emphasis ("40 percent — 40
percent of our exports") is one claim, and parallel figures of one list ("38 percent of the
Black community, 42 percent of the Hispanic community") are marked as items of it, so that
nobody reads two items of a list as two answers to one question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from communique.extract.antecedents import Found
from communique.extract.quantities import Mention

# What may stand between a figure and its emphatic repetition: dashes, commas, dots, "I repeat".
_REPEAT_GAP = re.compile(r"^[\s,.;:…—–-]*(?:(?:I\s+)?repeat[,:]?\s*)?[\s—–-]*$", re.I)
# Between two items of a list: a comma, a semicolon, "and", "while", "whereas", "versus".
_ITEM_GAP = re.compile(r"(?:[,;]|\band\b|\bwhile\b|\bwhereas\b|\bversus\b|\bvs\b)", re.I)
# ... but not a change from one to the other, or a restatement ("$5 billion, or 7 percent").
_NOT_ITEMS = re.compile(r"\b(?:to|from|or|i\.e|that is|equivalent|compared|than|up|down)\b", re.I)
ITEM_GAP_MAX = 120
"""Characters between two items of one list; past this a sentence has moved on. Set from the
fact sheets' longest enumerations of parallel shares (under 100 between items)."""


def drop_repeats(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions of a sentence less those said again at once for emphasis: of "40 percent —
    40 percent of our exports" only the second, which says what it is of."""
    kept = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and nxt.value == m.value
            and nxt.unit == m.unit
            and _REPEAT_GAP.match(text[m.end : nxt.start])
        ):
            continue
        kept.append(m)
    return kept


def mark_enumerations(text: str, found: Sequence[Found]) -> None:
    """Mark the claims of one sentence that are items of a list of parallel figures: two or
    more of the same unit, one after the other, with only a list separator between them (and
    no change from one to the next). Each item's `enumeration` is the offset where the list
    starts."""
    run: list[Found] = []

    def close() -> None:
        if len(run) > 1:
            start = run[0].claim.span.start
            for f in run:
                f.claim = replace(f.claim, enumeration=start)
        run.clear()

    for f in found:
        if run:
            prev = run[-1].claim
            gap = text[prev.span.end : f.claim.span.start]
            if not (
                f.claim.unit == prev.unit
                and len(gap) <= ITEM_GAP_MAX
                and _ITEM_GAP.search(gap)
                and not _NOT_ITEMS.search(gap)
                and f.claim.value != prev.value
            ):
                close()
        run.append(f)
    close()
