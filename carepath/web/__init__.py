"""carepath's HTTP service and reviewer web page (the ``[ui]`` extra)."""
