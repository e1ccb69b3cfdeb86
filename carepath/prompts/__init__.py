"""Prompt template files (``<name>.v<N>.j2``), package data."""
