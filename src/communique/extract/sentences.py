"""Sentences, table rows and labelled lines of a statement, by cheap regexes.

A sentence ends at ".", "!" or "?" before a capital, or at a line break unless the next line
goes on in lower case (a page break inside a sentence). Table rows ("| Bilateral trade | $24.1
billion |") and bullet labels ("- Kazakhstani students in China: over 3,500.") give the
metric phrase and, from a table's header row, the period.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from communique.extract.alternation import word_alternation

# A point between digits with a space on each side ("6 . 2 %", as tokenised text writes a
# decimal) ends no sentence; Markdown emphasis around a sentence ("uncertainty. ***Unemployment
# was at 6.1%") is no part of the words either side of the break.
_BREAK = re.compile(
    r"(?<=[.!?])(?!(?<=\d \.) \d)[\"”’)*_]*[ \t]+(?=[\"“(*_]*[A-Z0-9£€$])|\n+(?=[ \t]*[^a-z\s])"
)
# A line of hard-wrapped prose: long, and ending inside a sentence (no stop, colon or dash).
_WRAPPED = re.compile(r"[^\n]{50,}[^.!?:;\s*|#\n]\n(?=[ \t]*[A-Z(“\"$€£0-9][^\n]*)")
# A numbered item is "3." or "3)" and no decimal: a wrapped line may begin "6.4 percent."
_BLOCK = re.compile(r"[ \t]*(?:[-*•#|>]|\d+[.)](?!\d))")
# fmt: off
_QUANTITY_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "half", "third", "quarter", "dozens", "scores", "hundreds", "thousands", "millions",
    "billions", "several",
)
# fmt: on
# Whether a sentence may hold a quantity; the words as a trie (half the time of splitting).
_QUICK = re.compile(
    rf"\d|[$€£¥₹₽]|\b{word_alternation(_QUANTITY_WORDS)}\b"
    r"|\ban?\s+(?:dollar|euro|pound|buck|rupee|yen)\b|\b(?:doubl|tripl|quadrupl)\w*",
    re.I,
)
_LABEL = re.compile(r"[ \t]*(?:[-*•][ \t]+)?(?P<label>[A-Z][^:\n]{3,100}?):[ \t]")


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence that may hold a quantity; whitespace trimmed. A line
    break inside hard-wrapped prose ("... since the start of 2021, the\nDepartment projects")
    goes on with the sentence."""
    pos = 0
    for m in _BREAK.finditer(text):
        if text[m.start()] == "\n" and _wrapped(text, m.start(), m.end()):
            continue
        yield from _trimmed(text, pos, m.start())
        pos = m.end()
    yield from _trimmed(text, pos, len(text))


def _wrapped(text: str, newline: int, next_start: int) -> bool:
    """Whether the line break at `newline` only wraps a sentence: one break, after a long line
    that ends mid-sentence, before a line that starts no new block (bullet, heading, table)."""
    if text.count("\n", newline, next_start) > 1:
        return False
    line_start = text.rfind("\n", 0, newline) + 1
    return bool(
        _WRAPPED.match(text, line_start, next_start + 1) and not _BLOCK.match(text, next_start)
    )


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _QUICK.search(text, start, end):
        yield start, end


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def label_before(text: str, pos: int) -> tuple[int, int] | None:
    """The label of a "Label: figure" line when the figure at `pos` follows the colon."""
    start, _ = line_bounds(text, pos)
    m = _LABEL.match(text, start)
    if m is None or m.end() > pos:
        return None
    return m.start("label"), m.end("label")


def table_cell(text: str, pos: int) -> tuple[tuple[int, int], str] | None:
    """For a figure in a Markdown table row: (span of the row's first cell, column header)."""
    start, end = line_bounds(text, pos)
    row = text[start:end]
    if not row.lstrip().startswith("|"):
        return None
    column = text.count("|", start, pos) - 1
    first = row.index("|")
    second = row.find("|", first + 1)
    if column < 1 or second < 0:
        return None
    # Walk up to the header: the first row of this block of table lines.
    header_start = start
    while header_start > 0:
        prev_start = text.rfind("\n", 0, header_start - 1) + 1
        if not text[prev_start:header_start].lstrip().startswith("|"):
            break
        header_start = prev_start
    header_end = text.find("\n", header_start)
    cells = [c.strip() for c in text[header_start:header_end].strip().strip("|").split("|")]
    header = cells[column] if column < len(cells) else ""
    cell_start = start + first + 1
    cell_end = start + second
    while cell_start < cell_end and text[cell_start] == " ":
        cell_start += 1
    while cell_end > cell_start and text[cell_end - 1] == " ":
        cell_end -= 1
    return (cell_start, cell_end), header


# A full stop after these does not end a sentence: titles and initials ("Mr Putin", "U.S.").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|No|Nos|Jr|Sr|Inc|Co|Corp|Ltd|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|approx|Vol|Art|para)"
    r"|(?<![A-Za-z])[A-Z]|\b(?:U\.S|U\.K|U\.N|E\.U))\.$"
)
_PROSE_BREAK = re.compile(
    r"(?<=[.!?])[\"”’)\]*]*[ \t]+(?=[\"“(\[*]*[A-Z0-9£€$])"  # a full stop before a capital
    r"|[.!?][\"”’)\]*]*\n"  # a full stop at the end of a line
    r"|\n[ \t]*\n\s*"  # a blank line
    r"|\n(?=[ \t]*(?:[-*•+]|\d{1,2}[.)]|#)[ \t])"  # a bullet or heading starts a line
    r"|[ \t]*\|[ \t]*"  # table cells
)


def prose_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of every sentence of text[start:end], for entries (agreements,
    commitments) that need no figure. Unlike `split_sentences`, a single line break does not
    end a sentence (hard-wrapped Markdown goes on with "Prime\\nMinister"), while blank lines,
    bullets and headings do; "Mr." and "U.S." do not end one either."""
    end = len(text) if end is None else end
    pos = start
    for m in _PROSE_BREAK.finditer(text, start, end):
        cut = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        after_stop = m.group().startswith((" ", "\t", '"', "”", "’", ")", "]", "*"))
        if (after_stop or cut == m.start() + 1) and _ABBREVIATION.search(
            text, max(pos, cut - 8), cut
        ):
            continue
        yield from _spans(text, pos, cut)
        pos = m.end()
    yield from _spans(text, pos, end)


def _spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start] in " \t\n-*•+#>":
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


_ITEM_START = re.compile(r"(?:^|\n)[ \t]*[-*•][ \t]+")
_NAME = re.compile(r"(?:[A-Z][\w.'&-]*)(?:\s+(?:of|and|the|for|de|[A-Z][\w.'&-]*))*")
ITEM_LABEL_MAX = 200
"""Characters from a list item's marker to the dash after its label ("- Boston Logan
International, Massachusetts—$44.9 million to ...")."""


def item_label(text: str, pos: int) -> str | None:
    """The name a list item opens with when a dash puts the figure at `pos` right after it
    ("Boston Logan International, Massachusetts—$44.9 million"): up to its first comma."""
    before = text[max(0, pos - ITEM_LABEL_MAX) : pos]
    if not before.rstrip().endswith(("—", "–")):
        return None
    starts = list(_ITEM_START.finditer(before))
    if not starts:
        return None
    label = before[starts[-1].end() :].rstrip().rstrip("—–").strip()
    first = label.split(",")[0].strip()
    name = _NAME.fullmatch(first)
    return first if name is not None and len(first.split()) <= 8 else None
