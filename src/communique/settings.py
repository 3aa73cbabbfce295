"""Every setting, defined once: name, default, help. Each is validated from that one definition.

Precedence, lowest first: the default here < a `communique.toml` file (in the working folder, or
the path in $COMMUNIQUE_CONFIG) < the environment variable COMMUNIQUE_<NAME> < a command-line flag.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.errors import ConfigError

CONFIG_ENV = "COMMUNIQUE_CONFIG"
CONFIG_FILE = "communique.toml"


@dataclass(frozen=True, slots=True, kw_only=True)
class Setting:
    name: str
    default: str | int
    help: str

    @property
    def env(self) -> str:
        return f"COMMUNIQUE_{self.name.upper()}"

    def parse(self, raw: object, *, where: str) -> str | int:
        """Coerce `raw` to this setting's type, or raise ConfigError naming where it came from."""
        if isinstance(self.default, int):
            try:
                value = int(str(raw).strip())
            except ValueError:
                raise ConfigError(
                    where, "bad-setting", f"{self.name} must be a whole number, not {raw!r}"
                ) from None
            if value < 0:
                raise ConfigError(where, "bad-setting", f"{self.name} must not be negative")
            return value
        return str(raw)


SETTINGS: tuple[Setting, ...] = (
    Setting(
        name="db",
        default="communique.db",
        help="The ledger: an SQLite file path or an SQLAlchemy URL (postgresql+psycopg://...).",
    ),
    Setting(name="workers", default=0, help="Processes for ingest; 0 means one per core."),
    Setting(
        name="db_retry",
        default=30,
        help="Seconds to keep retrying a write whose database connection was lost.",
    ),
    Setting(
        name="max_bytes",
        default=16 * 1024 * 1024,
        help="Largest input file read, in bytes; bigger files fail with 'too-large'.",
    ),
    Setting(name="catalogue", default="", help="Metric catalogue (TOML) applied on reconcile."),
    Setting(name="host", default="127.0.0.1", help="Address `communique serve` listens on."),
    Setting(name="port", default=8000, help="Port `communique serve` listens on."),
    Setting(
        name="write_token",
        default="",
        help="Bearer token that allows writes through the API; empty means read-only.",
    ),
)
BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolved:
    value: str | int
    origin: str  # "default", the config file's path, the env variable's name, or "flag"


def _config_file() -> Path | None:
    named = os.environ.get(CONFIG_ENV)
    if named:
        path = Path(named)
        if not path.is_file():
            raise ConfigError(named, "missing", f"{CONFIG_ENV} names a file that does not exist")
        return path
    local = Path(CONFIG_FILE)
    return local if local.is_file() else None


def _file_values(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(str(path), "bad-config", f"cannot read settings: {exc}") from exc
    table = data.get("communique", data)
    unknown = sorted(set(table) - set(BY_NAME))
    if unknown:
        raise ConfigError(
            str(path),
            "bad-config",
            f"unknown setting(s): {', '.join(unknown)}",
            hint=f"known: {', '.join(BY_NAME)}",
        )
    return dict(table)


def resolve_settings(flags: dict[str, object] | None = None) -> dict[str, Resolved]:
    """The effective value of every setting and where it came from."""
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    path = _config_file()
    from_file = _file_values(path) if path else {}
    out: dict[str, Resolved] = {}
    for s in SETTINGS:
        if s.name in flags:
            out[s.name] = Resolved(value=s.parse(flags[s.name], where="--" + s.name), origin="flag")
        elif s.env in os.environ:
            out[s.name] = Resolved(value=s.parse(os.environ[s.env], where=s.env), origin=s.env)
        elif s.name in from_file:
            where = str(path)
            out[s.name] = Resolved(value=s.parse(from_file[s.name], where=where), origin=where)
        else:
            out[s.name] = Resolved(value=s.default, origin="default")
    return out


def setting(name: str, flag: object = None) -> Any:
    """One setting's effective value (the flag wins when given)."""
    return resolve_settings({name: flag})[name].value
