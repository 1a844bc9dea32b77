"""files_upload_v2 against the stand-in, and the optional per-method rate limit."""

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.standin import UPLOAD, SlackStandIn
from bot.slack.standin.rate_limits import RateLimits


def test_files_upload_v2_records_the_bytes_and_shares_them_in_the_thread() -> None:
    with SlackStandIn(scopes={"files:write"}) as standin:
        client = WebClient(token="xoxb-t", base_url=standin.base_url)
        answer = client.files_upload_v2(
            content=b"goal,progress\nG1,43%\n",
            filename="report.csv",
            title="Weekly",
            channel="C1",
            thread_ts="1.2",
        )
        [upload] = standin.uploads()
        assert answer["file"]["id"] == upload.file_id
        assert upload.data == b"goal,progress\nG1,43%\n" and upload.title == "Weekly"
        assert (upload.channel_id, upload.thread_ts) == ("C1", "1.2")
        assert standin.last(UPLOAD).raw == upload.data
        assert standin.last("files.getUploadURLExternal").answer["upload_url"].startswith("http://127.0.0.1:")


def test_completing_an_upload_whose_bytes_never_came_is_refused() -> None:
    with SlackStandIn(scopes={"files:write"}) as standin:
        client = WebClient(token="xoxb-t", base_url=standin.base_url)
        file_id = client.files_getUploadURLExternal(filename="a.txt", length=3)["file_id"]
        with pytest.raises(SlackApiError) as refused:
            client.files_completeUploadExternal(files=[{"id": file_id}], channel_id="C1")
        assert refused.value.response["error"] == "file_not_found"


def test_beyond_the_rate_limit_slack_answers_429_with_retry_after() -> None:
    with SlackStandIn(rate_limits={"chat.postMessage": 2}) as standin:
        client = WebClient(token="xoxb-t", base_url=standin.base_url)
        client.chat_postMessage(channel="C1", text="1")
        client.chat_postMessage(channel="C1", text="2")
        with pytest.raises(SlackApiError) as limited:
            client.chat_postMessage(channel="C1", text="3")
        assert limited.value.response.status_code == 429
        assert limited.value.response.headers["Retry-After"] == "1"
        assert client.auth_test()["ok"]  # other methods are not limited


def test_the_window_frees_up_as_time_passes() -> None:
    now = [0.0]
    limits = RateLimits({"m": 2}, clock=lambda: now[0])
    assert [limits.retry_after("m") for _ in range(3)] == [None, None, 1]
    now[0] = 1.0
    assert limits.retry_after("m") is None
