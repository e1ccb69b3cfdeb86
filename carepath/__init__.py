"""carepath: an on-prem agentic clinical workflow orchestrator.

The import package is deliberately a single namespace: ``carepath.agents``,
``carepath.tools``, ``carepath.knowledge`` and ``carepath.workflows`` are the
repo-root folders of the same names, mapped in at install time, so embedding
carepath never shadows another SDK's top-level ``agents`` or ``tools``.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("carepath")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+src"

__all__ = ["__version__"]
