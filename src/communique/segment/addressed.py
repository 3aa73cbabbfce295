"""A moderator named by how the speakers address them.

    MR. ZIENTS:  ... We cannot let down our guard at this point.
    Kevin, one more question.
    MODERATOR:  One more question.  We'll go to April Ryan with theGrio.

A turn that ends by handing over to someone by first name ("Kevin, one more question.",
"Over to you, Kevin.") names whoever speaks next; when that is a bare role label (MODERATOR,
HOST), the first name is theirs. The registry gives the full name when exactly one person of
the document's country with a press or communications role has that first name: a briefing's
moderator is a press officer. Anything less certain leaves the label as it is.
"""

from __future__ import annotations

import re

from communique.models import Description, Person
from communique.segment.lexicon import LABEL_WORDS, fold
from communique.segment.offices import default_offices
from communique.segment.people import HONORIFICS, TITLE_WORDS, PersonRegistry

# Role labels that stand for someone the transcript does not name.
ADDRESSED_ROLES = frozenset({"moderator", "host", "facilitator", "presenter"})
# Words of the roles of people who moderate briefings.
_PRESS_ROLES = ("press", "spokesperson", "spokesman", "spokeswoman", "communications")
# How much of the end of the turn before is read for the hand-over.
_TAIL_CHARS = 300
_FIRST = r"[A-Z][a-z]+"
_HANDOVER = (
    re.compile(rf"(?:^|[.!?]\s+)({_FIRST}),\s+[^.!?]*[.!?]?\s*$"),  # "Kevin, one more question."
    re.compile(rf",\s+({_FIRST})[.!?]\s*$"),  # "Over to you, Kevin."
)
_NOT_NAMES = frozenset(LABEL_WORDS["stop_first"]) | {
    "okay",
    "ok",
    "well",
    "look",
    "sure",
    "great",
    "again",
    "sorry",
    "everyone",
    "everybody",
    "all",
    "folks",
    "guys",
}


def addressed_name(turn: str) -> str | None:
    """The first name the end of `turn` hands over to, or None."""
    tail = turn[-_TAIL_CHARS:].strip()
    for pattern in _HANDOVER:
        m = pattern.search(tail)
        if m and _first_name(m.group(1)):
            return m.group(1)
    return None


def press_officer(
    first: str, *, registry: PersonRegistry, description: Description
) -> Person | None:
    """The one press or communications officer of the document's country with that first
    name, or None."""
    country = (description.countries[0] if description.countries else None) or (
        default_offices().country_of(description.url)
    )
    found = [
        person
        for person in registry.people
        if fold(person.name).split()[0] == fold(first)
        and (country is None or person.country == country)
        and any(word in fold(role).split() for role in person.roles for word in _PRESS_ROLES)
    ]
    if description.date is not None and len(found) > 1:
        found = [p for p in found if p.serving(description.date)] or found
    return found[0] if len(found) == 1 else None


def _first_name(word: str) -> bool:
    key = fold(word)
    return key not in _NOT_NAMES and key not in TITLE_WORDS and key not in HONORIFICS
