"""Shared pytest fixtures: asr."""
