"""The wheel is what a hospital engineer installs: it must carry the four
code folders *inside* ``carepath`` and nothing top-level that could shadow
another agent SDK's ``agents`` or ``tools``."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SUBPACKAGES = ("agents", "tools", "knowledge", "workflows")


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The wheel, and everything pip printed while building it. Built from a
    clean copy of the sources: an in-tree build reuses ``build/lib``, where a
    module deleted since the last build would still be packed."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    for folder in set(package_dirs().values()):
        shutil.copytree(REPO / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                           "-v", "-w", str(out), str(src)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    (whl,) = out.glob("carepath-*.whl")
    return whl, done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(build: tuple[Path, str]) -> Path:
    return build[0]


def package_dirs() -> dict[str, str]:
    return tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]


def package_data_files() -> list[str]:
    """Every non-Python file in the package source folders, as its path in the wheel."""
    out = []
    for pkg, folder in package_dirs().items():
        root = REPO / folder
        for f in root.rglob("*"):
            rel = f.relative_to(root)
            if f.is_file() and f.suffix not in {".py", ".pyc"} and "__pycache__" not in rel.parts:
                out.append("/".join([*pkg.split("."), *rel.parts]))
    return sorted(out)


def test_every_code_folder_is_a_declared_package() -> None:
    """A folder with an ``__init__.py`` missing from pyproject's ``packages``
    is silently left out of the wheel (the install then fails on import)."""
    cfg = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = set()
    for pkg, folder in package_dirs().items():
        for init in (REPO / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(REPO / folder)
            name = ".".join([pkg, *rel.parts])
            if not any(name == o or name.startswith(o + ".") for o in package_dirs() if o != pkg
                       and o.startswith(pkg + ".")):
                found.add(name)
    missing = sorted(found - set(cfg["packages"]))
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_build_prints_no_warning_about_the_project(build: tuple[Path, str]) -> None:
    """Data folders are package data, not undeclared packages (setuptools
    prints a page per folder otherwise)."""
    _whl, log = build
    assert "absent from the `packages` configuration" not in log
    assert "BuildBackendWarning" not in log and "SetuptoolsDeprecationWarning" not in log


def test_wheel_carries_every_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = package_data_files()
    assert any(n.startswith("carepath/agents/data/") for n in expected)  # the check sees the folders
    missing = [n for n in expected if n not in names]
    assert not missing, f"data files left out of the wheel: {missing}"


def test_wheel_has_only_carepath_at_top_level(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names}
    assert {t for t in top if not t.endswith((".dist-info", ".data"))} == {"carepath"}
    for sub in SUBPACKAGES:
        assert f"carepath/{sub}/__init__.py" in names, sub
        assert not any(n.startswith(f"{sub}/") for n in names)
    # prompt templates are package data, not left behind
    assert any(n.startswith("carepath/prompts/") and n.endswith(".j2") for n in names) or not list(
        (REPO / "carepath/prompts").glob("*.j2"))


def test_wheel_installs_into_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.check_output(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())
    # Install the wheel (no deps) into the fresh venv, as its own interpreter would.
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q",
                    "--no-deps", str(wheel)], check=True)
    # Third-party deps come from the project venv via a plain path entry (its own
    # .pth files, including the editable finder, are not processed that way).
    (site / "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = {p.name for p in site.iterdir()}
    assert not installed & set(SUBPACKAGES), installed & set(SUBPACKAGES)
    code = ("import carepath, carepath.agents, carepath.tools, carepath.knowledge, "
            "carepath.workflows; print(carepath.agents.__file__)")
    where = subprocess.check_output([py, "-c", code], text=True, cwd=tmp_path).strip()
    assert where.startswith(str(site)), where
    script = env_dir / "bin" / "carepath"
    assert script.is_file() and str(py) in script.read_text().splitlines()[0]
    help_out = subprocess.run([script, "--help"], capture_output=True, text=True, cwd=tmp_path)
    assert help_out.returncode == 0, help_out.stderr
    assert "config" in help_out.stdout
