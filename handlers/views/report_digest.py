"""A digest, worded: one compact parent message, and thread replies with the details.

Slack's limits are met on purpose: a section holds at most 3,000 characters and a message 50
blocks, so progress rows are packed into sections, sections into messages, and at most
MAX_ROW_MESSAGES messages; whatever does not fit is named ("…and 12 more goals and objectives").
"""

from collections.abc import Sequence

from slack_sdk.models.blocks import Block

from bot.domain.reports.digest import Digest, ProgressRow
from bot.domain.reports.participation import Trend
from handlers.views.blocks import context, header, more_text, section
from handlers.views.digest_staff import confidence_line, quote_source
from handlers.views.format import escape, format_value, percent, plural, status_badge, truncate
from handlers.views.limits import MESSAGE_BLOCKS, SECTION_TEXT

Message = tuple[str, list[Block]]
MAX_ROW_MESSAGES = 4
_ROW_NOUN = "goals and objectives"
_TREND = {
    Trend.RISING: "↗ rising",
    Trend.FALLING: "↘ falling",
    Trend.STEADY: "→ steady",
    Trend.UNKNOWN: "not enough history yet",
}


def period_label(digest: Digest) -> str:
    p = digest.period
    if p.kind.value == "week":
        return f"week {p.id} ({p.start:%d %b} – {p.end:%d %b %Y})"
    return p.start.strftime("%B %Y")


def build_digest_parent(digest: Digest) -> Message:
    label = period_label(digest)
    goals = sum(1 for row in digest.rows.shown if row.is_goal and row.depth == 0)
    current = digest.participation.current
    rate = "no check-ins" if current is None or current.rate is None else f"{percent(current.rate)} answered"
    f = digest.followups
    summary = (
        f"*{status_badge(digest.status)}* · {plural(goals, 'goal')} · check-ins: {rate} · "
        f"follow-ups: {f.opened} opened, {f.resolved} resolved, {f.overdue} overdue"
    )
    text = f"Progress digest for {label}: {digest.status.value}"
    return text, [
        header(f"📊 Progress digest · {label}"),
        section(summary),
        context("Details and the chart are in the thread 🧵"),
    ]


def build_digest_thread(digest: Digest) -> list[Message]:
    return [*_progress_messages(digest), _staff_message(digest)]


def row_line(row: ProgressRow) -> str:
    indent = "    " * row.depth
    pct = "—" if row.progress_percent is None else f"{row.progress_percent}%"
    change = "" if row.change_points is None else f" ({row.change_points:+d} pts since last digest)"
    value = ""
    if not row.is_goal and row.current is not None:
        target = "" if row.target is None else f" of {escape(format_value(row.target, row.unit))}"
        if row.target is not None and row.lower_is_better:  # "160 minutes of 60" reads as a share
            target = f", aiming down to {escape(format_value(row.target, row.unit))}"
        value = f" · {escape(format_value(row.current, row.unit))}{target}"
    label = escape(truncate(row.label, 300))
    name = f"*{label}*" if row.is_goal else label
    return truncate(f"{indent}{status_badge(row.status)} {name} · {pct}{change}{value}", 500)


def _progress_messages(digest: Digest) -> list[Message]:
    lines = [row_line(row) for row in digest.rows.shown]
    if not lines:
        return [
            ("No active goals in this channel.", [section("🎯 *Goals*\nNo active goals in this channel.")])
        ]
    sections = _pack(lines, SECTION_TEXT)
    per_message = MESSAGE_BLOCKS - 2  # a heading and a closing "…and N more" always fit
    messages: list[Message] = []
    for start in range(0, len(sections), per_message):
        chunk = sections[start : start + per_message]
        if len(messages) == MAX_ROW_MESSAGES:
            left = sum(len(s) for s in sections[start:]) + digest.rows.more
            messages[-1][1].append(context(more_text(left, _ROW_NOUN)))
            return messages
        blocks: list[Block] = [section(f"🎯 *Goals and objectives* ({len(messages) + 1})")]
        blocks += [section("\n".join(s)) for s in chunk]
        messages.append(("Goals and objectives", blocks))
    if digest.rows.more:
        messages[-1][1].append(context(more_text(digest.rows.more, _ROW_NOUN)))
    return messages


def _pack(lines: Sequence[str], limit: int) -> list[list[str]]:
    packed: list[list[str]] = [[]]
    used = 0
    for line in lines:
        if packed[-1] and used + 1 + len(line) > limit:
            packed.append([])
            used = 0
        packed[-1].append(line)
        used += len(line) + 1
    return packed


def _staff_message(digest: Digest) -> Message:
    blocks: list[Block] = [section("🗣️ *What staff said*")]
    periods = [p for p in digest.participation.periods]
    if periods:
        rates = " · ".join(
            f"{p.period_id}: {'—' if p.rate is None else percent(p.rate)} ({p.answered}/{p.asked})"
            for p in periods
        )
        blocks.append(section(f"*Check-in participation* {_TREND[digest.participation.trend]}\n{rates}"))
    else:
        blocks.append(context("This channel has no check-ins."))
    if confidence := confidence_line(digest.confidence):
        blocks.append(section(confidence))
    if any(count for _, count in digest.categories):
        blocks.append(
            section("*By category*\n" + " · ".join(f"{escape(n)}: {count}" for n, count in digest.categories))
        )
    quotes = digest.quotes.quotes
    if quotes.shown:
        lines = [
            f"> {escape(truncate(' '.join(q.text.split()), 280))}\n"
            f"_{' · '.join(filter(None, (f'{q.answered_on:%d %b}', quote_source(q))))}_"
            for q in quotes.shown
        ]
        if quotes.more:
            lines.append(more_text(quotes.more, "answers"))
        blocks.append(section("*In their words*\n" + "\n".join(lines)))
    if digest.quotes.withheld:
        blocks.append(
            context(
                f"{plural(digest.quotes.withheld, 'anonymous answer')} not quoted: too few people "
                "answered those check-ins to keep them anonymous."
            )
        )
    themes = digest.themes
    if themes.shown:
        text = ", ".join(
            f"{'category ' if t.is_category else ''}*{escape(t.label)}* ({t.people} people)"
            for t in themes.shown
        )
        if themes.more:
            text += f" {more_text(themes.more, 'themes')}"
        blocks.append(section(f"*Themes across people*\n{text}"))
    f = digest.followups
    blocks.append(
        section(f"📞 *Customer follow-ups*: {f.opened} opened · {f.resolved} resolved · {f.overdue} overdue")
    )
    return "What staff said", blocks
