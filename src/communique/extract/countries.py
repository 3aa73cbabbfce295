"""Countries named in a statement ("Kazakhstan", "Russian", "the EU's") → ISO alpha-2 codes.

Names and demonyms come from `data/countries.toml`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


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
    data = tomllib.loads(
        resources.files("communique.data").joinpath("countries.toml").read_text("utf-8")
    )
    forms: dict[str, tuple[str, bool]] = {}
    for code, spec in data.items():
        for name in spec.get("names", []):
            forms.setdefault(name, (code, False))
        for adj in spec.get("adjectives", []):
            forms[adj] = (code, True) if adj not in forms or adj.endswith("'s") else forms[adj]
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # Not part of a longer word and not a code before "$" ("US$"); "EU-India" names both.
    pattern = re.compile(rf"(?<![\w$])(?:{alternation})(?![\w$])")
    return _Lexicon(pattern, forms)


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[CountryMention]:
    """Every country named in text[start:end], in order."""
    lexicon = _lexicon()
    end = len(text) if end is None else end
    out = []
    for m in lexicon.pattern.finditer(text, start, end):
        code, adjective = lexicon.forms[m.group()]
        out.append(CountryMention(m.start(), m.end(), code, adjective))
    return out


def country_in_label(label: str) -> str | None:
    """The country named in a speaker label ("President of Russia Vladimir Putin" → RU)."""
    found = find_countries(label)
    return found[0].code if found else None
