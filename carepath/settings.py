"""The one settings model.

Precedence (highest first): explicit keyword arguments, ``CAREPATH_*``
environment variables (nested with ``__``, e.g. ``CAREPATH_IMAGING__BACKEND``),
the TOML file named by ``CAREPATH_CONFIG`` (or ``./carepath.toml``), defaults.
A hospital engineer switches MedGemma from "absent" to "real" with one
setting: ``CAREPATH_IMAGING__MODEL=/models/medgemma-1.5-4b-it`` (local dir),
or ``CAREPATH_IMAGING__BACKEND=openai`` plus ``CAREPATH_IMAGING__BASE_URL``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from carepath.errors import ConfigError

MEDGEMMA_ID = "google/medgemma-1.5-4b-it"
MEDASR_ID = "google/medasr"
DEFAULT_EMBEDDING = "builtin:all-MiniLM-L6-v2"

Device = Literal["auto", "cpu", "cuda", "mps"]
DType = Literal["auto", "bfloat16", "float16", "float32"]


class GeneratorSettings(BaseModel):
    """Which backend serves a MedGemma role and how it is driven.

    ``auto`` uses local transformers weights when they can be found without a
    network (local dir or HF cache) and otherwise runs with *no* model, saying
    so plainly; ``transformers`` and ``openai`` insist and fail with an
    actionable error when unavailable; ``none`` disables generation.
    """

    backend: Literal["auto", "transformers", "openai", "none"] = "auto"
    model: str = MEDGEMMA_ID
    revision: str | None = None
    device: Device = "auto"
    dtype: DType = "auto"
    max_new_tokens: int = Field(512, ge=1, le=32768)
    max_batch_size: int = Field(8, ge=1, le=256)
    batch_wait_ms: float = Field(
        20.0, ge=0, le=10_000,
        description="micro-batching: keep a batch open while requests arrive less than this many "
                    "ms apart (at most 4x this in total)")
    # OpenAI-compatible server (vLLM, Ollama, LM Studio).
    base_url: str | None = None
    api_key: SecretStr | None = None
    timeout_s: float = Field(120.0, gt=0)
    retries: int = Field(3, ge=0, le=20)
    temperature: float = Field(0.0, ge=0, le=2)
    deidentify: bool | None = Field(
        None, description="scrub patient identifiers from text sent to the model server "
                          "(carepath.deid); unset = on for the remote openai backend, off for local")


class ASRSettings(BaseModel):
    """Speech backend. ``auto``: MedASR if weights are found, else the labelled
    Whisper fallback (never silently presented as medical ASR)."""

    backend: Literal["auto", "medasr", "nemo", "whisper", "none"] = "auto"
    model: str = MEDASR_ID
    revision: str | None = None
    device: Device = "auto"
    chunk_s: float = Field(20.0, gt=1, le=120)
    overlap_s: float = Field(2.0, ge=0, le=30)
    threads: int = Field(0, ge=0, le=256, description="0 = library default")
    whisper_model: str | None = Field(
        None, description="Whisper fallback checkpoint: tiny.en, base or a CTranslate2 Whisper dir; "
                          "default: carepath.models.registry.WHISPER_FALLBACK")
    model_cache: Path | None = Field(
        None, description="shared cache for checkpoints carepath assembles from packages (Whisper base); "
                          "default: $XDG_CACHE_HOME or ~/.cache, /carepath/models")


class EmbeddingSettings(BaseModel):
    model: str = DEFAULT_EMBEDDING
    device: Device = "cpu"
    batch_size: int = Field(64, ge=1, le=4096)


class ServerSettings(BaseModel):
    """The HTTP service (``carepath serve``)."""

    tokens_file: Path | None = Field(
        None, description="JSON file of API tokens: {\"tokens\": [{\"sha256\": hex, \"name\": str, "
                          "\"role\": \"requester\"|\"reviewer\"}]}; CAREPATH_SERVER__TOKENS also accepted")
    tokens: SecretStr | None = Field(
        None, description="inline tokens 'TOKEN:NAME:ROLE,…' (tests, single-host setups)")
    max_upload_mb: int = Field(512, ge=1, le=65536, description="largest accepted upload per file")
    max_request_mb: int | None = Field(
        None, ge=1, le=262144, description="largest request body, refused from its Content-Length before "
                                          "it is read (default: 4 × max_upload_mb + 1)")
    max_form_files: int = Field(32, ge=1, le=1000, description="most files in one multipart request")
    max_form_fields: int = Field(64, ge=1, le=1000, description="most fields in one multipart request")


class PacsSettings(BaseModel):
    """How carepath talks to a PACS (``--dicomweb`` / ``--dimse``, ``carepath push``)."""

    token: SecretStr | None = Field(None, description="DICOMweb bearer token (Authorization header)")
    timeout_s: float = Field(30.0, gt=0, le=3600)
    retries: int = Field(2, ge=0, le=10, description="retries on connection errors and HTTP 5xx")
    calling_ae: str = Field("CAREPATH", max_length=16, description="our AE title for DIMSE")
    called_ae: str = Field("ANY-SCP", max_length=16, description="the PACS AE title for DIMSE")
    allowed: list[str] = Field(
        default_factory=list,
        description="PACS an HTTP client may name in a request ('dicomweb:URL' or 'dimse:AE@HOST:PORT'); "
                    "empty: the HTTP service accepts uploads only (the server must never fetch arbitrary URLs)")


class SecuritySettings(BaseModel):
    """Keys and retention for the audit trail and PHI at rest (README "Security").

    Key files are read at use, never logged; ``carepath audit keygen`` writes
    the anchor key 0600. Put keys and anchors on storage the log's writers
    cannot rewrite, so a rewritten log cannot be re-anchored."""

    audit_key_file: Path | None = Field(
        None, description="Ed25519 private key (PEM) signing audit anchors; unset = "
                          "<state_dir>/keys/audit-ed25519.pem when that file exists")
    audit_trusted_keys: list[Path] = Field(
        default_factory=list, description="public keys (PEM) of retired anchor keys `audit verify` still accepts")
    audit_anchor_file: Path | None = Field(
        None, description="signed anchors of the default audit log (default: <log>.anchors beside it)")
    audit_anchor_every: int = Field(100, ge=1, le=1_000_000, description="also anchor every N records")
    checkpoint_key: SecretStr | None = Field(
        None, description="AES key, base64 of 16/24/32 bytes: graph checkpoints are encrypted at rest")
    checkpoint_key_file: Path | None = Field(None, description="file holding checkpoint_key (0600)")
    retention: str | None = Field(
        None, description="e.g. '30d': inputs, prepared images and outputs of threads finalised longer "
                          "ago are purged (`carepath purge`; the server runs it on this TTL)")


class AuthSettings(BaseModel):
    """Single sign-on and reviewer-page sessions (README "Security").

    With ``oidc_issuer`` set, the API accepts the provider's JWT access
    tokens (``Authorization: Bearer``) and the reviewer page signs in through
    the provider (authorization code + PKCE); the static hashed tokens of
    ``server`` keep working beside it, or alone on a single host."""

    oidc_issuer: str | None = Field(None, description="the provider's issuer URL (https; http only on loopback)")
    oidc_audience: str | None = Field(None, description="this API's resource id (the access tokens' `aud`)")
    oidc_client_id: str = Field("carepath-web", description="the reviewer page's client at the provider")
    oidc_client_secret: SecretStr | None = Field(None, description="unset = a public client (PKCE only)")
    oidc_scopes: str = Field("openid profile", description="scopes asked for at the page login")
    oidc_redirect_uri: str | None = Field(
        None, description="the page's callback as the provider knows it (behind a proxy); unset = "
                          "<this server>/auth/callback")
    roles_claim: str = Field("roles", description="claim (dotted path) with role names: requester, reviewer")
    groups_claim: str = Field("groups", description="claim (dotted path) with group names")
    name_claim: str = Field("name", description="claim with the display name")
    leeway_s: int = Field(30, ge=0, le=300, description="clock skew allowed on token expiry")
    session_secret: SecretStr | None = Field(
        None, description="key signing the page session cookie; unset = random per process (sign-ins end "
                          "at restart)")
    session_max_age_s: int = Field(8 * 3600, ge=60, le=7 * 86400, description="a page session's lifetime")
    secure_cookies: bool = Field(False, description="mark cookies Secure (set when served behind TLS)")
    login_rate: str = Field("10/minute", description="sign-in attempts per client address (limits syntax)")
    api_rate: str = Field("600/minute", description="API calls per identity (limits syntax)")


class FhirSettings(BaseModel):
    """How reports are identified in FHIR (``workflows.outputs.fhir``).

    An identifier's system comes from its issuer (DICOM Issuer of Patient ID
    / Accession Number issuer with an OID or URI); these are the hospital's
    systems for identifiers whose issuer does not say (most modalities send a
    bare PatientID). Unset: the identifier is written without a system and no
    conditional create is attempted (matching on a bare value could pick
    another hospital's patient)."""

    patient_id_system: str | None = Field(
        None, description="identifier.system of the hospital MRN, e.g. urn:oid:1.2.3.4.5 or https://hospital.example/mrn")
    accession_system: str | None = Field(
        None, description="identifier.system of the RIS accession numbers (ACSN)")
    reviewer_id_system: str = Field(
        "urn:carepath:reviewer", description="identifier.system of carepath reviewer (signer) identities")


class AccessSettings(BaseModel):
    """Who sees which drafts (``carepath.access.policy``) and where reads are
    audited (``carepath.access.access_audit``); README "Security"."""

    reviewer_groups: list[str] = Field(
        default_factory=lambda: ["*"],
        description="groups a reviewer reviews when their identity names none ('*' = every group)")
    audit_events_file: Path | None = Field(
        None, description="FHIR AuditEvent (IHE BALP) JSON lines for a SIEM "
                          "(default: <state_dir>/audit/audit-events.jsonl)")
    cli_identity: str | None = Field(
        None, description="identity the CLI acts as (subject id); set on shared hosts so `review`/"
                          "`export` pass the access policy; unset = the local OS user, unrestricted")
    cli_roles: list[str] = Field(default_factory=lambda: ["reviewer"], description="roles of cli_identity")
    cli_groups: list[str] = Field(default_factory=list, description="groups of cli_identity")


class AgentToolSettings(BaseModel):
    """What agent tools (MCP, LangChain) may touch: ``carepath.security.tool_guard``."""

    allowed_roots: list[Path] = Field(
        default_factory=list, description="folders every path argument must resolve into (symlinks "
                                          "followed); empty = the working directory the tools run in")
    fhir_allowed: list[str] = Field(
        default_factory=list, description="FHIR server base URLs a tool may fetch; empty = files only")
    identity: str | None = Field(
        None, description="identity the agent tools act as (subject id): drafts it creates are its "
                          "submissions, draft reads pass the access policy and are audited; unset = "
                          "access.cli_identity, else the local OS user, unrestricted")
    roles: list[str] = Field(default_factory=lambda: ["requester"], description="roles of agent.identity")
    groups: list[str] = Field(default_factory=list, description="groups of agent.identity")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CAREPATH_",
        env_nested_delimiter="__",
        extra="ignore",
        toml_file=None,
    )

    imaging: GeneratorSettings = Field(default_factory=GeneratorSettings)
    text: GeneratorSettings | None = Field(
        None, description="Text-only model role; unset = share the imaging model")
    asr: ASRSettings = Field(default_factory=ASRSettings)
    embeddings: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    server: ServerSettings = Field(default_factory=ServerSettings)
    pacs: PacsSettings = Field(default_factory=PacsSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    fhir: FhirSettings = Field(default_factory=FhirSettings)
    access: AccessSettings = Field(default_factory=AccessSettings)
    agent: AgentToolSettings = Field(default_factory=AgentToolSettings)
    data_dir: Path = Field(default_factory=lambda: Path.home() / ".local/share/carepath")
    state_dir: Path = Field(default_factory=lambda: Path.home() / ".local/state/carepath")
    checkpoint_url: SecretStr | None = Field(
        None, description="unset = SQLite under state_dir; postgresql://… for a shared store")
    hf_token: SecretStr | None = None
    offline: bool = Field(True, description="Never reach the Hugging Face hub at run time")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"

    @field_validator("data_dir", "state_dir", mode="after")
    @classmethod
    def _expand(cls, v: Path) -> Path:
        return v.expanduser()

    @property
    def text_model(self) -> GeneratorSettings:
        return self.text or self.imaging

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = config_file()
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml))
        return tuple(sources)

    def masked(self) -> dict[str, Any]:
        """Effective settings for display: secrets shown as ``**********``."""
        data = self.model_dump(mode="json")  # SecretStr dumps masked in json mode
        data["config_file"] = str(config_file()) if config_file() else None
        return data


def config_file() -> Path | None:
    explicit = os.environ.get("CAREPATH_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    local = Path("carepath.toml")
    return local if local.is_file() else None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings; tests call ``get_settings.cache_clear()`` after
    changing the environment."""
    path = config_file()
    if path is not None and not path.is_file():
        raise ConfigError("config file not found", subject=str(path),
                          why="CAREPATH_CONFIG names a file that does not exist",
                          fix="point CAREPATH_CONFIG at an existing TOML file or unset it")
    try:
        return Settings()
    except ConfigError:
        raise
    except Exception as exc:  # pydantic ValidationError, TOML decode error
        raise ConfigError("invalid settings", subject=str(path) if path else "environment",
                          why=str(exc).replace("\n", " "),
                          fix="correct the CAREPATH_* variable or TOML key named above") from exc
