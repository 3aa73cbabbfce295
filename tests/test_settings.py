"""Settings: one definition each; defaults < communique.toml < environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.settings import SETTINGS, resolve_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for s in SETTINGS:
        monkeypatch.delenv(s.env, raising=False)
    monkeypatch.delenv("COMMUNIQUE_CONFIG", raising=False)


def test_settings_precedence_default_file_env_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_settings()["workers"].origin == "default"
    Path("communique.toml").write_text("[communique]\nworkers = 3\n", encoding="utf-8")
    assert resolve_settings()["workers"].value == 3
    monkeypatch.setenv("COMMUNIQUE_WORKERS", "5")
    assert resolve_settings()["workers"].value == 5
    resolved = resolve_settings({"workers": 7})["workers"]
    assert (resolved.value, resolved.origin) == (7, "flag")


@pytest.mark.parametrize(
    ("toml", "reason", "words"),
    [
        ("[communique]\nworker = 2\n", "bad-config", "unknown setting(s): worker"),
        ("[communique]\nworkers = 'many'\n", "bad-setting", "whole number"),
        ("[communique\n", "bad-config", "cannot read"),
    ],
)
def test_settings_bad_file_names_file_and_problem(toml: str, reason: str, words: str) -> None:
    Path("communique.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        resolve_settings()
    assert caught.value.reason == reason and words in caught.value.message
    assert caught.value.path.endswith("communique.toml")


def test_settings_bad_env_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_PORT", "-1")
    with pytest.raises(ConfigError) as caught:
        resolve_settings()
    assert caught.value.path == "COMMUNIQUE_PORT"


def test_settings_are_all_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.env for s in SETTINGS if f"`{s.env}`" not in readme]
    assert not missing, f"README.md does not document {missing}"


def test_settings_max_bytes_default_is_the_readers_limit() -> None:
    from communique.read.decode import MAX_BYTES

    assert resolve_settings()["max_bytes"].value == MAX_BYTES
