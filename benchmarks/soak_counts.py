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
    ended = odd_days(sessions, per_person, answered) + [
        f"  check-in rows: {kind} {state}{' (' + error + ')' if error else ''}: {n}"
        for (kind, state, error), n in sorted(outcomes.items())
    ]
    return [
        f"{name:<28} expected {owed:>5}, sent {sent:>5}, lost {lost:>3}, "
        f"doubled {sum(n - 1 for n in seen.values())}"
        for name, owed, sent, lost, seen in rows
    ] + ended


def odd_days(sessions, per_person, answered) -> list[str]:
    """A line for each person-day whose prompt never reached the DM, or who was owed a reminder
    and got none: the rows behind it (state, when due, claimed, sent, attempts, error), the
    answer's time, so a shortfall can be told from a counting artefact."""
    from sqlalchemy import text

    with sessions() as session:
        rows = session.execute(
            text(
                "SELECT id, user_id, local_date, kind, state, scheduled_at, claimed_at, sent_at, "
                "attempts, last_error FROM checkin_deliveries ORDER BY id"
            )
        ).all()
        answers = {
            (u, d): at
            for u, d, at in session.execute(
                text("SELECT user_id, local_date, answered_at FROM checkin_answers")
            )
        }
    by_day: dict[tuple, list] = defaultdict(list)
    for row in rows:
        by_day[(row.user_id, row.local_date)].append(row)
    lines = []
    for (user_id, day), found in sorted(by_day.items()):
        prompts = [r for r in found if (r.kind == "prompt" and r.state != "skipped") or r.last_error]
        reminded = [r for r in found if r.kind == "reminder"]
        got_prompt = any(r.id in per_person[user_id]["prompt"] for r in found)
        owed_reminder = (user_id, day) not in answered and got_prompt
        if (prompts and not got_prompt) or (owed_reminder and not reminded):
            shown = "; ".join(
                f"{r.kind} {r.state} due {r.scheduled_at:%d %H:%M} claimed "
                f"{r.claimed_at and f'{r.claimed_at:%H:%M}'} sent {r.sent_at and f'{r.sent_at:%H:%M}'} "
                f"x{r.attempts} {r.last_error or ''}"
                for r in found
            )
            answer = answers.get((user_id, day))
            lines.append(f"    {user_id} {day}: {shown}; answered {answer and f'{answer:%H:%M}'}")
    return lines[:40]
