"""HTML: main text and metadata, broken markup, and sniffing."""

from __future__ import annotations

import pytest

from communique.errors import InputError
from communique.read.html import extract_html, looks_like_html

SPEECH = "Vladimir Putin: Trade between our countries grew by 10 percent last year, a record."


@pytest.mark.parametrize(
    "markup",
    [
        f"<html><body><article><h1>Talks</h1><p>{SPEECH}</p></article></body></html>",
        f"<html><body><div><p>{SPEECH}<p>Unclosed <b>bold <i>and italic",
        f"<p>{SPEECH}</div></span></p></p>",
    ],
)
def test_html_extracts_text_even_from_broken_markup(markup: str) -> None:
    assert "Trade between our countries" in extract_html(markup, path="p.html").text


@pytest.mark.parametrize(
    "markup", ["<html><body><script>var a = 1;</script></body></html>", "<html></html>", "<<<>>>"]
)
def test_html_without_text_is_bad_html(markup: str) -> None:
    with pytest.raises(InputError) as caught:
        extract_html(markup, path="p.html")
    assert (caught.value.path, caught.value.reason) == ("p.html", "bad-html")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("  <html lang='en'>", True),
        ("Intro\n<p>Paragraph</p>", True),
        ("Vladimir Putin: 3 < 4 and 5 > 2", False),
        ("Plain text", False),
    ],
)
def test_html_sniffing(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected
