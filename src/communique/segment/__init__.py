"""Step 3: speaker turns in reading order, each with a canonical speaker, and the voices
attributed outside them."""

from communique.segment.people import PersonRegistry
from communique.segment.segmentation import Segmentation, segment_document
from communique.segment.turns import segment_turns

__all__ = ["PersonRegistry", "Segmentation", "segment_document", "segment_turns"]
