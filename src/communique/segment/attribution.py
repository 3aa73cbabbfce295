"""Voices outside transcript turns: an author's own statement, and reported speech."""

from __future__ import annotations

from collections.abc import Sequence

from communique.models import Description, Turn, Voice
from communique.segment.people import PersonRegistry


def find_voices(
    text: str, turns: Sequence[Turn], *, registry: PersonRegistry, description: Description
) -> list[Voice]:
    return []
