"""Derive src/communique/data/demonyms.tsv from countryinfo: the demonym of every country.

    python scripts/derive_demonyms.py          # rewrite the file
    python scripts/derive_demonyms.py --check  # exit 1 if the file is not what countryinfo gives

pycountry (a runtime dependency) names every ISO 3166 country but has no demonyms; countryinfo
has one per country ("Filipino", "Bangladeshi", "Emirati"), read from its data files once here,
since loading its 250 JSON files at run time cost ~0.1 s a process. A demonym that two
countries share ("Dominican", "Congolese") names neither and is left out. Forms statements use
beyond these ("Philippine", "Kazakh") stay hand-written in data/countries.toml, which
segment/lexicon.py's country_table merges over both.

countryinfo is pinned in pyproject.toml (data group): the output depends on its release.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "communique" / "data" / "demonyms.tsv"
HEADER = (
    "# ISO 3166-1 alpha-2 code, demonym: derived from countryinfo by scripts/derive_demonyms.py"
    " (do not edit; data/countries.toml adds other forms)\n"
)


def derive() -> str:
    import pycountry

    codes = {c.alpha_2 for c in pycountry.countries}
    by_demonym: dict[str, set[str]] = defaultdict(set)
    folder = resources.files("countryinfo").joinpath("data")
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".json"):
            continue
        info = json.loads(path.read_text(encoding="utf-8"))
        code = (info.get("ISO") or {}).get("alpha2")
        for demonym in str(info.get("demonym") or "").split(","):  # "Antiguan, Barbudan"
            demonym = " ".join(demonym.split())
            if code in codes and demonym[:1].isupper():
                by_demonym[demonym].add(code)
    rows = sorted((next(iter(c)), d) for d, c in by_demonym.items() if len(c) == 1)
    return HEADER + "".join(f"{code}\t{demonym}\n" for code, demonym in rows)


def main(argv: list[str]) -> int:
    text = derive()
    if "--check" in argv:
        same = OUT.read_text(encoding="utf-8") == text
        print("demonyms.tsv is countryinfo's" if same else "demonyms.tsv differs from countryinfo")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
