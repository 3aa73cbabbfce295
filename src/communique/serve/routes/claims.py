"""`/api/claims`: claims filtered (names in any case, or part of them), sorted and paged; the
same view as CSV; facet counts; name suggestions; one claim by id."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Literal, TypeVar, cast

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse

from communique.models import Modality, Qualifier
from communique.present.export import FLAT_CLAIM_FIELDS, csv_lines, flat_claim_record
from communique.reconcile.names import resolve_filter, suggest
from communique.serve.schemas import (
    ClaimOut,
    ClaimPage,
    FacetsOut,
    IsoDate,
    NameOut,
    SuggestOut,
    claim_fields,
    facet_out,
    fields_json,
)
from communique.serve.web import (
    MAX_ID,
    WHOLE,
    After,
    ClaimId,
    LedgerDep,
    Limit,
    Offset,
    next_page,
    not_found,
)
from communique.store.browse import (
    ClaimSort,
    claim_listing,
    claim_listings,
    count_claims,
    ledger_version,
    sorted_claim_listings,
)
from communique.store.context import claims_in_context
from communique.store.facets import Facet, claim_facets
from communique.store.ledger import ClaimFilter, Ledger

router = APIRouter(tags=["claims"])
T = TypeVar("T")


def claim_filter(
    *,
    metric: str | None,
    speaker: str | None,
    country: str | None,
    since: date | None,
    until: date | None,
    qualifier: Qualifier | None,
    modality: Modality | None,
    document: int | None,
    unit: str | None,
    text: str | None,
) -> ClaimFilter:
    """The ledger filter for these query parameters.

    A reversed window (since after until) is allowed: it asks for claims whose period spans it.
    """
    return ClaimFilter(
        metric=metric,
        speaker=speaker,
        country=country.upper() if country else None,
        since=since,
        until=until,
        qualifier=qualifier.value if qualifier else None,
        modality=modality.value if modality else None,
        document_id=document,
        unit=unit,
        text=text or None,
    )


class Totals:
    """Counts per filter, kept while the ledger is unchanged (`ledger_version`).

    Counting a filter without an index (country, period, words) scans every claim: ~7 ms on
    the 10,000-document load ledger, more than the page itself. Bounded LRU; no cache where the
    ledger gives no change token (an in-memory one).
    """

    SIZE = 4096  # distinct filters remembered; a few hundred bytes each

    def __init__(self) -> None:
        self._counts: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self._lock = threading.Lock()

    def count(self, ledger: Ledger, key: object, counter: Callable[[], T]) -> T:
        """`counter()`, or what it gave for `key` while the ledger has not changed since."""
        version = ledger_version(ledger)
        if version is None:
            return counter()
        cached = (version, key)
        with self._lock:
            if cached in self._counts:
                self._counts.move_to_end(cached)
                return cast("T", self._counts[cached])
        total = counter()
        with self._lock:
            self._counts[cached] = total
            if len(self._counts) > self.SIZE:
                self._counts.popitem(last=False)
        return total


class ClaimTotals(Totals):
    """Claim counts per filter (`Totals`)."""

    def total(self, ledger: Ledger, where: ClaimFilter) -> int:
        return self.count(ledger, where, lambda: count_claims(ledger, where))


def _totals(request: Request) -> ClaimTotals:
    totals: ClaimTotals | None = getattr(request.app.state, "claim_totals", None)
    if totals is None:
        totals = request.app.state.claim_totals = ClaimTotals()
    return totals


def _fields_json(fields: dict[str, Any]) -> Response:
    """A body of plain fields, not validated again: that cost a quarter of a request."""
    return Response(fields_json(fields), media_type="application/json")


SORTS = "|".join(sort.value for sort in ClaimSort)
Sort = Annotated[
    str | None,
    Query(
        pattern=f"^-?({SORTS})$",
        description="Order: one of id, value, when, date (the document's), speaker, metric, "
        "quote; a leading - reverses it (-value). Default: id, ledger order.",
    ),
]


def parse_sort(sort: str | None) -> tuple[ClaimSort, bool]:
    """(column, descending) for a `sort` value as the query gives it."""
    if not sort:
        return ClaimSort.ID, False
    return ClaimSort(sort.removeprefix("-")), sort.startswith("-")


def claim_query(
    metric: Annotated[
        str | None,
        Query(max_length=256, description="Metric key, or part of one, in any case (trade)."),
    ] = None,
    speaker: Annotated[
        str | None,
        Query(
            max_length=256,
            description="Speaker's name, or part of it, in any case (putin). A value naming "
            "one exactly selects only that one.",
        ),
    ] = None,
    country: Annotated[
        str | None,
        Query(pattern="^[A-Za-z]{2}$", description="ISO alpha-2, subject or object of the claim."),
    ] = None,
    since: Annotated[IsoDate | None, Query(description="Period end or as-of on/after.")] = None,
    until: Annotated[IsoDate | None, Query(description="Period start or as-of on/before.")] = None,
    year: Annotated[
        int | None,
        Query(ge=1, le=9999, description="Year of the period's end, else of the as-of date."),
        WHOLE,
    ] = None,
    qualifier: Qualifier | None = None,
    modality: Modality | None = None,
    document: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Document id."), WHOLE
    ] = None,
    unit: Annotated[str | None, Query(max_length=16, description="USD, percent, count…")] = None,
    text: Annotated[
        str | None, Query(max_length=200, description="Words in the quote or metric phrase.")
    ] = None,
) -> ClaimFilter:
    """The claim filters every claim list shares, as one dependency (and so one schema)."""
    return replace(
        claim_filter(
            metric=metric,
            speaker=speaker,
            country=country,
            since=since,
            until=until,
            qualifier=qualifier,
            modality=modality,
            document=document,
            unit=unit,
            text=text,
        ),
        year=year,
    )


ClaimQuery = Annotated[ClaimFilter, Depends(claim_query)]


@router.get("/claims", summary="Claims, filtered, sorted and paginated", response_model=ClaimPage)
async def list_claims(
    request: Request,
    ledger: LedgerDep,
    typed: ClaimQuery,
    sort: Sort = None,
    limit: Limit = 50,
    offset: Offset = 0,
    after: After = None,
) -> Response:
    where = resolve_filter(ledger, typed)
    column, descending = parse_sort(sort)
    if column is not ClaimSort.ID or descending:
        items = sorted_claim_listings(
            ledger,
            where,
            sort=column,
            descending=descending,
            limit=limit + 1,
            offset=offset,
            after=after,
        )
    else:
        # One more than a page: whether it comes back says if there is a next page.
        items = claim_listings(ledger, where, limit=limit + 1, offset=offset, after=after)
    more = len(items) > limit
    items = items[:limit]
    # A short page after a plain offset is the last: it gives the total uncounted.
    last = after is None and len(items) > 0 and not more
    total = offset + len(items) if last else _totals(request).total(ledger, where)
    following = next_page(request, after=items[-1].id) if more else None
    return _fields_json(
        {
            "total": total,
            "limit": limit,
            "offset": offset,
            "next": following,
            "items": [claim_fields(c) for c in items],
        }
    )


@router.get(
    "/claims.csv",
    summary="The filtered claims as one flat CSV table (every page; a spreadsheet opens it)",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "One row a claim: FLAT_CLAIM_FIELDS of communique.present.export",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        }
    },
)
def claims_csv(ledger: LedgerDep, typed: ClaimQuery, sort: Sort = None) -> StreamingResponse:
    where = resolve_filter(ledger, typed)
    column, descending = parse_sort(sort)
    rows = claims_in_context(ledger, where, sort=column, descending=descending)
    return StreamingResponse(
        csv_lines(
            (
                flat_claim_record(r.claim, title=r.title, url=r.url, sentence=r.sentence)
                for r in rows
            ),
            fields=FLAT_CLAIM_FIELDS,
        ),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
    )


FacetName = Annotated[
    list[Facet] | None,
    Query(description="Facets to count (repeat the parameter); default: all of them."),
]


@router.get("/claims/facets", summary="How many of the filtered claims each value has")
def claim_facet_counts(
    request: Request, ledger: LedgerDep, typed: ClaimQuery, facet: FacetName = None
) -> FacetsOut:
    where = resolve_filter(ledger, typed)
    wanted = tuple(dict.fromkeys(facet)) if facet else tuple(Facet)
    counts = _totals(request).count(
        ledger, ("facets", where, wanted), lambda: claim_facets(ledger, where, wanted)
    )
    return FacetsOut(
        total=_totals(request).total(ledger, where),
        facets=[facet_out(f) for f in counts],
    )


@router.get("/claims/suggest", summary="Speakers or metric keys for an autocomplete box")
def suggest_names(
    ledger: LedgerDep,
    field: Annotated[Literal["speaker", "metric"], Query(description="What to suggest.")],
    q: Annotated[str, Query(max_length=256, description="What has been typed so far.")] = "",
    limit: Annotated[int, Query(ge=1, le=50, description="Suggestions at most."), WHOLE] = 10,
) -> SuggestOut:
    found = suggest(ledger, field, q, limit=limit)
    return SuggestOut(
        field=field, q=q, items=[NameOut(value=n.value, claims=n.claims) for n in found]
    )


@router.get("/claims/{claim_id}", summary="One claim", response_model=ClaimOut)
async def get_claim(ledger: LedgerDep, claim_id: ClaimId) -> Response:
    found = claim_listing(ledger, claim_id)
    if found is None:
        raise not_found("claim", claim_id)
    return _fields_json(claim_fields(found))
