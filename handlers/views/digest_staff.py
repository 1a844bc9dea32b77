"""Lines of a digest's "What staff said" reply: the confidence trend and who said a quote."""

import re

from bot.domain.reports.confidence import SCALE, ConfidenceTrend
from bot.domain.reports.quotes import QuoteCandidate
from handlers.views.format import mention

# A user id as Slack (and the stand-in) spell them: only characters that cannot end or bend a mention.
_USER_ID = re.compile(r"[UW][A-Z0-9_]{1,31}")


def confidence_line(trend: ConfidenceTrend) -> str | None:
    """ "*Confidence* 3.8 / 5 (↑ from 3.4; last 4: 3.1 · 3.4 · 3.6 · 3.8)"; None when no period in
    the window shows any (no check-in asks it, or too few answered an anonymous one)."""
    if not trend.shown:
        return None
    history = " · ".join("—" if p.average is None else f"{p.average:.1f}" for p in trend.periods)
    window = f"last {len(trend.periods)}: {history}"
    current, previous = trend.current, trend.previous
    if current is None:
        return f"*Confidence* — this period ({window})"
    if previous is None:
        return f"*Confidence* {current:.1f} / {SCALE} ({window})"
    now, before = round(current, 1), round(previous, 1)
    arrow = "↑ from" if now > before else "↓ from" if now < before else "→ same as"
    return f"*Confidence* {current:.1f} / {SCALE} ({arrow} {previous:.1f}; {window})"


def quote_source(quote: QuoteCandidate) -> str:
    """Who said it: "anonymous", or a mention of the named author (made here, never typed text)."""
    if quote.anonymous:
        return "anonymous"
    if quote.author_key is not None and _USER_ID.fullmatch(quote.author_key):
        return mention(quote.author_key)
    return ""
