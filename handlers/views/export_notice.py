"""What goes with an export's files, and what to say when Slack refuses them."""

from bot.domain.reports.export import CsvFile
from bot.services.reports.export_data import ExportScope


def export_comment(scope: ExportScope, files: list[CsvFile]) -> str:
    period = f"for {scope.label}" if scope.label else "for everything so far"
    names = ", ".join(f"`{f.name}`" for f in files)
    return f"📦 Export {period}: {names}. Anonymous answers have no author column."


def export_failed(error: str) -> str:
    if error in ("not_in_channel", "channel_not_found"):
        return (
            "I couldn't upload the export here: invite me to this channel (`/invite @goalbot`) "
            "and run it again."
        )
    return (
        f"Slack refused the export upload ({error}); nothing was shared. "
        "Try `/goals export` again in a minute."
    )
