"""carepath.tools."""
