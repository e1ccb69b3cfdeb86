"""A tiny random MedASR-architecture model (``lasr_ctc``) built from config in
the test session and saved like a real checkpoint, so carepath loads it
through exactly the model card's ``AutoProcessor``/``AutoModelForCTC`` path.

The tokenizer is a Unigram SentencePiece-style vocabulary built here (MedASR's
layout: ``<pad>`` id 0 is the CTC blank); the feature extractor is MedASR's
default (128 mel bins, 16 kHz). Random weights emit arbitrary tokens, which is
what the chunking tests want: many tokens whose merge can be checked.
"""

from __future__ import annotations

from pathlib import Path

WORDS = ("the a of and to in is with no normal chest lung heart effusion pneumonia right left "
         "mm small large").split()


def build_tiny_medasr(path: Path) -> Path:
    import torch
    from transformers import (
        LasrCTCConfig,
        LasrFeatureExtractor,
        LasrForCTC,
        LasrProcessor,
        LasrTokenizer,
    )

    pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)]
    pieces += [("▁" + w, -5.0) for w in WORDS] + [(c, -8.0) for c in "abcdefghijklmnopqrstuvwxyz0123456789"]
    tokenizer = LasrTokenizer(vocab=pieces, extra_ids=0)
    processor = LasrProcessor(feature_extractor=LasrFeatureExtractor(), tokenizer=tokenizer)
    config = LasrCTCConfig(vocab_size=len(tokenizer), encoder_config=dict(
        hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64,
        subsampling_conv_channels=16, conv_kernel_size=5))
    torch.manual_seed(0)
    model = LasrForCTC(config).eval()
    path.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(path)
    processor.save_pretrained(path)
    return path
