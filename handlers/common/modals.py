"""A modal's answers under its inputs: `ack(response_action="errors")`, as every form uses it."""

# A form whose private_metadata no longer reads was opened by an older version, or tampered with.
STALE_FORM = "This form is out of date. Close it and run /goals again."


def modal_errors(ack, errors: dict[str, str]) -> None:
    # Slack shows at most a short line under each field.
    ack(response_action="errors", errors={block: message[:150] for block, message in errors.items()})
