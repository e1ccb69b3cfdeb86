"""The OpenAI-compatible backend against a real HTTP server on loopback that
serves the tiny MedGemma (the shape of a vLLM deployment)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from carepath.errors import BackendError
from carepath.models import registry
from carepath.models.transformers_vlm import TransformersGenerator
from carepath.models.openai_compat import OpenAICompatGenerator
from carepath.models.registry import get_generator
from carepath.models.vlm import GenerationRequest
from carepath.settings import GeneratorSettings, get_settings
from support.model_requests import skill_request
from support.openai_server import OpenAIServer


@pytest.fixture(scope="module")
def local_generator(tiny_medgemma_dir: Path) -> Iterator[TransformersGenerator]:
    gen = TransformersGenerator(GeneratorSettings(model=str(tiny_medgemma_dir), max_new_tokens=8,
                                                  batch_wait_ms=50), role="imaging")
    yield gen
    gen.close()


@pytest.fixture(scope="module")
def server(local_generator: TransformersGenerator) -> Iterator[OpenAIServer]:
    with OpenAIServer(local_generator) as srv:
        yield srv


def _client(base_url: str, **kw: object) -> OpenAICompatGenerator:
    cfg = GeneratorSettings(backend="openai", base_url=base_url, model="medgemma-tiny",
                            max_new_tokens=8, **kw)  # type: ignore[arg-type]
    gen = OpenAICompatGenerator(cfg, role="imaging")
    gen.backoff_s = 0.01  # keep retry tests fast
    return gen


def _req(i: int, n_images: int = 1) -> GenerationRequest:
    imgs = [Image.new("RGB", (40, 40), ((i * 40 + k) % 256, 90, (200 - i * 20) % 256))
            for k in range(n_images)]
    return skill_request(imgs, f"Describe study {i}.",
                                              system="You are an expert radiologist.")


def _use_remote_imaging(server: OpenAIServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings that point the imaging role at the loopback server."""
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "openai")
    monkeypatch.setenv("CAREPATH_IMAGING__BASE_URL", server.base_url)
    monkeypatch.setenv("CAREPATH_IMAGING__MODEL", "medgemma-tiny")
    monkeypatch.setenv("CAREPATH_IMAGING__MAX_NEW_TOKENS", "8")
    get_settings.cache_clear()
    registry.reset()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_settings_select_openai_and_text_comes_back(
        server: OpenAIServer, local_generator: TransformersGenerator,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _use_remote_imaging(server, monkeypatch)
    try:
        gen = get_generator("imaging")
        assert isinstance(gen, OpenAICompatGenerator)
        req = _req(3, n_images=2)
        out = gen.generate(req)
    finally:
        registry.reset()
    # PNG data URLs are lossless, so the server sees exactly our images.
    assert out.text.strip() and out.text == local_generator.generate(
        req.model_copy(update={"max_new_tokens": 8})).text
    # remote by default means de-identified text (carepath.deid), recorded in the backend name
    assert out.backend == "openai+deid" and out.model == "medgemma-tiny"
    assert out.completion_tokens >= 1 and out.prompt_tokens > 0
    sent = server.requests[-1]
    assert sent["messages"][0] == {"role": "system", "content": "You are an expert radiologist."}
    kinds = [p["type"] for p in sent["messages"][1]["content"]]
    assert kinds == ["image_url", "image_url", "text"]
    assert sent["messages"][1]["content"][0]["image_url"]["url"].startswith("data:image/png;base64,")


def test_generate_many_is_concurrent_and_ordered(
        server: OpenAIServer, local_generator: TransformersGenerator) -> None:
    client = _client(server.base_url)
    try:
        reqs = [_req(i, n_images=i % 3) for i in range(6)]
        got = client.generate_many(reqs)
    finally:
        client.close()
    want = [local_generator.generate(r.model_copy(update={"max_new_tokens": 8})) for r in reqs]
    assert len({w.text for w in want}) > 1
    assert [g.text for g in got] == [w.text for w in want]


def test_server_down_names_the_url() -> None:
    url = f"http://127.0.0.1:{_free_port()}/v1"
    client = _client(url, retries=2)
    try:
        with pytest.raises(BackendError) as info:
            client.generate(_req(0))
    finally:
        client.close()
    msg = str(info.value)
    assert f"{url}/chat/completions" in msg
    assert "3 attempts" in msg and "CAREPATH_IMAGING__BASE_URL" in msg
    assert info.value.exit_code == 3


def test_500_then_200_succeeds_after_retry(server: OpenAIServer) -> None:
    client = _client(server.base_url, retries=2)
    before = len(server.requests)
    server.fail_next = 1
    try:
        out = client.generate(_req(1))
    finally:
        client.close()
    assert out.text.strip()
    assert len(server.requests) - before == 2


def test_persistent_500_gives_up_with_status(server: OpenAIServer) -> None:
    client = _client(server.base_url, retries=1)
    server.fail_next = 5
    try:
        with pytest.raises(BackendError, match="HTTP 500: engine restarting"):
            client.generate(_req(1))
    finally:
        server.fail_next = 0
        client.close()


def test_client_error_is_not_retried(server: OpenAIServer) -> None:
    client = _client(server.base_url.replace("/v1", "/v2"), retries=3)
    before = len(server.requests)
    try:
        with pytest.raises(BackendError) as info:
            client.generate(_req(0))
    finally:
        client.close()
    assert "HTTP 404" in str(info.value) and "/v2/chat/completions" in str(info.value)
    assert "BASE_URL" in str(info.value)
    assert len(server.requests) == before  # 404 is answered before the body is logged


def test_thinking_from_server_is_stripped(server: OpenAIServer,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    class Thinker:
        def generate(self, req: GenerationRequest):  # noqa: ANN201 - server-side stand-in
            from carepath.models.vlm import Generation

            return Generation(text="<unused94>thought\nleft base?<unused95>Left basilar opacity.",
                              model="m", backend="x", completion_tokens=5, prompt_tokens=3)

    monkeypatch.setattr(server, "generator", Thinker())
    client = _client(server.base_url)
    try:
        out = client.generate(_req(0))
    finally:
        client.close()
    assert out.text == "Left basilar opacity."
    assert out.thinking == "left base?"


def test_burned_in_annotation_never_leaves_for_a_deidentified_remote(
        server: OpenAIServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Text is scrubbed for remote models, pixels are not: a radiograph whose
    header says text is burned in is refused before any byte is sent, with
    the way out named; with de-identification turned off on purpose it goes."""
    import pydicom
    from pydicom.data import get_testdata_file

    from carepath.errors import InputError
    from carepath.tools import cxr

    ds = pydicom.dcmread(get_testdata_file("RG1_UNCR.dcm"))
    ds.BurnedInAnnotation = "YES"
    marked = tmp_path / "burned.dcm"
    ds.save_as(marked, enforce_file_format=True)
    _use_remote_imaging(server, monkeypatch)
    try:
        before = len(server.requests)
        with pytest.raises(InputError, match="not sent to the remote model") as err:
            cxr.run(cxr.CXRInput(path=marked))
        assert "BurnedInAnnotation" in err.value.one_line() and "DEIDENTIFY=false" in err.value.one_line()
        assert len(server.requests) == before
        plain = cxr.run(cxr.CXRInput(path=Path(get_testdata_file("RG1_UNCR.dcm"))))   # no flag: sent
        assert plain.generated and len(server.requests) == before + 1

        monkeypatch.setenv("CAREPATH_IMAGING__DEIDENTIFY", "false")
        get_settings.cache_clear()
        registry.reset()
        sent = cxr.run(cxr.CXRInput(path=marked))
        assert sent.generated and sent.backend == "openai" and len(server.requests) == before + 2
    finally:
        get_settings.cache_clear()
        registry.reset()
