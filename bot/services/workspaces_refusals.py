"""Refusals about a workspace's own settings (facts only; handlers/views/workspace_refusals.py words them)."""

from dataclasses import dataclass

from bot.services.errors import ServiceError


@dataclass(eq=False)
class NotWorkspaceAdmin(ServiceError):
    """Only a workspace admin or owner may change the workspace's settings."""


@dataclass(eq=False)
class UnknownZone(ServiceError):
    """`typed` is no IANA time zone name."""

    typed: str
