"""Real things to break: a throwaway PostgreSQL cluster of our own (so restarting it disturbs
no other test), and small or read-only file systems mounted for one test.

Both need what CI has (root, Debian's postgresql package): in CI their absence fails the
test; elsewhere it skips, as `postgres_base_url` does for the shared server.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


def _unavailable(why: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{why}: CI must run this test")
    pytest.skip(why)


def _postgres_bindir() -> Path | None:
    """Debian keeps initdb and pg_ctl in /usr/lib/postgresql/<version>/bin, off the PATH."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(re.sub(r"\D", "", p.parts[-3]) or 0),
    )
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Cluster:
    """A PostgreSQL cluster in a temporary folder, on its own port, trusted on loopback."""

    bindir: Path
    data: Path
    port: int
    as_user: list[str]  # runuser prefix when we are root (postgres refuses to run as root)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://communique@127.0.0.1:{self.port}/postgres"

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", *args],
            check=True,
            capture_output=True,
            timeout=60,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.pg_ctl("-l", str(self.data / "server.log"), "-o", options, "start")

    def stop(self) -> None:
        # fast: every client is disconnected and open transactions roll back, as in a restart
        self.pg_ctl("-m", "fast", "stop")


@pytest.fixture
def throwaway_postgres() -> Iterator[Cluster]:
    bindir = _postgres_bindir()
    if bindir is None:
        _unavailable("no PostgreSQL server binaries (apt-get install postgresql)")
        raise AssertionError  # unreachable: _unavailable fails or skips
    root = Path(tempfile.mkdtemp(prefix="communique-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data = root / "data"
    initdb = [str(bindir / "initdb"), "-D", str(data), "-U", "communique", "-A", "trust"]
    subprocess.run(
        [*as_user, *initdb, "-E", "UTF8", "--no-sync"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    cluster = Cluster(bindir=bindir, data=data, port=_free_port(), as_user=as_user)
    cluster.start()
    try:
        yield cluster
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30)


class Mounts:
    """File systems mounted for one test (root only), all unmounted afterwards."""

    def __init__(self) -> None:
        self.mounted: list[Path] = []

    def tmpfs(self, size: str) -> Path:
        """A fresh tmpfs of `size` bytes (`2m`): a disk that fills up."""
        return self._mount([["-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs"]])

    def read_only(self, folder: Path) -> Path:
        """`folder` mounted again, read-only: not even root can write through it."""
        return self._mount([["--bind", str(folder)], ["-o", "remount,bind,ro"]])

    def resize(self, target: Path, size: str) -> None:
        done = _mount("-o", f"remount,size={size}", str(target))
        assert done.returncode == 0, done.stderr

    def _mount(self, steps: list[list[str]]) -> Path:
        target = Path(tempfile.mkdtemp(prefix="communique-mnt-"))
        for i, step in enumerate(steps):
            done = _mount(*step, str(target))
            if done.returncode != 0:
                if i:
                    subprocess.run(["umount", str(target)], capture_output=True, timeout=30)
                target.rmdir()
                _unavailable(f"cannot mount ({done.stderr.strip()}); run as root")
            if i == 0:
                self.mounted.append(target)
        return target

    def unmount_all(self) -> None:
        for target in reversed(self.mounted):
            for _ in range(20):  # a server we started may take a moment to let go
                if subprocess.run(["umount", str(target)], capture_output=True).returncode == 0:
                    break
                time.sleep(0.25)
            else:
                subprocess.run(["umount", "-l", str(target)], capture_output=True)
            shutil.rmtree(target, ignore_errors=True)


@pytest.fixture
def mounts() -> Iterator[Mounts]:
    mounted = Mounts()
    try:
        yield mounted
    finally:
        mounted.unmount_all()
