"""Shared pytest fixtures: dicom."""
