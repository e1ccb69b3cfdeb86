"""CLI command groups, one module each (see ``carepath.cli.COMMAND_MODULES``)."""
