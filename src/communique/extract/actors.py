"""Who an agreement binds and who a commitment commits: countries and organisations.

Countries come from `countries` (ISO alpha-2, state bodies by their adjective: "the Russian
Economic Development Ministry" → RU); organisations from `data/organisations.toml` (their
acronyms: "the Eurasian Economic Union" → EAEU). "We", "our governments", "the two sides",
"the leaders" stand for the document's parties; "I" for the speaker in person.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from communique.extract.countries import find_countries
from communique.models import Person
from communique.segment.people import PersonRegistry


@dataclass(frozen=True, slots=True)
class PartyMention:
    start: int
    end: int
    code: str  # ISO alpha-2 or an organisation's acronym
    adjective: bool = False  # "Russian", "Kazakhstan's": a modifier, not the party itself


@lru_cache(maxsize=1)
def _organisations() -> tuple[re.Pattern[str], dict[str, str]]:
    data = tomllib.loads(
        resources.files("communique.data").joinpath("organisations.toml").read_text("utf-8")
    )
    forms = {name: code for code, spec in data.items() for name in spec["names"]}
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), forms


def _joined(text: str, start: int, end: int) -> bool:
    """Whether a name at text[start:end] is hyphenated to a lower-case word ("UN-backed"): a
    modifier, unlike "the Russia-NATO Council", where both names are parties."""
    before = start > 0 and text[start - 1] == "-"
    after = end < len(text) and text[end] == "-"
    if before and not re.search(r"(?:^|\W)[A-Z][\w.]*$", text[max(0, start - 30) : start - 1]):
        return True
    return after and not text[end + 1 : end + 2].isupper()


def find_parties(text: str, start: int = 0, end: int | None = None) -> list[PartyMention]:
    """Countries and organisations named in text[start:end], in order, none overlapping."""
    end = len(text) if end is None else end
    pattern, forms = _organisations()
    found = [
        PartyMention(m.start(), m.end(), forms[m.group()])
        for m in pattern.finditer(text, start, end)
        if not _joined(text, m.start(), m.end())
    ]
    for c in find_countries(text, start, end):
        if not any(c.start < f.end and f.start < c.end for f in found):
            found.append(PartyMention(c.start, c.end, c.code, c.adjective))
    return sorted(found, key=lambda p: p.start)


def is_organisation(code: str) -> bool:
    """True for an organisation's acronym ("UN", "OSCE"), False for a country's ISO code."""
    return code in set(_organisations()[1].values())


def codes(mentions: Sequence[PartyMention]) -> tuple[str, ...]:
    """The distinct codes of `mentions`, sorted as the export writes them."""
    return tuple(sorted({m.code for m in mentions}))


# Words that make a subject stand for all the document's parties at once.
_COLLECTIVE = re.compile(
    r"^(?:we|us|our\s+(?:two\s+|three\s+)?(?:countries|states|nations|governments|peoples|sides|"
    r"delegations|teams|ministries|leaders|presidents)|both\s+(?:sides|countries|parties|leaders|"
    r"governments|nations)|the\s+(?:two|three|four|both)\s+\w+|the\s+(?:sides|parties|leaders|"
    r"presidents|participants|governments|delegations)|(?:the\s+)?(?:leaders|heads of state)|"
    r"(?:the\s+)?(?:bilateral|trilateral|joint|intergovernmental)\b.*|together)\b",
    re.I,
)
_SELF = re.compile(r"^I$")
_TOGETHER = re.compile(
    r"\b(?:together|jointly|mutual(?:ly)?|joint|both|bilateral|our countries|our nations|"
    r"our states|each other|two countries|agreed|arranged|deliberated|discussed|reaffirmed)\b",
    re.I,
)


def is_collective(subject: str) -> bool:
    """True for a subject that stands for every party ("we", "the two leaders", "both sides")."""
    return bool(_COLLECTIVE.match(subject.strip()))


def is_self(subject: str) -> bool:
    """True for the speaker speaking in person: "I" ("my colleague and I" is collective)."""
    return bool(_SELF.match(subject.strip()))


_PRESENCE = re.compile(
    r"\s*(?:(?:also|personally|not just|both|jointly|together)\s+)*(?:attend|take part|"
    r"participate|hold talks|have talks|meet|visit|travel|go to|going to|come to|call|speak)\b",
    re.I,
)


def in_person(clause_rest: str, subject: str) -> bool:
    """Whether what follows the trigger is done by people in person ("will hold talks",
    "will attend", "agreed to personally supervise"), not by their states."""
    return bool(_PRESENCE.match(clause_rest)) or "personally" in clause_rest[:40].lower()


@lru_cache(maxsize=1)
def registry() -> PersonRegistry:
    """The bundled registry of people, loaded once per process."""
    return PersonRegistry.default()


_TITLE_WORDS = re.compile(
    r"^(?:the\s+)?(?:(?:Vice\s+|Crown\s+)?(?:President|Prime Minister|Minister|Chancellor|King|"
    r"Emperor|Premier|Secretary|Governor|Prince|Sheikh|Emir|Sultan|Mr|Ms|Mrs|Dr)\.?\s+)+"
)


def person_named(subject: str) -> Person | None:
    """The person a subject names ("President Biden", "Vladimir Putin"), from the registry of
    people and office holders; None for anything else."""
    words = subject.strip()
    if not words or not words[:1].isupper() or len(words.split()) > 6:
        return None
    name = _TITLE_WORDS.sub("", words)
    if not name or not name[:1].isupper() or find_countries(name):
        return None
    people = registry()
    return people.resolve(re.sub(r"^the\s+", "", words)) or people.resolve_name(name)


def own_or(country: str | None) -> tuple[str, ...]:
    return (country,) if country else ()


def actor_of(
    subject: str,
    named_in_subject: Sequence[PartyMention],
    named_after: Sequence[PartyMention],
    *,
    clause: str,
    parties: Sequence[str],
    speaker: str,
    speaker_country: str | None,
) -> tuple[str, ...]:
    """Who commits, from the subject of the commitment's clause.

    Countries or organisations named in the subject commit ("Kazakhstan will host"); "I" is the
    speaker in person; "we" is every party, except when the rest of the clause names one side
    without a word of joint action ("we will provide our Kazakhstani friends with ...", said by
    Russia's president, is Russia's promise); anything else (an event, a project) is the
    document's parties'."""
    words = subject.strip()
    if is_collective(words) and not words.lower().startswith("we"):
        return (
            tuple(sorted(set(parties) | set(codes(named_in_subject))))
            if parties
            else own_or(speaker_country)
        )
    if named_in_subject and not words.lower().startswith(("we", "our")):
        return codes(named_in_subject)
    if is_self(words) and speaker:
        return (speaker,)
    own = (speaker_country,) if speaker_country else ()
    if words.lower() in ("we", "us") or re.match(r"we(?:,|\s+(?:here\s+)?in\b)", words, re.I):
        if named_in_subject:  # "we, Russia, for our part", "we in Azerbaijan"
            return codes(named_in_subject)
        if own and named_after and not _TOGETHER.search(clause):
            return own
    return tuple(sorted(set(parties))) if parties else own
