"""A document's segmentation: its transcript turns and the voices attributed outside them."""

from __future__ import annotations

from dataclasses import dataclass

from communique.models import Description, Turn, Voice
from communique.segment.people import PersonRegistry
from communique.segment.turns import segment_turns
from communique.segment.voices import Speakers


@dataclass(frozen=True, slots=True, kw_only=True)
class Segmentation:
    turns: tuple[Turn, ...] = ()
    voices: tuple[Voice, ...] = ()

    @property
    def speakers(self) -> Speakers:
        return Speakers.of(self.turns, self.voices)


def segment_document(
    text: str, *, registry: PersonRegistry, description: Description
) -> Segmentation:
    """Speaker turns in reading order, then voices outside them (an author's statement,
    reported speech)."""
    from communique.segment.attribution import find_voices

    turns = segment_turns(text, registry=registry, description=description)
    voices = find_voices(text, turns, registry=registry, description=description)
    return Segmentation(turns=tuple(turns), voices=tuple(voices))
