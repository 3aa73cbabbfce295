"""Vague plurals: "thousands of lives", "millions of people", "tens of billions of dollars".

They are claims (someone said the number is at least that large), read as a lower bound: the
value is the least the words allow (1,000 for "thousands"), qualified `at_least` and flagged
vague, so that an analyst can keep them or filter them out.
"""

from __future__ import annotations

import re
from decimal import Decimal

from communique.extract.quantities import Mention
from communique.extract.units import COUNT, unit_after
from communique.models import Qualifier

_PLURALS = {
    "dozens": Decimal(24),  # at least two dozen
    "scores": Decimal(20),  # "scores of": at least one score
    "hundreds": Decimal(100),
    "thousands": Decimal(1000),
    "millions": Decimal(10) ** 6,
    "billions": Decimal(10) ** 9,
}
_SEVERAL = {"hundred": Decimal(100), "thousand": Decimal(1000), "million": Decimal(10) ** 6}
_SEVERAL["billion"] = Decimal(10) ** 9
_FACTORS = {"tens": Decimal(10), "hundreds": Decimal(100)}
_MONEY_AFTER = re.compile(r"\s+(?:more\s+)?in\b", re.I)
_MONEY_BEFORE = re.compile(
    r"\b(?:invest|spen[dt]|cost|pa(?:y|id)|earn|los[et]|sav(?:e|ed)|rais(?:e|ed))\w*\s+$", re.I
)
_CUES = ("dozens", "scores", "hundreds", "thousands", "millions", "billions", "several")

_VAGUE = re.compile(
    r"(?<![\w$€£¥₽-])(?:(?P<factor>tens|hundreds)\s+of\s+)?(?P<plural>dozens|scores|hundreds|"
    r"thousands|millions|billions)(?:\s+(?:and|upon)\s+(?P=plural))?(?:\s+of\s+"
    r"(?P<what>(?:(?:the|our|their|its|these|those|all|more|new|other)\s+)?[A-Za-z][\w'-]*))?"
    r"(?![\w-])"
    r"|(?<![\w-])several\s+(?P<several>hundred|thousand|million|billion)\b",
    re.I,
)


def find_vague(text: str, start: int, end: int) -> list[Mention]:
    """Vague plurals in text[start:end], as mentions flagged `vague`: a count of what follows
    "of", or money when what follows is a currency ("billions of dollars")."""
    lowered = text[start:end].lower()
    if not any(w in lowered for w in _CUES):
        return []
    out = []
    for m in _VAGUE.finditer(text, start, end):
        if m.group("several"):
            value = _SEVERAL[m.group("several").lower()]
            money = unit_after(text, m.end())
        else:
            what = m.group("what") or ""
            if what.lower() in _PLURALS:
                continue  # "hundreds of thousands" is read from its start
            if not what and (
                _MONEY_AFTER.match(text, m.end()) or _MONEY_BEFORE.search(text, 0, m.start())
            ):
                continue  # "billions in investments", "invested billions": money, of no currency
            value = _PLURALS[m.group("plural").lower()]
            if m.group("factor"):
                value *= _FACTORS[m.group("factor").lower()]
            noun = m.end("what") - len(what.split()[-1]) if what else m.end()
            money = unit_after(text, noun)
        unit = money[1].unit if money and money[1].unit.isupper() else COUNT
        out.append(
            Mention(
                m.start(),
                m.end(),
                m.start(),
                m.end("plural") if m.group("plural") else m.end(),
                value,
                unit,
                Qualifier.AT_LEAST,
                Decimal(0),
                vague=True,
            )
        )
    return out
