"""Real statements as users have them (../shared/corpus/real/gold/, read at run time, never
copied here): dates, places and speaker turns against the shared independent gold."""

from __future__ import annotations

import itertools
import json
import unicodedata
from pathlib import Path

import pytest

from communique.models import RawDocument
from communique.pipeline import default_registry, describe_and_segment
from communique.read import read_documents

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
GOLD_FILES = SHARED / "corpus" / "real" / "gold"
GOLD = {g["doc"]: g for g in json.loads((SHARED / "eval" / "real.documents.json").read_text())}
# One of each layout: flattened kremlin.ru text with tooltip leaks, a heading before a label,
# a two-person meeting; White House remarks with role labels and an audience member, a gaggle,
# an unsigned presidential message, a fact sheet with bold headlines; a UN speech.
DOCS = [
    "kremlin-67066.txt",
    "kremlin-67712.txt",
    "kremlin-67255.txt",
    "wh-30b8f5419a35.md",
    "wh-4fe3286afc45.md",
    "wh-a43013aacb5c.md",
    "wh-2f29ababbd23.md",
    "ungdc-FRA_71_2016.txt",
]


def _fold(name: str | None) -> str:
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("-", " ").split())


@pytest.mark.parametrize("name", DOCS)
def test_real_statement_matches_the_shared_gold(name: str) -> None:
    (raw,) = read_documents([str(GOLD_FILES / name)])
    assert isinstance(raw, RawDocument)
    description, parts = describe_and_segment(raw, default_registry())
    gold = GOLD[Path(name).stem]
    assert (description.date.isoformat() if description.date else None) == gold["date"]
    if gold["place"] is not None:
        assert _fold(description.place) == _fold(gold["place"])
    speakers = [k for k, _ in itertools.groupby(t.speaker for t in parts.turns)]
    assert [_fold(s) for s in speakers] == [_fold(s) for s in gold["speakers_in_order"]]
    if gold["title_contains"]:
        assert gold["title_contains"] in (description.title or "")
