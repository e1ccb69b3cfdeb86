"""``carepath demo``: the main job, offline, on the embedded defaults.

Each step is a separate ``carepath`` process, exactly as a user would type
it, so the demo also proves that a draft paused in one process is signed in
another. A fresh state directory per run keeps demo threads apart; the
guideline index is shared (built once under the data directory).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

import typer
from rich.console import Console
from rich.panel import Panel

from carepath.errors import CarepathError
from carepath.settings import get_settings

console = Console(highlight=False, soft_wrap=True)

QUESTION = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"
CXR_REQUEST = "Chest X-ray for cough and fever. Please draft the report."
DICTATION = ("Chest x-ray, PA view, for a fifty five year old with cough and fever. "
             "Please draft the report and check for pneumonia.")


DEMO_FINDINGS = "PA chest radiograph. Lungs clear. No pleural effusion or pneumothorax. Heart size normal."
DEMO_IMPRESSION = "No acute cardiopulmonary abnormality."


def _reviewer_writes(template: str) -> str:
    """What the demo radiologist types into the empty Findings/Impression
    headings of the edit file (an unsigned draft with no model findings
    cannot be approved as it is)."""
    return (template.replace("## Findings\n\n", f"## Findings\n{DEMO_FINDINGS}\n", 1)
            .replace("## Impression\n\n", f"## Impression\n{DEMO_IMPRESSION}\n", 1))


def _carepath(args: list[str], env: dict[str, str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "carepath", *args]
    console.print(f"[dim]$ carepath {' '.join(_quote(a) for a in args)}[/]")
    proc = subprocess.run(cmd, env=env, text=True, capture_output=True)
    if proc.stderr.strip():
        console.print(proc.stderr.rstrip(), markup=False)
    if check and proc.returncode != 0:
        raise CarepathError(f"demo step failed: carepath {args[0]} exited {proc.returncode}")
    return proc


def _quote(a: str) -> str:
    return f'"{a}"' if " " in a else a


def _json(proc: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(proc.stdout)


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        keep: bool = typer.Option(True, help="Keep the demo state directory."),
    ) -> int:
        """Index guidelines, answer a question, draft a chest X-ray (typed and
        dictated), and sign the draft in a second process — all offline."""
        settings = get_settings()
        run_dir = settings.data_dir / "demo" / datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        run_dir.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "CAREPATH_STATE_DIR": str(run_dir / "state"),
               "CAREPATH_DATA_DIR": str(settings.data_dir), "HF_HUB_OFFLINE": "1"}
        from pydicom.data import get_testdata_file  # heavy: pydicom (0.3 s) only when the demo runs

        cxr = get_testdata_file("RG1_UNCR.dcm")
        if cxr is None:
            raise CarepathError("demo chest X-ray RG1_UNCR.dcm not found",
                                fix="pip install pydicom-data (make demo installs it)")

        console.print(Panel("1/5 · Guideline index (open-medicine corpus, MiniLM + BM25, FAISS)"))
        _carepath(["index"], env)

        console.print(Panel("2/5 · A guideline question, answered with verbatim citations"))
        ans = _json(_carepath(["ask", "--json", QUESTION], env))
        console.print(f"[bold]Q:[/] {ans['question']}\n[bold]A:[/] {ans['answer']}")
        for c in ans["citations"][:3]:
            console.print(f"  [cyan][{c['n']}][/] {c['guideline_id']} · {c['heading']}\n"
                          f"      “{c['quote'][:300]}”")

        console.print(Panel("3/5 · Typed request: chest X-ray draft on RG1_UNCR.dcm"))
        typed = _carepath(["draft", "--text", CXR_REQUEST, "--study", cxr], env)
        console.print(typed.stdout.rstrip(), markup=False)
        typed_json = _json(_carepath(["draft", "--json", "--text", CXR_REQUEST, "--study", cxr], env))

        console.print(Panel("4/5 · Dictated request (espeak-ng recording → speech recognition)"))
        wav = run_dir / "dictation.wav"
        if shutil.which("espeak-ng"):
            subprocess.run(["espeak-ng", "-s", "150", "-w", str(wav), DICTATION], check=True,
                           capture_output=True)
            dictated = _json(_carepath(["draft", "--json", "--audio", str(wav), "--study", cxr], env))
            t = dictated.get("transcript") or {}
            console.print(f"[bold]Transcript[/] ({t.get('asr_backend')}, RTF {t.get('rtf', 0):.2f}): "
                          f"{t.get('text')}")
            console.print(f"Draft {dictated['thread_id']}: intent {dictated['intent']}, "
                          f"status {dictated['status']}")
        else:
            console.print("[yellow]espeak-ng is not installed; skipping the dictated request "
                          "(make demo installs it).[/]")

        console.print(Panel("5/5 · The radiologist writes Findings/Impression (no model here) and signs "
                            "in a second process, then the outputs"))
        edit = run_dir / "signoff.md"
        _carepath(["review", typed_json["thread_id"], "--template", str(edit)], env)
        edit.write_text(_reviewer_writes(edit.read_text()), encoding="utf-8")
        signed = _json(_carepath(["sign", typed_json["thread_id"], "--reviewer", "Demo Radiologist",
                                  "--edit", str(edit), "--json"], env))
        console.print(f"[bold]{signed['status']}[/] · thread {signed['thread_id']}")
        for fmt, path in signed["outputs"].items():
            console.print(f"  {fmt:9s} {path}")
        _carepath(["audit", "verify"], env)
        console.print(f"\nDemo state: {run_dir}")
        if not keep:
            shutil.rmtree(run_dir, ignore_errors=True)
        return 0


