"""The workspace record: made on first meeting, its zone, a failing token and uninstalls, on
every backend."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from bot.services.actor import Actor
from bot.services.workspaces import (
    default_zone,
    list_workspaces,
    mark_token_failing,
    note_workspace,
    set_default_zone,
    standing_of,
    workspaces_to_serve,
)
from bot.services.workspaces_refusals import NotWorkspaceAdmin, UnknownZone
from bot.services.workspaces_zones import ZoneCache
from models.workspaces import Workspace, WorkspaceState

AT = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)


def test_a_workspace_is_noted_once_and_keeps_the_latest_name(sessions):
    with sessions.begin() as session:
        note_workspace(session, "T1")
        note_workspace(session, "T1", "Acme")
        note_workspace(session, "T1")  # no name: the one kept stays
        note_workspace(session, "T2", "Beta")
    assert [(w.team_id, w.team_name, w.uninstalled) for w in list_workspaces(sessions)] == [
        ("T1", "Acme", False),
        ("T2", "Beta", False),
    ]


def test_the_zone_is_the_workspaces_else_the_fallback_and_only_admins_change_it(sessions):
    with sessions.begin() as session:
        assert default_zone(session, "T1", "UTC") == "UTC"
    with pytest.raises(NotWorkspaceAdmin):
        set_default_zone(sessions, Actor("T1", "U1"), "Europe/Berlin")
    with pytest.raises(UnknownZone):
        set_default_zone(sessions, Actor("T1", "U1", is_admin=True), "Mars/Olympus")
    assert set_default_zone(sessions, Actor("T1", "U1", is_admin=True), "asia/TOKYO") == "Asia/Tokyo"
    with sessions.begin() as session:
        assert default_zone(session, "T1", "UTC") == "Asia/Tokyo"
        assert default_zone(session, "T2", "UTC") == "UTC"  # another workspace's zone is its own


def test_the_zone_cache_notes_a_new_workspace_and_forgets_on_request(sessions):
    zones = ZoneCache(ttl=3600.0)
    assert zones.zone_of(sessions, "T9", "UTC") == "UTC"
    assert [w.team_id for w in list_workspaces(sessions)] == ["T9"]
    set_default_zone(sessions, Actor("T9", "U1", is_admin=True), "Europe/Paris")
    assert zones.zone_of(sessions, "T9", "UTC") == "UTC"  # kept for its ttl
    zones.forget("T9")
    assert zones.zone_of(sessions, "T9", "UTC") == "Europe/Paris"


def test_uninstalled_and_recently_failing_workspaces_are_not_served(sessions):
    with sessions.begin() as session:
        for team in ("T1", "T2", "T3"):
            note_workspace(session, team)
        assert mark_token_failing(session, "T2", "account_inactive", AT) is True
        assert mark_token_failing(session, "T2", "account_inactive", AT + timedelta(minutes=5)) is False
        session.execute(
            update(Workspace).where(Workspace.team_id == "T3").values(state=WorkspaceState.UNINSTALLED)
        )
    with sessions.begin() as session:
        later = AT + timedelta(minutes=6)
        assert workspaces_to_serve(session, ["T4", "T3", "T2", "T1"], later) == ["T4", "T1"]
        assert standing_of(session, "T2", later).refusal == "account_inactive"
        an_hour_on = AT + timedelta(minutes=65)  # an hour after its latest failure: one more try
        assert workspaces_to_serve(session, ["T2"], an_hour_on) == ["T2"]
        assert standing_of(session, "T3", later).refusal == "uninstalled"
    (t2,) = [w for w in list_workspaces(sessions) if w.team_id == "T2"]
    assert t2.token_failing_since == AT  # since the first failure, not the latest
