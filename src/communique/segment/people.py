"""The registry of people: "President of Russia Vladimir Putin", "President Putin",
"PRESIDENT PUTIN" and "Putin V." are one person, Vladimir Putin.

Labels are split into a role ("President of Kazakhstan", which also gives the country) and
a name; the name is looked up by full name, alias, initials or a unique surname.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from importlib.resources import files
from typing import Any

from communique.models import Person, Tenure
from communique.segment.lexicon import LABEL_WORDS, Places, default_places, fold
from communique.segment.offices import Offices, default_offices

HONORIFICS = frozenset(LABEL_WORDS["honorifics"])
TITLE_WORDS = frozenset(LABEL_WORDS["title_words"]) | frozenset(
    fold(word) for word in LABEL_WORDS["russian_titles"]
)
PERSON_TITLES = frozenset(LABEL_WORDS["person_titles"]) | frozenset(
    fold(word) for word in LABEL_WORDS["russian_titles"]
)
"""Title words that name a person's position ("Governor", "губернатор"), folded."""
_PARTICLES = frozenset(LABEL_WORDS["particles"])
_ORGANISATION_WORDS = frozenset(LABEL_WORDS["organisation_words"])
_PAREN = re.compile(r"\s*[(\[].*?[)\]]\s*")


@dataclass(frozen=True, slots=True)
class LabelParts:
    """A speaker label split into its role and name ("President of Kazakhstan" / "X Y")."""

    name: str
    role: str | None
    country: str | None


def clean_label(label: str) -> str:
    """The label without parentheticals ("(retranslated)"), quotes or a trailing colon."""
    text = _PAREN.sub(" ", label).strip().strip(":*_\"“”'").strip()
    return " ".join(text.split())


def names_organisation(label: str) -> bool:
    """Whether a label names an organisation, not a person: an organisation's head word
    ("University", "Caucus", "Union") and no person's title or honorific ("Rutgers University
    Law School", but not "President of the European Council Charles Michel")."""
    words = [fold(word) for word in clean_label(label).split()]
    if any(w in PERSON_TITLES or w in HONORIFICS for w in words):
        return False
    return any(w in _ORGANISATION_WORDS for w in words)


def split_label(label: str, *, places: Places | None = None) -> LabelParts:
    """Split "President of the Republic of Kazakhstan Kassym-Jomart Tokayev" into the role
    "President of the Republic of Kazakhstan", the name and the country KZ."""
    places = places or default_places()
    words = clean_label(label).split()
    i, country, after_of = 0, None, False
    while i < len(words):
        key = fold(words[i])
        pair = fold(" ".join(words[i : i + 2]))
        if pair in HONORIFICS or pair in TITLE_WORDS:
            i += 2
            continue
        code, used = places.country_prefix(words[i:])
        # "German Gref": a first name that is also a demonym, before a lone surname.
        if code and (i > 0 or used < len(words)) and not (i == 0 and len(words) - used == 1):
            country = country or code
            i += used
            after_of = False
            continue
        if key in HONORIFICS or key in TITLE_WORDS:
            after_of = key in {"of", "the"} and (after_of or key == "of")
            i += 1
            continue
        break
    # "Chairman of Gazprom Alexei Miller": an unknown organisation right after "of".
    if (after_of and len(words) - i >= 3 and words[-2].lower() not in _PARTICLES) or (
        len(words) - i >= 3 and _titled_name_tail(words)
    ):
        i = len(words) - 2
    name_words = words[i:]
    role = " ".join(w for w in words[:i] if fold(w) not in HONORIFICS) or None
    return LabelParts(name=" ".join(name_words), role=role, country=country)


def _titled_name_tail(words: list[str]) -> bool:
    """Whether `words` end in a two-word name after a title word ("... Governor Anton X")."""
    if words[-2].lower() in _PARTICLES or re.fullmatch(r"[A-Z]\.?", words[-2]):
        return False
    return any(fold(word) in TITLE_WORDS for word in words[:-2])


@dataclass(frozen=True, slots=True)
class _Entry:
    person: Person
    surname: str


class PersonRegistry:
    """Resolves speaker labels to canonical people, accent- and case-insensitively."""

    def __init__(
        self,
        people: Iterable[Person] = (),
        *,
        surnames: dict[str, str] | None = None,
        places: Places | None = None,
    ) -> None:
        self._places = places or default_places()
        self._people = tuple(people)
        self._by_key: dict[str, Person] = {}
        self._by_surname: dict[str, list[Person]] = {}
        surnames = surnames or {}
        for person in self._people:
            surname = surnames.get(person.name) or person.name.split()[-1]
            for key in self._keys(person, surname):
                self._by_key.setdefault(key, person)
            self._by_surname.setdefault(fold(surname), []).append(person)
            for alias in person.aliases:
                if len(alias.split()) == 1:
                    self._by_surname.setdefault(fold(alias), []).append(person)

    @staticmethod
    def _keys(person: Person, surname: str) -> Iterable[str]:
        for name in (person.name, *person.aliases):
            words = fold(name).split()
            yield " ".join(words)
            if len(words) >= 2:
                yield f"{words[0]} {words[-1]}"
                yield f"{words[0][0]} {words[-1]}"  # "V. Putin"
                yield f"{words[-1]} {words[0][0]}"  # "Putin V."
                yield f"{words[-1]} {words[0]}"  # "Putin Vladimir", "Tokayev Kassym-Jomart"
        folded = fold(surname)
        yield f"{fold(person.name).split()[0][0]} {folded}"

    @classmethod
    def default(cls) -> PersonRegistry:
        raw = files("communique").joinpath("data", "people.toml").read_text(encoding="utf-8")
        return cls.from_toml(tomllib.loads(raw))

    @classmethod
    def from_toml(cls, data: dict[str, Any], *, offices: Offices | None = None) -> PersonRegistry:
        """People of a people.toml table, with their terms, plus the office holders: a holder
        listed there gains the office's terms, one not listed is added."""
        people, surnames = [], {}
        for entry in data.get("person", []):
            tenures = tuple(
                Tenure(role=term["role"], start=term["from"], end=term.get("to"))
                for term in entry.get("terms", ())
            )
            roles = tuple(entry.get("roles", ())) or tuple(dict.fromkeys(t.role for t in tenures))
            people.append(
                Person(
                    name=entry["name"],
                    roles=roles,
                    country=entry.get("country"),
                    aliases=tuple(entry.get("aliases", ())),
                    tenures=tenures,
                )
            )
            if entry.get("surname"):
                surnames[entry["name"]] = entry["surname"]
        holders = {holder.name: holder for holder in (offices or default_offices()).people()}
        people = [
            replace(p, tenures=p.tenures + holders[p.name].tenures) if p.name in holders else p
            for p in people
        ]
        listed = {person.name for person in people}
        people.extend(holder for name, holder in holders.items() if name not in listed)
        return cls(people, surnames=surnames)

    @property
    def people(self) -> tuple[Person, ...]:
        return self._people

    @property
    def places(self) -> Places:
        return self._places

    def resolve(self, label: str, *, on: date | None = None) -> Person | None:
        """The person a speaker label names, or None if unknown or ambiguous; `on` (the
        document's date) tells namesakes apart by their terms."""
        whole = fold(clean_label(label))
        if whole in self._by_key:
            return self._by_key[whole]
        words = whole.split()
        for size in range(min(len(words), 5), 1, -1):  # "President of Egypt Abdel Fattah el-Sisi"
            found = self._by_key.get(" ".join(words[-size:]))
            if found is not None:
                return found
        parts = split_label(label, places=self._places)
        return self.resolve_name(parts.name, country=parts.country, role=parts.role, on=on)

    def resolve_name(
        self,
        name: str,
        *,
        country: str | None = None,
        role: str | None = None,
        on: date | None = None,
    ) -> Person | None:
        """The person a bare name names; the country, the role and the date (who was in office
        on it) break ties between namesakes."""
        words = fold(name).split()
        if not words:
            return None
        for size in range(len(words), 0, -1):  # "Kassym-Jomart Tokayev" inside a longer name
            key = " ".join(words[-size:])
            if size > 1 and key in self._by_key:
                return self._by_key[key]
        if len(words) >= 2 and f"{words[0]} {words[-1]}" in self._by_key:
            return self._by_key[f"{words[0]} {words[-1]}"]
        for size in (3, 2, 1):  # surname alone ("President Xi", "von der Leyen")
            key = " ".join(words[-size:])
            found = self._by_surname.get(key, [])
            if len(words) > size and key in self._by_surname:
                found = [p for p in found if fold(p.name).split()[0][0] == words[0][0]]
            if country:
                found = [p for p in found if p.country == country] or found
            if on is not None and len(found) > 1:
                found = [p for p in found if p.serving(on)] or found
            if role and len(found) > 1:
                wanted = fold(role).removeprefix("the ")
                found = [p for p in found if any(wanted in fold(r) for r in p.roles)] or found
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                return None
        return None
