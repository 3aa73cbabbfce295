"""Normalisation: with/without snippets, and the offset map back to the original."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from communique.read.normalize import finish, normalize_text


def _normalise(original: str) -> tuple[str, tuple[int, ...]]:
    return finish(normalize_text(original))


@pytest.mark.parametrize(
    ("with_", "without"),
    [
        ("It reached \\$24 billion.", "It reached $24 billion."),
        (
            "**President of Russia Vladimir Putin:** Friends,",
            "President of Russia Vladimir Putin: Friends,",
        ),
        ("__Q:__ Why?", "Q: Why?"),
        ("*Moscow* is big", "Moscow is big"),
        ("# Press statements\n\nText", "Press statements\n\nText"),
        ("## Talks ##\nText", "Talks\nText"),
        ("One.\n\n---\n\nTwo.", "One.\n\nTwo."),
        ("One.\n\n* * *\n\nTwo.", "One.\n\nTwo."),
        (
            "Direct link: [en.kremlin.ru/d/75684](https://en.kremlin.ru/d/75684)",
            "Direct link: en.kremlin.ru/d/75684",
        ),
        ("the 20<sup>th</sup> forum", "the 20th forum"),
        ("<p>Text</p><br/>", "Text"),
        (
            "Trade &amp; investment &quot;grew&quot; &#8212; fast",
            'Trade & investment "grew" — fast',
        ),
        ("a\u00a0b\u2009c\u202fd", "a b c d"),
        ("zero\u200bwidth\u00adsoft", "zerowidthsoft"),
        ("line one\r\nline two\rline three", "line one\nline two\nline three"),
        ("para\n\n\n\n\npara", "para\n\npara"),
        ("  indented\ttext   \n", "indented text"),
        ("Cafe\u0301 Orba\u0301n", "Café Orbán"),
        ("> quoted line", "quoted line"),
        ("3 * 4 * 5 and snake_case_name", "3 * 4 * 5 and snake_case_name"),
        ("plain text stays", "plain text stays"),
    ],
)
def test_normalize_snippet(with_: str, without: str) -> None:
    text, offsets = _normalise(with_)
    assert text == without
    assert len(offsets) == len(text)


def test_normalize_offsets_point_at_original_characters() -> None:
    original = "**Vladimir Putin:** It reached \\$24 billion in 20<sup>th</sup> year."
    text, offsets = _normalise(original)
    for needle in ("Vladimir", "$24", "20th", "year."):
        start = text.index(needle)
        mapped = "".join(original[offsets[start + k]] for k in range(len(needle)))
        assert mapped == needle


_MARKUP = st.sampled_from(
    [
        "**",
        "*",
        "_",
        "__",
        "\\",
        "$",
        "#",
        "# ",
        "---",
        "[",
        "]",
        "(",
        ")",
        "<sup>",
        "</p>",
        "&amp;",
        "&nbsp;",
        "\u00a0",
        "\r\n",
        "\n",
        "\n\n\n",
        "e\u0301",
        " ",
        "\t",
        ":",
        ">",
    ]
)
_WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)


@given(st.lists(st.one_of(_MARKUP, _WORDS), max_size=40).map("".join))
def test_normalize_offset_map_is_monotone_and_aligned(original: str) -> None:
    text, offsets = _normalise(original)
    assert len(offsets) == len(text)
    assert all(0 <= i < len(original) for i in offsets)
    assert all(a <= b for a, b in itertools.pairwise(offsets))


_PLAIN = st.text(alphabet=st.sampled_from("abcXYZ019 .,;?!-\n'\""), max_size=200)


@given(_PLAIN)
def test_normalize_unchanged_characters_map_to_themselves(original: str) -> None:
    # a line of three or more dashes is a Markdown rule, which normalising drops on purpose
    assume(not re.search(r"(?m)^[ \t]*(?:-[ \t]*){3,}$", original))
    text, offsets = _normalise(original)
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert original[offsets[i]] == ch
    assert "".join(text.split()) == "".join(original.split())
