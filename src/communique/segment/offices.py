"""Office holders over time (data/offices.toml): "THE PRESIDENT" on a White House page of
2022 is Joe Biden; the "Presidential Message" of 2025 is Donald Trump's."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from communique.models import Description, Person, Tenure
from communique.segment.lexicon import fold


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    start: date
    end: date | None  # first day out of office; None while in office


@dataclass(frozen=True, slots=True)
class Office:
    country: str
    titles: tuple[str, ...]  # folded, the canonical one first
    title: str  # the canonical title as written
    sites: tuple[str, ...]
    terms: tuple[Term, ...]

    def holder(self, on: date) -> str | None:
        for term in self.terms:
            if term.start <= on and (term.end is None or on < term.end):
                return term.name
        return None


class Offices:
    """The office table: who held a title in a country on a day."""

    def __init__(self, offices: tuple[Office, ...]) -> None:
        self.offices = offices

    @classmethod
    def load(cls, data: dict[str, Any]) -> Offices:
        offices = []
        for entry in data.get("office", []):
            titles = tuple(entry["titles"])
            terms = tuple(
                Term(term["name"], term["from"], term.get("to")) for term in entry["holders"]
            )
            offices.append(
                Office(
                    country=entry["country"],
                    titles=tuple(fold(t) for t in titles),
                    title=titles[0],
                    sites=tuple(entry.get("sites", ())),
                    terms=terms,
                )
            )
        return cls(tuple(offices))

    def holder(self, title: str, *, country: str | None, on: date | None) -> str | None:
        """Who held `title` ("The President", "Vice President") in `country` on `on`."""
        if on is None or country is None:
            return None
        key = fold(title).removeprefix("the ")
        for office in self.offices:
            if office.country == country and key in office.titles:
                return office.holder(on)
        return None

    def holder_for(
        self, title: str, description: Description, *, country: str | None = None
    ) -> str | None:
        """Who held `title` on the document's date, in `country` (the one a label or phrase
        names: "President of China") or else the document's: its first party, or the
        country whose office published its URL."""
        country = (
            country
            or (description.countries[0] if description.countries else None)
            or self.country_of(description.url)
        )
        return self.holder(title, country=country, on=description.date)

    def country_of(self, url: str | None) -> str | None:
        """The country of an office whose site published `url`, or None."""
        host = (urlsplit(url).hostname or "") if url else ""
        for office in self.offices:
            if any(host == site or host.endswith("." + site) for site in office.sites):
                return office.country
        return None

    def people(self) -> list[Person]:
        """Every holder as a person, with the titles held, their terms and the country."""
        tenures: dict[str, list[Tenure]] = {}
        country: dict[str, str] = {}
        for office in self.offices:
            for term in office.terms:
                tenures.setdefault(term.name, []).append(
                    Tenure(role=office.title, start=term.start, end=term.end)
                )
                country.setdefault(term.name, office.country)
        return [
            Person(
                name=name,
                roles=tuple(dict.fromkeys(t.role for t in held)),
                country=country[name],
                tenures=tuple(held),
            )
            for name, held in tenures.items()
        ]


@lru_cache(maxsize=1)
def default_offices() -> Offices:
    raw = files("communique").joinpath("data", "offices.toml").read_text(encoding="utf-8")
    return Offices.load(tomllib.loads(raw))
