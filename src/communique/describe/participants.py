"""Who took part and which countries are the parties.

Participants are the speakers (not journalists) and the registry people named in the
header (title and introduction); the parties are the host country first, then the
participants' countries, then countries named in the title ("Russia-Kazakhstan talks").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from communique.models import QUESTION, Turn
from communique.segment import PersonRegistry
from communique.segment.lexicon import fold
from communique.segment.people import split_label

_INTERVIEW = re.compile(r"^(?:an? )?interview (?:with|given by|by) (?P<who>[^,:;(]+)", re.I)
# Generic speaker labels that are not participants in their own right.
_GENERIC = {
    "moderator",
    "interpreter",
    "answer",
    "question",
    "host",
    "presenter",
    "voice",
    "announcer",
    "operator",
    "narrator",
    "unidentified speaker",
    "speaker",
}


def find_participants(
    header: str, turns: Sequence[Turn], *, registry: PersonRegistry, title: str | None = None
) -> tuple[str, ...]:
    """Canonical names, speakers first in order of speaking, then people named in the header
    (the interviewee of an "Interview with ..." first)."""
    names: list[str] = []
    interview = _INTERVIEW.match(title or "")
    if interview:
        who = interview["who"].split(" to ")[0].strip()
        person = registry.resolve(who)
        name = person.name if person else split_label(who, places=registry.places).name
        if name:
            names.append(name)
    for turn in turns:
        if turn.speaker != QUESTION and fold(turn.speaker) not in _GENERIC:
            names.append(turn.speaker)
    folded = f" {fold(header)} "
    mentioned: list[tuple[int, str]] = []
    for name, keys in _full_names(registry):
        for key in keys:
            at = folded.find(key)
            if at >= 0:
                mentioned.append((at, name))
                break
    names.extend(name for _, name in sorted(mentioned))
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=8)
def _full_names(registry: PersonRegistry) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each person's name with the folded forms (" vladimir putin ") of those of their names
    and aliases that have two words or more, folded once per registry, not per document."""
    found = []
    for person in registry.people:
        keys = (fold(name) for name in (person.name, *person.aliases))
        found.append((person.name, tuple(f" {key} " for key in keys if len(key.split()) >= 2)))
    return tuple(found)


def find_countries(
    participants: Sequence[str],
    turns: Sequence[Turn],
    title: str | None,
    *,
    registry: PersonRegistry,
    host: str | None,
) -> tuple[str, ...]:
    """ISO alpha-2 codes of the parties, the host first when it is one of them."""
    codes: list[str] = []
    by_name = {turn.speaker: turn.country for turn in turns if turn.country}
    for name in participants:
        person = registry.resolve(name)
        code = by_name.get(name) or (person.country if person else None)
        if code:
            codes.append(code)
    if title:
        places = registry.places
        words = re.findall(r"[\w’'.]+", title.replace("-", " - "))
        for i in range(len(words)):
            code, _ = places.country_prefix(words[i:])
            if code:
                codes.append(code)
    if host and (host in codes or not codes):
        codes.insert(0, host)  # a summit venue that is not a party stays out
    return tuple(dict.fromkeys(codes))
