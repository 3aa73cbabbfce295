"""Countries named in a statement ("Kazakhstan", "Russian", "the EU's") → ISO alpha-2 codes.

Names and demonyms of every country: `data/countries.toml` (the forms statements use: "Russia",
"the Russian Federation", "Kazakh") first, then pycountry's ISO 3166 names ("Jordan", "Republic
of Korea" read from "Korea, Republic of") and countryinfo's demonyms ("Jordanian", derived into
`data/demonyms.tsv` by scripts/derive_demonyms.py), each name also in the possessive. `parties`
is the fallback for when `describe` found no parties: the two countries a document names most
often.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class CountryMention:
    start: int
    end: int
    code: str
    adjective: bool  # a demonym or possessive ("Russian", "Kazakhstan's"), not a bare name


@dataclass(frozen=True, slots=True)
class _Lexicon:
    pattern: re.Pattern[str]
    forms: dict[str, tuple[str, bool]]


# ISO names that statements mostly use for something else ("New Jersey", a US state).
_NOT_COUNTRY_NAMES = {"Jersey", "Guernsey", "Saint Martin", "Christmas Island", "Heard Island"}


def _iso_names(country: Any) -> list[str]:
    """ "Korea, Republic of" → "Republic of Korea"; "Viet Nam"; "Virgin Islands, British" →
    "British Virgin Islands"; a bracketed part ("Falkland Islands (Malvinas)") dropped."""
    found = []
    for raw in (
        getattr(country, "common_name", None),
        country.name,
        getattr(country, "official_name", None),
    ):
        if not raw:
            continue
        name = raw.split(" (")[0].strip()
        if ", " in name:
            head, _, tail = name.partition(", ")
            if not (re.search(r"\bof(?: the)?$", tail, re.I) or len(tail.split()) == 1):
                continue
            name = re.sub(r"^The ", "", f"{tail} {head}")
        if name not in found and name not in _NOT_COUNTRY_NAMES:
            found.append(name)
    return found


def _demonyms() -> dict[str, list[str]]:
    raw = resources.files("communique.data").joinpath("demonyms.tsv").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            code, demonym = line.split("\t")
            out.setdefault(code, []).append(demonym)
    return out


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    import pycountry  # the sole import: ISO 3166 names, read once per process

    data = tomllib.loads(
        resources.files("communique.data").joinpath("countries.toml").read_text("utf-8")
    )
    forms: dict[str, tuple[str, bool]] = {}
    for code, spec in data.items():
        for name in spec.get("names", []):
            forms.setdefault(name, (code, False))
        for adj in spec.get("adjectives", []):
            forms[adj] = (code, True) if adj not in forms or adj.endswith("'s") else forms[adj]
    demonyms = _demonyms()
    for country in pycountry.countries:
        code = country.alpha_2
        names = _iso_names(country)
        for name in names:
            forms.setdefault(name, (code, False))
        for adj in [*demonyms.get(code, ()), *(f"{n}{s}" for n in names for s in ("'s", "’s"))]:
            forms.setdefault(adj, (code, True))
    for name, (code, adjective) in list(forms.items()):
        if not adjective and name[-1:].isalpha():
            forms.setdefault(f"{name}’s", (code, True))  # the overlay's names too
    # Not part of a longer word and not a code before "$" ("US$"); "EU-India" names both.
    pattern = re.compile(rf"(?<![\w$])(?:{trie_pattern(forms)})(?![\w$])")
    return _Lexicon(pattern, forms)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of `words` as a trie ("Niger(?:ia(?:n)?|ien)?"): `re` tries a
    plain alternation of a thousand names one by one at every position (2.4 us a character on
    statements), a trie one branch per character (0.2 us). The longest word wins, as greedy
    optional tails try the longer branch first."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + build(child)  # a name may wrap
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(root)


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[CountryMention]:
    """Every country named in text[start:end], in order."""
    lexicon = _lexicon()
    end = len(text) if end is None else end
    out = []
    for m in lexicon.pattern.finditer(text, start, end):
        code, adjective = lexicon.forms[" ".join(m.group().split())]
        out.append(CountryMention(m.start(), m.end(), code, adjective))
    return out


PARTY_WINDOW = 20_000
"""Characters read to guess the parties: the opening of every statement we have seen names them."""


def guess_parties(mentions: Sequence[CountryMention]) -> tuple[str, ...]:
    """The two countries named most often near the top, when `describe` gave no parties."""
    counts = Counter(m.code for m in mentions if m.start < PARTY_WINDOW)
    return tuple(code for code, _ in counts.most_common(2))


def country_in_label(label: str) -> str | None:
    """The country named in a speaker label ("President of Russia Vladimir Putin" → RU)."""
    found = find_countries(label)
    return found[0].code if found else None
