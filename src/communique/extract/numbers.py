"""Numbers as statements write them: "22.2", "7,500", "six", "twenty-five", "1.2 million",
"two hundred and fifty", "two and a half million", "half a million", "a dozen".

`NUMBER` is a regex fragment for one number with an optional scale word; `parse_number` turns
its text into a Decimal, and `precision` tells how finely it was written (for intervals).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
WORD_VALUES: dict[str, int] = {**_UNITS, **_TENS, "a hundred": 100, "one hundred": 100}

SCALES: dict[str, Decimal] = {
    "dozen": Decimal(12),
    "dozens": Decimal(12),
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
}
SHORT_SCALES: dict[str, Decimal] = {
    "k": Decimal(10) ** 3,
    "K": Decimal(10) ** 3,
    "m": Decimal(10) ** 6,
    "M": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
    "B": Decimal(10) ** 9,
    "T": Decimal(10) ** 12,
}
"""Scale letters glued to an amount of money: "€10M", "$2.174T", "$40k"."""

_TENS_ALT = "|".join(_TENS)
_UNITS_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
# Between tens and units: "fifty-two", "fifty two", a tokeniser's "fifty - two".
_GAP = r"(?:[ \t]*-[ \t]*|\s+)"
_SMALL = rf"(?:(?:{_TENS_ALT})(?:{_GAP}(?:{_UNITS_ALT})\b)?|{_UNITS_ALT})"
_HUNDREDS = rf"\s+hundred(?:\s+(?:and\s+)?{_SMALL})?"
WORD_NUMBER = rf"(?:{_SMALL}(?:{_HUNDREDS})?|(?:a|one){_HUNDREDS})"
"""A number written in words, up to nine hundred and ninety-nine ("twenty-five", "Fifty-nine",
"a hundred", "two hundred and fifty")."""

DIGITS = r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
"""Digits with optional thousands commas and decimals: "7,500", "22.2", "2500", and the
Indian lakh grouping "1,32,000"."""

SCALE = r"(?:thousand|million|billion|trillion|mln|mn|bln|bn|trn|tn|lakhs?|crores?|dozens?|hundred)"

_PARTS = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "fourth": Decimal("0.25")}
_HALF = r"(?:\s+and\s+an?\s+(?:half|quarter|fourth))"
_WORD_SCALES = ("trillion", "billion", "million", "thousand")


def _chain() -> str:
    """Word numbers with a second, smaller part after a scale word: "one million two hundred
    thousand", "twenty-one trillion three hundred", "two thousand and five". The part after is
    never followed by a scale as large (so "one million and two million" stays two numbers)."""
    alternatives = []
    for i, scale in enumerate(_WORD_SCALES):
        smaller = "|".join(_WORD_SCALES[i + 1 :])
        larger = "|".join(("hundred", *_WORD_SCALES[: i + 1]))
        unscaled = rf"(?!\s+(?:{larger}|{smaller})\b)" if smaller else rf"(?!\s+(?:{larger})\b)"
        rest = rf"\s+(?:{smaller})\b|{unscaled}" if smaller else unscaled
        alternatives.append(rf"{scale}\s+(?:and\s+)?{WORD_NUMBER}\b(?:{rest})")
    return rf"{WORD_NUMBER}\s+(?:{'|'.join(alternatives)})"


WORD_CHAIN = _chain()
NUMBER = (
    rf"(?:{WORD_CHAIN}|(?:{DIGITS}|{WORD_NUMBER}){_HALF}?(?:\s*{SCALE}\b)?"
    rf"|(?:half\s+)?an?\s+{SCALE}\b)"
)
"""One number with its optional scale word: "1.2 million", "six million", "17 billion",
"two and a half million", "one and a half", "five and a quarter", "a million", "half a
million", "a dozen", "3 dozens", and a word number in two parts ("one million two hundred
thousand")."""

_SPLIT = re.compile(
    rf"^(?:(?P<num>{DIGITS}|{WORD_NUMBER})(?P<half>{_HALF})?|(?P<article>(?:half\s+)?an?))"
    rf"\s*(?P<scale>{SCALE})?$",
    re.I,
)
_CHAINED = re.compile(
    rf"^(?P<a>{WORD_NUMBER})\s+(?P<sa>{'|'.join(_WORD_SCALES)})\s+(?:and\s+)?"
    rf"(?P<b>{WORD_NUMBER})(?:\s+(?P<sb>{'|'.join(_WORD_SCALES)}))?$",
    re.I,
)


def _word_value(word: str) -> int | None:
    words = word.lower().replace("-", " ").split()
    words = [w for i, w in enumerate(words) if w != "and" or 0 < i < len(words) - 1]
    if words and words[0] in ("a", "one") and len(words) > 1:
        words[0] = "one"
    if "hundred" in words:
        i = words.index("hundred")
        head, tail = words[:i], [w for w in words[i + 1 :] if w != "and"]
        lead = _small_value(head)
        rest = _small_value(tail) if tail else 0
        return None if lead is None or rest is None else lead * 100 + rest
    return _small_value(words)


def _small_value(words: list[str]) -> int | None:
    if len(words) == 1 and words[0] in WORD_VALUES:
        return WORD_VALUES[words[0]]
    if len(words) == 2 and words[0] in _TENS and words[1] in _UNITS:
        return _TENS[words[0]] + _UNITS[words[1]]
    return None


def parse_number(text: str) -> Decimal | None:
    """The value of one number as written, scale applied; None if it is not a number."""
    chained = _CHAINED.match(text.strip()) if " " in text.strip() else None
    if chained is not None:
        return _chained_value(chained)
    m = _SPLIT.match(text.strip())
    if m is None:
        return None
    raw, scale = m.group("num"), m.group("scale")
    if m.group("article"):
        if not scale:
            return None
        value = Decimal("0.5") if m.group("article").lower().startswith("half") else Decimal(1)
    elif raw[0].isdigit():
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            return None  # "000", "007": no amount is written so
        try:
            value = Decimal(raw.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the regex admits only digits
            return None
    else:
        word = _word_value(raw)
        if word is None:
            return None
        value = Decimal(word)
    if m.group("half"):
        value += _PARTS[m.group("half").split()[-1].lower()]
    if scale:
        value *= SCALES[scale.lower()]
    return value


def _chained_value(m: re.Match[str]) -> Decimal | None:
    """ "one million two hundred thousand": each part times its scale."""
    a, b = _word_value(m.group("a")), _word_value(m.group("b"))
    if a is None or b is None:
        return None
    low = SCALES[m.group("sb").lower()] if m.group("sb") else Decimal(1)
    return a * SCALES[m.group("sa").lower()] + b * low


def precision(text: str) -> Decimal:
    """Half the step of the last digit written, in base units: "17 billion" → 0.5e9.

    Trailing zeros of whole numbers count as rounding ("24,000" → 500), but not before a scale
    word ("20 billion" → 0.5 billion); words are exact.
    """
    m = _SPLIT.match(text.strip())
    if m is None:
        return Decimal(0)  # a number in two parts is written in words: exact
    raw, scale = m.group("num"), m.group("scale")
    factor = SCALES[scale.lower()] if scale else Decimal(1)
    if raw is None or m.group("half"):
        return factor / 4 if scale else Decimal(0)  # "half a million", "two and a half million"
    if not raw[0].isdigit():
        return Decimal(0) if not scale else factor / 2
    digits = raw.replace(",", "")
    if "." in digits:
        step = Decimal(1).scaleb(-len(digits.split(".")[1]))
    elif scale:
        step = Decimal(1)  # before a scale word every digit counts: "$20 billion" → 1 billion
    else:
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros == 0:
            return Decimal(0)  # "93 projects" is a count written exactly
        step = Decimal(10) ** min(zeros, len(digits) - 1)
    return step * factor / 2
