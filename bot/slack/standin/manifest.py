"""The bot scopes the app asks for, read from the repository's manifest.yml.

The stand-in grants exactly these, so a call the real app could not make fails here too.
"""

from collections.abc import Iterable
from pathlib import Path

import yaml  # type: ignore[import-untyped]

# bot/slack/standin/manifest.py → the repository root holds manifest.yml
MANIFEST_PATH = Path(__file__).resolve().parents[3] / "manifest.yml"


def bot_scopes(path: Path | str = MANIFEST_PATH) -> frozenset[str]:
    """oauth_config.scopes.bot of a Slack app manifest (YAML)."""
    manifest = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    scopes: Iterable[str] = manifest.get("oauth_config", {}).get("scopes", {}).get("bot", []) or []
    return frozenset(scopes)
