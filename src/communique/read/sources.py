"""Where documents come from: paths, folders, globs, stdin. (Walking skeleton: plain files only.)"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from communique.errors import InputError
from communique.models import RawDocument


def read_documents(
    inputs: Sequence[str], *, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument per document found, or an InputError for one that cannot be read.

    Errors are yielded, not raised, so that one bad file never stops the others.
    """
    for item in inputs:
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                text = file.read_text(encoding="utf-8")
            except OSError as exc:
                yield InputError(str(file), "missing", str(exc))
                continue
            yield RawDocument(
                source=str(file),
                original=text,
                text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                format="text",
            )
