"""The bot scopes the app asks for, read from the repository's manifest.yml.

The stand-in grants exactly these, so a call the real app could not make fails here too.
The console uses the stand-in, so an installed goalbot needs the manifest too: the package's
manifest.yml is a symbolic link to the repository's (the one file people paste into Slack and CI
validates), and setuptools copies its content into the wheel as package data.
"""

from collections.abc import Iterable
from pathlib import Path

import yaml  # type: ignore[import-untyped]

MANIFEST_PATH = Path(__file__).with_name("manifest.yml")


def bot_scopes(path: Path | str = MANIFEST_PATH) -> frozenset[str]:
    """oauth_config.scopes.bot of a Slack app manifest (YAML)."""
    manifest = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    scopes: Iterable[str] = manifest.get("oauth_config", {}).get("scopes", {}).get("bot", []) or []
    return frozenset(scopes)
