"""YAML front matter: metadata read, body offsets exact, broken YAML a clear error."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.models import DatePrecision, RawDocument
from communique.read import read_documents
from communique.read.frontmatter import read_front_matter
from communique.read.sources import document_from_bytes

FRONT = r"""---
date: '2024-05-01'
source_url: https://example.gov/briefing-room/2024/05/01/remarks/
tags: speeches-remarks
title: "Remarks by President\_Smith at a Reception"
---

The Grand Hotel
Springfield, Illinois

THE PRESIDENT:  Trade grew by \$2 billion last year.
"""


def test_frontmatter_gives_title_date_url_and_tags() -> None:
    raw = document_from_bytes(FRONT.encode(), source="remarks.md", fmt="markdown")
    assert raw.title == "Remarks by President Smith at a Reception"
    assert (raw.date, raw.date_precision) == (date(2024, 5, 1), DatePrecision.DAY)
    assert raw.url == "https://example.gov/briefing-room/2024/05/01/remarks/"
    assert raw.tags == ("speeches-remarks",)
    assert "title:" not in raw.text and "source_url" not in raw.text
    assert raw.text.startswith("The Grand Hotel")


def test_frontmatter_body_offsets_point_into_the_original_file() -> None:
    raw = document_from_bytes(FRONT.encode(), source="remarks.md", fmt="markdown")
    for word in ("Springfield", "Trade", "$2 billion"):
        at = raw.text.index(word)
        start = raw.offset_map[at]
        assert raw.original[start : start + len(word)] == word


@pytest.mark.parametrize(
    ("block", "fields"),
    [
        ("date: 2021-11-04\ntitle: Talks\n", ("Talks", date(2021, 11, 4))),  # YAML's own date
        ("published_time: 2022-06-07 21:14:17-04:00\nheadline: A\n", ("A", date(2022, 6, 7))),
        ("title: 'Year only'\ndate: '1995'\n", ("Year only", date(1995, 1, 1))),
        ("tags: [a, b]\n", (None, None)),
    ],
)
def test_frontmatter_fields(block: str, fields: tuple[str | None, date | None]) -> None:
    raw = document_from_bytes(
        f"---\n{block}---\nBody text here.\n".encode(), source="a.md", fmt="markdown"
    )
    assert (raw.title, raw.date) == fields
    assert raw.text == "Body text here."


def test_frontmatter_year_keeps_year_precision() -> None:
    raw = document_from_bytes(b"---\ndate: 1995\n---\nBody.\n", source="a.md", fmt="markdown")
    assert (raw.date, raw.date_precision) == (date(1995, 1, 1), DatePrecision.YEAR)


@pytest.mark.parametrize(
    "text",
    [
        "---\nJust a rule above prose.\n---\nMore prose.\n",  # a Markdown rule, not metadata
        "No front matter.\n---\ntitle: x\n---\n",  # not at the top
    ],
)
def test_frontmatter_only_at_the_top_and_only_as_keys(text: str) -> None:
    assert read_front_matter(text, path="a.md") is None


def test_frontmatter_invalid_yaml_is_a_clear_error_and_the_run_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text('---\ntitle: "unclosed\ndate: [2024\n---\nBody.\n', encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(FRONT, encoding="utf-8")
    results = list(read_documents([str(bad), str(good)]))
    errors = [r for r in results if isinstance(r, InputError)]
    assert [(e.path, e.reason) for e in errors] == [(str(bad), "bad-front-matter")]
    assert "line" in errors[0].message and errors[0].hint
    assert [r.source for r in results if isinstance(r, RawDocument)] == [str(good)]
