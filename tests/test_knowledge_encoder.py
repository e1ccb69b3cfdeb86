"""The ONNX query encoder exported at index build: same vectors as
sentence-transformers, and a cold ``carepath ask`` that never imports torch,
transformers or sentence-transformers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from carepath.knowledge.index import Index

TEXTS = ["Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?",
         "DKA insulin", "qSOFA threshold " * 60, "Préeclampsie: sulfate de magnésium ≥ 4 g"]


def test_onnx_vectors_close_to_sentence_transformers(knowledge_index: Index) -> None:
    """The export is int8-quantized per channel (2-4x faster builds): vectors
    stay within cosine 0.97 of the float model; ranking agreement is measured
    by bench/bench_ask.py."""
    from carepath.models.embeddings import embed_texts

    onnx = knowledge_index.encode(TEXTS)
    ref = embed_texts(TEXTS)
    assert onnx.shape == ref.shape == (4, 384)
    assert float((onnx * ref).sum(axis=1).min()) > 0.97
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    again = knowledge_index.encode(list(reversed(TEXTS)))[::-1]  # batching and order do not change vectors
    assert float(np.abs(again - onnx).max()) < 1e-5


def test_cold_ask_imports_no_torch(knowledge_data_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(knowledge_data_dir), "HF_HUB_OFFLINE": "1"})
    code = ("import sys, json; from typer.testing import CliRunner; from carepath.cli import app\n"
            "r = CliRunner().invoke(app, ['ask', '--json', 'first-line antibiotic for CAP in a healthy adult'])\n"
            "heavy = [m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules]\n"
            "print(json.dumps({'rc': r.exit_code, 'heavy': heavy, 'out': r.output}))")
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads(r.stdout.strip().splitlines()[-1])
    assert got["rc"] == 0 and got["heavy"] == [], got
    assert json.loads(got["out"])["citations"][0]["guideline_id"] in ("ats_idsa_cap_2019", "bts_cap_2009")
