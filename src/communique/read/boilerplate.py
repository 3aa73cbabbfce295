"""Page furniture: the lines a government site wraps around a statement.

Counters ("6 of 6"), photo captions, share/print buttons, "See also" sidebars, repeated
headings and the metadata footer ("Publication status", "Topics", "Persons", ...) are
dropped line by line from a `MappedText`, so the offset map still points into the original.
"""

from __future__ import annotations

import re

from communique.describe.dates import is_dateline
from communique.read.normalize import MappedText

_COUNTER = re.compile(r"\d{1,3} (?:of|/|из) \d{1,3}")
_CAPTION = re.compile(
    r".{0,240}\b(?:Photo(?:graph)?s?|PHOTO|Image|Picture|Video)(?: by| credit| courtesy of)?"
    r"\s*[:©]\s*\S.{0,120}"
    r"|(?:Photo|Image)\s*©.{0,120}|©\s*\S.{0,120}",
)  # case-sensitive: credits write "Photo:", while speech says "the photo: ..."
# Buttons and navigation words that sites put on lines of their own. Collected from
# kremlin.ru, government.ru, gov.uk, whitehouse.gov, state.gov, mid.ru and akorda.kz pages.
_NAV = {
    "audio",
    "back",
    "back to top",
    "bookmark",
    "copy link",
    "download",
    "email",
    "events",
    "facebook",
    "follow us",
    "home",
    "listen",
    "menu",
    "news",
    "photo",
    "photos",
    "print",
    "print version",
    "printable version",
    "read more",
    "related",
    "related news",
    "save",
    "search",
    "share",
    "share this",
    "skip to content",
    "subscribe",
    "tags",
    "telegram",
    "text version",
    "top",
    "transcripts",
    "twitter",
    "version for print",
    "video",
    "vk",
    "whatsapp",
    "x",
    "youtube",
    "for immediate release",
    "embargoed until delivery",
    "check against delivery",
    "linkedin",
    "send by email",
}
_SIDEBAR = re.compile(
    r"(?:see also|additional|related(?: materials| news| links| content| articles)?"
    r"|read also|also read|more on this topic|on the same topic|you may also like)",
    re.I,
)
_FOOTER_LABEL = re.compile(
    r"(?:publication status|publication date|published(?: in sections)?|direct link|geography"
    r"|topics|persons|people|text version|tags|keywords|categories|category|share|print"
    r"|print version|last updated|updated|source|related|see also)\b.*",
    re.I,
)
_END_MARK = re.compile(r"(?:END|###|-\s*END\s*-)(?:\s+\d{1,2}:\d{2}.{0,20})?")
_DISTRIBUTED = re.compile(r"[ ]*\|?[ ]*Distributed by Public on [^|\n]*", re.I)
# A sidebar's date line ("10 February 2022, 18:15"): a date and at most a time and a few words.
_DATE_LINE_CHARS = 60
# A sidebar is its label plus at most this many short link lines (a title, a date): the
# kremlin.ru "See also"/"Additional" boxes hold one title and one date.
_SIDEBAR_LINES = 3
# Lines longer than this are prose, never furniture (footer items and headings are short).
_SHORT = 200
# Lines that count as the header when looking for repeated headings: kremlin.ru and
# government.ru headers (title, lead, date, time, place, counters) take at most a dozen.
_HEADER_LINES = 20
_SPEECH_START = re.compile(r"[A-Z][^:\n]{0,120}:\s+\S")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_TERMINAL = (".", "!", "?", ":", ";", ",", "…")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the newline."""
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _fold_quotes(line: str) -> str:
    return line.translate(_QUOTES).casefold()


def _heading_like(line: str) -> bool:
    return 0 < len(line) <= _SHORT and not line.endswith(_TERMINAL)


def _is_date_line(line: str) -> bool:
    return len(line) <= _DATE_LINE_CHARS and is_dateline(line)


def strip_furniture(mapped: MappedText) -> None:
    """Drop furniture lines in place."""
    mapped.sub(_DISTRIBUTED, lambda m: [])
    text = mapped.text
    lines = _lines(text)
    bodies = [text[s:e].strip() for s, e in lines]
    drop = [False] * len(lines)

    seen: set[str] = set()
    repeatable = _header_keys(bodies)
    i = 0
    while i < len(lines):
        line = bodies[i]
        folded = line.casefold().rstrip(" :|")
        if _SIDEBAR.fullmatch(folded):
            drop[i] = True
            j, taken = i + 1, 0
            while j < len(lines) and taken < _SIDEBAR_LINES:
                if not bodies[j]:
                    j += 1
                    continue
                if not (_heading_like(bodies[j]) or _is_date_line(bodies[j])):
                    break
                drop[j] = True
                taken += 1
                j += 1
                if _is_date_line(bodies[j - 1]):
                    break
            i = j
            continue
        elif (
            _COUNTER.fullmatch(line)
            or _END_MARK.fullmatch(line)
            or (len(line) <= _SHORT and _CAPTION.fullmatch(line))
            or folded in _NAV
        ):
            drop[i] = True
        elif _fold_quotes(line) in repeatable:
            # A header line (title, dateline) repeated by the page template: keep the first.
            key = _fold_quotes(line)
            if key in seen:
                drop[i] = True
            seen.add(key)
        i += 1

    footer = _footer_start(bodies)
    for k in range(footer, len(lines)):
        drop[k] = True

    spans: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(lines):
        if drop[k]:
            spans.append((s, min(e + 1, len(text))))
    mapped.drop(_merge(spans))


def _header_keys(bodies: list[str]) -> set[str]:
    """Heading-like lines of the header: only these are dropped when the template repeats them,
    so a sentence a speaker says twice ("Thank you very much") is never touched."""
    keys = set()
    for line in [b for b in bodies if b][:_HEADER_LINES]:
        if _SPEECH_START.match(line):
            break  # the first "Name: words" line ends the header
        if _heading_like(line) and len(line.split()) >= 3:
            keys.add(_fold_quotes(line))
    return keys


def _footer_start(bodies: list[str]) -> int:
    """Index of the first line of a trailing metadata footer, or len(bodies) if none."""
    k = len(bodies)
    start = k
    while k > 0:
        line = bodies[k - 1]
        if line and not (_FOOTER_LABEL.fullmatch(line) or _heading_like(line)):
            break
        k -= 1
        if line and _FOOTER_LABEL.fullmatch(line) and len(line) <= _SHORT:
            start = k
    return start


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged
