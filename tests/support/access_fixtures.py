"""`carepath serve` with several static identities for access-control tests:
two requesters in different groups, a third requester sharing requester A's
group, a reviewer of A's group only and a reviewer of every group (tokens
file with groups; hashed, as in production)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.http_fixtures import ServerURL, free_port, server_env, start_server

__all__ = ["ACCESS_TOKENS", "access_server", "bearer"]

ACCESS_TOKENS = {
    # name: (token, role, groups)
    "alice": ("tok-alice-0001", "requester", ["cardiology"]),
    "bob": ("tok-bob-0002", "requester", ["neurology"]),
    "carol": ("tok-carol-0003", "requester", ["cardiology"]),
    "rita": ("tok-rita-0004", "reviewer", ["neurology"]),
    "victor": ("tok-victor-0005", "reviewer", []),   # no groups: access.reviewer_groups = ['*']
}


def bearer(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {ACCESS_TOKENS[name][0]}"}


def _tokens_file(path: Path) -> Path:
    from carepath.web.auth import hash_token

    entries = [{"sha256": hash_token(tok), "name": name.title(), "role": role, "subject": f"u-{name}",
                "groups": groups} for name, (tok, role, groups) in ACCESS_TOKENS.items()]
    path.write_text(json.dumps({"tokens": entries}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def access_server(guideline_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerURL]:
    tmp = tmp_path_factory.mktemp("access")
    env = server_env(guideline_data_dir, tmp / "state",
                     CAREPATH_SERVER__TOKENS_FILE=str(_tokens_file(tmp / "tokens.json")))
    env.pop("CAREPATH_SERVER__TOKENS", None)
    port = free_port()
    proc = start_server(env, port, tmp / "server.log")
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
