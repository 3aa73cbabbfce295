"""Who speaks where: transcript turns first, then voices attributed outside them.

`Speakers.at(position)` is the one question the extractor asks of segmentation: the speaker of a
transcript turn holding the position; else the innermost voice (reported speech inside an
author's statement is the reported person's); else "" (narration).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from communique.models import Turn, Voice


@dataclass(frozen=True, slots=True)
class Speakers:
    """The turns and voices of one document, ordered for lookups by position."""

    turns: tuple[Turn, ...] = ()
    voices: tuple[Voice, ...] = ()
    _turn_starts: tuple[int, ...] = field(default=(), repr=False)

    @classmethod
    def of(cls, turns: Sequence[Turn], voices: Sequence[Voice] = ()) -> Speakers:
        ordered = tuple(sorted(turns, key=lambda t: t.span.start))
        # Narrower voices first, so the innermost one that holds a position wins.
        by_width = tuple(sorted(voices, key=lambda v: v.span.end - v.span.start))
        return cls(ordered, by_width, tuple(t.span.start for t in ordered))

    def at(self, pos: int) -> str:
        """The speaker at character `pos` of the normalised text; "" for narration."""
        i = bisect_right(self._turn_starts, pos) - 1
        if i >= 0 and self.turns[i].span.start <= pos < self.turns[i].span.end:
            return self.turns[i].speaker
        for voice in self.voices:
            if voice.span.start <= pos < voice.span.end:
                return voice.speaker
        return ""
