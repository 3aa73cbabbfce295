"""YAML front matter of Markdown files (`---` fenced, at the top): title, date, URL, tags.

Parsed with PyYAML's safe loader. The block's end offset is kept so that the body's offsets
into the original file stay exact. A fenced block whose first line is not `key: value` is no
front matter (a Markdown rule opening a document); one that looks like front matter but is not
valid YAML is refused with `bad-front-matter`, so the file is not ingested with half its
metadata read as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from communique.errors import InputError
from communique.read.normalize import plain_inline

_BLOCK = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)
_KEY_LINE = re.compile(r"\s*[A-Za-z_][\w-]*\s*:")
_TITLE_KEYS = ("title", "headline", "name")
_DATE_KEYS = ("date", "published", "published_time", "publish_date", "pubdate", "created")
_URL_KEYS = ("source_url", "url", "canonical_url", "link", "permalink")
_PUBLISHER_KEYS = ("publisher", "site", "site_name", "source")


@dataclass(frozen=True, slots=True, kw_only=True)
class FrontMatter:
    """The metadata of a front matter block, and where the body after it starts."""

    end: int
    title: str | None = None
    date: object = None  # as YAML gave it: a date, a datetime or a string
    url: str | None = None
    publisher: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)


def read_front_matter(text: str, *, path: str) -> FrontMatter | None:
    """The front matter at the top of `text`, None if there is none, or InputError."""
    m = _BLOCK.match(text)
    if m is None or not _KEY_LINE.match(_first_line(m["yaml"])):
        return None
    import yaml

    try:
        data = yaml.safe_load(m["yaml"])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(
            path,
            "bad-front-matter",
            f"the front matter is not valid YAML{where}: {getattr(exc, 'problem', exc)}",
            hint="quote values that hold a colon, or remove the --- block",
        ) from exc
    if not isinstance(data, dict):
        return None
    return FrontMatter(
        end=m.end(),
        title=_text(_first(data, _TITLE_KEYS)),
        date=_first(data, _DATE_KEYS),
        url=_text(_first(data, _URL_KEYS)),
        publisher=_text(_first(data, _PUBLISHER_KEYS)),
        tags=_tags(data.get("tags") or data.get("categories")),
    )


def _first_line(block: str) -> str:
    return next((line for line in block.splitlines() if line.strip()), "")


def _first(data: dict[Any, Any], keys: tuple[str, ...]) -> object:
    for key in keys:
        value = data.get(key)
        if value not in (None, ""):
            return value
    return None


def _text(value: object) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    # Pandoc escapes survive in YAML strings ("President\\_Biden"): the title reads as written.
    return plain_inline(str(value)) or None


def _tags(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        items: list[object] = [part for part in re.split(r"[,;]", value)]
    elif isinstance(value, list):
        items = list(value)
    else:
        return ()
    return tuple(tag for tag in (_text(item) for item in items) if tag)
