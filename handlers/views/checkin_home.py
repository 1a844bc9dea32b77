"""App Home's check-in part: an open check-in with its Answer button, my next one, and whether I am away."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block, DividerBlock

from bot.services.checkins.read_models import HomeCheckins, OpenCheckin
from handlers.ids import ActionId
from handlers.views.blocks import button, context, header, section
from handlers.views.format import channel_mention, format_date

MAX_OPEN_SHOWN = 5


def build_checkin_section(checkins: HomeCheckins, *, tz: ZoneInfo, today: date) -> list[Block]:
    """Nothing at all for someone no check-in asks and who is not away."""
    away = checkins.away_until is not None and checkins.away_until >= today
    if not checkins.open and checkins.next is None and not away:
        return []
    blocks: list[Block] = [DividerBlock(), header("Your check-ins")]
    if away and checkins.away_until is not None:
        blocks.append(
            context(
                f"🌴 You're away until {format_date(checkins.away_until)}: no prompts until then. "
                "`/checkin back` ends it early."
            )
        )
    blocks += [_open(checkin, tz) for checkin in checkins.open[:MAX_OPEN_SHOWN]]
    if checkins.next is not None:
        blocks.append(
            context(f"Next: {channel_mention(checkins.next.channel_id)} on {_when(checkins.next.at, tz)}.")
        )
    return blocks


def _open(checkin: OpenCheckin, tz: ZoneInfo) -> Block:
    where = channel_mention(checkin.channel_id)
    until = _when(checkin.closes_at, tz)
    anonymous = " · anonymous" if checkin.anonymous else ""
    if checkin.answered:
        text = f"✓ {where}: answered{anonymous}. You can change it until {until}."
    else:
        text = f"*{where}: your check-in is open*{anonymous} until {until}."
    if checkin.delivery_id is None:
        return section(text + " Answer it with `/checkin`.")
    label, action = (
        ("Edit", ActionId.CHECKIN_ANSWER) if checkin.answered else ("Answer", ActionId.CHECKIN_ANSWER)
    )
    if checkin.answered and checkin.anonymous:
        # An anonymous answer is edited only from the person's own DM (its Edit button).
        return section(text + " Edit it from your DM with me.")
    return section(text, accessory=button(label, action, checkin.delivery_id, style="primary"))


def _when(at: datetime, tz: ZoneInfo) -> str:
    return at.astimezone(tz).strftime("%a %d %b at %H:%M")
