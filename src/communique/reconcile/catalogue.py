"""The user's metric catalogue: renames, merges and splits of metric keys, from a TOML file.

    # catalogue.toml
    [labels]                                  # readable names for reports
    "trade:KZ-RU" = "Trade between Kazakhstan and Russia"

    [aliases]                                 # rename one key
    "trade_turnover:KZ-RU" = "trade:KZ-RU"

    [[merge]]                                 # several keys become one
    into = "investment_stock:RU-KZ"
    keys = ["accumulated_investment:RU-KZ", "fdi_stock:RU-KZ"]

    [[split]]                                 # claims of a key whose metric phrase or quote
    key = "investment:RU-KZ"                  # matches a pattern (Python regex, any case)
    pattern = "accumulated|stock"             # move to another key
    into = "investment_stock:RU-KZ"

    [[indicator]]                             # an indicator of your own, as in
    name = "hospital_beds"                    # data/indicators.toml: a figure the extractor
    aliases = ["hospital bed", "bed"]         # named by its noun phrase takes this name when
    kind = "national"                         # its metric phrase holds an alias

The file is found from `--catalogue`, else `$COMMUNIQUE_CATALOGUE`, else there is none. Every
key is canonicalised first (`canon.py`), so `trade:RU-KZ` in the file matches `trade:KZ-RU`.
Rules apply in the order indicators → aliases → merges → splits, each once, to the extractor's
key; an indicator renames only keys the extractor built from a noun phrase (no indicator of its
own), keeping their countries and scope.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from communique.errors import ConfigError
from communique.extract.indicators import Indicator, Reach, build_indicator, find_indicator
from communique.extract.keys import MetricKey, canonical, parse_key
from communique.models import Claim
from communique.reconcile.canon import canonical_key
from communique.settings import setting

CATALOGUE_ENV = "COMMUNIQUE_CATALOGUE"


class _Merge(BaseModel):
    model_config = ConfigDict(extra="forbid")
    into: str
    keys: list[str]


class _Split(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    pattern: str
    into: str


class _Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    aliases: list[str]
    kind: Reach = Reach.NATIONAL
    verbs: list[str] = []


class _CatalogueFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    labels: dict[str, str] = {}
    aliases: dict[str, str] = {}
    merge: list[_Merge] = []
    split: list[_Split] = []
    indicator: list[_Indicator] = []


@dataclass(frozen=True, slots=True)
class SplitRule:
    key: str
    pattern: re.Pattern[str]
    into: str


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Validated rules, every key canonical. `Catalogue()` is the empty catalogue."""

    renames: Mapping[str, str] = field(default_factory=dict)  # aliases and merges together
    splits: tuple[SplitRule, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    path: str | None = None

    def resolve(self, claim: Claim, key: str) -> str:
        """The catalogue's key for `claim`, whose canonical extracted key is `key`."""
        if self.indicators and not claim.indicator:
            found = find_indicator(claim.metric_phrase, lexicon=self.indicators)
            parts = parse_key(key)
            if found is not None and parts is not None:
                renamed = MetricKey(found.indicator.name, parts.countries, parts.scope)
                key = str(canonical(renamed))
        key = self.renames.get(key, key)
        text = f"{claim.metric_phrase} {claim.quote}"
        for rule in self.splits:
            if rule.key == key and rule.pattern.search(text):
                return rule.into
        return key


def _parse(path: Path) -> _CatalogueFile:
    where = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(where, "missing", "catalogue file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(where, "unreadable", f"cannot read the catalogue: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(where, "bad-toml", f"not valid TOML: {exc}") from exc
    try:
        return _CatalogueFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ConfigError(
            where,
            "invalid",
            f"{loc}: {first['msg']}",
            hint="sections allowed: [labels], [aliases], [[merge]] (into, keys), "
            "[[split]] (key, pattern, into), [[indicator]] (name, aliases, kind, verbs)",
        ) from exc


def _renames(spec: _CatalogueFile, where: str) -> dict[str, str]:
    renames: dict[str, str] = {}
    pairs = [(k, v) for k, v in spec.aliases.items()]
    pairs += [(k, m.into) for m in spec.merge for k in m.keys]
    for source, target in pairs:
        src, dst = canonical_key(source), canonical_key(target)
        if not src or not dst:
            raise ConfigError(where, "invalid", f"empty metric key in {source!r} → {target!r}")
        if renames.get(src, dst) != dst:
            raise ConfigError(
                where, "ambiguous", f"{source!r} is renamed both to {renames[src]!r} and {dst!r}"
            )
        if src != dst:
            renames[src] = dst
    # Follow chains (a → b, b → c) so that one lookup gives the final key; refuse cycles.
    final = {}
    for src in renames:
        seen, key = {src}, renames[src]
        while key in renames:
            if key in seen:
                raise ConfigError(where, "alias-cycle", f"the renames of {src!r} go round")
            seen.add(key)
            key = renames[key]
        final[src] = key
    return final


def load_catalogue(path: str | Path) -> Catalogue:
    """Read and validate a catalogue file; any problem raises ConfigError naming the file."""
    path = Path(path)
    where = str(path)
    spec = _parse(path)
    splits = []
    for rule in spec.split:
        try:
            pattern = re.compile(rule.pattern, re.IGNORECASE)
        except re.error as exc:
            raise ConfigError(
                where, "bad-pattern", f"split pattern {rule.pattern!r}: {exc}"
            ) from exc
        splits.append(SplitRule(canonical_key(rule.key), pattern, canonical_key(rule.into)))
    return Catalogue(
        renames=_renames(spec, where),
        splits=tuple(splits),
        indicators=tuple(build_indicator(i.model_dump()) for i in spec.indicator),
        labels={canonical_key(k): v for k, v in spec.labels.items()},
        path=where,
    )


def find_catalogue(path: str | Path | None = None) -> Catalogue:
    """The catalogue at `path`, else the `catalogue` setting (communique.toml,
    $COMMUNIQUE_CATALOGUE), else the empty one."""
    chosen = path if path is not None else str(setting("catalogue")) or None
    return Catalogue() if chosen is None else load_catalogue(chosen)


__all__ = ["CATALOGUE_ENV", "Catalogue", "SplitRule", "find_catalogue", "load_catalogue"]
