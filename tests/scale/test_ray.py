"""The pipeline on a real Ray cluster (two nodes on this machine) against a real PostgreSQL:
the same ledger as a local run, byte for byte, and a run killed at any point resumes to it."""

from __future__ import annotations

import builtins
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

import communique
from communique.errors import MissingExtra
from communique.present.export import iter_records
from communique.scale.executor import make_executor

ROOT = Path(__file__).resolve().parents[2]
STATEMENTS = [str(ROOT / "examples" / "corpus"), str(ROOT / "tests" / "statements" / "*" / "*.txt")]
KINDS = ("documents", "claims", "conflicts")

pytestmark = [pytest.mark.xdist_group("ray"), pytest.mark.postgres, pytest.mark.slow]


def _square_slowly(n: int) -> int:
    time.sleep(random.random() / 50)  # results complete out of order
    return n * n


def _exports(db: str) -> dict[str, str]:
    """The three exports of a ledger, as the CLI writes them."""
    with communique.open_ledger(db) as ledger:
        items: dict[str, Iterator[Any] | list[Any]] = {
            "documents": ledger.documents(),
            "claims": ledger.iter_claims(),
            "conflicts": ledger.conflicts(),
        }
        return {
            kind: "".join(
                json.dumps(r, ensure_ascii=False) + "\n" for r in iter_records(kind, items[kind])
            )
            for kind in KINDS
        }


def test_ray_executor_yields_in_input_order_across_nodes(ray_cluster: Any) -> None:
    executor = make_executor("ray", address=ray_cluster.address, workers=2)
    assert list(executor.map(_square_slowly, iter(range(60)))) == [n * n for n in range(60)]


def test_ray_and_local_runs_store_the_same_ledger_byte_for_byte(
    ray_cluster: Any, postgres_url: str, fresh_database: Any
) -> None:
    local = communique.ingest(STATEMENTS, db=postgres_url, workers=2, batch_size=4)
    local_exports = _exports(postgres_url)
    other = fresh_database()
    ray = communique.ingest(
        STATEMENTS,
        db=other,
        executor=make_executor("ray", address=ray_cluster.address, workers=2),
        batch_size=4,
    )
    assert (ray.new, ray.claims, ray.conflicts) == (local.new, local.claims, local.conflicts)
    assert local.new > 10 and local.claims > 100 and local.conflicts > 0
    assert _exports(other) == local_exports


def test_ray_executor_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_ray(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "ray" or name.startswith("ray."):
            raise ImportError("No module named 'ray'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "ray", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(MissingExtra) as caught:
        make_executor("ray")
    assert caught.value.hint == "pip install 'communique[ray]'"


# -- killed and resumed ---------------------------------------------------------------------


def _corpus(folder: Path, count: int) -> Path:
    """`count` distinct statements: a seed with its figures in a different year each time."""
    folder.mkdir()
    seed = (ROOT / "examples" / "corpus" / "004_a3d02d84b487bf39.txt").read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"doc{i:03d}.txt").write_text(f"{seed}\nVariant {i}.\n", encoding="utf-8")
    return folder


def _without_ids(export: str) -> list[Any]:
    """Records with their surrogate ids left out: PostgreSQL sequences skip the values a killed
    transaction drew, so ids after a kill may differ while everything else must not."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "id"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return [strip(json.loads(line)) for line in export.splitlines()]


def _stored(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM documents")).scalar_one())
    except Exception:  # the schema may not exist yet
        return 0
    finally:
        engine.dispose()


KILL_CORPUS = 24


@pytest.fixture(scope="module")
def uninterrupted(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, dict[str, str]]]:
    """The kill tests' corpus, and the exports of one uninterrupted local run of it (SQLite:
    the exports are the same on both databases, as the Ray test shows for PostgreSQL)."""
    corpus = _corpus(tmp_path_factory.mktemp("kill") / "corpus", KILL_CORPUS)
    db = str(corpus.parent / "reference.db")
    communique.ingest([str(corpus)], db=db, workers=1, batch_size=3)
    yield corpus, _exports(db)


@pytest.mark.parametrize(
    ("executor", "kill_after"),
    [("local", 0), ("local", 9), ("ray", 0), ("ray", 9)],
    ids=["local-before-any-store", "local-midway", "ray-before-any-store", "ray-midway"],
)
def test_run_killed_then_resumed_gives_the_ledger_of_an_uninterrupted_run(
    executor: str,
    kill_after: int,
    postgres_url: str,
    uninterrupted: tuple[Path, dict[str, str]],
    request: Any,
) -> None:
    corpus, expected = uninterrupted
    cmd = [sys.executable, "-m", "communique", "ingest", str(corpus), "--db", postgres_url]
    cmd += ["-q", "--batch-size", "3", "-j", "2"]
    if executor == "ray":
        cmd += ["--executor", "ray", "--address", request.getfixturevalue("ray_cluster").address]
    env = {**os.environ, "RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO": "0"}
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if _stored(postgres_url) >= kill_after and (kill_after or _has_runs(postgres_url)):
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed: enlarge the corpus"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = _stored(postgres_url)
    assert kill_after <= killed_at < KILL_CORPUS

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    assert rerun.returncode == 0, rerun.stderr
    summary = f"{KILL_CORPUS - killed_at} new, {killed_at} unchanged"
    assert summary in rerun.stderr.replace("\n", " ")
    got = _exports(postgres_url)
    for kind in KINDS:
        assert _without_ids(got[kind]) == _without_ids(expected[kind]), kind
    assert expected["conflicts"], "the corpus must produce conflicts for this test to mean much"


def _has_runs(url: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return bool(conn.execute(text("SELECT count(*) FROM ingest_runs")).scalar_one())
    except Exception:
        return False
    finally:
        engine.dispose()
