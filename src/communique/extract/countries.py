"""Countries named in a statement ("Kazakhstan", "Russian", "the EU's") → ISO alpha-2 codes.

Names and demonyms come from `segment.lexicon.country_table` (data/countries.toml over
pycountry's ISO names and the demonyms derived into data/demonyms.tsv), the one home of country
knowledge; every name is also read in the possessive ("Jordan's"). `guess_parties` is the
fallback for when `describe` found no parties: the two countries a document names most often;
`dominant_country` the country a statement with no party known speaks for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from communique.extract.alternation import word_alternation
from communique.segment.lexicon import country_table


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


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    forms: dict[str, tuple[str, bool]] = {}
    for code, country in country_table().items():
        for name in country.names:
            forms.setdefault(name, (code, False))
        for adj in country.demonyms:
            forms[adj] = (code, True) if adj not in forms or adj.endswith("'s") else forms[adj]
    for name, (code, adjective) in list(forms.items()):
        if not adjective and name[-1:].isalpha():
            for mark in ("'s", "’s"):
                forms.setdefault(f"{name}{mark}", (code, True))
    # Not part of a longer word and not a code before "$" ("US$"); "EU-India" names both.
    # a trie: a quarter of the time to process a text went to this pattern as a plain alternation
    pattern = re.compile(rf"(?<![\w$])(?:{word_alternation(forms, wrapped=True)})(?![\w$])")
    return _Lexicon(pattern, forms)


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
    """The two countries named most often near the top, when `describe` gave no parties; a
    country only ever met as a modifier is none ("the Indian Reorganization Act" in a US fact
    sheet that never names India)."""
    near = [m for m in mentions if m.start < PARTY_WINDOW]
    named = {m.code for m in near if not m.adjective}
    counts = Counter(m.code for m in near if m.code in named)
    return tuple(code for code, n in counts.most_common(2) if n >= MIN_PARTY_MENTIONS)


MIN_PARTY_MENTIONS = 2
"""A country named once is mentioned in passing, not a party ("Mexico" in a list of a US
agency's actions): in our dev entries and the seeds every guessed party is named at least
twice."""


HOME_MIN = 2
HOME_RATIO = 2.0
"""A statement with no party known speaks for the country it names most, when it names that
one at least HOME_MIN times and HOME_RATIO times as often as any other. Calibrated on the UN
General Debate statements of ../shared/corpus/real (whose titles name the speaking country):
the rule decides 214 of 281, 98% of them right; at a ratio of 1.5 it decides 235 at 95%, and
the most-named country alone is right for 89%."""


def dominant_country(mentions: Sequence[CountryMention]) -> str | None:
    """The country a statement names far more often than any other, else None."""
    ranked = Counter(m.code for m in mentions).most_common(2)
    if not ranked or ranked[0][1] < HOME_MIN:
        return None
    if len(ranked) > 1 and ranked[0][1] < HOME_RATIO * ranked[1][1]:
        return None
    return ranked[0][0]


@lru_cache(maxsize=16384)
def country_of(word: str) -> str | None:
    """The country a single word names as written ("Russian", "Kazakhstan"), else None."""
    form = _lexicon().forms.get(word)
    return form[0] if form else None


def country_in_label(label: str) -> str | None:
    """The country named in a speaker label ("President of Russia Vladimir Putin" → RU)."""
    found = find_countries(label)
    return found[0].code if found else None
