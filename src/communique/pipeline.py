"""Documents through the pipeline: read → describe → segment → extract, as plain calls.

Storing and reconciling happen in the ledger, per document and per run. Each stage is a plain
function so that executors (local processes, Ray) can ship `process_document` or
`process_documents` anywhere.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from functools import lru_cache

from communique.describe.document import complete_description, describe_document
from communique.extract import (
    AGREEMENTS,
    COMMITMENTS,
    EXTRACTOR,
    extract_claims,
    extract_claims_batch,
    extract_entries,
)
from communique.models import Claim, Description, Document, RawDocument
from communique.segment import PersonRegistry, Segmentation, segment_document

STAGES = {
    "describe": "communique.describe.v2",
    "segment": "communique.turns.v2",
    "extract": EXTRACTOR,
    "agreements": AGREEMENTS,
    "commitments": COMMITMENTS,
}


@lru_cache(maxsize=1)
def default_registry() -> PersonRegistry:
    """The bundled people registry, loaded once per process."""
    return PersonRegistry.default()


def process_document(raw: RawDocument, *, registry: PersonRegistry | None = None) -> Document:
    """Describe, segment and extract one document; pure, so it can run in any process."""
    registry = registry or default_registry()
    description, parts = describe_and_segment(raw, registry)
    claims = extract_claims(raw.text, parts.turns, description=description, voices=parts.voices)
    return _document(raw, description, parts, claims)


def describe_and_segment(
    raw: RawDocument, registry: PersonRegistry
) -> tuple[Description, Segmentation]:
    """Describe from the header, segment with that description, then complete the
    description with the speakers found (participants, parties)."""
    description = describe_document(raw, registry=registry)
    parts = segment_document(raw.text, registry=registry, description=description)
    completed = complete_description(
        description, parts.turns, registry=registry, voices=parts.voices
    )
    return completed, parts


def process_documents(
    raws: Sequence[RawDocument], *, registry: PersonRegistry | None = None
) -> list[Document]:
    """`process_document` for each of `raws`, in order, with the candidate sentences of all of
    them parsed in one spaCy stream (the same documents, about a tenth faster)."""
    registry = registry or default_registry()
    # A batch allocates hundreds of thousands of short-lived objects (spaCy tokens, matches),
    # all freed by reference counting; the cyclic collector's passes over them (and over the
    # loaded model) cost 2-5% of the batch (900 statements, A/B on one core), so it waits until the
    # batch is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        described = [(raw, *describe_and_segment(raw, registry)) for raw in raws]
        claims = extract_claims_batch(
            (raw.text, parts.turns, d, parts.voices) for raw, d, parts in described
        )
        return [
            _document(raw, description, parts, found)
            for (raw, description, parts), found in zip(described, claims, strict=True)
        ]
    finally:
        if collecting:
            gc.enable()


def _document(
    raw: RawDocument, description: Description, parts: Segmentation, claims: list[Claim]
) -> Document:
    agreements, commitments = extract_entries(
        raw.text, parts.turns, description=description, claims=claims, voices=parts.voices
    )
    return Document(
        source=raw.source,
        content_hash=raw.content_hash,
        text=raw.text,
        original=raw.original,
        format=raw.format,
        title=description.title,
        date=description.date,
        date_precision=description.date_precision,
        place=description.place,
        publisher=description.publisher,
        url=description.url,
        participants=description.participants,
        countries=description.countries,
        turns=parts.turns,
        claims=tuple(claims),
        agreements=tuple(agreements),
        commitments=tuple(commitments),
    )
