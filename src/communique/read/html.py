"""HTML → main text and metadata, with trafilatura (the only module that imports it).

When trafilatura finds no main text, or its parser gives up (markup nested thousands deep,
an unclosed comment or style), the page is rendered as plain text with the standard
library's forgiving parser instead of being dropped. An element whose content is raw text
(`<title>`, `<style>`, `<script>`, `<textarea>`) left unclosed would swallow the rest of the
page into itself: it is closed where it must have ended first.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from communique.errors import InputError
from communique.read.decode import clean_controls


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlText:
    text: str
    title: str | None = None
    date: str | None = None  # as the page gives it; read by describe.dates
    publisher: str | None = None
    url: str | None = None


def extract_html(markup: str, *, path: str) -> HtmlText:
    """Main text and metadata of a page, or InputError `bad-html` when there is no text."""
    page = _extract(close_raw_text(markup), path=path)
    # character references decode to control characters the bytes never held (&#3;)
    text, title, publisher, url = (
        clean_controls(v) if v else v for v in (page.text, page.title, page.publisher, page.url)
    )
    return replace(page, text=text or "", title=title, publisher=publisher, url=url)


def _extract(markup: str, *, path: str) -> HtmlText:
    import trafilatura

    if too_deep(markup):  # lxml would drop everything below its depth limit
        return _fallback(markup, path=path)
    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
        )
    except Exception:  # lxml raises a zoo of parser errors on broken markup
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        # A fragment ("<p>...</p>" without <html>) parses once it is given a body.
        wrapped = f"<html><body>{markup}</body></html>"
        try:
            text = trafilatura.html2txt(markup) or trafilatura.html2txt(wrapped)
        except Exception:  # the same parser: the same zoo
            text = ""
        if not text or not re.search(r"\w", text):
            return _fallback(markup, path=path)
        return HtmlText(text=text, title=_title(markup))
    return HtmlText(
        text=text,
        title=getattr(doc, "title", None) or None,
        date=str(getattr(doc, "date", None) or "") or None,
        publisher=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
    )


# Elements whose content the parser takes as raw text, up to their own end tag only.
_ELEMENTS = ("title", "textarea", "style", "script")
_RAW_TEXT = re.compile(rf"<({'|'.join(_ELEMENTS)})\b[^>]*>", re.I)
_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I) for name in _ELEMENTS}
# Where one left open must have ended: at the next tag. A title or a text area holds no
# markup, so a tag inside one ends it even when its end tag comes later; a style or script
# (whose code may mention tags) is only closed when it is never closed at all.
_NEXT_TAG = re.compile(r"<[a-z/!]", re.I)


def close_raw_text(markup: str) -> str:
    """`markup` with each unclosed raw-text element closed where it must have ended."""
    pos = 0
    while (m := _RAW_TEXT.search(markup, pos)) is not None:
        name = m.group(1).lower()
        close = _CLOSE[name].search(markup, m.end())
        end = _NEXT_TAG.search(markup, m.end())
        text_only = name in ("title", "textarea")
        if close is not None and (not text_only or end is None or close.start() <= end.start()):
            pos = close.end()
        elif end is not None:
            markup = f"{markup[: end.start()]}</{name}>{markup[end.start() :]}"
            pos = end.start() + len(name) + 3
        else:
            pos = m.end()
    return markup


class _TextOnly(HTMLParser):
    """The text a browser would show, one line per block (the fallback: it never gives up)."""

    _SKIP = frozenset({"script", "style", "template", "title"})
    _BLOCK = frozenset(
        {
            *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
            *("fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li"),
            *("h1", "h2", "h3", "h4", "h5", "h6", "main", "nav", "ol", "p", "pre"),
            *("section", "table", "td", "th", "tr", "ul"),
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping.append(tag)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_text(markup: str) -> str:
    """The page as plain text: visible text, one line per block, entities decoded."""
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _fallback(markup: str, *, path: str) -> HtmlText:
    text = plain_text(markup)
    if not re.search(r"\w", text):
        raise _bad_html(path, "no text could be extracted")
    return HtmlText(text=text, title=_title(markup))


# libxml2 (under lxml, under trafilatura) stops building the tree at 256 open elements and
# drops the rest of the page: measured, a statement under 252 nested <div>s in <body> is
# found, under 254 it is not. Elements a parser closes by itself (p, li, td...) and void ones
# are not counted, so the estimate errs low: only pages surely too deep skip trafilatura.
_MAX_DEPTH = 250
_TAG_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_NOT_NESTING = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th"),
        *("option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption"),
    }
)


def too_deep(markup: str) -> bool:
    """Whether elements nest deeper than lxml builds (an estimate that errs low)."""
    if markup.count("<") < _MAX_DEPTH:
        return False
    depth = 0
    for m in _TAG_TOKEN.finditer(markup):
        name = m.group(2).lower()
        if name in _NOT_NESTING or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > _MAX_DEPTH:
                return True
    return False


def _title(markup: str) -> str | None:
    m = re.search(r"<title\b[^>]*>(.*?)</title\s*>", markup, re.I | re.S)
    title = " ".join(html.unescape(m.group(1)).split()) if m else ""
    return title or None


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
