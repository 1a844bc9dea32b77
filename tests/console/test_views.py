import pytest

from bot.entrypoints.console.views import ViewError, ViewStore


def modal(*block_ids: str) -> dict:
    return {
        "type": "modal",
        "blocks": [
            {"type": "input", "block_id": b, "element": {"type": "plain_text_input", "action_id": "input"}}
            for b in block_ids
        ],
    }


def typed(block_id: str, text: str) -> dict:
    return {block_id: {"input": {"type": "plain_text_input", "value": text}}}


def test_pushed_views_stack_up_to_slacks_limit():
    views = ViewStore()
    root = views.open(modal("a"))
    second = views.push(modal("b"))
    views.push(modal("c"))

    with pytest.raises(ViewError, match="push_limit_reached"):
        views.push(modal("d"))
    assert (second["root_view_id"], second["previous_view_id"]) == (root["id"], root["id"])


def test_closing_a_view_drops_it_and_those_above_it():
    views = ViewStore()
    root = views.open(modal("a"))
    second = views.push(modal("b"))
    views.push(modal("c"))

    views.close(second["id"])

    assert views.top()["id"] == root["id"]


def test_an_update_keeps_typed_values_only_for_inputs_that_stay():
    views = ViewStore()
    opened = views.open(modal("a", "b"))
    views.save_state(opened["id"], {**typed("a", "kept"), **typed("b", "dropped")})

    updated = views.update(modal("a", "c"), view_id=opened["id"])

    assert updated["state"]["values"] == typed("a", "kept")


def test_an_update_of_an_unknown_view_is_not_found():
    with pytest.raises(ViewError, match="not_found"):
        ViewStore().update(modal("a"), view_id="V404")


def test_home_views_are_per_person_and_updatable_by_id():
    views = ViewStore()
    home = views.publish("U_YOU", {"type": "home", "blocks": []})

    views.update({"type": "home", "blocks": [{"type": "divider"}]}, view_id=home["id"])

    assert views.home("U_YOU")["blocks"] == [{"block_id": "console_0", "type": "divider"}]
    assert views.home("U_BOB") is None
    assert views.top() is None
