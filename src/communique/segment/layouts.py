"""Speaker-line recognisers: where a label starts a turn, in the layouts statements use.

    Name: text                 "President of Russia Vladimir Putin: Mr President, ..."
    Title Name                 a label on its own line, the colon opening the next one
    : text                     (kremlin.ru's layout when a label is set in bold)
    NAME: text                 "PRESIDENT PUTIN:", "MR. LAVROV:", "MS. SMITH:"
    Q: / Q. / Q / QUESTION:    a journalist's question
    A: text                    an answer by the previous answerer

A label must look like a name or a title: every word capitalised (or a particle such as
"of", "von"), no digits, no sentence punctuation, and not a heading word ("Note", "Example",
"Source") — so "There is one point: we ..." or "Note: ..." never open a turn.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import StrEnum

from communique.segment.lexicon import LABEL_WORDS, default_places, fold
from communique.segment.people import clean_label


class LabelKind(StrEnum):
    SPEAKER = "speaker"
    QUESTION = "question"
    ANSWER = "answer"


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label found in the text: `start` of the label, `speech` where words begin."""

    label: str
    start: int
    speech: int
    kind: LabelKind
    single_word: bool = False  # needs confirmation (a known person, or a surname seen before)


# The longest plausible label: "First Deputy Chairman of the Government of the Russian
# Federation – Minister of Industry and Trade Denis Manturov" is 14 words, ~100 characters.
_MAX_LABEL_CHARS = 120
_MAX_LABEL_WORDS = 16

_INLINE = re.compile(rf"^(?P<label>[^\n:]{{1,{_MAX_LABEL_CHARS}}}?)[ ]?:(?:[ ]+|(?=\n)|$)", re.M)
_SPLIT = re.compile(rf"^(?P<label>[^\n:]{{1,{_MAX_LABEL_CHARS}}})\n[ ]*:[ ]*", re.M)
_BARE_Q = re.compile(r"^(?P<label>Q)(?:\.[ ]+|[ ]{1,}(?=\S))", re.M)

_QUESTION = frozenset(LABEL_WORDS["question_labels"])
_ANSWER = frozenset(LABEL_WORDS["answer_labels"])
_ROLE_WORDS = frozenset(LABEL_WORDS["role_labels"])
_CONNECTORS = frozenset(LABEL_WORDS["connectors"])
_STOP_FIRST = frozenset(LABEL_WORDS["stop_first"])
_STOP_LAST = frozenset(LABEL_WORDS["stop_last"])
_WORD_OK = re.compile(r"(?:(?:al|el|ad|ibn|bin|d|O)[-'’])?[A-ZÀ-ÞА-ЯЁ][\w’'.\-]*|[–\-&]")


def classify(label: str) -> LabelKind | None:
    """The kind of a candidate label, or None if it does not look like a speaker."""
    raw = label.strip()
    if not raw or raw[0] in "([{\"“'*-–•#>" or any(ch.isdigit() for ch in raw):
        return None
    text = clean_label(raw)
    if not text or len(text) > _MAX_LABEL_CHARS or any(ch in text for ch in ',;!?"“”'):
        return None
    key = fold(text)
    if key in _QUESTION:
        return LabelKind.QUESTION
    if key in _ANSWER:
        return LabelKind.ANSWER
    if key in _ROLE_WORDS:
        return LabelKind.SPEAKER
    words = text.split()
    if len(words) > _MAX_LABEL_WORDS:
        return None
    first, last = fold(words[0]), fold(words[-1])
    if first in _STOP_FIRST or last in _STOP_LAST or _only_places(words):
        return None
    if not words[0][0].isupper():
        return None
    for word in words:
        if word.lower() in _CONNECTORS:
            continue
        if not _WORD_OK.fullmatch(word):
            return None
    return LabelKind.SPEAKER


def _only_places(words: list[str]) -> bool:
    """ "Moscow, Russia", "Russian Federation": a dateline or heading, not a speaker."""
    places = default_places()
    rest = [w for w in words if w.lower() not in _CONNECTORS]
    i = 0
    while i < len(rest):
        _, used = places.country_prefix(rest[i:])
        if not used:
            if places.city(rest[i]) is None:
                return False
            used = 1
        i += used
    return True


def find_labels(text: str) -> list[Label]:
    """Every speaker label at a line start, in reading order."""
    found: dict[int, Label] = {}
    for m in _SPLIT.finditer(text):
        kind = classify(m["label"])
        if kind is not None:
            found[m.start()] = _label(m, kind)
    split = sorted(found.values(), key=lambda lab: lab.start)
    starts = [lab.start for lab in split]
    for m in _INLINE.finditer(text):
        at = bisect.bisect_left(starts, m.start()) - 1
        if m.start() in found or (at >= 0 and m.start() < split[at].speech):
            continue
        kind = classify(m["label"])
        if kind is not None:
            found[m.start()] = _label(m, kind)
    for m in _BARE_Q.finditer(text):
        if m.start() not in found:
            found[m.start()] = _label(m, LabelKind.QUESTION)
    return [found[k] for k in sorted(found)]


def _label(m: re.Match[str], kind: LabelKind) -> Label:
    label = m["label"].strip()
    single = kind is LabelKind.SPEAKER and len(clean_label(label).split()) == 1
    return Label(label=label, start=m.start(), speech=m.end(), kind=kind, single_word=single)
