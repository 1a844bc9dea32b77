"""The soak's tally: what was owed, sent, lost and doubled, per kind of message, counted at the
stand-in from the messages' metadata against what the database says was owed."""

import json
from collections import Counter, defaultdict


def counts(slack, spaces, sessions, days: int) -> list[str]:
    """What was owed, sent, lost and doubled, per kind of message."""
    from sqlalchemy import text

    from bot.slack.standin import dm_id

    people = [u for ws in spaces for u in ws.people]
    checkins: dict[str, Counter] = {"prompt": Counter(), "reminder": Counter()}
    per_person: dict[str, dict[str, set]] = defaultdict(lambda: {"prompt": set(), "reminder": set()})
    for user_id in people:
        for message in slack.messages.history(dm_id(user_id)):
            meta = message.get("metadata") or {}
            if meta.get("event_type") == "goalbot_checkin":
                kind = "reminder" if message.get("text", "").startswith("Reminder") else "prompt"
                delivery = meta["event_payload"]["delivery"]
                checkins[kind][delivery] += 1
                per_person[user_id][kind].add(delivery)
    others: dict[str, Counter] = {"goalbot_report": Counter(), "goalbot_followup": Counter()}
    for ws in spaces:
        for message in slack.messages.history(ws.channel_id):
            meta = message.get("metadata") or {}
            if meta.get("event_type") in others:
                others[meta["event_type"]][json.dumps(meta["event_payload"], sort_keys=True)] += 1
    # The owed rows, for the kinds whose expectation depends on the bot's own rules (its outboxes).
    with sessions() as session:
        answered = {
            tuple(r)
            for r in session.execute(text("SELECT DISTINCT user_id, local_date FROM checkin_answers"))
        }
        reports = {
            r[0] for r in session.execute(text("SELECT id FROM report_posts WHERE state <> 'skipped'"))
        }
        followups = {r[0] for r in session.execute(text("SELECT id FROM follow_up_messages"))}
        # Where each check-in row ended, so a shortfall explains itself (skipped why, still due…).
        outcomes = Counter(
            (kind, state, (error or "")[:60])
            for kind, state, error in session.execute(
                text("SELECT kind, state, last_error FROM checkin_deliveries")
            )
        )
    owed_prompts = len(people) * days
    owed_reminders = owed_prompts - len(answered)
    sent_prompts = sum(min(days, len(per_person[u]["prompt"])) for u in people)
    parents = {json.loads(k)["post_id"] for k in others["goalbot_report"] if "part" not in json.loads(k)}
    sent_followups = {json.loads(k)["message_id"] for k in others["goalbot_followup"]}
    rows = [
        ("prompts", owed_prompts, len(checkins["prompt"]), owed_prompts - sent_prompts, checkins["prompt"]),
        (
            "reminders",
            owed_reminders,
            len(checkins["reminder"]),
            max(0, owed_reminders - len(checkins["reminder"])),
            checkins["reminder"],
        ),
        (
            "digests and month reminders",
            len(reports),
            len(parents),
            len(reports - parents),
            others["goalbot_report"],
        ),
        (
            "follow-up posts",
            len(followups),
            len(sent_followups),
            len(followups - sent_followups),
            others["goalbot_followup"],
        ),
    ]
    ended = [
        f"  check-in rows: {kind} {state}{' (' + error + ')' if error else ''}: {n}"
        for (kind, state, error), n in sorted(outcomes.items())
    ]
    return [
        f"{name:<28} expected {owed:>5}, sent {sent:>5}, lost {lost:>3}, "
        f"doubled {sum(n - 1 for n in seen.values())}"
        for name, owed, sent, lost, seen in rows
    ] + ended
