"""The real `communique serve` process over a sample ledger, and Debian's Chromium to drive it."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WRITE_TOKEN = "browser-write-token"
START_TIMEOUT = 90  # seconds for `communique serve` to answer
VIEWPORTS = {"laptop": {"width": 1366, "height": 800}, "phone": {"width": 390, "height": 844}}
# Collects CSP violations from the page itself (init scripts are not subject to the page's CSP).
CSP_PROBE = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def _failed(watch: Watch, request: Any) -> None:
    """A failed request is a problem, except one the browser cancelled because the test moved
    on to the next page (net::ERR_ABORTED: the favicon of a page left at once, under load)."""
    if "ERR_ABORTED" not in (request.failure or ""):
        watch.problems.append(f"failed: {request.url} ({request.failure})")


def _sample_builder() -> Any:
    """tests/serve/conftest.py's ledger builder (shared by path: test folders are not packages)."""
    path = Path(__file__).parents[1] / "serve" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_serve_sample", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_sample_ledger


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    url: str
    db: Path
    process: subprocess.Popen[bytes]


@contextmanager
def _serve(db: Path) -> Iterator[Server]:
    """`communique serve` over `db` on a free port, until the block ends.

    One server process is enough for a browser; it runs in a session of its own, so that
    stopping it stops whatever it started. A server that does not answer in time is killed
    with its whole group before its output is read: killing only the first process left
    spawned workers holding the output pipe, and the read hung the test run.
    """
    port = _free_port()
    env = {**os.environ, "COMMUNIQUE_WRITE_TOKEN": WRITE_TOKEN}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).parents[2] / "src"), env.get("PYTHONPATH", "")]
    )
    command = [sys.executable, "-m", "communique", "serve", "--db", str(db)]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    # 30 s was too short with three test runs sharing a 2-core machine (the server missed it)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            if httpx.get(f"{url}/api/documents?limit=1", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            _stop(process, signal.SIGKILL)
            output = process.stdout.read().decode() if process.stdout else ""
            pytest.fail(f"communique serve did not start:\n{output}")
        time.sleep(0.2)
    try:
        yield Server(url=url, db=db, process=process)
    finally:
        _stop(process, signal.SIGTERM)
        if process.stdout:
            process.stdout.close()


def _stop(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    """Signal the server's whole process group, and wait for the server."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = _sample_builder()(tmp_path_factory.mktemp("browser") / "sample.db")
    with _serve(db) as running:
        yield running


@pytest.fixture
def review_server(tmp_path: Path) -> Iterator[Server]:
    """A server over a sample ledger of its own, for tests that write reviews into it."""
    db = _sample_builder()(tmp_path / "reviews.db")
    with _serve(db) as running:
        yield running


@pytest.fixture(scope="session")
def seeds_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server over the example corpus as `communique ingest` stores it: real agreements,
    commitments and their follow-up across the three statements."""
    import communique

    db = tmp_path_factory.mktemp("browser-seeds") / "seeds.db"
    communique.ingest([str(Path(__file__).parents[2] / "examples" / "corpus")], db=str(db))
    with _serve(db) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What went wrong in the page: console errors, uncaught errors, failed or 4xx/5xx loads."""

    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(params=sorted(VIEWPORTS))
def viewport(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def page(browser: Any, viewport: str) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport=VIEWPORTS[viewport], device_scale_factor=1)
    context.add_init_script(CSP_PROBE)
    tab = context.new_page()
    watch = Watch()
    tab.on(
        "console",
        lambda m: (
            watch.problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning")
            else None
        ),
    )
    tab.on("pageerror", lambda e: watch.problems.append(f"page error: {e}"))
    tab.on("requestfailed", lambda r: _failed(watch, r))
    tab.on(
        "response",
        lambda r: watch.problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None,
    )
    tab.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    yield tab, watch
    context.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $COMMUNIQUE_SHOTS (to look at them) or a temp folder."""
    folder = Path(os.environ.get("COMMUNIQUE_SHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
