"""The three outbox tables, described to the engine: the model, when a row falls due, the order
rows go out in, the loader that says what a claimed row's message needs (bot/services), and what
else is recorded with "sent". The kinds of message in each are described in handlers (they build
Block Kit): handlers/checkins/delivery.py, handlers/reports/tick_pass.py, handlers/followups/tick.py."""

from bot.outbound.outbox.rows import OutboxTable
from bot.services.checkins.claim_contents import contents_to_send
from bot.services.followups.outbox_items import messages_to_send, record_reminded
from bot.services.reports.post_items import posts_to_send
from models.checkins import Delivery
from models.followups import FollowupMessage
from models.reports import ReportPost

CHECKIN_DELIVERIES = OutboxTable(
    name="checkin_deliveries",
    model=Delivery,
    due_at=Delivery.scheduled_at,
    order_by=(Delivery.scheduled_at, Delivery.id),
    load=contents_to_send,
)

REPORT_POSTS = OutboxTable(
    name="report_posts",
    model=ReportPost,
    due_at=ReportPost.due_at,
    order_by=(ReportPost.due_at, ReportPost.id),
    load=posts_to_send,
)

FOLLOWUP_MESSAGES = OutboxTable(
    name="follow_up_messages",
    model=FollowupMessage,
    due_at=FollowupMessage.not_before,  # planned with it; a retry moves it on
    order_by=(FollowupMessage.id,),
    load=messages_to_send,
    on_sent=record_reminded,
)
