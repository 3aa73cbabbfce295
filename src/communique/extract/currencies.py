"""Currencies written around a number → ISO 4217 codes.

The table is the Unicode CLDR's (`data/currencies.cldr.toml`, derived from babel by
`scripts/currencies.py`: every currency's English names, its symbols at home and in English,
the territories that use it) with the habits of English-language statements on top
(`data/currencies.toml`: "US$", "Rs", "crore rupees", which currency a shared word such as
"rupees" means). A currency is written before the number as a symbol or code ("US$", "€",
"KSh", "USD34.6 million", "c $ 16.4 million"), or after it as a name, code or sign ("yuan",
"Australian dollars", "5 million EUR", "100 ₾").

A document at home in a country that writes its own currency "$" or names it by a shared word
reads them as that currency: an Australian statement ("here in Australia") means Australian
dollars by "$130 million". `home_currency` finds that home in the text itself.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from communique.extract.countries import find_countries
from communique.extract.numbers import DIGITS, SCALE

# Spaced prefixes of "$" in tokenised or typed text: "c $ 16.4 million", "hk $", "u.s $".
_DOLLAR_PREFIX = re.compile(r"(?<![^\s(])((?:[A-Za-z]\.){1,2}|[A-Za-z]{1,3})[ ]?$")
_SCALED_AMOUNT = re.compile(rf"\s*{DIGITS}\s*{SCALE}\b", re.I)
# A speaker placing themself in a country: "Here in Australia", "here at home in Canada".
_HERE_IN = re.compile(r"\b[Hh]ere (?:at home )?in (?:the )?(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class _Table:
    before: dict[str, str]  # symbol or code written before the number → code
    after: dict[str, str]  # name (lower case), code or sign written after it → code
    subunits: dict[str, tuple[str, Decimal]]  # "cents" → ("USD", 0.01)
    word_codes: frozenset[str]
    known_codes: frozenset[str]
    families: dict[str, set[str]]  # code → the shared words that name it ("dollars")
    shared: frozenset[str]  # words several currencies share
    dollar_sign: frozenset[str]
    territories: dict[str, str]
    before_re: re.Pattern[str]


_WORD = r"[^\s\d,;:!?()\[\]\"“”'‘’][^\s,;:!?()\[\]\"“”'‘’]*"
_WORDS_AFTER = {
    lead: re.compile(rf"{lead}({_WORD})(?:\s+({_WORD}))?(?:\s+({_WORD}))?(?:\s+({_WORD}))?")
    for lead in (r"(?:-|\s?)", r"(?:-|\s*)")
}


def words_after(
    text: str, start: int, table: dict[str, Any], *, spaced: bool = False, fold: bool = True
) -> tuple[int, str] | None:
    """The longest run of up to four words at `start` (after one space or a hyphen, or any
    spaces when `spaced`) that is a key of `table`: (end, key). Words may wrap across lines
    ("per⏎cent"); points that end the sentence ("…") are not part of the last word. A dictionary
    look-up per run instead of one alternation of every name: measured 40 times faster."""
    m = _WORDS_AFTER[r"(?:-|\s*)" if spaced else r"(?:-|\s?)"].match(text, start)
    if m is None:
        return None
    words = [w for w in m.groups() if w]
    for k in range(len(words), 0, -1):
        end = m.end(k)
        key = " ".join(words[:k])
        if key[-1] in ".…" and key not in table and (not fold or key.lower() not in table):
            bare = key.rstrip(".…")
            key, end = bare, end - (len(key) - len(bare))
        if key in table:
            return end, key
        if fold and key.lower() in table:
            return end, key.lower()
    head = words[0].split("-")[0]  # "a 12-cent-a-share dividend"
    if head != words[0] and (head in table or (fold and head.lower() in table)):
        return m.start(1) + len(head), head if head in table else head.lower()
    return None


def _data(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("communique.data").joinpath(name).read_text("utf-8"))


def _is_sign(symbol: str) -> bool:
    return any(unicodedata.category(ch) == "Sc" for ch in symbol) or symbol == "元"


@lru_cache(maxsize=1)
def _table() -> _Table:
    cldr, own = _data("currencies.cldr.toml"), _data("currencies.toml")
    before: dict[str, str] = {c: c for c in cldr["codes"]}
    before |= {s: c for s, c in cldr["symbols"].items()} | own["symbols"]
    before |= {"\\" + s: c for s, c in before.items() if s.startswith("$")}  # Markdown "\$"
    names = cldr["names"] | own["names"]
    families: dict[str, set[str]] = {}
    for name, code in names.items():
        families.setdefault(code, set()).add(name.split()[-1])
    skip = set(own["not_families"])
    words = {w: c for w, c in cldr["families"].items() if w not in skip} | own["families"]
    subunits = {w: (u["code"], Decimal(str(u["factor"]))) for w, u in own["subunits"].items()}
    after = names | words | {c: c for c in cldr["codes"]} | {w: u[0] for w, u in subunits.items()}
    after |= {s: c for s, c in before.items() if _is_sign(s) and not s.startswith("\\")}
    # A symbol of letters ends at a word boundary ("Rs" but not "Rsomething").
    before_re = re.compile(
        "(?:"
        + "|".join(
            re.escape(s) + (r"(?![A-Za-z])" if s[-1].isalpha() else "")
            for s in sorted(before, key=len, reverse=True)
        )
        + ")"
    )
    return _Table(
        before=before,
        after={(w if w.isupper() else w.lower()): c for w, c in after.items()},
        subunits=subunits,
        word_codes=frozenset(own["word_codes"]),
        known_codes=frozenset(own["symbols"].values()) | frozenset(own["names"].values()),
        families=families,
        shared=frozenset(own["families"]),
        dollar_sign=frozenset(cldr["dollar_sign"]),
        territories=cldr["territories"],
        before_re=before_re,
    )


def _at_home(code: str, written: str, home: str | None) -> str:
    """`code` as read in a text at home in `home`: "$" and shared words mean the home's."""
    if home is None or home == code:
        return code
    table = _table()
    bare = written.lstrip("\\").lower()
    if bare == "$" and home in table.dollar_sign:
        return home
    if bare in table.shared and bare in table.families.get(home, ()):
        return home
    return code


def currency_before(text: str, end: int, *, home: str | None = None) -> tuple[int, str] | None:
    """A currency symbol or code ending at `end` (spaces allowed): (start, ISO code)."""
    table = _table()
    stop = end
    while stop > 0 and text[stop - 1] == " ":
        stop -= 1
    best: tuple[int, str, str] | None = None
    for m in table.before_re.finditer(text, max(0, stop - 8), stop):
        if m.end() == stop:
            start = m.start()
            if start > 0 and text[start - 1].isalpha():
                continue  # "NATO" must not end in a code
            if best is None or start < best[0]:
                best = (start, table.before[m.group()], m.group())
    if best is None:
        return None
    start, code, written = best
    if (
        written.isalpha()
        and written.isupper()
        and len(written) == 3
        and not _written_as_money(text, stop, end, written)
    ):
        return None  # "ALL 50 STATES", "TOP 10", a model "SLE 6000"
    if written.lstrip("\\") == "$":
        prefix = _DOLLAR_PREFIX.search(text, max(0, start - 6), start)
        if prefix is not None and prefix.group(1) not in ("a", "A", "I"):
            key = prefix.group(1).upper().replace(".", "") + "$"
            if key in table.before:
                return prefix.start(), table.before[key]
    return start, _at_home(code, written, home)


def _written_as_money(text: str, stop: int, end: int, code: str) -> bool:
    """Whether a code before a number makes it money: glued to it ("TRY450", "USD34.6"), or
    a code of the statement currencies ("USD 500"), or before an amount with a scale word
    ("SLE 5 million"). A code that is an English word needs the glue or the scale."""
    table = _table()
    if stop == end or _SCALED_AMOUNT.match(text, end) is not None:
        return True
    return code in table.known_codes and code not in table.word_codes


def currency_after(
    text: str, start: int, *, home: str | None = None
) -> tuple[int, str, Decimal] | None:
    """A currency name, code or sign starting at `start` (after one optional space or a
    hyphen: "a 12-cent dividend"): (end, ISO code, factor; 0.01 for "cents"). A sign followed
    by a number begins that number's amount instead."""
    table = _table()
    found = words_after(text, start, table.after)
    if found is None:
        return None
    end, key = found
    if key.isupper() and text[end - len(key) : end] != key:
        return None  # a code is written in capitals: "5 Try" is no Turkish lira
    code = table.after[key]
    written = key
    if _is_sign(written) and re.match(r"\s?\d", text[end : end + 2]):
        return None  # "$ 20,000.00 $ 37,305.97": the second sign is the next amount's
    if key in table.subunits:
        return end, code, table.subunits[key][1]
    return end, _at_home(code, written, home), Decimal(1)


def home_currency(text: str) -> str | None:
    """The currency of the country a statement speaks from, when it says so ("Here in
    Australia, ..."): the one it names most often after "here in"."""
    if "ere in" not in text:
        return None
    table = _table()
    seen: Counter[str] = Counter()
    for m in _HERE_IN.finditer(text):
        found = find_countries(text[m.end() : m.end() + 40])
        if found and found[0].start == 0 and not found[0].adjective:
            code = table.territories.get(found[0].code)
            if code:
                seen[code] += 1
    return seen.most_common(1)[0][0] if seen else None
