"""A tiny random MedGemma look-alike, built from config in the test session.

The real weights are gated and nothing may be downloaded here, so tests run
carepath's real loading code (``AutoProcessor`` / ``AutoModelForImageTextToText``
``from_pretrained`` on a directory) against a copy that has the same
architecture (Gemma3ForConditionalGeneration + SigLIP), the same special
tokens and chat template shape, but a few kilobytes of random weights and a
byte-fallback BPE tokenizer trained here on a few clinical sentences.

Images are 28x28 with 14-pixel patches and 4 soft tokens each (MedGemma:
896x896, 256 tokens), which keeps 85-image CT prompts fast on CPU.
"""

from __future__ import annotations

import json
from pathlib import Path

IMAGE_SIZE = 28
PATCH_SIZE = 14
TOKENS_PER_IMAGE = 4  # (28 / 14)^2 patches pooled 1:1
# Random weights large enough, embeddings unit-norm and untied from the LM head:
# otherwise a random model repeats one token whatever the input, and tests could
# not tell one request's output from another's.
INIT_RANGE = 0.2
EMB_NORM = 1.0
TIED = False

# Ids mirror Gemma 3's layout in miniature: specials first, then byte fallback, then merges.
SPECIAL_TOKENS = ["<pad>", "<eos>", "<bos>", "<unk>", "<mask>", "<start_of_turn>", "<end_of_turn>",
                  "<start_of_image>", "<end_of_image>", "<image_soft_token>"]
# Not "special" in Gemma: they survive skip_special_tokens, which is how thinking is found.
THINKING_TOKENS = ["<unused94>", "<unused95>"]

# Gemma 3's chat template shape (system text folded into the first user turn,
# "model" role, <start_of_image> per image part, in the parts' order).
CHAT_TEMPLATE = (Path(__file__).with_name("tiny_gemma_chat_template.jinja")).read_text()

_CORPUS = [
    "Findings: no focal consolidation, pleural effusion or pneumothorax.",
    "The cardiomediastinal silhouette is within normal limits.",
    "Impression: no acute cardiopulmonary process.",
    "There is a 2 cm nodule in the right upper lobe.",
    "Compared with the prior study, the opacity has improved.",
    "Axial CT of the head without contrast shows no hemorrhage.",
    "You are an expert radiologist. Describe this chest X-ray.",
    "Potassium 4.1 mmol/L, sodium 139 mmol/L, creatinine 0.9 mg/dL.",
]


def _train_tokenizer():
    """Byte-fallback BPE shaped like Gemma's (▁ for spaces, no pre-split)."""
    from tokenizers import Tokenizer, models, normalizers, trainers

    tok = Tokenizer(models.BPE(unk_token="<unk>", byte_fallback=True, fuse_unk=True))
    tok.normalizer = normalizers.Replace(" ", "▁")
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=[], show_progress=False,
                                  initial_alphabet=list("▁\n"))
    tok.train_from_iterator(_CORPUS * 4, trainer=trainer)
    model = json.loads(tok.to_str())["model"]
    vocab: dict[str, int] = {}
    for t in SPECIAL_TOKENS + THINKING_TOKENS + [f"<0x{b:02X}>" for b in range(256)]:
        vocab[t] = len(vocab)
    for t, _ in sorted(model["vocab"].items(), key=lambda kv: kv[1]):
        vocab.setdefault(t, len(vocab))
    merges = [tuple(m.split(" ", 1)) if isinstance(m, str) else tuple(m) for m in model["merges"]]
    return vocab, merges


def build_tiny_medgemma(path: str | Path, seed: int = 0) -> Path:
    """Write a loadable tiny MedGemma (model, tokenizer, image processor,
    processor with chat template) into ``path`` and return it."""
    import torch
    from tokenizers import AddedToken
    from transformers import (
        Gemma3Config,
        Gemma3ForConditionalGeneration,
        Gemma3Processor,
        Gemma3TextConfig,
        GemmaTokenizer,
        SiglipVisionConfig,
    )
    from transformers.models.gemma3.image_processing_pil_gemma3 import Gemma3ImageProcessorPil

    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    vocab, merges = _train_tokenizer()
    tokenizer = GemmaTokenizer(
        vocab=vocab, merges=merges,
        extra_special_tokens={"boi_token": "<start_of_image>", "eoi_token": "<end_of_image>",
                              "image_token": "<image_soft_token>"},
        add_bos_token=True, add_eos_token=False, padding_side="left",
    )
    tokenizer.add_tokens([AddedToken(t, special=True, normalized=False)
                          for t in ["<start_of_turn>", "<end_of_turn>"]], special_tokens=True)
    tokenizer.add_tokens([AddedToken(t, special=False, normalized=False) for t in THINKING_TOKENS])

    image_processor = Gemma3ImageProcessorPil(
        size={"height": IMAGE_SIZE, "width": IMAGE_SIZE}, do_pan_and_scan=False,
        resample=2, image_mean=[0.5, 0.5, 0.5], image_std=[0.5, 0.5, 0.5])
    processor = Gemma3Processor(image_processor=image_processor, tokenizer=tokenizer,
                                chat_template=CHAT_TEMPLATE, image_seq_length=TOKENS_PER_IMAGE)

    ids = tokenizer.convert_tokens_to_ids
    text_config = Gemma3TextConfig(
        vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
        num_attention_heads=2, num_key_value_heads=1, head_dim=16, max_position_embeddings=4096,
        sliding_window=64, layer_types=["sliding_attention", "full_attention"], initializer_range=INIT_RANGE,
        pad_token_id=ids("<pad>"), bos_token_id=ids("<bos>"), eos_token_id=ids("<eos>"))
    vision_config = SiglipVisionConfig(
        hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=2,
        image_size=IMAGE_SIZE, patch_size=PATCH_SIZE, vision_use_head=False)
    config = Gemma3Config(
        text_config=text_config, vision_config=vision_config, mm_tokens_per_image=TOKENS_PER_IMAGE,
        boi_token_index=ids("<start_of_image>"), eoi_token_index=ids("<end_of_image>"),
        image_token_index=ids("<image_soft_token>"), initializer_range=INIT_RANGE,
        tie_word_embeddings=TIED)
    torch.manual_seed(seed)
    model = Gemma3ForConditionalGeneration(config).eval()
    with torch.no_grad():  # the projector starts at zero: make images actually matter
        proj = model.model.multi_modal_projector.mm_input_projection_weight
        proj.normal_(0.0, 1.0)
        # Shrinking the control tokens' rows keeps them from dominating inputs.
        emb = model.get_input_embeddings().weight
        emb.copy_(emb / emb.norm(dim=-1, keepdim=True).clamp_min(1e-6) * EMB_NORM)
        for t in SPECIAL_TOKENS + THINKING_TOKENS:
            emb[ids(t)] *= 0.01
    model.generation_config.eos_token_id = [ids("<eos>"), ids("<end_of_turn>")]
    model.generation_config.pad_token_id = ids("<pad>")
    model.generation_config.do_sample = False
    model.save_pretrained(path)
    processor.save_pretrained(path)
    return path


if __name__ == "__main__":  # python tests/support/tiny_gemma.py /tmp/tiny-medgemma
    import sys

    print(build_tiny_medgemma(sys.argv[1] if len(sys.argv) > 1 else "/tmp/tiny-medgemma"))
