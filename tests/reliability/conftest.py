"""Reliability suite set-up: a quick hypothesis profile for ``make test`` and
a long one for ``make reliability`` / ``make fuzz``
(``CAREPATH_RELIABILITY=long``; ``CAREPATH_FUZZ_EXAMPLES`` overrides the
number of examples per fuzz target)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG = os.environ.get("CAREPATH_RELIABILITY", "quick") == "long"
EXAMPLES = int(os.environ.get("CAREPATH_FUZZ_EXAMPLES", "0") or 0) or (2000 if LONG else 60)

settings.register_profile(
    "carepath-reliability", max_examples=EXAMPLES, deadline=None, derandomize=not LONG,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture], database=None)
