"""Speaker-line recognisers: where a label starts a turn, in the layouts statements use.

    Name: text                 "President of Russia Vladimir Putin: Mr President, ..."
    Title Name                 a label on its own line, the colon opening the next one
    : text                     (kremlin.ru's layout when a label is set in bold)
    NAME: text                 "PRESIDENT PUTIN:", "MR. LAVROV:", "MS. SMITH:"
    Q: / Q. / Q / QUESTION:    a journalist's question
    A: text                    an answer by the previous answerer
    … words. Name Surname: …   a label inside a line whose paragraph breaks were lost
    … Role First Last Last FirstRole2: …   the same with a site's name tooltip leaked in

A label must look like a name or a title: every word capitalised (or a particle such as
"of", "von"), no digits, no sentence punctuation, and not a heading word ("Note", "Example",
"Source") — so "There is one point: we ..." or "Note: ..." never open a turn. Inside a line,
a label must also stand right after the end of a sentence (or a "***" rule, or open a paragraph
as a heading's last words) and hold a name, so "We agree with President Xi: ..." stays prose.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from communique.segment.lexicon import LABEL_WORDS, default_places, fold
from communique.segment.people import (
    HONORIFICS,
    PERSON_TITLES,
    clean_label,
    names_organisation,
    split_label,
)


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

_FUNCTION_WORDS = frozenset({"the", "to", "of", "for", "and", "in", "on", "at", "&", "-", "–"})
_WORD_OK = re.compile(r"(?:(?:al|el|ad|ibn|bin|d|O)[-'’])?[A-ZÀ-ÞА-ЯЁ][\w’'.\-]*|[–\-&]")


def classify(label: str) -> LabelKind | None:
    """The kind of a candidate label, or None if it does not look like a speaker."""
    raw = label.strip()
    if not raw or raw[0] in "([{\"“'*-–•#>" or any(ch.isdigit() for ch in raw):
        return None
    text = clean_label(raw)
    if not text or len(text) > _MAX_LABEL_CHARS or any(ch in text for ch in ',;!?"“”'):
        return None
    if not text[0].isupper():  # "… he asked the famous⏎question: Are you …" is a wrapped line
        return None
    key = fold(text)
    if key in _QUESTION:
        return LabelKind.QUESTION
    if key in _ANSWER:
        return LabelKind.ANSWER
    if key in _ROLE_WORDS:
        return LabelKind.SPEAKER
    words = text.split()
    if len(words) > _MAX_LABEL_WORDS or (words[0] == "Q" and len(words) > 1):
        return None  # "Q And to Chancellor Scholz: ...": a question line, not a speaker "Q ..."
    first, last = fold(words[0]), fold(words[-1])
    if first in _STOP_FIRST or last in _STOP_LAST or _only_places(words) or _headline(words):
        return None
    if names_organisation(text):  # "Rutgers University Law School:" heads a fact sheet's item
        return None
    # "Briefly on Burma", "Visit to Peter the Great": function words belong to titles ("Minister
    # for Foreign Affairs"), never to the name that follows them.
    if _FUNCTION_WORDS & {w.lower() for w in split_label(text).name.split()}:
        return None
    if not words[0][0].isupper():
        return None
    for word in words:
        if word.lower() in _CONNECTORS:
            continue
        if not _WORD_OK.fullmatch(word):
            return None
    return LabelKind.SPEAKER


# A label without a title or honorific is a name: two to four words ("Luiz Inácio Lula da
# Silva" has three besides its particles). Five or more are a headline ("HISTORIC LAUNCH TO
# LOWER DRUG PRICES FOR AMERICAN PATIENTS:" in a fact sheet).
_NAME_WORDS = 4


def _headline(words: list[str]) -> bool:
    """A bold headline of a fact sheet, not a person: no title or honorific, and it opens
    with a gerund ("DELIVERING FOR THE AMERICAN PEOPLE") or is longer than a name."""
    if any(fold(w) in PERSON_TITLES or fold(w) in HONORIFICS for w in words):
        return False
    content = [w for w in words if w.lower() not in _CONNECTORS]
    gerund = re.fullmatch(r"[^\W\d_]{3,}ING", words[0].upper()) is not None
    return gerund or len(content) > _NAME_WORDS


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
    """Every speaker label, at a line start or inside a flattened line, in reading order."""
    return list(_find_labels(text))


@lru_cache(maxsize=4)  # describing (where the header ends) and segmenting ask for one text
def _find_labels(text: str) -> tuple[Label, ...]:
    found: dict[int, Label] = {}
    for m in _SPLIT.finditer(text):
        kind = classify(m["label"])
        if kind is not None:
            found[m.start()] = _label(m, kind)
    split = sorted(found.values(), key=lambda lab: lab.start)
    starts = [lab.start for lab in split]
    wrapped = _hard_wrapped(text)
    for m in _INLINE.finditer(text):
        at = bisect.bisect_left(starts, m.start()) - 1
        if m.start() in found or (at >= 0 and m.start() < split[at].speech):
            continue
        if wrapped and _continues_line(text, m.start()):
            continue
        kind = classify(m["label"])
        if kind is not None:
            label = _label(m, kind)
            # "... as you've heard from Dr.⏎Walensky: the extreme importance ...": a surname
            # wrapped to a line start, not a label; speech after a label opens a sentence.
            if not (label.single_word and text[label.speech : label.speech + 1].islower()):
                found[m.start()] = label
    for m in _BARE_Q.finditer(text):
        if m.start() not in found and not (wrapped and _continues_line(text, m.start())):
            found[m.start()] = _label(m, LabelKind.QUESTION)
    labels = [found[k] for k in sorted(found)]
    return tuple(_merge(labels, find_inline_labels(text)))


# A text is hard-wrapped (a paragraph runs over several lines) when at least _WRAPPED_LINES of
# its lines of _WRAP_CHARS or more, and at least _WRAPPED_SHARE of them, stop mid-sentence before
# a line that goes on. Calibrated on the archives: White House Markdown files are (15-100% of
# such lines; only 26 of 1,221, of a few lines each, have fewer than 5), UN texts saved from
# PDFs are (over 90%); kremlin.ru files (one line per paragraph, or a flattened body: at most 2
# such lines) and the samples are not.
_WRAP_CHARS = 40
_WRAPPED_LINES = 5
_WRAPPED_SHARE = 0.1


def _hard_wrapped(text: str) -> bool:
    lines = text.split("\n")
    long = wrapped = 0
    for line, after in itertools.pairwise(lines):
        line = line.rstrip(" \t*_")
        if len(line) < _WRAP_CHARS:
            continue
        long += 1
        wrapped += bool(after.strip()) and (line[-1].isalnum() or line[-1] == ",")
    return wrapped >= _WRAPPED_LINES and wrapped >= _WRAPPED_SHARE * long


def _continues_line(text: str, at: int) -> bool:
    """Whether, in a hard-wrapped text, the line starting at `at` goes on with the sentence of
    the line before: that line ends in a word or a comma ("... Montana Senator Jon⏎Tester**:
    “GOOD NEWS"). In 1,600 White House and kremlin.ru files all 66 line-start "labels" after
    such a line were wrapped headings, names or sentences; real labels follow a blank line or
    a sentence end."""
    if at == 0:
        return False
    before = text[max(0, at - 200) : at - 1]
    last = before.rstrip(" \t*_")
    return bool(last) and before[-1:] != "\n" and (last[-1].isalnum() or last[-1] == ",")


def _merge(line_labels: list[Label], inline: list[Label]) -> list[Label]:
    """Line-start labels plus inline ones that fall in no line-start label."""
    if not inline:
        return line_labels
    spans = [(lab.start, lab.speech) for lab in line_labels]
    out = list(line_labels)
    for lab in inline:
        if not any(s <= lab.start < e or lab.start <= s < lab.speech for s, e in spans):
            out.append(lab)
    return sorted(out, key=lambda lab: lab.start)


# A colon that may close an inline label, with an optional "(retranslated)" before it.
_INLINE_COLON = re.compile(r"(?:\s*\([^()\n]{1,40}\))?[ ]?:(?=[ ]|$)", re.M)
# Where a label inside a line may start: after the end of a sentence, a "***" rule (one "*"
# once Markdown emphasis is undone), a closing quote or bracket after a sentence end, or a line
# start.
_BOUNDARY = re.compile(r"(?:[.!?…][\"”»’)\]]*\**|\*{1,3})[ ]+|^", re.M)
_TOKEN = re.compile(r"\S+")
# How far back from a colon its label may start: a heading of _HEADING_WORDS words and the
# longest label (_MAX_LABEL_CHARS) fit in it.
_LOOK_BACK = 400
# A heading that ends with a label ("*** Beginning of Russian-Chinese talks President of China
# Xi Jinping:") is at most this long: the longest heading before a label in 360 kremlin.ru
# transcripts ("Excerpts from transcript of meeting with university students to mark Russian
# Students Day") is 14 words.
_HEADING_WORDS = 24


def find_inline_labels(text: str) -> list[Label]:
    """Labels that do not start a line: a transcript whose paragraph breaks were lost."""
    found: list[Label] = []
    weak: list[tuple[str, Label]] = []
    for colon in _INLINE_COLON.finditer(text):
        line_start = text.rfind("\n", 0, colon.start()) + 1
        if line_start == colon.start():
            continue
        label = _inline_label(text, line_start, colon.start(), colon.end())
        if label is not None and (not found or label.start >= found[-1].speech):
            found.append(label)
        elif label is None:
            candidate = _titled_label(text, line_start, colon.start(), colon.end())
            if candidate is not None:
                weak.append(candidate)
    if weak:
        names = {fold(split_label(lab.label).name) for lab in found}
        confirmed = [lab for name, lab in weak if fold(name) in names]
        found = sorted(found + confirmed, key=lambda lab: lab.start)
    return found


def _titled_label(text: str, line_start: int, end: int, speech: int) -> tuple[str, Label] | None:
    """ "Captain of the Marshal Rokossovsky vessel Alexander Vangonen": a title, an
    organisation written in lower case, then a name. Kept only when the same name speaks
    under a label of its own elsewhere in the text (the caller checks)."""
    start = _last_boundary(text, line_start, end)
    region = text[start:end]
    words = region.split()
    if (
        start <= line_start
        or not words
        or fold(words[0]) not in PERSON_TITLES
        or len(words) > _MAX_LABEL_WORDS
        or re.search(r"[.!?;,:]", region)
    ):
        return None
    name = split_label(region).name
    if not 2 <= len(name.split()) <= 3 or not all(w[0].isupper() for w in name.split()):
        return None
    return name, _inline(region, start, _after_space(text, speech))


def _inline_label(text: str, line_start: int, end: int, speech: int) -> Label | None:
    region_start = _last_boundary(text, line_start, end)
    if region_start < 0:
        return None
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, region_start, end)]
    if not tokens:
        return None
    tooltip = _tooltip(text, tokens)
    if tooltip is not None:
        name_end, last = tooltip
        start = _title_start(text, tokens[: last + 1])
        return _inline(text[start:name_end], start, _after_space(text, speech))
    region = text[region_start:end]
    kind = classify(region)
    if kind is not None and region_start > line_start and _names_someone(region, kind):
        return _inline(region, region_start, _after_space(text, speech), kind=kind)
    # Only after a "***" rule: at a line start, "I spoke with President X: ..." is a sentence.
    heading = text[region_start - 2 : region_start] == "* "
    if heading and len(tokens) <= _HEADING_WORDS and not re.search(r"[.!?;,]", region):
        start = _title_start(text, tokens)
        suffix = text[start:end]
        if start > region_start and classify(suffix) is LabelKind.SPEAKER:
            parts = split_label(suffix)
            if parts.name and parts.role:
                return _inline(suffix, start, _after_space(text, speech))
    return None


def _last_boundary(text: str, line_start: int, end: int) -> int:
    """Start of the text between the last sentence end before `end` and `end`, or -1 when
    none is near enough for a label (only a window before `end` is read: a flattened line
    can hold a whole transcript)."""
    window = max(line_start, end - _LOOK_BACK)
    start = line_start if window == line_start else -1
    for m in _BOUNDARY.finditer(text, window, end):
        if m.end() < end and not (text[m.start()] == "." and _abbreviation(text, m.start())):
            start = m.end()
    return start


def _abbreviation(text: str, at: int) -> bool:
    """ "Mr. Smith": a full stop after an honorific ends no sentence."""
    word = re.search(r"(\w+)$", text[max(0, at - 12) : at])
    return word is not None and fold(word.group(1)) in HONORIFICS


_GLUED = re.compile(r"[A-ZÀ-ÞА-ЯЁ][^\W\d_]*?[a-zà-ÿа-яё](?:[A-ZÀ-ÞА-ЯЁ(][\w’'.()\-]*)")


def _tooltip(text: str, tokens: list[tuple[int, int]]) -> tuple[int, int] | None:
    """ "... Alexander Lukashenko Lukashenko AlexanderPresident of Belarus": a name followed by
    the same name surname first, its last word glued to a role. Returns (end of the name as
    written first, index of its last token)."""
    words = [text[s:e] for s, e in tokens]
    for size in (2, 3, 4):
        for i in range(len(words) - 2 * size, -1, -1):
            name, tip = words[i : i + size], words[i + size : i + 2 * size]
            if tip[0] != name[-1] or tip[1:-1] != name[:-2]:
                continue
            last, glued = name[-2], tip[-1]
            rest = glued[len(last) :]
            if glued.startswith(last) and (not rest or rest[0].isupper() or rest[0] == "("):
                return tokens[i + size - 1][1], i + size - 1
            # The tooltip may spell the first name its own way ("Petr Fradkov Fradkov
            # PyotrPromsvyazbank CEO"): a capitalised word glued to a role still marks it.
            if _GLUED.fullmatch(glued):
                return tokens[i + size - 1][1], i + size - 1
    return None


def _title_start(text: str, tokens: list[tuple[int, int]]) -> int:
    """Start of the longest run of capitalised words and connectors that ends the tokens,
    at most a label long, not starting with a connector."""
    start = len(tokens)
    while start > 0 and len(tokens) - start < _MAX_LABEL_WORDS:
        word = text[tokens[start - 1][0] : tokens[start - 1][1]]
        if not (_WORD_OK.fullmatch(word) or word.lower() in _CONNECTORS):
            break
        start -= 1
    while start < len(tokens) - 1:
        word = text[tokens[start][0] : tokens[start][1]]
        if word.lower() not in _CONNECTORS and word[0].isupper():
            break
        start += 1
    return tokens[start][0] if start < len(tokens) else tokens[-1][0]


def _names_someone(region: str, kind: LabelKind) -> bool:
    """An inline label must name a person ("Vladimir Putin", "Minister Sergei Lavrov") or be
    a question label: "Mr President:" or "Colleagues:" inside a line are speech."""
    if kind is not LabelKind.SPEAKER:
        return kind is LabelKind.QUESTION
    words = clean_label(region).split()
    return len(words) >= 2 and bool(split_label(region).name)


def _after_space(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


def _inline(label: str, start: int, speech: int, *, kind: LabelKind = LabelKind.SPEAKER) -> Label:
    label = label.strip()
    return Label(label=label, start=start, speech=speech, kind=kind, single_word=False)


def _label(m: re.Match[str], kind: LabelKind) -> Label:
    label = m["label"].strip()
    single = kind is LabelKind.SPEAKER and len(clean_label(label).split()) == 1
    return Label(label=label, start=m.start(), speech=m.end(), kind=kind, single_word=single)
