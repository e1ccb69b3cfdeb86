"""Break-the-glass on the reviewer page's forms (issue 14 item 1), over real
HTTP against `carepath serve` on loopback: a reviewer outside the draft's
group who opened it with ``?break_glass_reason=`` gets that reason carried
by the sign-off and amend forms (a hidden field), so the post is decided and
audited as break-the-glass with the same reason; a post without the reason
is refused (403) and nothing is signed."""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

import httpx

from support.access_fixtures import ACCESS_TOKENS, access_server, bearer  # noqa: F401  (fixture)

QUESTION = "First-line treatment for uncomplicated cystitis in women (break-the-glass page)?"
REASON = "on-call: cardiology reviewer unreachable, patient deteriorating"
AMEND_REASON = "allergy history received after sign-off"


def _records(state: Path, tid: str) -> list[dict]:
    lines = (state / "audit" / "audit.jsonl").read_text().splitlines()
    return [r for r in map(json.loads, lines) if r.get("thread_id") == tid and r["action"].startswith("access.")]


def _field(page: str, name: str) -> str | None:
    m = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', page)
    return html.unescape(m[1]) if m else None


def _page_session(base: str, who: str) -> httpx.Client:
    """A page session opened as a person does: the token form with its CSRF field."""
    c = httpx.Client(base_url=base, timeout=300)
    form = c.get("/login/token")
    r = c.post("/login", data={"token": ACCESS_TOKENS[who][0], "csrf_token": _field(form.text, "csrf_token") or ""})
    assert r.status_code == 303 and "msg=" not in r.headers.get("location", ""), r.text[:300]
    return c


def _glass_hash(record: dict) -> str | None:
    return record["input_hashes"].get("break_glass_reason")


def test_out_of_group_reviewer_signs_and_amends_with_the_reason_carried(access_server) -> None:
    r = httpx.post(f"{access_server}/v1/questions", json={"text": QUESTION}, headers=bearer("alice"), timeout=300)
    assert r.status_code == 201, r.text
    tid = r.json()["thread_id"]
    rita = _page_session(access_server, "rita")   # reviews neurology; alice is cardiology

    assert rita.get(f"/review/{tid}").status_code == 403             # out of scope without a reason
    page = rita.get(f"/review/{tid}", params={"break_glass_reason": REASON})
    assert page.status_code == 200, page.text[:300]
    assert _field(page.text, "break_glass_reason") == REASON          # the sign form carries it
    csrf = _field(page.text, "csrf_token")
    assert csrf

    # The same form without the reason: refused, nothing signed.
    r = rita.post(f"/review/{tid}", data={"csrf_token": csrf, "action": "approve", "reason": ""})
    assert r.status_code == 403, r.text[:300]
    assert httpx.get(f"{access_server}/v1/drafts/{tid}", headers=bearer("alice")).json()["status"] \
        == "awaiting_signoff"

    r = rita.post(f"/review/{tid}", data={"csrf_token": csrf, "action": "approve", "break_glass_reason": "x" * 501})
    assert r.status_code == 422 and "too long" in r.text, r.text[:300]   # as the GET's limit

    r = rita.post(f"/review/{tid}", data={"csrf_token": csrf, "action": "approve", "reason": "",
                                          "break_glass_reason": _field(page.text, "break_glass_reason")})
    assert r.status_code == 303, r.text[:300]
    after = rita.get(r.headers["location"])                           # back on the page, same reason
    assert after.status_code == 200 and 'data-status="final"' in after.text
    signed = httpx.get(f"{access_server}/v1/drafts/{tid}", headers=bearer("alice")).json()
    assert signed["status"] == "final"

    # The amend form carries the reason too.
    assert _field(after.text, "break_glass_reason") == REASON
    sections = dict(re.findall(r'name="edit:([^"]+)" rows="4">([^<]*)</textarea>', after.text))
    assert sections, after.text[-2000:]
    name, text = next(iter(sections.items()))
    data = {f"edit:{k}": html.unescape(v) for k, v in sections.items()} | {
        f"edit:{name}": html.unescape(text) + " Penicillin allergy documented after sign-off.",
        "csrf_token": _field(after.text, "csrf_token") or "", "reason": AMEND_REASON, "kind": "amended"}
    refused = rita.post(f"/review/{tid}/amend", data=data)           # no reason: refused like the GET
    assert refused.status_code == 403, refused.text[:300]
    r = rita.post(f"/review/{tid}/amend", data=data | {"break_glass_reason": REASON})
    assert r.status_code == 303, r.text[:500]
    assert httpx.get(f"{access_server}/v1/drafts/{tid}", headers=bearer("alice")).json()["version"] == 2

    mine = [(x["actor"], x["action"], _glass_hash(x)) for x in _records(access_server.state, tid)]
    digest = hashlib.sha256(REASON.encode()).hexdigest()
    for action in ("access.read.break_glass", "access.sign.break_glass", "access.amend.break_glass"):
        assert ("reviewer:u-rita", action, digest) in mine, (action, mine)
    assert ("reviewer:u-rita", "access.sign.denied", None) in mine
    assert ("reviewer:u-rita", "access.read.denied", None) in mine
