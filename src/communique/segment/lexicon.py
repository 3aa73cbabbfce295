"""The bundled lexicons: label word lists (data/labels.toml) and the gazetteer of countries,
cities and venues (data/places.toml), shared by segment and describe."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from anyascii import anyascii


def _data(name: str) -> dict[str, Any]:
    raw = files("communique").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(raw)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent-, case-, script- and punctuation-insensitive form: "Orbán" == "ORBAN", "V." ==
    "v", "Путин" == "Putin" (anyascii's transliteration; Cyrillic is no longer erased)."""
    plain = text if text.isascii() else anyascii(unicodedata.normalize("NFC", text))
    plain = re.sub(r"[.’'`]", "", plain.casefold())
    return " ".join(re.sub(r"[-‐–,]", " ", plain).split())


# Lists compared with folded words: written in any script ("губернатор" is "gubernator").
_FOLDED_LISTS = (
    "honorifics",
    "title_words",
    "question_labels",
    "answer_labels",
    "role_labels",
    "person_titles",
    "stop_first",
    "stop_last",
    "organisation_words",
)


def _label_words() -> dict[str, list[str]]:
    words: dict[str, list[str]] = _data("labels.toml")
    for name in _FOLDED_LISTS:
        words[name] = [fold(word) for word in words[name]]
    return words


LABEL_WORDS: dict[str, list[str]] = _label_words()
"""Word lists for speaker labels: honorifics, title words, question labels, stop words."""


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str


@dataclass(frozen=True, slots=True)
class Places:
    """The gazetteer: countries, cities (→ country) and venues (→ city or "capital")."""

    countries: dict[str, Country]
    cities: dict[str, str]
    venues: dict[str, str]
    _names: dict[str, str]  # folded country name or demonym → code
    _cities: dict[str, str]  # folded city name → city as written
    _venues: dict[str, str]  # folded venue name → venue as written

    @classmethod
    def load(cls, data: dict[str, Any]) -> Places:
        countries = {
            code: Country(
                code=code,
                names=tuple(entry.get("names", ())),
                demonyms=tuple(entry.get("demonyms", ())),
                capital=str(entry.get("capital", "")),
            )
            for code, entry in data.get("countries", {}).items()
        }
        names: dict[str, str] = {}
        for country in countries.values():
            for name in (*country.names, *country.demonyms):
                names.setdefault(fold(name), country.code)
        cities = dict(data.get("cities", {}))
        venues = dict(data.get("venues", {}))
        return cls(
            countries=countries,
            cities=cities,
            venues=venues,
            _names=names,
            _cities={fold(city): city for city in cities},
            _venues={fold(venue): venue for venue in venues},
        )

    def city(self, name: str) -> str | None:
        """The city a name is ("st. petersburg" → "St Petersburg"), or None."""
        return self._cities.get(fold(name))

    def venue(self, name: str) -> str | None:
        """The venue a name is, or ends with ("the Kremlin" → "Kremlin"), or None."""
        key = fold(name)
        if key in self._venues:
            return self._venues[key]
        words = key.split()
        for size in range(len(words) - 1, 0, -1):
            found = self._venues.get(" ".join(words[-size:]))
            if found:
                return found
        return None

    def country_code(self, name: str) -> str | None:
        """ISO code of a country name or demonym ("Russian Federation", "Kazakh")."""
        return self._names.get(fold(name))

    def country_prefix(self, words: list[str]) -> tuple[str | None, int]:
        """The longest country name or demonym at the start of `words`: (code, words used)."""
        for size in range(min(6, len(words)), 0, -1):
            code = self._names.get(fold(" ".join(words[:size])))
            if code:
                return code, size
        return None, 0

    def capital(self, code: str) -> str | None:
        country = self.countries.get(code)
        return country.capital if country and country.capital else None


@lru_cache(maxsize=1)
def default_places() -> Places:
    """The bundled gazetteer, loaded once per process."""
    return Places.load(_data("places.toml"))
