"""How many posts a workspace gets in flight: what its rate needs at the time Slack takes to answer
(the lower quartile of the process's recent calls), never more than its share of the sender
threads."""

from types import SimpleNamespace

import pytest

from bot.outbound.call_times import CallTimes, in_flight_for_pace, keeping_pace, max_in_flight


def test_the_typical_time_is_the_lower_quartile_of_recent_answers():
    times = CallTimes(sample=8)
    for seconds in (0.4, 0.1, 0.3, 0.2, 0.5, 0.6, 0.7, 0.8):
        times.add(seconds)
    assert times.typical == 0.3  # the slower answers waited for this machine, not for Slack


def test_one_workspace_answering_slowly_moves_the_typical_time_little():
    times = CallTimes()
    for _ in range(40):
        times.add(0.1)
    for _ in range(20):  # a stalled workspace's answers, 30 s each
        times.add(30.0)
    assert times.typical == 0.1


def test_old_answers_leave_the_sample():
    times = CallTimes(sample=4)
    for seconds in (0.01, 0.01, 0.01, 0.01, 0.2, 0.2, 0.2):
        times.add(seconds)
    assert times.typical == 0.2


def test_before_any_answer_the_first_guess_stands():
    assert CallTimes(first_guess=0.05).typical == 0.05


@pytest.mark.parametrize(
    ("rate", "call_seconds", "most", "expected"),
    [
        (20, 0.01, 4, 1),  # a short wire: one post at a time keeps 20 a second
        (20, 0.05, 4, 1),  # a slot every 50 ms and answers in 50
        (20, 0.08, 4, 1),  # under two slots: a second post would mostly wait
        (20, 0.1, 4, 2),
        (20, 0.15, 4, 3),
        (20, 0.3, 4, 4),  # 300 ms would need 6: the share of the threads caps it
        (1, 0.5, 4, 1),
        (20, 0.0, 4, 1),  # never none
    ],
)
def test_posts_in_flight_are_what_the_rate_needs_at_that_answer_time(rate, call_seconds, most, expected):
    assert in_flight_for_pace(rate, call_seconds, most) == expected


def test_a_workspace_holds_at_most_a_quarter_of_the_sender_threads():
    assert [max_in_flight(threads) for threads in (16, 8, 3)] == [4, 2, 1]


def test_the_pace_follows_the_senders_answers_as_they_come():
    sender = SimpleNamespace(call_times=CallTimes())
    need = keeping_pace(sender, 20, 4)
    sender.call_times.add(0.01)
    assert need() == 1
    for _ in range(3):
        sender.call_times.add(0.15)
    assert need() == 3


def test_a_sender_that_measures_nothing_sends_one_at_a_time():
    assert keeping_pace(object(), 20, 4)() == 1
