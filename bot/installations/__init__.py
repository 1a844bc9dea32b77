"""Installations: goalbot installed by "Add to Slack" into any number of workspaces.

stores.py keeps them (slack_sdk's SQLAlchemy stores on the app's database) and answers a
workspace's bot token; flow.py is Bolt's OAuth flow with goalbot's pages (pages.py) and rules.
"""
