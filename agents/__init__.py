"""carepath.agents."""
