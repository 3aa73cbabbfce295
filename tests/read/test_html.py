"""HTML: main text and metadata, broken markup, and sniffing."""

from __future__ import annotations

import pytest

from communique.errors import InputError
from communique.read.html import close_raw_text, extract_html, looks_like_html, plain_text

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
    ("head", "title"),
    [
        ("<title>Joint statement\n</head>", "Joint statement"),  # never closed
        ("<title>Joint statement</titel></head>", "Joint statement"),  # closed wrong
        ("<TITLE>Joint statement<meta charset='utf-8'></head>", "Joint statement"),
        ("<title>Joint statement</title><style>p { color: red }</head>", "Joint statement"),
        ("<title>Joint statement</title><script>var a = 1;</head>", "Joint statement"),
    ],
)
def test_html_unclosed_title_style_or_script_does_not_swallow_the_body(
    head: str, title: str
) -> None:
    page = extract_html(
        f"<html><head>{head}<body><h1>Talks</h1><p>{SPEECH}</p></body></html>", path="p.html"
    )
    assert SPEECH in page.text
    assert "<" not in page.text and "color" not in page.text and "var a" not in page.text
    assert page.title in (title, "Talks")  # trafilatura may prefer the <h1>; never the body


def test_html_closed_script_that_mentions_tags_is_left_alone() -> None:
    markup = "<head><script>document.write('<body>');</script></head><body><p>x</p></body>"
    assert close_raw_text(markup) == markup


@pytest.mark.parametrize(
    "markup",
    [
        # thousands deep: lxml gives up on the tree, trafilatura finds nothing
        "<html><body>" + "<div>" * 3000 + f"<p>{SPEECH}</p>" + "</div>" * 3000 + "</body></html>",
        # a comment never closed hides the rest from a browser, not from us
        f"<html><body><!-- draft <p>{SPEECH}</p></body></html>",
    ],
)
def test_html_that_trafilatura_cannot_extract_falls_back_to_plain_text(markup: str) -> None:
    assert "Trade between our countries grew by 10 percent" in extract_html(markup, path="p").text


def test_html_plain_text_keeps_blocks_as_lines_and_skips_code() -> None:
    markup = (
        "<html><head><title>T</title><style>p{}</style></head><body><p>One &amp; two</p>"
        "<script>var x;</script><ul><li>Three</li><li>Four</li></ul>Five<br>Six</body></html>"
    )
    assert plain_text(markup) == "One & two\nThree\nFour\nFive\nSix"


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


def test_html_character_references_to_control_characters_are_dropped() -> None:
    # trafilatura decodes "&#3;" in a fragment without tags to U+0003
    assert extract_html(f"&#3;{SPEECH}", path="p").text == SPEECH
