"""word_alternation: the same matches as the plain alternation, longest first."""

from __future__ import annotations

import random
import re

import pytest

from communique.extract.alternation import word_alternation


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (
            ["Russia", "Russian", "Russian Federation"],
            "the Russian Federation",
            ["Russian Federation"],
        ),
        (["Russia", "Russian"], "Russians and Russia", ["Russia"]),
        (["US", "U.S.", "USA"], "the U.S. and the USA", ["U.S.", "USA"]),
        (["a+b", "a"], "a+b a", ["a+b", "a"]),
        ([], "anything", []),
    ],
)
def test_alternation_finds_the_longest_word(words: list[str], text: str, found: list[str]) -> None:
    pattern = re.compile(rf"(?<!\w){word_alternation(words)}(?!\w)")
    assert [m.group() for m in pattern.finditer(text)] == found


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("bounded", [True, False])
def test_alternation_matches_as_the_plain_alternation(seed: int, bounded: bool) -> None:
    rng = random.Random(seed)
    words = ["".join(rng.choice("abc.") for _ in range(rng.randint(1, 6))) for _ in range(150)]
    text = " ".join(
        "".join(rng.choice("abc. ") for _ in range(rng.randint(1, 9))) for _ in range(3000)
    )
    left, right = (r"(?<!\w)", r"(?!\w)") if bounded else ("", "")
    plain = re.compile(left + _plain(words) + right)
    trie = re.compile(left + word_alternation(words) + right)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
