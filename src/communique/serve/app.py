"""The web application: the REST API under /api/ and the HTML pages, over one ledger.

Read-only unless built with a write token. Every response carries a strict Content-Security-
Policy (scripts and styles only from /static/, nothing inline), and every API error has one
JSON shape, {"error": {"code", "message", "details"?}}.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import event
from starlette.exceptions import HTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from communique import __version__
from communique.errors import CommuniqueError, LedgerError
from communique.serve.routes import (
    claims,
    conflicts,
    documents,
    entries,
    metrics,
    pages,
    registry,
    search,
    speakers,
)
from communique.serve.schemas import ErrorResponse
from communique.serve.web import STATIC, ApiError, known_parameters, render
from communique.settings import setting
from communique.store.existing import open_existing

_log = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]

_STATUS_CODES = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    413: "too-large",
    415: "unsupported-media-type",
    422: "bad-parameter",
}


# LedgerError reasons that are not "try again shortly" (503)
_LEDGER_STATUS = {"read-only": 403, "corrupt": 500}


class _SecurityHeaders:
    """Adds the security headers to every response (pure ASGI: no per-request task overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _HeadAsGet:
    """Answers HEAD wherever GET is answered: the GET response's status and headers, no body
    (RFC 9110 §9.3.2). FastAPI routes declare GET only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(
    request: Request,
    status: int,
    code: str,
    message: str,
    details: list[str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    extra = dict(headers or {})  # e.g. Allow on 405, as RFC 9110 requires
    if status == 401:
        extra["WWW-Authenticate"] = "Bearer"
    if _wants_json(request):
        body: dict[str, Any] = {"code": code, "message": message}
        if details:
            body["details"] = details
        return JSONResponse({"error": body}, status_code=status, headers=extra)
    page = render("error.html", request, status=status, status_code=status, message=message)
    page.headers.update(extra)
    return page


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    where = loc[0] if loc else "request"
    return f"{where} parameter {'.'.join(parts)}" if parts else str(where)


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _allowed(app: FastAPI, request: Request) -> str:
    """Every method some route serves at this path, asked of the router itself (Starlette lists
    only the first route's, and included routers hide their routes' methods)."""
    methods = set()
    for method in _METHODS:
        scope = {**request.scope, "method": "GET" if method == "HEAD" else method}
        if any(route.matches(scope)[0] is Match.FULL for route in app.router.routes):
            methods.add(method)  # HEAD is answered wherever GET is (_HeadAsGet)
    return ", ".join(sorted(methods))


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _error(request, exc.status, exc.code, exc.message)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        code = _STATUS_CODES.get(exc.status_code, "error")
        headers = exc.headers
        if exc.status_code == 405:
            headers = {"Allow": _allowed(app, request)}
        message = str(exc.detail) if exc.status_code != 404 else "no such page"
        return _error(request, exc.status_code, code, message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [f"{_field(tuple(e.get('loc', ())))}: {e.get('msg', '')}" for e in exc.errors()]
        message = "invalid request: " + "; ".join(details) if details else "invalid request"
        return _error(request, 422, "bad-parameter", message[:1000], details[:20])

    @app.exception_handler(LedgerError)
    async def _ledger_error(request: Request, exc: LedgerError) -> Response:
        # the database failing is the server's trouble (503), not the client's (400)
        _log.warning("ledger error on %s: %s", request.url.path, exc)
        status = _LEDGER_STATUS.get(exc.reason, 503)
        headers = {"Retry-After": "5"} if status == 503 else None
        message = exc.message + (f" ({exc.hint})" if exc.hint else "")
        return _error(request, status, exc.reason, message, headers=headers)

    @app.exception_handler(CommuniqueError)
    async def _communique_error(request: Request, exc: CommuniqueError) -> Response:
        return _error(
            request, 400, exc.reason, exc.message + (f" ({exc.hint})" if exc.hint else "")
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        _log.exception("unexpected error on %s", request.url.path)
        return _error(request, 500, "internal-error", "the server failed; see its log")


def _offline_openapi(app: FastAPI) -> None:
    """Declare the error body on every API operation so clients (and schemathesis) know it."""
    default = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = default()
        ref = {"$ref": "#/components/schemas/ErrorResponse"}
        error = {"content": {"application/json": {"schema": ref}}}
        for item in schema.get("paths", {}).values():
            for op in item.values():
                responses = op.setdefault("responses", {})
                responses["422"] = {"description": "Invalid parameters", **error}
                responses.setdefault(
                    "400", {"description": "Unknown query parameters, or bad ones", **error}
                )
                responses.setdefault("404", {"description": "Not found", **error})
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        schemas["ErrorResponse"] = ErrorResponse.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        for name, sub in schemas["ErrorResponse"].pop("$defs", {}).items():
            schemas[name] = sub
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _reader_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Bigger page cache and memory-mapped reads for the web's read-mostly connections.

    Measured on the 10,000-document load ledger (28 MB): unindexed filter counts (country,
    period) went from ~14 ms to ~5 ms once the file is mapped instead of read through the
    default 2 MB cache.
    """
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB per connection
    cursor.execute("PRAGMA mmap_size=268435456")  # map up to 256 MiB of the file
    cursor.close()


def create_app(ledger_url: str | None = None, *, write_token: str | None = None) -> FastAPI:
    """The app over the ledger at `ledger_url` (path or URL; default $COMMUNIQUE_DB).

    With `write_token`, `POST /api/documents` accepts documents from requests that carry
    `Authorization: Bearer <token>`; without it the app is read-only.
    """
    ledger = open_existing(ledger_url)  # a server never creates the ledger it is asked for
    if ledger.dialect == "sqlite":
        event.listen(ledger.engine, "connect", _reader_pragmas)
        # the connection that opening (migrating) pooled has no such pragmas: the async claim
        # routes use one connection per process, so it would serve every request unmapped
        ledger.engine.dispose()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            ledger.close()

    app = FastAPI(
        title="communique",
        version=__version__,
        description="Claims from official statements, linked to their sources and checked "
        "against each other. Every list is paginated (limit, offset, total); every error is "
        '{"error": {"code", "message"}}.',
        docs_url=None,  # Swagger UI loads from a CDN: /docs is a packaged page instead
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(known_parameters)],
    )
    app.state.ledger = ledger
    app.state.write_token = write_token or None
    app.state.claim_totals = claims.ClaimTotals()
    _install_errors(app)
    for module in (documents, claims, metrics, conflicts, entries, search, speakers):
        app.include_router(module.router, prefix="/api")
    app.include_router(pages.router)
    app.include_router(registry.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _offline_openapi(app)
    app.add_middleware(_SecurityHeaders)
    app.add_middleware(_HeadAsGet)
    return app


def app_from_environment() -> FastAPI:
    """The app for `uvicorn --factory` (several worker processes): the ledger from
    $COMMUNIQUE_DB and the write token from $COMMUNIQUE_WRITE_TOKEN."""
    return create_app(None, write_token=str(setting("write_token")) or None)
