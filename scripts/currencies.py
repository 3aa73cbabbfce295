"""Derive src/communique/data/currencies.cldr.toml from the Unicode CLDR, through babel.

    python scripts/currencies.py          # rewrite the file
    python scripts/currencies.py --check  # exit 1 if the file is not what babel gives

The world's currencies as CLDR knows them: every currency's English names (singular and
plural), the symbols it is written with in English and in the official languages of the
territories that use it, the one-word name shared by its family ("rupees", "pesos") when no
other current currency shares it, and which currency each territory uses today. Statement
habits that CLDR lacks ("US$", "Rs", "crore rupees", which of several "rupees" a bare word
means) stay hand-written in data/currencies.toml; extract/currencies.py merges the two.

babel is pinned in pyproject.toml (test group): the output depends on its CLDR release.
"""

from __future__ import annotations

import sys
import unicodedata
from datetime import date
from pathlib import Path

import babel
import babel.numbers
from babel import Locale
from babel.core import UnknownLocaleError, get_global

OUT = (
    Path(__file__).resolve().parent.parent / "src" / "communique" / "data" / "currencies.cldr.toml"
)
# Currencies in use on this day; a fixed day keeps the output the same from run to run.
TODAY = date(2026, 1, 1)
_OFFICIAL = ("official", "de_facto_official")
_MARKS = str.maketrans("", "", "\u200e\u200f\u200b\u202f")  # direction and spacing marks


def _current() -> dict[str, list[str]]:
    """Currency code → territories that use it as tender on TODAY."""
    out: dict[str, list[str]] = {}
    for territory in sorted(get_global("territory_languages")):
        for code in babel.numbers.get_territory_currencies(territory, TODAY, tender=True):
            out.setdefault(code, []).append(territory)
    return out


def _local_symbols(code: str, territories: list[str]) -> set[str]:
    """How the territories that use `code` write its symbol in their official languages."""
    languages = get_global("territory_languages")
    out = set()
    for territory in territories:
        for language, info in languages[territory].items():
            if info.get("official_status") not in _OFFICIAL:
                continue
            try:
                locale = Locale.parse(f"{language}_{territory}")
            except (UnknownLocaleError, ValueError):
                continue
            symbol = (locale.currency_symbols.get(code) or "").translate(_MARKS).strip()
            if symbol and symbol != code:
                out.add(symbol)
    return out


def _is_symbol(text: str) -> bool:
    """A symbol worth reading beside a number: one with a currency sign ("₹", "R$", "₾"), or
    of two or more characters with a small letter ("Kč", "zł", "Rp", "TSh", "лв."). Capitals
    alone ("RF", "KM", "DA") are more often an abbreviation or a unit than money."""
    if any(unicodedata.category(ch) == "Sc" for ch in text):
        return True
    return len(text) >= 2 and any(ch.islower() for ch in text)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build() -> str:
    en = Locale("en")
    current = _current()
    names: dict[str, str] = {}
    for code in sorted(en.currencies):
        if code.startswith("X") and code not in current:
            continue  # gold, silver, special drawing rights, test codes: no money of a country
        for count in (1, 2):
            name = babel.numbers.get_currency_name(code, count=count, locale="en").lower()
            if name != code.lower():
                names.setdefault(name, code)
    families: dict[str, set[str]] = {}
    for code in current:
        for count in (1, 2):
            word = babel.numbers.get_currency_name(code, count=count, locale="en").split()[-1]
            families.setdefault(word.lower(), set()).add(code)
    symbols: dict[str, set[str]] = {}
    for code, territories in sorted(current.items()):
        english = (en.currency_symbols.get(code) or "").translate(_MARKS).strip()
        for symbol in {english, *_local_symbols(code, territories)} - {"", code}:
            symbols.setdefault(symbol, set()).add(code)
    dollar_sign = sorted(c for c, t in current.items() if "$" in _local_symbols(c, t))
    territories = {t: c for c, ts in current.items() for t in ts}
    lines = [
        "# Derived from the Unicode CLDR by scripts/currencies.py: do not edit (statement habits",
        "# go in currencies.toml). babel " + babel.__version__ + f", currencies in use on {TODAY}.",
        "",
        "codes = [" + ", ".join(_quote(c) for c in sorted(current)) + "]",
        '# Currencies written "$" at home (AUD, CAD, MXN ...).',
        "dollar_sign = [" + ", ".join(_quote(c) for c in dollar_sign) + "]",
        "",
        "[names]  # English name, lower case → code (current and historic)",
        *(f"{_quote(n)} = {_quote(c)}" for n, c in sorted(names.items())),
        "",
        "[families]  # the last word of the names, when one current currency alone has it",
        *(
            f"{_quote(w)} = {_quote(next(iter(cs)))}"
            for w, cs in sorted(families.items())
            if len(cs) == 1
        ),
        "",
        "[symbols]  # written before or after the number, when one current currency alone has it",
        *(
            f"{_quote(s)} = {_quote(next(iter(cs)))}"
            for s, cs in sorted(symbols.items())
            if len(cs) == 1 and _is_symbol(s)
        ),
        "",
        "[territories]  # ISO 3166 → the currency in use",
        *(f"{t} = {_quote(c)}" for t, c in sorted(territories.items())),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = build()
    if "--check" in argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.name}: {'current' if same else 'out of date: run scripts/currencies.py'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
