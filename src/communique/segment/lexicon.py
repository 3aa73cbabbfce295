"""The bundled lexicons: label word lists (data/labels.toml) and the gazetteer, shared by
segment, describe and extract: countries (data/countries.toml over pycountry's ISO names, the
one home of country knowledge), cities (data/cities.tsv, derived from GeoNames by
scripts/derive_places.py) and venues and other place names (data/places.toml)."""

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
    demonyms: tuple[str, ...]  # and other adjectival forms ("Russian", "Russia's")
    capital: str


@lru_cache(maxsize=1)
def country_table() -> dict[str, Country]:
    """Every country by ISO 3166-1 alpha-2 code: the one home of country knowledge. The names
    statements use, adjectives and capitals of data/countries.toml come first; pycountry's ISO
    names of every country and countryinfo's demonyms (data/demonyms.tsv, derived by
    scripts/derive_demonyms.py) follow; a capital not given there is GeoNames' (data/cities.tsv)."""
    import pycountry  # the sole import: ISO 3166 names, loaded once per process

    overlay = _data("countries.toml")
    derived = _demonym_rows()
    capitals = {code: city for city, (code, capital) in _city_rows().items() if capital}
    codes = list(overlay) + [c.alpha_2 for c in pycountry.countries if c.alpha_2 not in overlay]
    table: dict[str, Country] = {}
    for code in codes:
        entry = overlay.get(code, {})
        iso = pycountry.countries.get(alpha_2=code)
        names = list(entry.get("names", ()))
        names += [n for n in (_iso_names(iso) if iso else ()) if n not in names]
        table[code] = Country(
            code=code,
            names=tuple(names),
            demonyms=tuple(dict.fromkeys((*entry.get("adjectives", ()), *derived.get(code, ())))),
            capital=str(entry.get("capital") or capitals.get(code, "")),
        )
    return table


def _demonym_rows() -> dict[str, list[str]]:
    """data/demonyms.tsv: code → countryinfo's demonyms ("JO" → ["Jordanian"])."""
    raw = files("communique").joinpath("data", "demonyms.tsv").read_text(encoding="utf-8")
    rows: dict[str, list[str]] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            code, demonym = line.split("\t")
            rows.setdefault(code, []).append(demonym)
    return rows


# ISO names that statements mostly use for something else ("New Jersey", a US state).
_NOT_COUNTRY_NAMES = {"Jersey", "Guernsey", "Saint Martin", "Christmas Island", "Heard Island"}


def _iso_names(country: Any) -> list[str]:
    """ "Korea, Republic of" → "Republic of Korea" (and "South Korea", its common name); "Viet
    Nam" and "Vietnam"; "Virgin Islands, British" → "British Virgin Islands"."""
    found = []
    for raw in (
        getattr(country, "common_name", None),
        country.name,
        getattr(country, "official_name", None),
    ):
        if not raw:
            continue
        name = raw.split(" (")[0].strip()
        if ", " in name:
            head, _, tail = name.partition(", ")
            if re.search(r"\bof(?: the)?$", tail, re.I) or len(tail.split()) == 1:
                name = re.sub(r"^The ", "", f"{tail} {head}")
            else:
                continue
        if name not in found and name not in _NOT_COUNTRY_NAMES:
            found.append(name)
    return found


@lru_cache(maxsize=1)
def _city_rows() -> dict[str, tuple[str, bool]]:
    """data/cities.tsv: city as GeoNames writes it → (country, whether it is the capital)."""
    raw = files("communique").joinpath("data", "cities.tsv").read_text(encoding="utf-8")
    rows: dict[str, tuple[str, bool]] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            name, code, *rest = line.split("\t")
            rows[name] = (code, bool(rest and rest[0] == "capital"))
    return rows


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
    def load(
        cls,
        data: dict[str, Any],
        *,
        countries: dict[str, Country] | None = None,
        cities: dict[str, str] | None = None,
    ) -> Places:
        """A gazetteer of `countries` and `cities` (city → country code), completed by a
        places.toml table: organisations named like countries, other city names, venues."""
        countries = dict(countries or {})
        for code, entry in data.get("organisations", {}).items():
            countries[code] = Country(
                code=code,
                names=tuple(entry.get("names", ())),
                demonyms=tuple(entry.get("adjectives", ())),
                capital=str(entry.get("capital", "")),
            )
        names: dict[str, str] = {}
        for country in countries.values():
            for name in (*country.names, *country.demonyms):
                names.setdefault(fold(name), country.code)
                names.setdefault(fold(f"the {name}"), country.code)
        all_cities = {**(cities or {}), **data.get("cities", {})}
        venues = dict(data.get("venues", {}))
        folded_cities = {fold(city): city for city in cities or {}}
        folded_cities.update({fold(city): city for city in data.get("cities", {})})
        return cls(
            countries=countries,
            cities=all_cities,
            venues=venues,
            _names=names,
            _cities=folded_cities,
            _venues={fold(venue): venue for venue in venues},
        )

    def city(self, name: str) -> str | None:
        """The name as written when it is a city's ("St. Petersburg", "Kyiv"), or None."""
        name = " ".join(name.split())
        return name if name[:1].isupper() and fold(name) in self._cities else None

    def city_country(self, name: str) -> str | None:
        """The country of the city a name is ("St. Petersburg" → RU), or None."""
        city = self._cities.get(fold(name))
        return self.cities[city] if city else None

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
    """The bundled gazetteer, loaded once per process: countries (country_table), GeoNames'
    cities (data/cities.tsv), and places.toml's other names and venues."""
    cities = {name: code for name, (code, _) in _city_rows().items()}
    return Places.load(_data("places.toml"), countries=country_table(), cities=cities)
