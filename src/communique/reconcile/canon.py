"""Canonical metric keys: one spelling per indicator, and a readable name for each.

The extractor writes provisional keys (`extract/keys.py` holds the format): `trade:KZ-RU`
(symmetric, the codes sorted), `investment_stock:RU-KZ` (directional, subject-object; older
ledgers wrote `RU>KZ`), `unemployment:RU/kaluga-region`, `gdp_growth/world`. Here keys that
differ only trivially are merged: case, spaces or hyphens in the name, the order of the codes
of a symmetric pair (`trade:RU-KZ` is `trade:KZ-RU`), and the old direction sign. Nothing else
is merged automatically: a user catalogue (`catalogue.py`) does the rest, on purpose.
"""

from __future__ import annotations

from functools import lru_cache

from communique.extract.indicators import Reach, reach_of
from communique.extract.keys import canonical, parse_key

# Names for the codes most often met in official statements; any other code is shown as is.
COUNTRY_NAMES = {
    "AM": "Armenia",
    "AZ": "Azerbaijan",
    "BR": "Brazil",
    "BY": "Belarus",
    "CN": "China",
    "DE": "Germany",
    "EU": "the EU",
    "FR": "France",
    "GB": "the United Kingdom",
    "GE": "Georgia",
    "IN": "India",
    "IR": "Iran",
    "IT": "Italy",
    "JP": "Japan",
    "KG": "Kyrgyzstan",
    "KR": "South Korea",
    "KZ": "Kazakhstan",
    "MN": "Mongolia",
    "RU": "Russia",
    "SA": "Saudi Arabia",
    "TJ": "Tajikistan",
    "TM": "Turkmenistan",
    "TR": "Türkiye",
    "UA": "Ukraine",
    "US": "the United States",
    "UZ": "Uzbekistan",
    "VN": "Vietnam",
    "ZA": "South Africa",
}


@lru_cache(maxsize=65536)
def canonical_key(key: str) -> str:
    """The one spelling of `key`: `Trade : ru-kz` → `trade:KZ-RU`; unknown shapes only trimmed."""
    parts = parse_key(key)
    return key.strip() if parts is None else str(canonical(parts))


def _country(code: str) -> str:
    return COUNTRY_NAMES.get(code, code)


def describe_metric(key: str) -> str:
    """Readable words for a key: `trade:KZ-RU` → "Trade between Kazakhstan and Russia",
    `investment_stock:RU-KZ` → "Investment stock from Russia in Kazakhstan", `unemployment:RU/
    kaluga-region` → "Unemployment of Russia (kaluga region)"."""
    if not key:
        return "Unnamed metric"
    parts = parse_key(key)
    if parts is None:
        return key
    parts = canonical(parts)
    name = parts.name.replace("_", " ").strip()
    name = name[:1].upper() + name[1:]
    codes = parts.countries
    where = f" ({parts.scope.replace('-', ' ')})" if parts.scope else ""
    if not codes:
        return name + where
    if len(codes) == 2 and reach_of(parts.name) is Reach.SYMMETRIC:
        return f"{name} between {_country(codes[0])} and {_country(codes[1])}{where}"
    if len(codes) == 2:
        return f"{name} from {_country(codes[0])} in {_country(codes[1])}{where}"
    return f"{name} of {_country(codes[0])}{where}"


def metric_countries(key: str) -> tuple[str, ...]:
    """The ISO codes a key names: `trade:KZ-RU` → ("KZ", "RU"), `gdp:KZ` → ("KZ",)."""
    parts = parse_key(key)
    return () if parts is None else canonical(parts).countries


__all__ = ["COUNTRY_NAMES", "canonical_key", "describe_metric", "metric_countries"]
