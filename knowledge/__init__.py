"""carepath.knowledge."""
