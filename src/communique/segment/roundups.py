"""Quotation round-ups: pages that collect what people and organisations said elsewhere.

    **Minnesota Senator Tina Smith:** “Julie Su has spent her career ...”
    [Tweet, 4/20/23]
    **Sung Yeon Choimorrow, Executive Director, NAPAWF:** “We applaud ...”
    **Democratic Women's Caucus:** “Julie Su has spent her career fighting ...”

Each entry is a source (a person, with a title or an affiliation after commas, or an
organisation), a colon, and a quotation. It is no turn of a transcript: nobody spoke there in
turn, so the page has no turns, and each quotation is a voice of its source for the claims
inside it (the person's canonical name, or the organisation as written).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from communique.models import Description, Span, Voice, VoiceKind
from communique.segment.layouts import Label, LabelKind, classify
from communique.segment.lexicon import fold
from communique.segment.people import (
    TITLE_WORDS,
    PersonRegistry,
    clean_label,
    names_organisation,
    split_label,
)

# A source opens a paragraph (emphasis marks aside), may wrap once, and ends with a colon;
# the quotation opens right after it, on the same line or the next.
_SOURCE = re.compile(
    r"^[*_ ]*(?P<source>[^\n:“”\"]{2,200}?(?:\n[^\n:“”\"]{1,120}?)?)[*_ ]*:[*_ ]*[ \t]*\n?[ \t]*"
    r"[*_]*(?=[“\"])",
    re.M,
)
_CLOSING = re.compile(r"[”\"]")
# A page is a round-up when at least _MIN_SOURCES paragraphs open with a quoted source and
# they are at least _SHARE of the paragraphs that open with any label. Calibrated on the 1,237
# White House pages: the eight round-ups have 25-206 sources, 81-100% of their labels;
# transcripts and remarks have at most 3 (a speaker who opens by quoting someone), at most 50%.
_MIN_SOURCES = 3
_SHARE = 2 / 3
_SOURCE_WORDS = 16


def find_quotations(
    text: str,
    labels: Sequence[Label],
    *,
    registry: PersonRegistry,
    description: Description,
) -> list[Voice] | None:
    """Each quotation of a round-up as a voice of its source, or None if `text` is none."""
    sources = [m for m in _SOURCE.finditer(text) if _is_source(m["source"])]
    if len(sources) < _MIN_SOURCES:
        return None
    starts = {m.start() for m in sources}
    labelled = {lab.start for lab in labels if lab.start == 0 or text[lab.start - 1] == "\n"}
    if len(sources) < _SHARE * len(starts | labelled):
        return None
    voices = []
    for i, m in enumerate(sources):
        end = sources[i + 1].start() if i + 1 < len(sources) else len(text)
        closing = [c.end() for c in _CLOSING.finditer(text, m.end() + 1, end)]
        span = Span(start=m.end(), end=closing[-1] if closing else end)
        speaker = _source_name(m["source"], registry=registry, description=description)
        voices.append(Voice(speaker=speaker, span=span, kind=VoiceKind.QUOTED))
    return voices


def _is_source(source: str) -> bool:
    """A person's label ("Senator Tina Smith"), one with an affiliation after commas, or an
    organisation ("AFL-CIO", "Democratic Women's Caucus"); not a sentence's end."""
    first = " ".join(source.split(",")[0].split())
    if not first or not first.lstrip("*_ ")[:1].isupper() or len(first.split()) > _SOURCE_WORDS:
        return False
    return names_organisation(first) or classify(first) is LabelKind.SPEAKER or first.isupper()


def _source_name(source: str, *, registry: PersonRegistry, description: Description) -> str:
    """The person a source names (the first comma-separated part that names one), else the
    source's first part as written (an organisation)."""
    parts = [clean_label(" ".join(part.split())) for part in source.split(",")]
    for part in parts:
        if not part or names_organisation(part):
            continue
        person = registry.resolve(part, on=description.date)
        if person is not None:
            return person.name
        name = split_label(part, places=registry.places).name.split()
        if 2 <= len(name) <= 4 and all(w[0].isupper() for w in name) and not _titles(name):
            return " ".join(name)
    return parts[0] if parts and parts[0] else clean_label(source)


def _titles(words: list[str]) -> bool:
    return any(fold(word) in TITLE_WORDS for word in words)
