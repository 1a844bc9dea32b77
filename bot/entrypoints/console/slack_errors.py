"""Web API failures as Slack reports them: ok=false and an error code."""


class ApiError(Exception):
    """A Slack error code such as channel_not_found."""


def need(args: dict, name: str, error: str = "invalid_arguments"):
    """The argument, or the error Slack gives when it is missing or empty."""
    value = args.get(name)
    if value in (None, "", [], {}):
        raise ApiError(error)
    return value
