"""Slack-side pieces that are not listeners: the loopback stand-in of Slack's Web API."""
