"""Numbers that are no quantity, and bare numbers that count nothing worth a claim.

Dates, years, clock times, list markers, street addresses, reference numbers ("Resolution
2202", "Article 5"), page counters ("6 of 6") and phone numbers are never quantities; "the two
sides", "15 consecutive years" or "units 3 to 6" count nothing.
"""

from __future__ import annotations

import re

from communique.extract.hedges import hedge_before
from communique.extract.numbers import parse_number
from communique.extract.periods import MONTHS
from communique.extract.units import TIME_NOUNS

_PAGE_RE = re.compile(r"\b(?:[Pp]age\s+)?\d+\s+of\s+\d+\b(?!\s*(?:%|per|[a-z]))")


_PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?)?\d{2,4}(?:[\s.-]\d{2,4}){2,}")


_CLOCK_RE = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|o'clock|hours? (?:GMT|UTC)|GMT|UTC|CET|MSK)", re.I)


_YEAR_RE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")


_MONTH_RE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)


_STREET_RE = re.compile(
    r"\s+(?:[A-Z][\w'-]*\s+){1,3}(?:Road|Street|Avenue|Drive|Boulevard|Lane|Highway|Rd|St|Ave)\b"
)


_LABELLED = re.compile(r":[ \t]*$")  # "Kazakhstani students in China: over 3,500."


_LABELLED_END = re.compile(r"\s*(?:[.;]|\n|$)")


_DEFINITE = frozenset(
    [
        "the",
        "these",
        "those",
        "our",
        "their",
        "its",
        "both",
        "all",
        "his",
        "her",
        "my",
        "your",
        "two",
    ]
)


# Nouns a small word-number counts without making a claim ("the two sides", "two originals").
_DISCOURSE_NOUNS = frozenset(
    [
        "countries",
        "sides",
        "parties",
        "leaders",
        "presidents",
        "heads",
        "states",
        "nations",
        "peoples",
        "delegations",
        "originals",
        "copies",
        "languages",
        "questions",
        "words",
        "things",
        "ways",
        "points",
        "issues",
        "anniversaries",
        "occasions",
        "rounds",
        "stages",
        "phases",
        "days",
    ]
)


_REFERENCE_WORDS = frozenset(
    [
        "resolution",
        "article",
        "paragraph",
        "section",
        "chapter",
        "clause",
        "item",
        "point",
        "no",
        "number",
        "page",
        "annex",
        "decree",
        "order",
        "law",
        "summit",
        "forum",
        "unit",
        "block",
        "terminal",
        "phase",
        "stage",
        "session",
    ]
)


_PLURAL_AFTER = re.compile(r"\s+(?!levels\b|prices\b|figures\b|rates\b)[a-z]+s\b")
_COUNT_HEDGES = frozenset(
    [
        "some",
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "more than",
        "over",
        "at least",
        "fewer than",
        "less than",
        "up to",
        "an estimated",
    ]
)


def _hedged_count(text: str, s: int, after: str) -> bool:
    """A year-like number that an adverb hedges before a plural noun counts that noun: "some
    2000 recommendations"; "below 2005 levels" and "in 2020 elections" are years."""
    hedge = hedge_before(text, s)
    if hedge is None or not _PLURAL_AFTER.match(after):
        return False
    return " ".join(text[hedge[0] : s].lower().split()) in _COUNT_HEDGES


_OPENING = re.compile(r"(?:^|[.!?:;]\s+|\n)[\s\-*•#>|]*$")


def _opens_sentence(text: str, s: int, word: str) -> bool:
    """Whether `word`, just before text[s], opens a sentence, a line or a bullet."""
    at = text.rfind(word, max(0, s - len(word) - 4), s)
    return at >= 0 and _OPENING.search(text, max(0, at - 12), at) is not None


def skip_number(text: str, s: int, e: int, raw: str) -> bool:
    """True when the number at text[s:e] is a date, year, reference number or similar."""
    before = text[max(0, s - 12) : s]
    after = text[e : e + 16]
    if _CLOCK_RE.match(after):
        return True
    if _YEAR_RE.match(raw) and not _hedged_count(text, s, after):
        return True  # a year, but "some 2000 recommendations" counts them
    line_start = text.rfind("\n", 0, s) + 1
    if re.match(r"[.)]\s", text[e : e + 2]) and not text[line_start:s].strip(" \t-*•"):
        return True  # a list marker: "1. The two sides ...", "2) ..."
    if _MONTH_RE.search(before[-10:]) and before.rstrip().endswith(tuple(MONTHS_CAP)):
        return True  # "May 9", "November 27, 2024"
    if re.match(rf"\s*(?:(?:[-–]|to|and)\s*\d{{1,2}}\s*)?{_MONTH_RE.pattern}", after):
        return True  # "28 November", "19 to 21 November", "24–25 December"
    if _STREET_RE.match(text, e, e + 60):
        return True  # a street address: "460 Soutpansberg Road"
    prev = before.split()[-1:] if before.strip() else []
    if prev and prev[0].lower().strip(".") in _REFERENCE_WORDS:
        return True
    if prev and _opens_sentence(text, s, prev[0]):
        return False  # "- Hiring 1,500 air traffic controllers": a verb, not a name
    return bool(
        prev
        and prev[0][:1].isupper()
        and prev[0].isalpha()
        and prev[0][1:].islower()
        and not before.rstrip().endswith((".", ":"))
        and s - len(before) > 0
        and hedge_before(text, s) is None
        and prev[0] not in ("Some", "About", "Around")
    )


MONTHS_CAP = (*(m.capitalize() for m in MONTHS if len(m) > 3), "May")


_SUPERLATIVES = frozenset(
    ["largest", "biggest", "greatest", "smallest", "richest", "poorest", "fastest", "leading"]
)


_FOLLOW = re.compile(r"(?:\s+|-)([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?(?:\s+([A-Za-z][\w-]*))?")


_NOT_NOUNS = frozenset(
    [
        "to",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "per",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "than",
        "as",
    ]
)


_PARTITIVE = frozenset(["the", "them", "these", "those", "our", "their", "its", "all"])
_FOLD = frozenset(["fold", "times", "way", "point", "pronged", "sided"])
_ORDINALS = frozenset(["first", "second", "third", "fifth", "eighth", "ninth", "twelfth"])
_ORDINAL_STEMS = frozenset(["four", "six", "seven", "ten", "eleven", "hundred", "thousand"])


def _not_counting(text: str, end: int, word: bool) -> bool:
    """Cheap check, before any parse, that a bare number counts nothing: "units 3 to 6",
    "15 consecutive years", "two more months", "in two originals"."""
    m = _FOLLOW.match(text, end, end + 60)
    if m is None:
        return True
    words = [w.lower() for w in m.groups() if w]
    if text[end : end + 1] == "-" and (word or not text[end - 1].isdigit() or words[0] in _FOLD):
        return True  # "four-fold", "three-pronged", "1.5-fold": "38-nation" counts nations
    if words[0] in _ORDINALS or (words[0].endswith("th") and words[0][:-2] in _ORDINAL_STEMS):
        return True  # "seventy fifth anniversary": one ordinal in two words
    if words[0] == "of" and len(words) > 1 and words[1] in _PARTITIVE:
        return False  # "15 million of the 20 million doses", "14 of them": a part counted
    if words[0] in _NOT_NOUNS or words[0] in _SUPERLATIVES:
        return True  # "Africa's two largest economies" ranks them, it counts nothing
    nouns = TIME_NOUNS | _DISCOURSE_NOUNS if word else TIME_NOUNS
    return any(w in nouns for w in words[:2]) or (word and words[0] in _DISCOURSE_NOUNS)


# Legal citations: "84 Fed. Reg. 12345", "50 U.S.C. 1622(d)", "48 CFR 552.238", "Pub. L. 117-58",
# "Executive Order 14208", "Proclamation 9704", "H.R. 3684", "S. 160", "§ 301".
_CITATION_RE = re.compile(
    r"\b\d+\s+(?:U\.\s?S\.\s?C\.|C\.\s?F\.\s?R\.|CFR|Fed\.\s?Reg\.|Stat\.|U\.\s?S\.)"
    r"\s*(?:§+\s*)?\d[\w.()–-]*"
    r"|(?:\bPub(?:lic)?\.?\s?L(?:aw)?\.?|\bP\.\s?L\.)\s*(?:No\.\s*)?\d+[-–]\d+"
    r"|(?:\bExecutive\s+Orders?|\bE\.\s?O\.|\bProclamations?|\bH\.\s?R\.|\bH\.\s?Res\."
    r"|(?<![.\w])S\.(?:\s?Res\.)?|§+)\s*(?:No\.\s*)?\d[\w.()–-]*"
)
# Words that every legal citation holds, searched in the lower-cased sentence first.
_CITATION_GATE = re.compile(
    r"u\.\s?s\.\s?c|c\.\s?f\.\s?r|cfr|fed\.\s?reg|stat\.|pub|law|p\.\s?l\.|order|proclamation"
    r"|h\.\s?r|§"
)
_SENATE_BILL = re.compile(r"(?<![.\w])S\.\s?(?:Res\.\s?)?\d")
_JOB_NUMBER = re.compile(r"\d\d-\d{5}")
# A running header or footer of a UN record on its own line: "08-53122 16", "20/23 15-29595",
# "A/70/PV.28 03/10/2015", "26 General Assembly – Forty-eighth session".
_HEADER_LINE = re.compile(
    r"^[ \t]*(?=[^\n]*(?:\d{2}-\d{5}|\b[AS]/\d+/|General Assembly))"
    r"(?:(?:\d{2}-\d{5}|[AS]/\d+/[\w./]+|\d{1,2}/\d{1,2}/\d{4}|\d{1,3}(?:/\d{1,3})?"
    r"|General Assembly|[A-Z][a-z]+(?:-[a-z]+)? (?:session|plenary meeting)"
    r"|\d+(?:st|nd|rd|th) (?:plenary )?meeting|[–—-])[ \t]*){2,}$",
    re.M,
)
_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+")


def masked_spans(text: str, start: int, end: int, lower: str) -> list[tuple[int, int]]:
    """Page counters, phone numbers, URLs, legal citations and the running headers of UN
    records in the sentence (each gated by the characters it needs)."""
    spans = []
    if "http" in lower or "www." in lower:
        spans += [(m.start(), m.end()) for m in _URL_RE.finditer(text, start, end)]
    if _CITATION_GATE.search(lower) or ("s." in lower and _SENATE_BILL.search(text, start, end)):
        spans += [(m.start(), m.end()) for m in _CITATION_RE.finditer(text, start, end)]
    if "\n" in lower and (
        "assembly" in lower or "/" in lower or _JOB_NUMBER.search(text, start, end)
    ):
        spans += [(m.start(), m.end()) for m in _HEADER_LINE.finditer(text, start, end)]
    if " of " in lower:
        spans += [(m.start(), m.end()) for m in _PAGE_RE.finditer(text, start, end)]
    if "+" in lower or "(" in lower or "-" in lower:
        spans += [
            (m.start(), m.end())
            for m in _PHONE_RE.finditer(text, start, end)
            if sum(c.isdigit() for c in m.group()) >= 7
        ]
    return spans


def bare_count(text: str, s: int, e: int, raw: str, hedge_start: int) -> bool | None:
    """For a number with no unit: None if it counts nothing worth a claim, else whether it is
    the figure of a "Label: figure" line (True) or counts the noun after it (False)."""
    # Discourse nouns are counted in talk by small words ("the two sides"), not by "Fifty-nine".
    word = not raw[0].isdigit() and (parse_number(raw) or 0) < 20
    nxt = re.match(r"(?:\s+|-)([A-Za-z][\w-]*)", text[e : e + 40])  # "38-nation" too
    labelled = (
        nxt is None and _LABELLED.search(text, max(0, hedge_start - 3), hedge_start) is not None
    )
    if labelled and _LABELLED_END.match(text, e) is None:
        return None
    if not labelled and (nxt is None or _not_counting(text, e, word)):
        return None
    prev = text[max(0, s - 10) : s].split()
    if word and prev and prev[-1].lower() in _DEFINITE:
        return None  # "the two sides", "our three countries"
    return labelled
