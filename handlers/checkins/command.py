"""`/checkin` and its subcommands. Database-only answers go in the ack; anything that needs Slack
(a modal, `users.info` for admin rights, reading the channel's members) follows it (handlers/later.py)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain.checkins import commands as grammar
from bot.domain.checkins.spec import ScheduleSpec
from bot.services.actor import Actor
from bot.services.checkins import answerable, home, schedules, status, time_off
from bot.services.errors import ServiceError
from handlers.checkins.answering import open_answer_form
from handlers.checkins.request import CheckinRequest
from handlers.checkins.schedule import open_schedule_modal
from handlers.deps import Deps
from handlers.later import on_ack_then_later
from handlers.views import checkin_notices as notices
from handlers.views.format import escape
from handlers.views.notices import build_error, build_help


def register(app, deps: Deps) -> None:
    def checkin_command(ack, command, respond, context, now: datetime, today: date):
        request = _Request(ack, respond, context, command, deps, now, today)
        try:
            request.run(grammar.parse_checkin_command(command.get("text") or "", today))
        except ServiceError as error:
            request.fail(error)

    on_ack_then_later(app.command("/checkin"), checkin_command)


# A check-in belongs to a channel: these make no sense in a DM.
_CHANNEL_ONLY = (
    grammar.ScheduleForm,
    grammar.ScheduleQuick,
    grammar.ScheduleShow,
    grammar.ScheduleOff,
    grammar.Status,
)
NEEDS_CHANNEL = (
    "Check-ins belong to a channel: run this in the team's channel, "
    + "e.g. `/checkin schedule mon,wed,fri 09:00`."
)


class _Request(CheckinRequest):
    """`/checkin` itself: picks the subcommand."""

    def run(self, parsed: grammar.CheckinCommand) -> None:
        sessions, team_id = self.deps.sessions, self.team_id
        if isinstance(parsed, _CHANNEL_ONLY) and not self.channel_id.startswith(("C", "G")):
            self.say(NEEDS_CHANNEL, build_error(NEEDS_CHANNEL))
            return
        match parsed:
            case grammar.Help():
                self.say("Here is what /checkin can do.", build_help(grammar.help_lines()))
            case grammar.Invalid(message=message):
                self.say(escape(message), build_error(message))
            case grammar.OpenToday():
                self.open_today()
            case grammar.ScheduleForm():
                self.quietly()
                self.later(
                    lambda client: open_schedule_modal(
                        client,
                        self.deps,
                        team_id=team_id,
                        channel_id=self.channel_id,
                        trigger_id=self.trigger_id,
                    )
                )
            case grammar.ScheduleQuick(weekdays=weekdays, local_time=local_time):
                self.as_owner_or_admin(
                    lambda actor: self.quick_schedule(actor, ScheduleSpec(0, weekdays, local_time))
                )
            case grammar.ScheduleShow():
                shown = schedules.show_schedule(sessions, team_id=team_id, channel_id=self.channel_id)
                self.say(notices.schedule_text(shown), notices.build_schedule(shown))
            case grammar.ScheduleOff():
                self.as_owner_or_admin(self.turn_off)
            case grammar.Status():
                self.as_owner_or_admin(self.status)
            case grammar.Away(until=until):
                self.away(until)
            case grammar.Back():
                self.back()
            case grammar.HolidayList():
                listed = time_off.list_holidays(sessions, team_id=team_id, since=self.today)
                self.say(notices.holidays_text(listed))
            case grammar.HolidayAdd(day=day, name=name):
                self.as_admin(
                    lambda actor: notices.holiday_added_text(
                        time_off.add_holiday(sessions, actor, day=day, name=name)
                    )
                )
            case grammar.HolidayRemove(day=day):
                self.as_admin(
                    lambda actor: notices.holiday_removed_text(
                        time_off.remove_holiday(sessions, actor, day=day)
                    )
                )

    def away(self, until: date) -> None:
        time_off.set_away(
            self.deps.sessions, team_id=self.team_id, user_id=self.user_id, until=until, now=self.now
        )
        self.say(notices.away_text(until))

    def back(self) -> None:
        was_away = time_off.end_away(
            self.deps.sessions,
            team_id=self.team_id,
            user_id=self.user_id,
            now=self.now,
            default_tz=self.deps.zone_of(self.team_id).key,
        )
        self.say(notices.back_text(was_away))

    def quick_schedule(self, actor: Actor, spec: ScheduleSpec):
        saved = schedules.set_schedule(
            self.deps.sessions, actor, channel_id=self.channel_id, spec=spec, now=self.now
        )
        self.saved = saved
        # The members are read after the ack; their count follows then (read_members), once.
        text = notices.schedule_text(saved, counted=False)
        return text, notices.build_schedule(saved, saved=True, counted=False)

    def turn_off(self, actor: Actor):
        view = schedules.turn_off_schedule(self.deps.sessions, actor, channel_id=self.channel_id)
        return notices.schedule_text(view), None

    def status(self, actor: Actor):
        shown = status.checkin_status(
            self.deps.sessions,
            actor,
            channel_id=self.channel_id,
            now=self.now,
            default_tz=self.deps.zone_of(self.team_id).key,
        )
        return notices.status_text(shown), None

    def open_today(self) -> None:
        todays = answerable.checkin_to_open(
            self.deps.sessions,
            team_id=self.team_id,
            user_id=self.user_id,
            now=self.now,
            default_tz=self.deps.zone_of(self.team_id).key,
            prefer=self.channel_id,
        )
        if todays is None:
            found = home.home_checkins(
                self.deps.sessions,
                team_id=self.team_id,
                user_id=self.user_id,
                now=self.now,
                default_tz=self.deps.zone_of(self.team_id).key,
            )
            upcoming = found.next.at if found.next else None
            self.say(notices.nothing_open_text(upcoming, ZoneInfo(found.tz), recorded=False))
            return
        self.quietly()
        self.later(
            lambda client: open_answer_form(
                client,
                self.deps,
                team_id=self.team_id,
                user_id=self.user_id,
                channel_id=todays.channel_id,
                trigger_id=self.trigger_id,
                now=self.now,
                for_date=todays.local_date,
            )
        )
