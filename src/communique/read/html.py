"""HTML → main text and metadata, with trafilatura (the only module that imports it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from communique.errors import InputError


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlText:
    text: str
    title: str | None = None
    date: str | None = None  # as the page gives it; read by describe.dates
    publisher: str | None = None
    url: str | None = None


def extract_html(markup: str, *, path: str) -> HtmlText:
    """Main text and metadata of a page, or InputError `bad-html` when there is no text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
        )
    except Exception as exc:  # lxml raises a zoo of parser errors on broken markup
        raise _bad_html(path, str(exc)) from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        # A fragment ("<p>...</p>" without <html>) parses once it is given a body.
        wrapped = f"<html><body>{markup}</body></html>"
        text = trafilatura.html2txt(markup) or trafilatura.html2txt(wrapped)
        if not text or not re.search(r"\w", text):
            raise _bad_html(path, "no text could be extracted")
        return HtmlText(text=text)
    return HtmlText(
        text=text,
        title=getattr(doc, "title", None) or None,
        date=str(getattr(doc, "date", None) or "") or None,
        publisher=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
    )


def _bad_html(path: str, why: str) -> InputError:
    return InputError(
        path,
        "bad-html",
        f"no main text in this HTML: {why}",
        hint="save the page as text, or check that it is the statement's page",
    )


def looks_like_html(text: str) -> bool:
    """Sniff for stdin: a document type, or an <html>/<body>/<p> tag near the top."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(?:html|body|head|article|p|div)[\s>]", head)
    )
