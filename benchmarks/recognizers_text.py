"""Money, percent and number words scored against other extractors' own test cases.

Microsoft Recognizers-Text: a subset of its English specs (CurrencyModel, PercentModel,
NumberModel; MIT licence) in `benchmarks/data/recognizers_text_en.json`; Facebook's Duckling:
its English money corpus (AmountOfMoney/EN/Corpus.hs; BSD licence) in
`benchmarks/data/duckling_money_en.json`. Each file says at its top how it was copied.
Suites:

- `currency`: every money amount found in each sentence (only money: the spec marks money
  alone), against the spec's, by ISO 4217 code (or any code where the spec names none) and
  value within 0.5%, one to one; at the level of `mentions` (the regex pass) and `claims`
  (the whole extractor, with the spaCy parse, as `money_percent.py` does);
- `percent`: the same for percentages, including two URLs in which no percent may be found;
- `number`: whether a number written as statements write it ("one hundred and sixty-one",
  "fifty - two", "half a dozen", "1,234,567") is read whole, to its value.

    .venv/bin/python benchmarks/recognizers_text.py [-v]
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

from money_percent import close, found_claims, found_mentions

from communique.extract.numbers import NUMBER, parse_number
from communique.extract.units import PERCENT

DATA = Path(__file__).parent / "data"
Found = tuple[str, Decimal, Decimal]
_NUMBER = re.compile(rf"\s*(?:{NUMBER})\s*", re.I)


def _kind(unit: str) -> str:
    return "percent" if unit == PERCENT else "currency"


def _match(expected: list[tuple[str, Decimal]], found: list[Found]) -> int:
    left = list(found)
    hits = 0
    for unit, value in expected:
        for i, (f_unit, low, _) in enumerate(left):
            if (unit == "*" or f_unit == unit) and close(low, value):
                hits += 1
                del left[i]
                break
    return hits


def _score(suite: str, cases: list[list[object]], verbose: bool) -> None:
    for level, find in (("mentions", found_mentions), ("claims", found_claims)):
        expected = found = matched = 0
        for text, want in cases:
            assert isinstance(text, str) and isinstance(want, list)
            wanted = [(str(u), Decimal(str(v))) for u, v in want]
            got = [f for f in find(text) if _kind(f[0]) == suite]
            hits = _match(wanted, got)
            expected, found, matched = expected + len(wanted), found + len(got), matched + hits
            if verbose and (hits < len(wanted) or hits < len(got)):
                print(f"  {suite} {level}: {text!r}\n    want {wanted}\n    got  {got}")
        precision = matched / found if found else 1.0
        recall = matched / expected if expected else 1.0
        print(
            f"{suite} {level}: {len(cases)} cases, {expected} expected, {found} found, "
            f"{matched} matched: precision {precision:.3f}, recall {recall:.3f}"
        )


def _numbers(cases: list[list[str]], verbose: bool) -> None:
    right = 0
    for text, value in cases:
        whole = _NUMBER.fullmatch(text)
        read = parse_number(text.strip()) if whole else None
        ok = read is not None and close(read, Decimal(value))
        right += ok
        if verbose and not ok:
            print(f"  number: {text!r} want {value} got {read}")
    print(f"number: {len(cases)} cases, {right} read whole and right: {right / len(cases):.3f}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    data = json.loads((DATA / "recognizers_text_en.json").read_text("utf-8"))
    print("Recognizers-Text")
    _score("currency", data["currency"], verbose)
    _score("percent", data["percent"], verbose)
    _numbers(data["number"], verbose)
    print("Duckling")
    duckling = json.loads((DATA / "duckling_money_en.json").read_text("utf-8"))
    _score("currency", duckling["currency"], verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
