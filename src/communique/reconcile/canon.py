"""Canonical metric keys: one spelling per indicator, and a readable name for each.

The extractor writes provisional keys `name:CODES`: `trade:KZ-RU` (symmetric, the codes
sorted), `investment_stock:RU>KZ` (directional, subject>object), `gdp:KZ`, or a bare `name`.
Here keys that differ only trivially are merged: case, spaces or hyphens in the name, and
the order of the codes of a symmetric pair (`trade:RU-KZ` is `trade:KZ-RU`). Nothing else is
merged automatically: a user catalogue (`catalogue.py`) does the rest, on purpose.
"""

from __future__ import annotations

import re
from functools import lru_cache

_KEY = re.compile(
    r"^\s*(?P<name>[^:]+?)\s*(?::\s*(?P<codes>[A-Za-z]{2,3}(?:\s*[-–>]\s*[A-Za-z]{2,3})?)\s*)?$"
)

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
    match = _KEY.match(key)
    if match is None:
        return key.strip()
    name = re.sub(r"[\s\-]+", "_", match["name"].strip().lower())
    codes = match["codes"]
    if not codes:
        return name
    codes = re.sub(r"\s+", "", codes.upper()).replace("–", "-")
    if "-" in codes:
        codes = "-".join(sorted(codes.split("-")))
    return f"{name}:{codes}"


def _country(code: str) -> str:
    return COUNTRY_NAMES.get(code, code)


def describe_metric(key: str) -> str:
    """Readable words for a key: `trade:KZ-RU` → "Trade between Kazakhstan and Russia"."""
    if not key:
        return "Unnamed metric"
    match = _KEY.match(canonical_key(key))
    if match is None:
        return key
    name = match["name"].replace("_", " ").strip()
    name = name[:1].upper() + name[1:]
    codes = match["codes"]
    if not codes:
        return name
    if ">" in codes:
        subject, obj = codes.split(">")
        return f"{name} from {_country(subject)} in {_country(obj)}"
    if "-" in codes:
        first, second = codes.split("-")
        return f"{name} between {_country(first)} and {_country(second)}"
    return f"{name} of {_country(codes)}"


def metric_countries(key: str) -> tuple[str, ...]:
    """The ISO codes a key names: `trade:KZ-RU` → ("KZ", "RU"), `gdp:KZ` → ("KZ",)."""
    match = _KEY.match(key)
    if match is None or not match["codes"]:
        return ()
    return tuple(re.split(r"\s*[-–>]\s*", match["codes"].strip().upper()))


__all__ = ["COUNTRY_NAMES", "canonical_key", "describe_metric", "metric_countries"]
