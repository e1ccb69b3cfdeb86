"""Settings precedence and the `carepath config show` view."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from carepath.errors import ConfigError
from carepath.settings import get_settings


def test_env_overrides_toml_and_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "carepath.toml"
    cfg.write_text('[imaging]\nbackend = "openai"\nbase_url = "http://127.0.0.1:9/v1"\n'
                   'max_new_tokens = 64\napi_key = "sk-very-secret"\n[asr]\nchunk_s = 15\n')
    monkeypatch.setenv("CAREPATH_CONFIG", str(cfg))
    monkeypatch.setenv("CAREPATH_IMAGING__MAX_NEW_TOKENS", "128")
    get_settings.cache_clear()
    s = get_settings()
    assert s.imaging.backend == "openai"          # from TOML
    assert s.imaging.max_new_tokens == 128        # env beats TOML
    assert s.asr.chunk_s == 15
    assert s.text_model is s.imaging              # text role defaults to the imaging model
    assert s.imaging.api_key is not None and s.imaging.api_key.get_secret_value() == "sk-very-secret"


def test_invalid_setting_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "magic")
    get_settings.cache_clear()
    with pytest.raises(ConfigError) as err:
        get_settings()
    assert "imaging.backend" in str(err.value) or "backend" in str(err.value)


def test_config_show_masks_secrets(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('hf_token = "hf_abcdefsecret"\n[imaging]\napi_key = "sk-very-secret"\n')
    env = {"CAREPATH_CONFIG": str(cfg), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "carepath", "config", "show", "--json"],
                         capture_output=True, text=True, env=env, check=True).stdout
    data = json.loads(out)
    assert "very-secret" not in out and "abcdefsecret" not in out
    assert data["imaging"]["api_key"] == "**********"
    assert data["config_file"] == str(cfg)


def test_missing_config_file_exits_2(tmp_path: Path) -> None:
    env = {"CAREPATH_CONFIG": str(tmp_path / "nope.toml"), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "carepath", "config", "show"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2
    assert "config file not found" in r.stderr and "Traceback" not in r.stderr


def test_cli_usage_errors_are_one_message_not_a_traceback() -> None:
    for args in (["nosuch"], ["draft", "--bogus"]):
        r = subprocess.run([sys.executable, "-m", "carepath", *args], capture_output=True, text=True)
        assert r.returncode == 2, args
        assert "Traceback" not in r.stderr and "Error:" in r.stderr
