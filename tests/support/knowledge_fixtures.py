"""Shared pytest fixtures: knowledge."""
