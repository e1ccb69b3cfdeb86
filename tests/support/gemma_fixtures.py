"""Shared pytest fixtures: gemma."""
