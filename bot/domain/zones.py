"""The one reader of a typed or received time-zone name: IANA names, in any case.

`europe/berlin`, `EUROPE/BERLIN` and `Europe/Berlin` are one zone; what is stored and shown is the
IANA spelling (`Europe/Berlin`), so a zone name compares equal wherever it came from. Everything
that takes a zone name (settings, people's zones from Slack, stored names) goes through here.
"""

from functools import lru_cache
from zoneinfo import available_timezones


@lru_cache(maxsize=1)
def _by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


def canonical_zone(name: str | None) -> str | None:
    """The IANA spelling of `name` (any case, spaces around ignored); None for no known zone."""
    if not name:
        return None
    return _by_folded_name().get(name.strip().casefold())


def known_zones() -> frozenset[str]:
    """Every IANA name, as `canonical_zone` spells it."""
    return frozenset(_by_folded_name().values())
