#!/usr/bin/env bash
# Serve MedGemma 1.5 4B with vLLM's OpenAI-compatible server for carepath.
# NOT RUN in carepath's CI (no GPU, no access to the gated weights); written
# from vLLM's documented flags. Check them against your vLLM version.
#
# Requirements: an NVIDIA GPU with >= 24 GB (bf16 weights ~8.6 GB + KV cache
# for 85-slice CT prompts of ~22k tokens), the weights downloaded once with a
# Hugging Face token that accepted the Health AI Developer Foundations terms.
set -euo pipefail
MODEL=${MODEL:-google/medgemma-1.5-4b-it}   # or a local directory
exec vllm serve "$MODEL" \
  --served-model-name medgemma-1.5-4b-it \
  --dtype bfloat16 \
  --max-model-len 32768 \
  --limit-mm-per-prompt '{"image": 85}' \
  --max-num-seqs 32 \
  --gpu-memory-utilization 0.90 \
  --host 127.0.0.1 --port 8000 \
  --api-key "${VLLM_API_KEY:?set VLLM_API_KEY}"
# --max-model-len: 85 images x 256 tokens + text is ~22.3k tokens (bench/tokens_per_study.py);
#                  32k leaves room for the answer; the model's 128k is not needed and costs KV memory.
# --limit-mm-per-prompt: vLLM's default allows very few images per prompt; CT/MRI needs 85.
# --max-num-seqs: concurrent sequences for continuous batching (the nightly radiology batch).
