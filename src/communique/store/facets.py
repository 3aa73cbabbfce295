"""Facet counts for a filtered list of claims: how many of them each speaker, metric, country,
modality, qualifier and year has, as Datasette shows beside a table.

Each facet is one grouped query over the claims the filter matches, on the claims table
alone; a country counts a claim once whether it is the subject, the object or both.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import extract, func, literal_column, select, union

from communique.store.ledger import ClaimFilter, Ledger, _filter_claims
from communique.store.tables import ClaimRow, DocumentRow


class Facet(StrEnum):
    SPEAKER = "speaker"
    METRIC = "metric"
    COUNTRY = "country"
    MODALITY = "modality"
    QUALIFIER = "qualifier"
    YEAR = "year"  # of the period's end, else of the as-of date (`ClaimFilter.year`)


@dataclass(frozen=True, slots=True, kw_only=True)
class FacetValue:
    value: str
    claims: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FacetCounts:
    facet: Facet
    values: tuple[FacetValue, ...]  # the most claimed first, at most `limit`
    more: bool  # other values exist beyond these


_PLAIN = {
    Facet.SPEAKER: ClaimRow.speaker,
    Facet.METRIC: ClaimRow.metric,
    Facet.MODALITY: ClaimRow.modality,
    Facet.QUALIFIER: ClaimRow.qualifier,
}


def _base(query: Any, where: ClaimFilter) -> Any:
    query = query.select_from(ClaimRow)
    if where.source is not None:
        query = query.join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
    return _filter_claims(query, where)


def _grouped(facet: Facet, where: ClaimFilter) -> Any:
    """(value, count) rows of one facet, the most claimed first."""
    n = func.count().label("n")
    if facet is Facet.COUNTRY:
        sides = [
            _base(select(ClaimRow.id.label("claim"), side.label("code")), where).where(
                side.is_not(None)
            )
            for side in (ClaimRow.subject, ClaimRow.object)
        ]
        both = union(*sides).subquery()
        return select(both.c.code, n).group_by(both.c.code).order_by(n.desc(), both.c.code)
    if facet is Facet.YEAR:
        moment = func.coalesce(ClaimRow.period_end, ClaimRow.as_of)
        year = extract("year", moment).label("year")
        return (
            _base(select(year, n), where)
            .where(moment.is_not(None))
            .group_by(year)
            .order_by(literal_column("year").desc())
        )
    column = _PLAIN[facet]
    return (
        _base(select(column, n), where)
        .where(column != "")
        .group_by(column)
        .order_by(n.desc(), column)
    )


def claim_facets(
    ledger: Ledger, where: ClaimFilter, facets: tuple[Facet, ...] = tuple(Facet), *, limit: int = 10
) -> list[FacetCounts]:
    """For each facet, its values among the claims `where` matches, with their counts."""
    out = []
    with ledger.reader.connect() as conn:
        for facet in facets:
            rows = conn.execute(_grouped(facet, where).limit(limit + 1)).all()
            values = tuple(
                FacetValue(value=str(int(v)) if facet is Facet.YEAR else str(v), claims=n)
                for v, n in rows[:limit]
            )
            out.append(FacetCounts(facet=facet, values=values, more=len(rows) > limit))
    return out


__all__ = ["Facet", "FacetCounts", "FacetValue", "claim_facets"]
