"""The views open for the person at the console (their modal stack and Home tab), as the stand-in
keeps them: Slack views seen from the console, not Block Kit builders."""

from collections.abc import Callable
from typing import Any

from bot.slack.standin.views import ViewStore

View = dict[str, Any]


class MyViews:
    def __init__(self, store: ViewStore, me: Callable[[], str]) -> None:
        self.store, self.me = store, me

    def top(self) -> View | None:
        return self.store.top(self.me())

    def home(self, user_id: str | None = None) -> View | None:
        return self.store.home(user_id or self.me())

    def find(self, view_id: str) -> View | None:
        return self.store.find(view_id)

    def save_state(self, view_id: str, values: dict[str, Any]) -> None:
        self.store.save_state(view_id, values)

    def update(self, view: View, *, view_id: str) -> View:
        """response_action=update: the app's answer replaces the submitted view."""
        return self.store.update(view, view_id=view_id, external_id=None, hash=None)

    def push(self, view: View) -> View:
        """response_action=push, which Slack applies without a trigger."""
        return self.store.push(self.store.new_trigger(self.me()), view)

    def close(self, view_id: str) -> None:
        self.store.close(self.me(), view_id)

    def clear(self) -> None:
        self.store.clear(self.me())
