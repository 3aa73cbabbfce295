"""One document through the pipeline: read → describe → segment → extract, as plain calls.

Storing and reconciling happen in the ledger, per document and per run. Each stage is a plain
function so that executors (local processes, Ray) can ship `process_document` anywhere.
"""

from __future__ import annotations

from functools import lru_cache

from communique.describe import describe_document
from communique.extract import EXTRACTOR, extract_claims
from communique.models import Document, RawDocument
from communique.segment import PersonRegistry, segment_turns

STAGES = {
    "describe": "communique.describe.v1",
    "segment": "communique.turns.v1",
    "extract": EXTRACTOR,
}


@lru_cache(maxsize=1)
def default_registry() -> PersonRegistry:
    """The bundled people registry, loaded once per process."""
    return PersonRegistry.default()


def process_document(raw: RawDocument, *, registry: PersonRegistry | None = None) -> Document:
    """Describe, segment and extract one document; pure, so it can run in any process."""
    registry = registry or default_registry()
    description = describe_document(raw, registry=registry)
    turns = segment_turns(raw.text, registry=registry, description=description)
    claims = extract_claims(raw.text, turns, description=description)
    return Document(
        source=raw.source,
        content_hash=raw.content_hash,
        text=raw.text,
        original=raw.original,
        format=raw.format,
        title=description.title,
        date=description.date,
        place=description.place,
        publisher=description.publisher,
        url=raw.url,
        participants=description.participants,
        countries=description.countries,
        turns=tuple(turns),
        claims=tuple(claims),
    )
