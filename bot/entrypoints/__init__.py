"""Entry points: the only place that wires settings, database, Slack client and handlers together."""
