"""A real OpenAI-compatible chat completions server on loopback, answering
with a local generator (the tiny MedGemma in tests), like vLLM would.

Used to test carepath's OpenAI backend over real HTTP. ``fail_next`` makes
the next N requests answer 500 (a server restarting) to exercise retries.
"""

from __future__ import annotations

import base64
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from PIL import Image

from carepath.models.vlm import ContentPart, GenerationRequest, ImagePart, TextPart


def request_from_openai(body: dict[str, Any], max_new_tokens: int | None) -> GenerationRequest:
    system = None
    content: list[ContentPart] = []
    for msg in body["messages"]:
        parts = msg["content"]
        if isinstance(parts, str):
            parts = [{"type": "text", "text": parts}]
        if msg["role"] == "system":
            system = "".join(p.get("text", "") for p in parts)
            continue
        for p in parts:
            if p["type"] == "image_url":
                header, data = p["image_url"]["url"].split(",", 1)
                if not header.startswith("data:image/") or ";base64" not in header:
                    raise ValueError("only base64 data URLs are supported")
                content.append(ImagePart(image=Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")))
            elif p["type"] == "text":
                content.append(TextPart(text=p["text"]))
    return GenerationRequest(content=content, system=system, max_new_tokens=max_new_tokens)


class OpenAIServer:
    def __init__(self, generator: Any, model_name: str = "medgemma-tiny") -> None:
        self.generator = generator
        self.model_name = model_name
        self.fail_next = 0
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                return None

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                raw = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                if self.path != "/v1/chat/completions":
                    self._send(404, {"error": {"message": f"no route {self.path}"}})
                    return
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server._lock:
                    server.requests.append(body)
                    failing = server.fail_next > 0
                    if failing:
                        server.fail_next -= 1
                if failing:
                    self._send(500, {"error": {"message": "engine restarting"}})
                    return
                try:
                    req = request_from_openai(body, body.get("max_tokens"))
                except (KeyError, ValueError) as exc:
                    self._send(400, {"error": {"message": str(exc)}})
                    return
                gen = server.generator.generate(req)
                self._send(200, {
                    "id": f"chatcmpl-{time.time_ns()}", "object": "chat.completion",
                    "created": int(time.time()), "model": server.model_name,
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": gen.text}}],
                    "usage": {"prompt_tokens": gen.prompt_tokens,
                              "completion_tokens": gen.completion_tokens,
                              "total_tokens": gen.prompt_tokens + gen.completion_tokens}})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> OpenAIServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(10)
