"""The CLI on a shared host (issue 14 build 1: "same rules for the CLI's
multi-user paths when an identity is configured"): with
``CAREPATH_ACCESS__CLI_IDENTITY`` set, `review`, `export`, `sign` and `push`
pass the HTTP API's access policy and leave the same access-audit records
naming the actor. Each step is a real `carepath` process; the refusals exit
non-zero naming the identity and what it lacks, and write nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file
from support.workflow_fixtures import offline_cli_env, run_cli

RG1 = get_testdata_file("RG1_UNCR.dcm")
REQUEST = "Chest X-ray for cough and fever, please draft the report."


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-access-state")


def as_identity(base: dict[str, str], who: str | None, roles: list[str], groups: list[str]) -> dict[str, str]:
    env = dict(base)
    if who is not None:
        env.update({"CAREPATH_ACCESS__CLI_IDENTITY": who, "CAREPATH_ACCESS__CLI_ROLES": json.dumps(roles),
                    "CAREPATH_ACCESS__CLI_GROUPS": json.dumps(groups)})
    return env


@pytest.fixture(scope="module")
def envs(guideline_data_dir: Path, state: Path) -> dict[str, dict[str, str]]:
    base = offline_cli_env(guideline_data_dir, state)
    return {
        "local": base,
        "alice": as_identity(base, "alice", ["requester"], ["cardiology"]),
        "bob": as_identity(base, "bob", ["requester"], ["neurology"]),
        "carol": as_identity(base, "carol", ["requester"], ["cardiology"]),
        "victor": as_identity(base, "victor", ["reviewer"], []),          # reviews every group ('*')
        "rita": as_identity(base, "rita", ["reviewer"], ["neurology"]),   # reviews neurology only
    }


@pytest.fixture(scope="module")
def alice_thread(envs: dict[str, dict[str, str]]) -> str:
    r = run_cli(envs["alice"], "draft", "--json", "--text", REQUEST, "--study", RG1)
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout)
    assert out["status"] == "awaiting_signoff"
    return out["thread_id"]


def _records(state: Path) -> list[dict]:
    return [json.loads(line) for line in (state / "audit" / "audit.jsonl").read_text().splitlines()]


def _events(state: Path) -> list[dict]:
    return [json.loads(line) for line in (state / "audit" / "audit-events.jsonl").read_text().splitlines()]


def _listed(env: dict[str, str]) -> set[str]:
    r = run_cli(env, "review", "--json")
    assert r.returncode == 0, r.stderr[-3000:]
    return {t["thread_id"] for t in json.loads(r.stdout)}


def test_requester_b_cannot_list_review_export_or_sign_a_draft(envs: dict, alice_thread: str, state: Path,
                                                               tmp_path: Path) -> None:
    assert alice_thread in _listed(envs["alice"])
    assert alice_thread not in _listed(envs["bob"])

    r = run_cli(envs["bob"], "review", alice_thread, "--json")
    assert r.returncode != 0 and r.stdout == "" and "Traceback" not in r.stderr
    assert "identity 'bob'" in r.stderr and "outside the requester's groups" in r.stderr
    assert "groups: neurology" in r.stderr and "CAREPATH_ACCESS__CLI_IDENTITY" in r.stderr

    out = tmp_path / "stolen.md"
    r = run_cli(envs["bob"], "export", alice_thread, "--format", "md", "--out", str(out))
    assert r.returncode != 0 and "identity 'bob'" in r.stderr and not out.exists()

    # A requester's break-the-glass reason opens nothing: it is a reviewer's.
    r = run_cli(envs["bob"], "review", alice_thread, "--break-glass-reason", "curious")
    assert r.returncode != 0 and "identity 'bob'" in r.stderr

    r = run_cli(envs["bob"], "sign", alice_thread, "--reviewer", "Bob", "--approve")
    assert r.returncode != 0 and "only a reviewer can sign off" in r.stderr

    denied = [x for x in _records(state) if x["actor"] == "requester:bob"]
    assert {x["action"] for x in denied} == {"access.read.denied", "access.export.denied",
                                             "access.sign.denied"}
    assert all(x["thread_id"] == alice_thread for x in denied)
    # Nothing of the thread was read for a refusal: no study hash in its record.
    assert all(not x.get("input_hashes") for x in denied)
    bob_events = [e for e in _events(state) if e["agent"][0]["who"]["identifier"]["value"] == "bob"]
    assert bob_events and {e["outcome"] for e in bob_events} == {"4"}


def test_owner_group_and_reviewer_may_read_and_reads_are_audited(envs: dict, alice_thread: str, state: Path,
                                                                 tmp_path: Path) -> None:
    r = run_cli(envs["carol"], "review", alice_thread, "--json")     # same group as alice
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout)["thread_id"] == alice_thread
    assert alice_thread in _listed(envs["carol"]) and alice_thread in _listed(envs["victor"])

    out = tmp_path / "report.md"
    r = run_cli(envs["victor"], "export", alice_thread, "--format", "md", "--out", str(out))
    assert r.returncode == 0, r.stderr[-2000:]
    assert out.read_text().strip()

    records = _records(state)
    reads = [x for x in records if x["actor"] == "requester:carol" and x["action"] == "access.read.allowed"]
    exports = [x for x in records if x["actor"] == "reviewer:victor" and x["action"] == "access.export.allowed"]
    assert reads and exports and exports[-1]["thread_id"] == alice_thread
    assert any(k.startswith("study:") for k in exports[-1]["input_hashes"])   # the study, as an opaque hash


def test_reviewer_outside_scope_needs_break_the_glass(envs: dict, alice_thread: str, state: Path) -> None:
    assert alice_thread not in _listed(envs["rita"])
    r = run_cli(envs["rita"], "review", alice_thread)
    assert r.returncode != 0 and "identity 'rita'" in r.stderr and "--break-glass-reason" in r.stderr

    reason = "on-call: cardiology unreachable"
    r = run_cli(envs["rita"], "review", alice_thread, "--json", "--break-glass-reason", reason)
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout)["thread_id"] == alice_thread and "break-the-glass" in r.stderr
    glass = [x for x in _records(state) if x["actor"] == "reviewer:rita" and x["action"] == "access.read.break_glass"]
    assert glass and "break_glass_reason" in glass[-1]["input_hashes"]
    assert reason not in (state / "audit" / "audit.jsonl").read_text()   # only its hash in the chain
    btg = [e for e in _events(state) if e["agent"][0].get("purposeOfUse")]
    assert btg and btg[-1]["agent"][0]["purposeOfUse"][0]["text"] == reason


def test_without_identity_the_local_user_is_unrestricted_and_the_chain_verifies(
        envs: dict, alice_thread: str, state: Path) -> None:
    before = len(_records(state))
    assert alice_thread in _listed(envs["local"])
    r = run_cli(envs["local"], "review", alice_thread, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["thread_id"] == alice_thread
    assert len(_records(state)) == before          # single-user host: no access records, as before
    r = run_cli(envs["local"], "audit", "verify")
    assert r.returncode == 0, r.stdout + r.stderr


def test_reviewer_signs_with_the_identity_recorded(envs: dict, alice_thread: str, state: Path,
                                                   tmp_path: Path) -> None:
    edit = tmp_path / "edit.md"
    edit.write_text("## Impression\nNo acute cardiopulmonary abnormality on this draft review.\n")
    r = run_cli(envs["rita"], "sign", alice_thread, "--reviewer", "Dr Rita", "--edit", str(edit))
    assert r.returncode != 0 and "identity 'rita'" in r.stderr     # outside her groups: no glass for signing
    r = run_cli(envs["victor"], "sign", alice_thread, "--reviewer", "Dr Victor", "--edit", str(edit), "--json")
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout)["status"] == "final"
    signs = [x for x in _records(state) if x["action"] == "access.sign.allowed"]
    assert signs and signs[-1]["actor"] == "reviewer:victor"
    r = run_cli(envs["victor"], "review", alice_thread, "--json")
    assert r.returncode == 0


def test_requester_pacs_pull_is_refused_before_anything_is_pulled(envs: dict, state: Path) -> None:
    # Nothing listens on port 1: a pull attempt would fail with a connection error instead.
    r = run_cli(envs["bob"], "draft", "--text", REQUEST, "--dicomweb", "http://127.0.0.1:1/dicom-web",
                "--study-uid", "1.2.3")
    assert r.returncode != 0 and "identity 'bob'" in r.stderr and "pacs_pull" in r.stderr
    assert "connect" not in r.stderr.lower()
    assert not (state / "pacs").exists() or not any((state / "pacs").iterdir())
    pulls = [x for x in _records(state) if x["actor"] == "requester:bob" and x["action"].startswith("access.pacs")]
    assert [x["action"] for x in pulls] == ["access.pacs_pull.denied"]


def test_requester_cannot_push_or_amend_a_signed_report(envs: dict, alice_thread: str, state: Path,
                                                        tmp_path: Path) -> None:
    edit = tmp_path / "amend.md"
    edit.write_text("## Impression\nAmended impression.\n")
    r = run_cli(envs["bob"], "amend", alice_thread, "--reviewer", "Bob", "--edit", str(edit), "--reason", "x")
    assert r.returncode != 0 and "identity 'bob'" in r.stderr and "only a reviewer" in r.stderr
    r = run_cli(envs["bob"], "push", alice_thread, "--fhir", "http://127.0.0.1:1/fhir")
    assert r.returncode != 0 and "identity 'bob'" in r.stderr and "connect" not in r.stderr.lower()
    actions = [x["action"] for x in _records(state) if x["actor"] == "requester:bob"]
    assert actions[-2:] == ["access.amend.denied", "access.export.denied"]
