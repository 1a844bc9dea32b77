"""Every Web API method the stand-in answers, by name."""

from bot.slack.standin.methods import chat, conversations, files, users, views
from bot.slack.standin.web_api import Method

METHODS: dict[str, Method] = {
    **chat.METHODS,
    **conversations.METHODS,
    **files.METHODS,
    **users.METHODS,
    **views.METHODS,
}
