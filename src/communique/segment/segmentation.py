"""A document's segmentation: its transcript turns and the voices attributed outside them."""

from __future__ import annotations

from dataclasses import dataclass

from communique.models import Description, Turn, Voice
from communique.segment.layouts import find_labels
from communique.segment.people import PersonRegistry
from communique.segment.roundups import find_quotations
from communique.segment.turns import segment_labels
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
    reported speech); a round-up of quotations has voices only."""
    from communique.segment.attribution import find_voices

    labels = find_labels(text)
    quoted = find_quotations(text, labels, registry=registry, description=description)
    if quoted is not None:  # a round-up of what others said: quotations, no transcript
        voices = find_voices(text, (), registry=registry, description=description)
        return Segmentation(voices=(*quoted, *voices))
    turns = segment_labels(text, labels, registry=registry, description=description)
    voices = find_voices(text, turns, registry=registry, description=description)
    return Segmentation(turns=tuple(turns), voices=tuple(voices))
