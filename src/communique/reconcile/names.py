"""Names as a person types them: `speaker=putin`, `metric=TRADE:kz-ru`.

A filter value that names one of the ledger's speakers or metric keys exactly, in any case and
with or without accents (`segment.lexicon.fold`), selects that one; otherwise it selects every
name that contains it. `resolve_filter` turns a `ClaimFilter` with typed values into one with
the exact names, so the ledger's indexes still serve it. The distinct names, with their claim
counts, are read once per ledger version (`browse.ledger_version`) and kept: ~20 ms for the
speakers of a 100,000-document ledger, then nothing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

from sqlalchemy import func, select

from communique.reconcile.canon import metric_countries
from communique.segment.lexicon import fold
from communique.store.board import ConflictFilter
from communique.store.browse import ledger_version
from communique.store.ledger import ClaimFilter, Ledger
from communique.store.tables import ClaimRow

Field = Literal["speaker", "metric"]
W = TypeVar("W", ClaimFilter, ConflictFilter)
_COLUMNS = {"speaker": ClaimRow.speaker, "metric": ClaimRow.metric}
_KEEP = 64  # (ledger, field, version) entries kept; one per open ledger and field in practice


@dataclass(frozen=True, slots=True, kw_only=True)
class Name:
    """A speaker or metric key as stored, and how many claims carry it."""

    value: str
    claims: int
    folded: str = ""  # `fold(value)`, kept to match typed text without folding again


_cache: OrderedDict[tuple[str, str, tuple[int, ...]], tuple[Name, ...]] = OrderedDict()
_lock = threading.Lock()


def known_names(ledger: Ledger, field: Field) -> tuple[Name, ...]:
    """Every distinct speaker (or metric key) of the ledger's claims, the most claimed first."""
    version = ledger_version(ledger)
    key = (str(ledger.url), field, version) if version is not None else None
    if key is not None:
        with _lock:
            if key in _cache:
                _cache.move_to_end(key)
                return _cache[key]
    column = _COLUMNS[field]
    count = func.count().label("n")
    with ledger.reader.connect() as conn:
        rows = conn.execute(
            select(column, count).where(column != "").group_by(column).order_by(count.desc())
        ).all()
    names = tuple(Name(value=value, claims=n, folded=fold(value)) for value, n in rows)
    if key is not None:
        with _lock:
            _cache[key] = names
            while len(_cache) > _KEEP:
                _cache.popitem(last=False)
    return names


def match_names(typed: str, names: tuple[Name, ...]) -> tuple[str, ...]:
    """The names `typed` selects: the one it spells (any case, any accents), else every one
    containing it. Nothing when it is blank or matches nothing."""
    wanted = fold(typed)
    if not wanted:
        return ()
    exact = tuple(n.value for n in names if n.folded == wanted)
    if exact:
        return exact
    return tuple(n.value for n in names if wanted in n.folded)


def suggest(ledger: Ledger, field: Field, typed: str, *, limit: int = 10) -> list[Name]:
    """Names for an autocomplete box: those starting a word with `typed` first, then those
    containing it; the most claimed first within each."""
    wanted = fold(typed)
    names = known_names(ledger, field)
    if not wanted:
        return list(names[:limit])
    starts: list[Name] = []
    inside: list[Name] = []
    for name in names:
        folded = name.folded
        if wanted not in folded:
            continue
        at_word = any(word.startswith(wanted) for word in folded.replace("_", " ").split())
        (starts if folded.startswith(wanted) or at_word else inside).append(name)
        if len(starts) >= limit:
            break
    return (starts + inside)[:limit]


def keys_naming(ledger: Ledger, country: str) -> tuple[str, ...]:
    """The metric keys that name `country` among their codes (`trade:KZ-RU` for KZ)."""
    code = country.upper()
    return tuple(
        n.value for n in known_names(ledger, "metric") if code in metric_countries(n.value)
    )


def _resolved(ledger: Ledger, where: W) -> W:
    changes: dict[str, object] = {}
    for field, many in (("speaker", "speakers"), ("metric", "metrics")):
        typed = getattr(where, field)
        if typed is None:
            continue
        found = match_names(typed, known_names(ledger, field))  # type: ignore[arg-type]
        if len(found) == 1:
            changes[field] = found[0]
        else:
            changes[field] = None
            changes[many] = found
    if where.country is not None:
        changes["country"] = where.country.upper()
        changes["country_keys"] = keys_naming(ledger, where.country)
    return replace(where, **changes) if changes else where  # type: ignore[arg-type]


def resolve_filter(ledger: Ledger, where: ClaimFilter) -> ClaimFilter:
    """`where` with its typed speaker and metric turned into the exact names they select
    (`match_names`), and its country widened to the metric keys naming it; a value selecting
    nothing keeps the filter empty-handed."""
    return _resolved(ledger, where)


def resolve_conflict_filter(ledger: Ledger, where: ConflictFilter) -> ConflictFilter:
    """The same for the conflicts board."""
    return _resolved(ledger, where)


__all__ = [
    "Name",
    "keys_naming",
    "known_names",
    "match_names",
    "resolve_conflict_filter",
    "resolve_filter",
    "suggest",
]
