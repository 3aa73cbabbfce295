"""Speaker turns. (Walking skeleton: "Name:" lines only.)"""

from __future__ import annotations

import re

from communique.models import Description, Span, Turn
from communique.segment.people import PersonRegistry

_LABEL = re.compile(r"^([A-Z][\w .'-]{1,60}):\s*", re.M)


def segment_turns(text: str, *, registry: PersonRegistry, description: Description) -> list[Turn]:
    """Split `text` into speaker turns in reading order."""
    marks = list(_LABEL.finditer(text))
    turns = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        turns.append(Turn(speaker=m.group(1), label=m.group(1), span=Span(start=m.end(), end=end)))
    return turns
