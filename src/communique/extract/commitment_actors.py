"""Who a commitment commits: people in person, or the states and bodies they act for.

People commit in person when they meet, attend, call or supervise ("Vladimir Putin will hold
talks", "you and I will attend", "the presidents agreed to personally supervise", "all these
projects will be under my personal supervision"); "he" is the last participant named before,
"the President of Kazakhstan" the participant who holds that office. A named leader promising
anything else commits his state ("President Biden recommitted to supporting ..." is the United
States' promise); talks at an organisation are between it and the side that speaks or is named
with it ("as part of the Russia-NATO Council"); everything else is read from the subject by
`actors.actor_of`.
"""

from __future__ import annotations

import re

from communique.extract.actors import (
    actor_of,
    codes,
    find_parties,
    in_person,
    is_collective,
    is_organisation,
    person_named,
    registry,
)
from communique.extract.entries import Statement
from communique.models import QUESTION

_PAIR = re.compile(r"(?:you|my\s+(?:\w+\s+)?(?:colleague|friend|counterpart))\s+and\s+I$", re.I)
# "under my personal supervision", "I will personally", "my personal control"
_MINE = re.compile(r"\b(?:my\s+personal|I\s+(?:will\s+)?personally)\b", re.I)
_OFFICE = re.compile(
    r"^(?:the\s+)?(?:President|Prime Minister|Chancellor|Premier|King|Emperor|Emir|Sultan)\s+of\s+"
    r"(?:the\s+)?\S"
)
NAMED_BEFORE = 400
"""Characters before a clause read for whom its "he" or "she" is: the two sentences before
(the seeds' "Vladimir Putin noted today that ... He is planning to call" is 90 back)."""


def commitment_actor(
    st: Statement,
    *,
    start: int,
    end: int,
    subject: str,
    subject_start: int,
    verb_at: int,
    event: bool,
    sentence_start: int,
) -> tuple[str, ...]:
    """The actor of the commitment quoted at text[start:end], its subject at `subject_start`
    and the words after its trigger at `verb_at`; `event` when the subject is what happens."""
    text = st.text
    turn = st.turn_at(start)
    speaker = st.speaker_at(start)
    rest = text[verb_at:end]
    pair = _PAIR.match(subject)
    if (
        pair is None
        and subject == "I"
        and re.search(
            r"\w\s+and\s+$", text[max(sentence_start, subject_start - 40) : subject_start]
        )
    ):
        subject = "we"  # "Our governments, my colleague and I"
    person = _person(st, subject, subject_start) if not is_collective(subject) else None
    if in_person(rest, subject):
        if pair is not None or (subject.lower() in ("we", "us") and turn is not None):
            other = _other_speaker(st, start, speaker)
            if speaker and other:
                return tuple(sorted({speaker, other}))
        elif is_collective(subject) and turn is None and len(st.participants) >= 2:
            return tuple(sorted(st.participants))
        if person is not None:
            return (person,)
    if speaker and _MINE.search(text, start, end):
        return (speaker,)
    if pair is not None:
        subject = "we"
    country = _country_of(person) if person is not None else None
    if country:
        return (country,)
    named = st.parties_in(start, end)
    bodies = {p.code for p in named if is_organisation(p.code)}
    if event and bodies:
        sides = set(codes(named)) - bodies or ({turn.country} if turn and turn.country else set())
        if sides:
            return tuple(sorted(bodies | sides))
    in_subject = [  # not those of a first predicate: "The US stands with Ukraine and will"
        p
        for p in st.parties_in(subject_start, verb_at)
        if " ".join(text[p.start : p.end].split()) in subject
        # nor where an event happens: "construction of plants in Kazakhstan is on the agenda"
        and not (
            event
            and re.search(
                r"\b(?:in|across|throughout)\s+(?:the\s+)?$", text[max(0, p.start - 12) : p.start]
            )
        )
    ]
    return actor_of(
        subject,
        in_subject,
        st.parties_in(verb_at, end),
        clause=text[start:end],
        parties=st.parties,
        speaker=speaker,
        speaker_country=turn.country if turn is not None else None,
    )


def _person(st: Statement, subject: str, at: int) -> str | None:
    """The canonical name of the person `subject` stands for, or None."""
    found = person_named(subject)
    if found is not None:
        return found.name
    low = subject.lower()
    if low in ("he", "she"):
        return _last_named(st, at)
    if _OFFICE.match(subject):
        held = {p.code for p in find_parties(subject)}
        holders = [p for p in st.participants if _country_of(p) in held]
        return holders[0] if len(holders) == 1 else None
    return None


def _last_named(st: Statement, at: int) -> str | None:
    """The participant whose surname was written last before `at` (within NAMED_BEFORE)."""
    window = st.text[max(0, at - NAMED_BEFORE) : at]
    best, where = None, -1
    for name in st.participants:
        surname = name.split()[-1]
        pos = window.rfind(surname)
        if pos > where:
            best, where = name, pos
    return best


def _country_of(name: str) -> str | None:
    person = registry().resolve(name)
    return person.country if person is not None else None


def _other_speaker(st: Statement, pos: int, speaker: str) -> str:
    """Whom a speaker addresses as "you" (or "my colleague"): the one other person speaking in
    the transcript, else the last one to speak before `pos`, else the one other participant."""
    others = list(
        dict.fromkeys(t.speaker for t in st.turns if t.speaker not in (speaker, QUESTION))
    )
    if len(others) == 1:
        return others[0]
    for turn in reversed([t for t in st.turns if t.span.start < pos]):
        if turn.speaker not in (speaker, QUESTION):
            return turn.speaker
    rest = [p for p in st.participants if p != speaker]
    return rest[0] if len(rest) == 1 else ""
