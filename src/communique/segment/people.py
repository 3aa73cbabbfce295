"""The registry of people. (Walking skeleton: empty.)"""

from __future__ import annotations

from communique.models import Person


class PersonRegistry:
    """Resolves speaker labels to canonical people."""

    def __init__(self, people: tuple[Person, ...] = ()) -> None:
        self._people = people

    @classmethod
    def default(cls) -> PersonRegistry:
        return cls()

    def resolve(self, label: str) -> Person | None:
        return None
