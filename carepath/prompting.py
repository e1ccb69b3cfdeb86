"""Versioned prompt templates: the one place prompts live.

Templates are files ``carepath/prompts/<name>.v<N>.j2`` (Jinja2, strict
undefined). A rendered prompt carries ``template_id`` (``name@vN``) and the
template's content hash so every draft's provenance can say exactly which
wording produced it; changing wording means adding ``v<N+1>``, never editing
a released version in place (a test pins the hashes of released versions).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import jinja2
from pydantic import BaseModel

_NAME = re.compile(r"^(?P<name>[a-z0-9_]+)\.v(?P<version>\d+)\.j2$")
_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False,
                          keep_trailing_newline=False, trim_blocks=True, lstrip_blocks=True)


class RenderedPrompt(BaseModel):
    template_id: str
    template_sha256: str
    text: str


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: int
    source: str

    @property
    def template_id(self) -> str:
        return f"{self.name}@v{self.version}"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()

    def render(self, **values: object) -> RenderedPrompt:
        text = _ENV.from_string(self.source).render(**values).strip()
        return RenderedPrompt(template_id=self.template_id, template_sha256=self.sha256, text=text)


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[int, PromptTemplate]]:
    out: dict[str, dict[int, PromptTemplate]] = {}
    for entry in resources.files("carepath.prompts").iterdir():
        m = _NAME.match(entry.name)
        if not m:
            continue
        t = PromptTemplate(m["name"], int(m["version"]), entry.read_text(encoding="utf-8"))
        out.setdefault(t.name, {})[t.version] = t
    return out


def get_template(name: str, version: int | None = None) -> PromptTemplate:
    """Latest version unless ``version`` pins one."""
    versions = _catalogue().get(name)
    if not versions:
        raise KeyError(f"no prompt template named {name!r} in carepath/prompts")
    if version is None:
        return versions[max(versions)]
    if version not in versions:
        raise KeyError(f"prompt template {name!r} has no version {version}; "
                       f"available: {sorted(versions)}")
    return versions[version]
