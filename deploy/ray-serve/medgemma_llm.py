"""Ray Serve LLM deployment of MedGemma 1.5 4B behind an OpenAI-compatible
route, for carepath's ``openai`` backend. NOT RUN in carepath's CI (no GPU,
gated weights); written from Ray Serve LLM's documented API
(``ray.serve.llm.LLMConfig`` / ``build_openai_app``), check it against your
Ray version.

    serve run deploy/ray-serve/medgemma_llm.py:app
    CAREPATH_IMAGING__BACKEND=openai CAREPATH_IMAGING__BASE_URL=http://HOST:8000/v1 \\
      CAREPATH_IMAGING__MODEL=medgemma-1.5-4b-it carepath draft ...
"""

from ray.serve.llm import LLMConfig, build_openai_app

llm_config = LLMConfig(
    model_loading_config={"model_id": "medgemma-1.5-4b-it", "model_source": "google/medgemma-1.5-4b-it"},
    deployment_config={"autoscaling_config": {"min_replicas": 1, "max_replicas": 4}},
    accelerator_type="H100",
    engine_kwargs={
        "dtype": "bfloat16",
        "max_model_len": 32768,                 # 85 CT slices x 256 tokens + text ~ 22.3k
        "limit_mm_per_prompt": {"image": 85},
        "max_num_seqs": 32,
    },
)

app = build_openai_app({"llm_configs": [llm_config]})
