"""Shares and ranks written without a number and a unit: "nearly half of", "one-third of
all", "every third enterprise", "one in five", "top five investors". Each is a recogniser of
the cascade in `quantities`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from communique.extract.hedges import hedge_after, hedge_before
from communique.extract.mentions import Mention, Scan, with_hedge
from communique.extract.numbers import WORD_NUMBER, parse_number
from communique.extract.units import PERCENT, RANK, TIME_NOUNS, unit_after
from communique.models import Qualifier

_DENS = r"halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
# "one-third of", "two thirds." and "three fourths the", "1/4 of"; "a third" and a bare "half"
# only before what they divide ("a third country" is none), "half" not in "first half", "one and
# a half".
_AFTER_FRACTION = (
    r"(?=\s+(?:of|the|all|its|their|our|since|by|in|and|or|from|to|over)\b|\s*[.,;)]|\s*$)"
)
_FRACTION_RE = re.compile(
    rf"(?<![\w-])(?:(?P<num>one|two|three|four|five|six|seven|eight|nine)"
    rf"(?:-(?P<hden>{_DENS})|\s+(?P<den>{_DENS}){_AFTER_FRACTION})"
    rf"|(?P<a>a)\s+(?P<aden>thirds?|quarters?|fifths?|tenths?)"
    r"(?=\s+(?:of|the|all|its|their|our)\b)"
    r"|(?P<dnum>[1-9])/(?P<dden>[2-9]|10)(?=\s+of\b)"
    r"|(?P<half>half)(?P<of>\s+(?:of|the|all|its|their|our)\b)?)",
    re.I,
)


_EVERY_RE = re.compile(r"\b[Ee]very\s+(second|third|fourth|fifth|tenth)\s+[a-z]+")


# "one in five children", "Six in 10 Americans", "1 out of 3 eligible seniors", "one in two".
_ONE_IN_RE = re.compile(
    rf"\b(?P<num>{WORD_NUMBER}|\d+)\s+(?:in|out\s+of)\s+(?P<den>{WORD_NUMBER}|\d+)\b"
    r"(?P<noun>\s+[a-z]+)?",
    re.I,
)


_RANK_RE = re.compile(
    rf"\btop[-\s](?P<num>{WORD_NUMBER}|\d+)(?:\s+(?!in\b|of\b|for\b|to\b|among\b)[a-z]+){{1,2}}",
    re.I,
)


# Words after "six in 10" that are no noun it counts ("four in ten are", "9 out of 10 of").
_NOT_NOUNS = frozenset(
    [
        "are",
        "is",
        "was",
        "were",
        "be",
        "of",
        "have",
        "has",
        "had",
        "say",
        "said",
        "will",
        "would",
        "can",
        "could",
        "do",
        "did",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "who",
        "that",
        "which",
        "than",
    ]
)
_DENOMINATORS = {
    "half": 2,
    "halve": 2,
    "second": 2,
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}


def ranks(scan: Scan) -> Iterator[Mention]:
    """ "top five investors": a rank, at most five."""
    if "top" not in scan.lower:
        return
    for m in _RANK_RE.finditer(scan.text, scan.start, scan.end):
        value = parse_number(m.group("num"))
        if value is not None and scan.free(m.start(), m.end()):
            yield Mention(
                m.start(),
                m.end(),
                m.start("num"),
                m.end("num"),
                value,
                RANK,
                Qualifier.AT_MOST,
                Decimal(0),
            )


def every_nth(scan: Scan) -> Iterator[Mention]:
    """ "every third enterprise": a share, about a third; "every second year" is a frequency."""
    if "every" not in scan.lower:
        return
    for m in _EVERY_RE.finditer(scan.text, scan.start, scan.end):
        if m.group().split()[-1] in TIME_NOUNS or not scan.free(m.start(), m.end()):
            continue
        den = _DENOMINATORS[m.group(1).lower()]
        yield Mention(
            m.start(),
            m.end(),
            m.start(1),
            m.end(1),
            Decimal(100) / den,
            PERCENT,
            Qualifier.ABOUT,
            Decimal(0),
        )


def one_in(scan: Scan) -> Iterator[Mention]:
    """ "one in five children", "six in 10 Americans": a share of 20 or 60 percent. "five in
    10 minutes" is a time, and "one in 2020" a date."""
    if not scan.joins(" in ", " out of "):
        return
    for m in _ONE_IN_RE.finditer(scan.text, scan.start, scan.end):
        num, den_value = parse_number(m.group("num")), parse_number(m.group("den"))
        noun = (m.group("noun") or "").strip().lower()
        if not num or not den_value or not num < den_value <= 1000 or noun in TIME_NOUNS:
            continue
        end = m.end() if noun and noun not in _NOT_NOUNS else m.end("den")
        if scan.free(m.start(), m.end()):
            q_start, qualifier = with_hedge(scan.text, m.start())
            yield Mention(
                q_start,
                end,
                m.start(),
                m.end("den"),
                Decimal(100) * num / den_value,
                PERCENT,
                qualifier,
                Decimal(0),
            )


# "cut child poverty in half", "reduced by half", "halved": a fall of 50 percent, read as
# precise to the nearest 5 percent (a half step of 2.5): a fall of 40 or 45 percent is said as
# such, one of 46-49 percent is "nearly half". So "in half" and "by 40 percent" of one year
# contradict each other, as the judged real findings have it, where "40 percent" alone (a
# trailing zero, rounded to the ten) would allow 35-45.
HALVING_RE = re.compile(r"(?<![\w-])(?:(?:in|by)\s+half|halv(?:ed|es|ing|e))\b", re.I)
_FALL_BEFORE = re.compile(
    r"\b(?:cut|cuts|cutting|reduc\w*|slash\w*|lower\w*|drop\w*|fell|fall\w*|decreas\w*"
    r"|declin\w*|shr[iu]nk\w*)\b[^.;:]{0,80}$",
    re.I,
)
HALF_STEP_OF_HALVING = Decimal("2.5")
_COUNTED = re.compile(rf"\b(?:{WORD_NUMBER}|\d+|the|both)\s+$", re.I)


def halvings(scan: Scan) -> Iterator[Mention]:
    """ "halved", "cut in half", "reduced by half": a fall of 50 percent; "divided in half" and
    "the second half" are none."""
    if "halv" not in scan.lower and " half" not in scan.lower:
        return
    for m in HALVING_RE.finditer(scan.text, scan.start, scan.end):
        verb = m.group().lower().startswith("halv")
        if not scan.free(m.start(), m.end()):
            continue
        if m.group().lower() == "halves" and _COUNTED.search(
            scan.text, max(scan.start, m.start() - 12), m.start()
        ):
            continue  # "three halves", "the two halves": a noun counted, no halving
        if not verb and not _FALL_BEFORE.search(
            scan.text, max(scan.start, m.start() - 100), m.start()
        ):
            continue
        q_start, qualifier = with_hedge(scan.text, m.start())
        yield Mention(
            q_start,
            m.end(),
            m.start(),
            m.end(),
            Decimal(50),
            PERCENT,
            qualifier,
            HALF_STEP_OF_HALVING,
        )


# Multiples: "doubled", "a doubling", "nearly tripled", "more than 1.5-fold", "grown 4.5 times
# over" are growth in percent (doubling is growth of 100 percent, as ANNOTATION.md reads it);
# "five times higher", "three or four times lower", "four times faster" compare without a verb
# of growth, a ratio in "times" (as the shared gold writes them).
_MULTIPLE_VERBS = {"doubl": 2, "tripl": 3, "quadrupl": 4}
MULTIPLE_RE = re.compile(
    r"(?<![\w-])(?:(?P<verb>doubl|tripl|quadrupl)(?:ed|es|ing|e)\b(?!-)(?P<down>\s+down\b)?"
    rf"|(?P<n>\d+(?:\.\d+)?|{WORD_NUMBER}|a\s+hundred)(?:-|\s+)fold\b"
    rf"|(?P<tn>\d+(?:\.\d+)?|{WORD_NUMBER}|a\s+hundred)"
    rf"(?:\s+(?:or|to)\s+(?P<tn2>\d+(?:\.\d+)?|{WORD_NUMBER}))?,?\s+times\b"
    r"(?P<more>\s+(?:over|more|higher|greater|larger|bigger|as\s+much|as\s+many)\b)?"
    r"(?P<less>\s+(?:lower|less|fewer|faster|slower|cheaper|smaller|likelier|more\s+likely)\b)?)",
    re.I,
)
# Before "N times": a verb of growth makes it growth even with no comparative after it
# ("increased 13 times over", "gone up a hundred times").
_GROWTH_BEFORE = re.compile(
    r"\b(?:increas\w*|grow\w*|grew|grown|ris\w*|rose|gone\s+up|went\s+up|up|expand\w*|"
    r"multipl\w*|jump\w*|surg\w*|climb\w*)\s+(?:by\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
# "five times higher than it was", "15 times more than before": compared with its own past,
# a multiple is growth.
_THAN_BEFORE = re.compile(
    r"\s+than\s+(?:(?:it|they|this|that)\s+(?:was|were|used\s+to|had\s+been)\b|before\b|"
    r"previously\b|earlier\b|ever\b|in\s+(?:19|20)\d\d\b|(?:a|one|\w+)\s+(?:years?|decades?)\s+ago\b)",
    re.I,
)
# After "double": what shows it is the growth, not the adjective ("double standards"); "double
# that amount" is an amount we do not compute.
_DOUBLE_AFTER = re.compile(
    r"\s*(?:[.,;:!?)—–]|$|the\b|that\b(?!\s+(?:amount|sum|figure))|its\b|their\b|our\b|in\b|by\b)"
)
# Before "double": a verb's auxiliary makes it growth ("will almost double the number"); with
# none it compares ("costs roughly double those of others"), a ratio.
_VERB_BEFORE = re.compile(
    r"\b(?:will|would|could|can|should|must|to|may|might|shall|'ll)\s+(?:\w+\s+){0,2}$", re.I
)


def multiples(scan: Scan) -> Iterator[Mention]:
    """Growth said as a multiple, and ratios said in times (`MULTIPLE_RE`)."""
    if not any(w in scan.lower for w in ("doubl", "tripl", "quadrupl", "fold", "times")):
        return
    text = scan.text
    for m in MULTIPLE_RE.finditer(text, scan.start, scan.end):
        if not scan.free(m.start(), m.end()) or m.group("down"):
            continue  # "doubled down on": no growth
        unit, high = PERCENT, None
        if m.group("verb"):
            word = m.group().lower()
            if word in ("double", "triple", "quadruple"):
                if not _DOUBLE_AFTER.match(text, m.end()):
                    continue  # "double standards", "a triple crisis"
                if not _VERB_BEFORE.search(text, max(scan.start, m.start() - 40), m.start()):
                    unit = "times"  # "roughly double the transport costs of others"
            factor = Decimal(_MULTIPLE_VERBS[m.group("verb").lower()])
        elif m.group("n"):
            factor = parse_number(m.group("n")) or Decimal(0)
        else:
            factor = parse_number(m.group("tn").replace("a hundred", "one hundred")) or Decimal(0)
            high = parse_number(m.group("tn2")) if m.group("tn2") else None
            grown = _GROWTH_BEFORE.search(
                text, max(scan.start, m.start() - 40), m.start()
            ) or _THAN_BEFORE.match(text, m.end())
            if not grown and not m.group("more") and not m.group("less") and high is None:
                continue  # "three times a week", "many times": no multiple of anything
            if not grown or m.group("less"):
                # "five times higher", "nine or ten times lower", "growing five times faster
                # than lending to companies": a ratio
                unit = "times"
        if factor <= 1:
            continue
        value = factor if unit != PERCENT else (factor - 1) * 100
        q_start, qualifier = with_hedge(text, m.start())
        end = m.end()
        if high is not None and high > factor:
            high, qualifier = (high if unit != PERCENT else (high - 1) * 100), Qualifier.AT_LEAST
        else:
            high = None
        if qualifier is Qualifier.EXACT and (tail := hedge_after(text, end)) is not None:
            end, qualifier = tail  # "1.5 times and more"
        yield Mention(
            q_start, end, m.start(), m.end(), value, unit, qualifier, Decimal(0), high=high
        )


_FRACTION_WORDS = (
    "half",
    "third",
    "quarter",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "/",
)


def fractions(scan: Scan) -> Iterator[Mention]:
    """ "nearly half of", "one-third of all": a share, about that much unless hedged."""
    if not any(f in scan.lower for f in _FRACTION_WORDS):
        return
    text = scan.text
    for m in _FRACTION_RE.finditer(text, scan.start, scan.end):
        start = m.start()
        if not scan.free(start, m.end("half") if m.group("half") else m.end()):
            continue
        if m.group("half"):
            num, den = 1, 2
            lead = text[max(0, m.start() - 12) : m.start()].lower()
            if re.search(r"(first|second|1st|2nd|latter|and a|and)\s+$", lead):
                continue  # "the first half of 2024", "the 2nd half", "one and a half"
            if m.group("of") is None and hedge_before(text, m.start()) is None:
                continue  # a bare "half" is a share only when hedged: "more than half"
            one = re.search(r"\b(?:one|a)\s+$", lead)
            if one is not None:
                start = m.start() - len(lead) + one.start()  # "one half of"
        elif m.group("dnum"):
            num, den = int(m.group("dnum")), int(m.group("dden"))
        else:
            word = (m.group("num") or "one").lower()
            num = int(parse_number(word) or 1)
            written = m.group("den") or m.group("hden") or m.group("aden")
            den = _DENOMINATORS[written.lower().rstrip("s")]
        if not num < den or (m.group("hden") and unit_after(text, m.end()) is not None):
            continue  # "one-half miles east" measures miles
        q_start, qualifier = with_hedge(text, start)
        stop = m.end("half") if m.group("half") else m.end()
        yield Mention(
            q_start,
            stop,
            start,
            stop,
            Decimal(100) * num / den,
            PERCENT,
            qualifier if qualifier is not Qualifier.EXACT else Qualifier.ABOUT,
            Decimal(0),
        )
