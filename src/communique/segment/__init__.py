"""Step 3: speaker turns in reading order, each with a canonical speaker."""

from communique.segment.people import PersonRegistry
from communique.segment.turns import segment_turns

__all__ = ["PersonRegistry", "segment_turns"]
