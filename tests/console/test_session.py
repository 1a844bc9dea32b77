"""The console's mechanics end to end (signed requests, loopback Web API, REPL) on stand-in listeners:
messages, buttons, identities, the REPL grammar, start-up failures. Modals are in test_session_modals."""

import os


def test_a_slash_command_ack_is_shown_as_an_ephemeral_reply(run_standin):
    code, output, seen = run_standin("/try hello\n")

    assert code == 0
    assert output == "goalbot (only visible to you):\n  You said hello in #general\n"
    assert seen == [("command", "U_YOU", "C_GENERAL", "hello")]


def test_user_and_channel_switch_what_slack_would_send(run_standin):
    _, output, seen = run_standin(
        """\
        :user alice admin
        :channel #ops
        /try whoami
        :user bob
        /try whoami
        """
    )

    assert "alice admin=True tz=Europe/London" in output
    assert "bob admin=False tz=Europe/London" in output
    assert [s[1:3] for s in seen] == [("U_ALICE", "C_OPS"), ("U_BOB", "C_OPS")]


def test_buttons_are_numbered_and_pressing_one_sends_block_actions(run_standin):
    _, output, _ = run_standin("/try card\n1\n")

    assert (
        "goalbot in #general:\n  Plan P1\n  =======\n  Launch owned by @you\n  [1] Rename  [2] Delete\n"
        in output
    )
    assert output.endswith("goalbot updated its message in #general:\n  Renamed P1\n")


def test_a_button_with_a_confirm_asks_first(run_standin):
    _, output, _ = run_standin("/try card\nclick 2\nn\nclick 2\ny\n")

    assert "Delete P1? This cannot be undone. [y/N]" in output
    assert "(not pressed)" in output
    assert output.endswith("goalbot updated its message in #general:\n  P1 deleted\n")


def test_a_response_url_post_in_channel_follows_the_ack(run_standin):
    _, output, _ = run_standin("/try later\n")

    assert output == (
        "goalbot (only visible to you):\n  On it.\ngoalbot in #general:\n  Done, visible to all.\n"
    )


def test_a_failing_listener_costs_one_line_and_the_shell_goes_on(run_standin, capfd):
    code, output, _ = run_standin("/try boom\n/try after\n")

    assert code == 0
    assert "Something went wrong: RuntimeError: the stand-in exploded\n" in output
    assert "You said after" in output
    assert "Traceback" not in output + capfd.readouterr().err


def test_home_tab_is_published_rendered_and_clickable(run_standin):
    _, output, _ = run_standin(":home\n1\n")

    assert "goalbot Home tab:\n  Hi\n  [1] Show card\n" in output
    assert "goalbot → you (DM):\n  Plan P1" in output


def test_unknown_input_gets_a_hint_and_nothing_is_sent(run_standin):
    _, output, seen = run_standin("hello\nclick 7\n:nope\n/nothing\n# a comment\n\n")

    assert "Not a command. Type a slash command such as /goals help" in output
    assert "There is no button 7 (buttons on screen: none yet)." in output
    assert "Unknown console command." in output
    assert "(goalbot has nothing that handles /nothing)" in output
    assert seen == []


def test_quit_ends_the_session_before_later_lines(run_standin):
    code, output, seen = run_standin(":quit\n/try hello\n")

    assert (code, output, seen) == (0, "", [])


def test_proxy_settings_do_not_reroute_the_loopback(run_standin, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")

    _, output, _ = run_standin("/try whoami\n")

    assert "you admin=True" in output
    assert os.environ["HTTPS_PROXY"] == "http://127.0.0.1:9"


def test_a_database_that_cannot_be_prepared_stops_with_one_line(run_script, console_settings, tmp_path):
    console_settings.database_url = f"sqlite:///{tmp_path}/missing/dir/goalbot.db"

    code, output = run_script("/try hello\n")

    assert code == 2
    assert output.startswith("Could not prepare the database sqlite:///")
    assert output.count("\n") == 1


def test_an_app_that_cannot_start_stops_with_one_line(run_script):
    def broken(*args, **kwargs):
        raise ImportError("cannot import name 'commands' from 'bot.domain'")

    code, output = run_script("/try hello\n", app_factory=broken)

    assert (code, output) == (
        1,
        "Could not start goalbot: ImportError: cannot import name 'commands' from 'bot.domain'\n",
    )


def test_what_slack_would_refuse_is_shown_as_a_refusal_not_rendered(run_standin):
    _, output, _ = run_standin("/try refused\n")

    assert "\nSlack refused chat.postMessage: invalid_blocks - a section needs text or fields" in output
    assert "goalbot in #general" not in output


def test_an_unmigrated_database_is_said_in_one_plain_sentence(run_script, monkeypatch):
    from models import migrate

    def behind(engine):
        raise migrate.NotMigratedError(
            "The database is not migrated to the latest schema. Run `goalbot db upgrade` first."
        )

    monkeypatch.setattr(migrate, "ensure_ready", behind)

    code, output = run_script("/try hello\n")

    assert code == 2
    assert output.endswith(
        ": The database is not migrated to the latest schema. Run `goalbot db upgrade` first.\n"
    )
    assert "Error" not in output and output.count("\n") == 1


def test_a_date_shows_in_the_console_persons_zone_not_its_utc_fallback(run_standin):
    _, output, _ = run_standin("/try <!date^1814443200^{date_num} {time}|2027-07-01 12:00 UTC>\n")

    assert "You said 2027-07-01 13:00 in #general" in output  # Europe/London keeps summer time


def test_each_console_person_reads_dates_in_their_own_zone(run_standin):
    _, output, _ = run_standin(
        ":user alice Asia/Tokyo\n/try <!date^1814443200^{date_num} {time}|2027-07-01 12:00 UTC>\n"
    )

    assert "You said 2027-07-01 21:00 in #general" in output
