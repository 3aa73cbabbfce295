"""Describe a document. (Walking skeleton: hints only.)"""

from __future__ import annotations

from communique.models import Description, RawDocument
from communique.segment.people import PersonRegistry


def describe_document(raw: RawDocument, *, registry: PersonRegistry) -> Description:
    """Title, date, place, publisher, participants and parties of one document."""
    return Description(title=raw.title, date=raw.date, publisher=raw.publisher)
