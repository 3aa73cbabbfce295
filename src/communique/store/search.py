"""Full-text search, one query per dialect: SQLite FTS5 and PostgreSQL tsvector."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from communique.store.ledger import SearchHit

_WORD = re.compile(r"\w+", re.UNICODE)


def _fts5_query(query: str) -> str:
    """User words as quoted FTS5 terms, ANDed: no user input reaches FTS5's query syntax."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


def search_documents(
    conn: Connection, query: str, *, limit: int = 20, offset: int = 0
) -> list[SearchHit]:
    from communique.store.ledger import SearchHit

    if not _WORD.search(query):
        return []
    if conn.dialect.name == "sqlite":
        rows = conn.execute(
            text(
                "SELECT d.id, d.source, d.title, d.date, "
                "snippet(documents_fts, 1, '[[', ']]', ' … ', 24) "
                "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                "WHERE documents_fts MATCH :q ORDER BY rank LIMIT :limit OFFSET :offset"
            ),
            {"q": _fts5_query(query), "limit": limit, "offset": offset},
        ).all()
    else:
        rows = conn.execute(
            text(
                "SELECT d.id, d.source, d.title, d.date, "
                "ts_headline('english', d.text, q, "
                "'StartSel=[[, StopSel=]], MaxWords=35, MinWords=15, MaxFragments=2') "
                "FROM documents d, plainto_tsquery('english', :q) q "
                "WHERE d.search @@ q ORDER BY ts_rank(d.search, q) DESC, d.id "
                "LIMIT :limit OFFSET :offset"
            ),
            {"q": query, "limit": limit, "offset": offset},
        ).all()
    return [
        SearchHit(document_id=r[0], source=r[1], title=r[2], date=_as_date(r[3]), snippet=r[4])
        for r in rows
    ]


def _as_date(value: object):  # type: ignore[no-untyped-def]
    """SQLite hands dates back as text in raw SQL."""
    from datetime import date

    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
