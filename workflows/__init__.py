"""carepath.workflows."""
