"""The reviewer page end to end in a real headless Chromium (Debian's, driven
by Playwright; never `playwright install`), keyboard only: sign in, submit a
request, open the draft, edit a sentence, sign, and check the final FHIR
status through the API. A screenshot is kept as a test artifact."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest

from support.http_fixtures import TOKENS

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("CAREPATH_TEST_ARTIFACTS", Path(__file__).resolve().parents[1] / "artifacts"))


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium missing: make test installs it (scripts/apt-deps.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


def test_reviewer_page_keyboard_only(browser, carepath_server: str, tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto(f"{carepath_server}/")
    assert page.url.endswith("/login")
    # The token field takes focus by itself (autofocus); wait for it so no keystroke is lost
    # to a page that has not focused it yet under a loaded CPU.
    page.wait_for_function("document.activeElement && document.activeElement.id === 'token'")
    page.keyboard.type(TOKENS["reviewer"])
    page.keyboard.press("Enter")
    page.wait_for_url(f"{carepath_server}/")

    page.focus("#text")
    page.keyboard.type("What is the first-line treatment for community-acquired pneumonia in a healthy outpatient?")
    page.keyboard.press("Tab")                      # → file input
    page.keyboard.press("Tab")                      # → Draft button
    page.keyboard.press("Enter")
    page.wait_for_url("**/review/**", timeout=300_000)
    thread_id = page.url.rsplit("/", 1)[-1]
    assert page.get_attribute("#status", "data-status") == "awaiting_signoff"
    assert page.locator("blockquote").count() >= 1          # guideline quotes are shown
    assert "ats_idsa_cap_2019" in page.content() or "Community-acquired Pneumonia" in page.content()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "reviewer-page-draft.png"), full_page=True)
    page.focus("#edit-Answer")
    page.keyboard.press("Control+A")
    page.keyboard.type("Reviewer-edited answer: amoxicillin for healthy outpatients, per the cited guideline.")
    page.focus("button[value=edit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#status[data-status=final]")
    assert "Signed by Dr Ada Reviewer" in page.inner_text("#status")

    shot = ARTIFACTS / "reviewer-page-signed.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    shutil.copy(shot, tmp_path / shot.name)

    # Another requester (not the submitter, no shared group) may not read it; the reviewer may.
    refused = httpx.get(f"{carepath_server}/v1/drafts/{thread_id}/outputs/fhir", timeout=60,
                        headers={"Authorization": f"Bearer {TOKENS['requester']}"})
    assert refused.status_code == 403, refused.text
    bundle = httpx.get(f"{carepath_server}/v1/drafts/{thread_id}/outputs/fhir", timeout=60,
                       headers={"Authorization": f"Bearer {TOKENS['reviewer']}"}).json()
    report = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DiagnosticReport")
    assert report["status"] == "final"
    assert "Reviewer-edited answer" in str(bundle)
    page.close()


def test_requester_sees_no_signing_form(browser, carepath_server: str) -> None:
    page = browser.new_page()
    page.goto(f"{carepath_server}/login")
    page.fill("#token", TOKENS["requester"])
    page.keyboard.press("Enter")
    page.wait_for_url(f"{carepath_server}/")
    r = httpx.post(f"{carepath_server}/v1/questions", json={"text": "How is diabetic ketoacidosis treated?"},
                   headers={"Authorization": f"Bearer {TOKENS['requester']}"}, timeout=300)
    page.goto(f"{carepath_server}/review/{r.json()['thread_id']}")
    assert page.locator("button[value=approve]").count() == 0
    assert "Only a reviewer can sign off" in page.content()
    page.close()
