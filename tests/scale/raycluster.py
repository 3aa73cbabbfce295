"""A real Ray cluster of nodes on this machine: for the tests' fixture and benchmarks/scale.py.

Started as `ray start --head` and `ray start --address`, each in its own process group on a
loopback address of its own (127.0.0.2, 127.0.0.3, ...: Ray rewrites 127.0.0.1 to the
machine's network address) with every port chosen free, and stopped by killing those process
groups (never `ray stop`, which stops every Ray process on the machine).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HEAD_IP, NODE_IP = "127.0.0.2", "127.0.0.3"
START_TIMEOUT = 120.0  # seconds; a loaded 2-core box takes ~15 s


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ports() -> list[str]:
    names = (
        "--node-manager-port",
        "--object-manager-port",
        "--metrics-export-port",
        "--dashboard-agent-listen-port",
        "--dashboard-agent-grpc-port",
        "--runtime-env-agent-port",
    )
    return [arg for name in names for arg in (name, str(_free_port()))]


@dataclass
class RayCluster:
    address: str
    processes: list[subprocess.Popen[bytes]]
    logs: Path

    def stop(self) -> None:
        for proc in reversed(self.processes):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in reversed(self.processes):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def ray_command() -> str:
    found = Path(sys.executable).with_name("ray")
    if not found.exists():
        raise RuntimeError(
            "the ray extra is not installed: pip install -e '.[ray]' (make install does)"
        )
    return str(found)


def start_cluster(logs: Path, *, cpus_per_node: int = 1, nodes: int = 2) -> RayCluster:
    """`nodes` Ray nodes on this machine; returns once the cluster sees all their CPUs."""
    ray = ray_command()
    logs.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO": "0"}
    port = _free_port()
    address = f"{HEAD_IP}:{port}"
    common = ["--block", "--num-cpus", str(cpus_per_node), "--disable-usage-stats"]
    head = [ray, "start", "--head", "--port", str(port), "--node-ip-address", HEAD_IP]
    head += ["--include-dashboard", "false", "--dashboard-port", str(_free_port())]
    commands = [head]
    for i in range(nodes - 1):
        ip = f"127.0.0.{3 + i}"
        commands.append([ray, "start", "--address", address, "--node-ip-address", ip])
    cluster = RayCluster(address=address, processes=[], logs=logs)
    try:
        for i, command in enumerate(commands):
            with (logs / f"node{i}.log").open("wb") as log:
                cluster.processes.append(
                    subprocess.Popen(
                        command + common + _ports(),
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                        env=env,
                    )
                )
            _wait_for(cluster, cpus=cpus_per_node * (i + 1), ray=ray)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def _wait_for(cluster: RayCluster, *, cpus: int, ray: str) -> None:
    probe = (
        "import ray,sys; ray.init(address=sys.argv[1], logging_level='ERROR', "
        "log_to_driver=False); print(int(ray.cluster_resources().get('CPU', 0)))"
    )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in cluster.processes):
            break
        done = subprocess.run(
            [sys.executable, "-c", probe, cluster.address],
            capture_output=True,
            text=True,
            env={**os.environ, "RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO": "0"},
            check=False,
        )
        if done.returncode == 0 and done.stdout.strip() and int(done.stdout.split()[-1]) >= cpus:
            return
        time.sleep(1)
    logs = "\n".join(p.read_text(errors="replace")[-2000:] for p in cluster.logs.glob("*.log"))
    raise RuntimeError(f"the Ray cluster did not come up with {cpus} CPUs:\n{logs}")
