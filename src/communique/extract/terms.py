"""Terms of office (`data/terms.toml`): when the speaker, a head named in the text, or whoever
held office in a country on a given day took office, for "since I took office" and "during
my administration"."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    name: str
    country: str
    start: date
    end: date | None = None  # None while the term runs

    def holds(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """Every term of the bundled table, oldest first."""
    data = tomllib.loads(
        resources.files("communique.data").joinpath("terms.toml").read_text("utf-8")
    )
    found = [
        Term(name=t["name"], country=t["country"], start=t["start"], end=t.get("end"))
        for t in data["term"]
    ]
    return tuple(sorted(found, key=lambda t: t.start))


def _named(term: Term, person: str) -> bool:
    """Whether `person` (a full name, or the surname used alone) names the holder of `term`."""
    wanted = person.casefold()
    full = term.name.casefold()
    return wanted == full or full.split()[-1] == wanted


def term_for(
    *, person: str | None, country: str | None, on: date, previous: bool = False
) -> Term | None:
    """The term running on day `on` of `person`, else of whoever led `country` then (or the
    one before it, when `previous`). A person's term need not run on `on`: "the Obama
    Administration" said in 2022 is the latest one that began before."""
    if person:
        held = [t for t in terms() if _named(t, person) and t.start <= on]
        if held:
            return held[-1]
        if country is None:
            return None
    if country is None:
        return None
    mine = [t for t in terms() if t.country == country and t.start <= on]
    if not mine:
        return None
    if previous:
        return mine[-2] if len(mine) > 1 and mine[-1].holds(on) else mine[-1]
    return mine[-1] if mine[-1].holds(on) else None
