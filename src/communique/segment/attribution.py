"""Voices outside transcript turns: an author's own statement, and reported speech.

    "Statement from President Joe Biden on ..."       the body is Joe Biden's
    "Presidential Message on National Diabetes Month" the sitting president's (office table)
    "Vladimir Putin sent a message ... The message reads, in part: ..."   Putin's
    "Governor Ivanov reported that ...", "according to Ivanov, ..."      Ivanov's sentence

Voices set the speaker of the claims in them (narration stays ""), never the document's turns:
a statement, readout or message has no transcript. Text inside a turn is that turn's speaker's,
whoever the speaker quotes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from communique.models import Description, Span, Turn, Voice, VoiceKind
from communique.segment.lexicon import fold
from communique.segment.offices import default_offices
from communique.segment.people import PERSON_TITLES, TITLE_WORDS, PersonRegistry, split_label

_NAME = r"[A-Z][\w’'\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'\-]+){1,3}"
# "Statement from President Joe Biden on ...", "Message by Press Secretary X", "Op-Ed by X".
_AUTHORED = re.compile(
    r"^(?:Joint\s+)?(?:Statement|Message|Letter|Remarks\s+as\s+Prepared(?:\s+for\s+Delivery)?"
    r"|Op-Ed|Address|Greetings|Video\s+Message|Written\s+Statement)\s+(?:from|by|of)\s+"
    r"(?P<who>[^,:;]+?)"
    r"(?:\s+(?i:on|to|at|for|regarding|in|marking|after|before|following|ahead|since)\b|[,:;]|$)"
)
# "Presidential Message on ...", "Presidential Proclamation ...": the office speaks.
_OFFICE_AUTHORED = re.compile(
    r"^(?P<office>Presidential|Vice\s+Presidential)\s+(?:Message|Proclamation|Statement)\b"
)
_OFFICE_TITLES = {"presidential": "President", "vice presidential": "Vice President"}
# "Vladimir Putin sent a message of greetings to ..." / "congratulated ..." in the summary,
# then "The message reads, in part: ..." in the body.
_SENDER = re.compile(
    rf"^(?P<who>{_NAME}|The President)\s+(?:sent|addressed|wished|congratulated|expressed)\b",
    re.M,
)
_MESSAGE_READS = re.compile(
    r"\b(?:The|His|Her)\s+(?:message|letter|telegram|address)\s+(?:reads|says)\b"
)
# Reported speech: "X said that", "X noted", "according to X".
_VERBS = (
    r"said|says|noted|notes|reported|reports|stated|states|stressed|emphasized|emphasised"
    r"|underlined|underscored|highlighted|pointed\s+out|informed|told|added|explained"
    r"|announced|remarked|observed|recalled|mentioned"
)
# A word of a name or title: capitalised, an initial ("J."), or an abbreviated honorific; a
# full stop after anything else ends the sentence before the name.
_WORD = r"(?:[A-Z]\.|(?:Mr|Ms|Mrs|Dr|St)\.|[A-Z][\w’'\-]*)"
_REPORTED = re.compile(
    rf"(?P<who>(?:(?:the|The)\s+)?(?:(?:{_WORD}|of|the)\s+){{0,6}}[A-Z][\w’'\-]+)\s+(?:also\s+)?"
    rf"(?:{_VERBS})\b"
)
_ACCORDING = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?P<who>(?:the\s+)?(?:{_WORD}\s+){{0,5}}[A-Z][\w’'\-]+)"
)
_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]*(?=\s|$)|\n\s*\n")
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»')
_WORDS = re.compile(r"[^\W\d_][\w’']*")
_FIRST_PERSON = {"i", "we", "our", "us", "my", "me", "i’m", "i'm", "we’re", "we're", "we’ve"}
# Share of first-person words from which a stretch is speech, not narration. Calibrated on
# the archives: UN General Debate speeches 2.1-5.8%, statements by a president 1.3-6.8%;
# readouts, calls and fact sheets 0-1.2% (their quotes left out).
_FIRST_PERSON_SHARE = 0.015
_INSTITUTIONS = {
    "government",
    "ministry",
    "office",
    "department",
    "embassy",
    "administration",
    "cabinet",
    "parliament",
    "council",
    "committee",
    "commission",
    "agency",
    "service",
    "republic",
}
_NOT_PEOPLE = {"i", "we", "they", "it", "this", "that", "he", "she", "you", "the parties", "both"}


def find_voices(
    text: str, turns: Sequence[Turn], *, registry: PersonRegistry, description: Description
) -> list[Voice]:
    """Author and reported-speech voices of `text` outside its `turns`."""
    voices: list[Voice] = []
    author = _author(text, registry=registry, description=description)
    if author is not None:
        voices.append(author)
    voices.extend(_reported(text, turns, registry=registry, description=description))
    return voices


def _author(text: str, *, registry: PersonRegistry, description: Description) -> Voice | None:
    """The whole text as its author's, when the title or summary says who wrote it."""
    title = description.title or ""
    who: str | None = None
    m = _AUTHORED.match(title)
    if m:
        who = _person(m["who"], registry=registry, description=description)
    office = _OFFICE_AUTHORED.match(title)
    if who is None and office:
        key = fold(office["office"])
        who = _office_holder(_OFFICE_TITLES[key], description)
    if who is None:
        reads = _MESSAGE_READS.search(text)
        sender = _SENDER.search(text[: reads.start()]) if reads else None
        if reads and sender:
            who = _person(sender["who"], registry=registry, description=description)
            if who:
                return Voice(
                    speaker=who,
                    span=Span(start=reads.start(), end=len(text)),
                    kind=VoiceKind.AUTHOR,
                )
    if who is None:
        return None
    return Voice(speaker=who, span=Span(start=0, end=len(text)), kind=VoiceKind.AUTHOR)


def _reported(
    text: str, turns: Sequence[Turn], *, registry: PersonRegistry, description: Description
) -> list[Voice]:
    """Sentences outside turns that report what a named person said."""
    found: list[Voice] = []
    gaps = [gap for gap in _gaps(text, turns) if not _first_person(text[gap[0] : gap[1]])]
    for pattern, (gap_start, gap_end) in itertools.product((_REPORTED, _ACCORDING), gaps):
        for m in pattern.finditer(text, gap_start, gap_end):
            who = _person(m["who"], registry=registry, description=description)
            if who is None:
                who = _named_earlier(text[: m.start()], m["who"], registry=registry)
            if who is None:
                continue
            start, end = _sentence(text, m.start())
            found.append(
                Voice(speaker=who, span=Span(start=start, end=end), kind=VoiceKind.REPORTED)
            )
    return found


def _first_person(text: str) -> bool:
    """Whether a stretch is someone speaking (a speech, a first-person statement) rather than
    narration: what a speaker reports stays the speaker's, as inside a turn."""
    words = _WORDS.findall(_QUOTED.sub(" ", text))
    # "US" and "WE" in capitals are a country and an acronym, not "us" and "we".
    mine = sum(1 for w in words if w.lower() in _FIRST_PERSON and (w == "I" or not w.isupper()))
    return mine >= _FIRST_PERSON_SHARE * max(1, len(words))


def _gaps(text: str, turns: Sequence[Turn]) -> list[tuple[int, int]]:
    """The stretches of `text` that no turn holds: narration, headers, a readout's body."""
    gaps, at = [], 0
    for turn in sorted(turns, key=lambda t: t.span.start):
        if turn.span.start > at:
            gaps.append((at, turn.span.start))
        at = max(at, turn.span.end)
    if at < len(text):
        gaps.append((at, len(text)))
    return gaps


def _named_earlier(before: str, phrase: str, *, registry: PersonRegistry) -> str | None:
    """ "the Governor" after "... Governor of Kursk Region Ivan Petrov ...": the last person
    the text named with that title before."""
    parts = split_label(re.sub(r"^(?:the|The)\s+", "", phrase.strip()), places=registry.places)
    if parts.name or not parts.role or fold(parts.role).split()[-1] not in PERSON_TITLES:
        return None  # "the White House said": an institution, not a person named before
    title = re.escape(parts.role).replace("\\ ", r"\s+")
    found = None
    for m in re.finditer(
        rf"\b{title}\b(?:\s+of(?:\s+[A-Z][\w’'\-]*|\s+the){{1,4}})?\s+({_NAME})", before[-3000:]
    ):
        found = m.group(1)
    if found is None:
        return None
    person = registry.resolve(found)
    return person.name if person else " ".join(found.split()[-2:])


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The sentence around `at`: from the previous sentence end to the next one."""
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, at - 2000), at):
        start = m.end()
    end_m = _SENTENCE_END.search(text, at)
    end = end_m.end() if end_m else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _person(phrase: str, *, registry: PersonRegistry, description: Description) -> str | None:
    """The canonical person a phrase names ("President Joe Biden", "the Governor", "Mr Kozak"),
    or None when it names no person (an institution, a pronoun)."""
    phrase = re.sub(r"^(?:the|The)\s+", "", phrase.strip(" .,"))
    if not phrase or fold(phrase) in _NOT_PEOPLE or fold(phrase.split()[0]) in _INSTITUTIONS:
        return None
    person = registry.resolve(phrase)
    if person is not None:
        return person.name
    parts = split_label(phrase, places=registry.places)
    name_words = parts.name.split()
    if not name_words and parts.role:  # "The President of China mentioned ..."
        return _office_holder(parts.role, description, country=parts.country)
    if 2 <= len(name_words) <= 3 and all(w[0].isupper() for w in name_words):
        if any(fold(w) in TITLE_WORDS for w in name_words):
            return None
        return " ".join(name_words) if parts.role else None
    return None


def _office_holder(
    role: str, description: Description, *, country: str | None = None
) -> str | None:
    return default_offices().holder_for(role, description, country=country)
