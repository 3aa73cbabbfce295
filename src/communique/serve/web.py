"""What every route shares: the ledger dependency, paging parameters, errors, HTML rendering."""

from __future__ import annotations

import re
import secrets
from decimal import Decimal
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from pydantic import BeforeValidator

from communique.present.figures import LITERAL, ORDINARY, describe_when, figure, format_amount
from communique.reconcile.canon import describe_metric
from communique.store.ledger import Ledger

TEMPLATES = FilePath(__file__).parent / "templates"
STATIC = FilePath(__file__).parent / "static"

MAX_LIMIT = 500  # one page of the API; larger exports go through `communique export`
MAX_OFFSET = 1_000_000_000  # far beyond any ledger, well inside SQLite's 64-bit integers
MAX_ID = 2**63 - 1  # SQLite and PostgreSQL bigint ceiling: larger ids cannot exist


class ApiError(Exception):
    """An error with an HTTP status and a stable code; rendered as JSON under /api, else HTML."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


async def _ledger(request: Request) -> Ledger:  # async: no threadpool hop per request
    ledger: Ledger = request.app.state.ledger
    return ledger


LedgerDep = Annotated[Ledger, Depends(_ledger)]


_WHOLE = re.compile(r"[+-]?[0-9]+")


def _whole_number(value: object) -> object:
    """Digits only: pydantic's lax mode would read "0.0" as 0, which the schema calls invalid."""
    if isinstance(value, str) and not _WHOLE.fullmatch(value.strip()):
        raise ValueError("must be a whole number")
    return value


WHOLE = BeforeValidator(_whole_number)
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page."), WHOLE]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip."), WHOLE]
After = Annotated[
    int | None,
    Query(
        ge=0,
        le=MAX_ID,
        description="Keyset paging: start after this id (the `next` link sets it; no deep "
        "offsets).",
    ),
    WHOLE,
]
ClaimId = Annotated[int, Path(ge=1, le=MAX_ID, description="Claim id."), WHOLE]
DocumentId = Annotated[int, Path(ge=1, le=MAX_ID, description="Document id."), WHOLE]
ConflictId = Annotated[int, Path(ge=1, le=MAX_ID, description="Conflict id."), WHOLE]


def next_page(request: Request, *, after: int) -> str:
    """The path and query of the page after id `after`: the same filters and limit, the
    keyset moved on, no offset (it applied to this page only)."""
    url = request.url.remove_query_params("offset").include_query_params(after=after)
    return f"{url.path}?{url.query}"


def following(request: Request, *, offset: int, limit: int, total: int) -> str | None:
    """The next page's path for an offset-paged list, or None on the last page."""
    return next_offset(request, offset=offset + limit) if offset + limit < total else None


def next_offset(request: Request, *, offset: int) -> str:
    """The path and query of the page at `offset`: the same filters, order and limit."""
    url = request.url.remove_query_params("after").include_query_params(offset=offset)
    return f"{url.path}?{url.query}"


def _query_names(dependant: Any) -> frozenset[str]:
    """Every query parameter a route declares, its dependencies' included."""
    names = {str(p.alias) for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return frozenset(names)


_DECLARED: dict[int, frozenset[str]] = {}


async def known_parameters(request: Request) -> None:
    """Refuse query parameters the route does not take (a misspelt filter would otherwise be
    ignored, and the answer look filtered): 400 naming them and what the route accepts."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None or not request.query_params:
        return
    declared = _DECLARED.get(id(route))
    if declared is None:
        declared = _DECLARED[id(route)] = _query_names(dependant)
    unknown = sorted(set(request.query_params) - declared)
    if unknown:
        names = ", ".join(repr(name[:40]) for name in unknown[:10])
        accepted = ", ".join(sorted(declared)) or "none"
        raise ApiError(
            400,
            "unknown-parameter",
            f"unknown query parameter{'s' if len(unknown) > 1 else ''} {names} "
            f"(accepted: {accepted})",
        )


def not_found(what: str, key: object) -> ApiError:
    return ApiError(404, "not-found", f"no {what} {key!s:.200}")


def authorize(request: Request) -> None:
    """Let a write through only with the server's write token as a Bearer token."""
    token: str | None = request.app.state.write_token
    if token is None:
        raise ApiError(403, "read-only", "this server is read-only (start it with --write-token)")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip(), token):
        raise ApiError(401, "unauthorized", "send Authorization: Bearer <write token>")
    if request.app.state.ledger.readonly:
        raise ApiError(
            403,
            "read-only",
            "the ledger file is read-only for this server: it serves reads only "
            "(give the server write access to the file and its folder to accept documents)",
        )


# -- HTML -----------------------------------------------------------------------------------

_HIT = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


def mark_hits(snippet: str) -> Markup:
    """A search snippet as HTML: escaped first, then its [[ ]] hit markers become <mark>."""
    return Markup(_HIT.sub(r"<mark>\1</mark>", str(escape(snippet))))


def _number(value: object) -> str:
    """Large amounts as people read them: 22200000000 → 22.2 billion."""
    try:
        x = float(str(value))
    except ValueError:
        return str(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= size:
            return f"{x / size:,.3g} {word}"
    return f"{x:,.6g}" if x != int(x) else f"{int(x):,}"


def _short(value: object) -> str:
    """An axis label: 40000000000 → 40B."""
    x = float(str(value))
    for size, word in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(x) >= size:
            return f"{x / size:.3g}{word}"
    return f"{x:.3g}"


def _amount(value: object, unit: str) -> str:
    """An amount as every surface writes it (`present.figures.format_amount`)."""
    return format_amount(Decimal(str(value)), unit)


_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,  # every value is escaped unless a builder returns Markup on purpose
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["number"] = _number
_env.filters["amount"] = _amount
_env.filters["short"] = _short
_env.filters["plain"] = lambda value: format(Decimal(str(value)).normalize(), "f")
_env.filters["marks"] = mark_hits
_env.filters["n"] = lambda n, word: f"{n:,} {word if n == 1 else word + 's'}"
_env.filters["urlpart"] = lambda value: quote(str(value), safe="")


def query_string(**values: object) -> str:
    """A query string of the values set (empty ones left out), as the pages link them."""
    return urlencode({k: v for k, v in values.items() if v not in (None, "")})


_env.globals["query"] = query_string
_env.globals["figure"] = figure
_env.globals["describe_when"] = describe_when
_env.globals["describe_metric"] = describe_metric
_env.globals["LITERAL"], _env.globals["ORDINARY"] = LITERAL, ORDINARY


def render(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    """One page from its template; `request` gives templates the current path."""
    page = _env.get_template(name).render(path=request.url.path, **context)
    return HTMLResponse(page, status_code=status)
