"""`carepath serve` started as a real process on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

__all__ = ["carepath_server", "free_port", "start_server", "TOKENS"]

TOKENS = {"requester": "req-token-0123", "reviewer": "rev-token-4567"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "carepath", "serve", "--port", str(port)], env=env,
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"carepath serve exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"carepath serve did not start: {log.read_text()[-2000:]}")


def server_env(data_dir: Path, state: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(data_dir), "CAREPATH_STATE_DIR": str(state),
                "CAREPATH_IMAGING__BACKEND": "none", "HF_HUB_OFFLINE": "1",
                "CAREPATH_SERVER__TOKENS": f"{TOKENS['requester']}:Rita Requester:requester,"
                                           f"{TOKENS['reviewer']}:Dr Ada Reviewer:reviewer",
                "CAREPATH_SERVER__MAX_UPLOAD_MB": "8"})
    env.update(extra)
    return env


class ServerURL(str):
    """The base URL, also carrying the server's state directory."""

    state: Path


@pytest.fixture(scope="module")
def carepath_server(guideline_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerURL]:
    tmp = tmp_path_factory.mktemp("http")
    port = free_port()
    proc = start_server(server_env(guideline_data_dir, tmp / "state"), port, tmp / "server.log")
    try:
        url = ServerURL(f"http://127.0.0.1:{port}")
        url.state = tmp / "state"
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
