"""Pure rules: no Slack, no database, no clock. Time is always passed in."""
