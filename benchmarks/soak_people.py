"""The soak's people answering: every other person by a signed DM reply to one of the web
processes, one more a workspace by the check-in form, flagging a follow-up."""

from collections import Counter
from datetime import datetime


class People:
    def __init__(self, slack, spaces, sessions, signing_secret: str) -> None:
        self.slack, self.spaces, self.sessions = slack, spaces, sessions
        self.signing_secret = signing_secret
        self.answered: Counter[str] = Counter()  # web answers acked, by outcome

    def answer(self, at: datetime, urls: list[str]) -> None:
        from bot.slack.standin import dm_id
        from bot.slack.standin.requests import event_callback, post_signed

        day = at.replace(hour=0, minute=0)
        repliers = [(ws.team_id, u) for ws in self.spaces for u in ws.people[::2] if self.prompted(u, day)]
        for n, (team_id, user_id) in enumerate(repliers):
            ts = f"{int(at.timestamp())}.{n:06d}"
            event = {
                "type": "message",
                "channel_type": "im",
                "channel": dm_id(user_id),
                "user": user_id,
                "text": "Steady week: on track, nothing blocking.",
                "ts": ts,
            }
            body, content_type = event_callback(
                event, team_id=team_id, event_id=f"Ev{user_id}{at:%m%d}", event_time=int(at.timestamp())
            )
            status, _, _ = post_signed(urls[n % len(urls)], body, content_type, self.signing_secret)
            self.answered[f"HTTP {status}"] += 1
        self.flag_followups(at, day)
        self.slack.settle(timeout=30)

    def prompted(self, user_id: str, day: datetime) -> bool:
        """Whether the person's prompt of `day` is in their DM. Only they answer: an answer given
        before the prompt went out rightly stops it, which would read as a lost prompt here."""
        from bot.slack.standin import dm_id

        return any(
            (m.get("metadata") or {}).get("event_type") == "goalbot_checkin"
            and not m.get("text", "").startswith("Reminder")
            and float(m["ts"]) >= day.timestamp()
            for m in self.slack.messages.history(dm_id(user_id))
        )

    def flag_followups(self, at: datetime, day: datetime) -> None:
        """One more person a workspace answers by the check-in form and flags a follow-up (recorded
        through the service the form's submission calls), so follow-up posts are owed too."""
        from bot.services.checkins import answers
        from bot.services.checkins.read_models import AnswerInput, AnswerSource

        for ws in self.spaces:
            if not self.prompted(ws.people[1], day):
                continue
            answers.record_answer(
                self.sessions,
                team_id=ws.team_id,
                user_id=ws.people[1],
                channel_id=ws.channel_id,
                answer=AnswerInput(
                    confidence=2, follow_up=True, follow_up_description="The rota needs a look"
                ),
                source=AnswerSource.FORM,
                now=at,
                default_tz="UTC",
            )
            self.answered["form, follow-up flagged"] += 1
