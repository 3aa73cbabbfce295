"""Money and percent extraction scored against quantulum3's own test cases.

Reads the cases from the installed quantulum3 package at run time (its en_US tests:
quantities.json and quantities.ambiguity.json; nothing is copied into this repository), keeps
the expected quantities that are money or percentages, and runs our extractor on each
sentence at two levels:

- `mentions`: the regex pass (`split_sentences` → `find_mentions`), every money or percent
  amount it reads;
- `claims`: the whole extractor (`extract_claims`, with the spaCy parse), what a ledger keeps.

A found amount matches an expected one in the same sentence when the currency (ISO 4217, from
quantulum3's own unit table) or percent agrees and the value is within 0.5% (the shared
scorer's rule), one to one. For a range quantulum3 expects the midpoint ("from $350 per kg to
$680 per kg" → 515); ours is one amount with low and high ends, matched by its midpoint too.
Cents, pence and dimes count as fractions of the dollar and the pound.

    .venv/bin/python benchmarks/money_percent.py [-v]
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from importlib import resources
from typing import Any

from communique.extract.claims import extract_claims
from communique.extract.quantities import find_mentions
from communique.extract.sentences import split_sentences
from communique.extract.units import PERCENT
from communique.models import Description

_FRACTIONS = {"cent": ("USD", Decimal("0.01")), "penny": ("GBP", Decimal("0.01"))}
_FRACTIONS["dime"] = ("USD", Decimal("0.1"))
Amount = tuple[str, Decimal]


def _cases() -> list[dict[str, Any]]:
    folder = resources.files("quantulum3") / "_lang" / "en_US" / "tests"
    out: list[dict[str, Any]] = []
    for name in ("quantities.json", "quantities.ambiguity.json"):
        out += json.loads((folder / name).read_text("utf-8"))
    return out


def _expected(case: dict[str, Any], codes: dict[str, str]) -> list[Amount]:
    """Money and percent amounts of one quantulum3 case, as (ISO code or "percent", value)."""
    out = []
    for res in case["res"]:
        unit, value = res["unit"], Decimal(str(res["value"]))
        base = unit.split(" per ")[0]  # "dollar per hour" is money per hour
        if unit == "percentage":
            out.append((PERCENT, value))
        elif base in codes:
            out.append((codes[base], value))
        elif base in _FRACTIONS:
            code, factor = _FRACTIONS[base]
            out.append((code, value * factor))
    return out


def _currency_codes() -> dict[str, str]:
    """quantulum3's unit names of currencies → ISO 4217 codes, from its own unit table."""
    from quantulum3 import load  # the bench group only

    return {
        name: unit.currency_code
        for name, unit in load.units("en_US").names.items()
        if getattr(unit, "currency_code", None)
    }


def _is_money_or_percent(unit: str) -> bool:
    return unit == PERCENT or (len(unit) == 3 and unit.isupper())


def found_mentions(text: str) -> list[tuple[str, Decimal, Decimal]]:
    out = []
    for start, end in split_sentences(text):
        for m in find_mentions(text, start, end):
            if _is_money_or_percent(m.unit):
                high = m.high if m.high is not None else m.value
                out.append((m.unit, m.value, high))
    return out


def found_claims(text: str) -> list[tuple[str, Decimal, Decimal]]:
    return [
        (c.unit, c.value, c.value if c.qualifier.value != "at_least" else c.high or c.value)
        for c in extract_claims(text, [], description=Description())
        if _is_money_or_percent(c.unit)
    ]


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= abs(b) * Decimal("0.005")


def match(expected: list[Amount], found: list[tuple[str, Decimal, Decimal]]) -> int:
    left = list(found)
    hits = 0
    for unit, value in expected:
        for i, (f_unit, low, high) in enumerate(left):
            if f_unit == unit and (close(low, value) or close((low + high) / 2, value)):
                hits += 1
                del left[i]
                break
    return hits


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    codes = _currency_codes()
    cases = [(c["req"], _expected(c, codes)) for c in _cases()]
    for level, find in (("mentions", found_mentions), ("claims", found_claims)):
        expected = found = matched = 0
        for text, want in cases:
            got = find(text)
            hits = match(want, got)
            expected, found, matched = expected + len(want), found + len(got), matched + hits
            if verbose and (hits < len(want) or hits < len(got)):
                print(f"  {level}: {text!r}\n    want {want}\n    got  {got}")
        precision = matched / found if found else 1.0
        recall = matched / expected if expected else 1.0
        print(
            f"{level}: {len(cases)} cases, {expected} money/percent amounts expected, "
            f"{found} found, {matched} matched: precision {precision:.3f}, recall {recall:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
