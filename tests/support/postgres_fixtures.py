"""A real PostgreSQL on loopback for the checkpointer tests: a throw-away
cluster (initdb) in a temp dir, started on a free port, stopped at the end."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("Debian postgresql is not installed (make test installs it)")
    as_user: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root
        as_user = ["runuser", "-u", "postgres", "--"]
    # Not under pytest's tmp dir: that is root-only (0700) and postgres must reach it.
    base = Path(tempfile.mkdtemp(prefix="carepath-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if as_user:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "carepath",
                    "--auth=trust", "-E", "UTF8"], check=True, capture_output=True)
    port = _free_port()
    log = base / "pg.log"
    if as_user:
        log.touch()
        shutil.chown(log, "postgres")
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w",
                    "-o", f"-p {port} -k {sock} -c listen_addresses=127.0.0.1", "start"],
                   check=True, capture_output=True)
    try:
        subprocess.run([*as_user, str(bindir.parent / "bin" / "createdb"), "-h", "127.0.0.1",
                        "-p", str(port), "-U", "carepath", "carepath"], check=True,
                       capture_output=True)
        yield f"postgresql://carepath@127.0.0.1:{port}/carepath"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                       capture_output=True)
        time.sleep(0.1)
        shutil.rmtree(base, ignore_errors=True)
