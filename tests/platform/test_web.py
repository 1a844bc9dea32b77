"""bot.entrypoints.web.create_wsgi_app called directly as a WSGI server would: /healthz and the 400 guard."""

import io

from bot.entrypoints.web import create_wsgi_app
from models.db import make_engine, make_sessionmaker

CLOSED_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:1/goalbot"


class ExplodingApp:
    """Stands in for slack_bolt.App: SlackRequestHandler only ever calls dispatch()."""

    oauth_flow = None

    def dispatch(self, request):
        raise ValueError("Bolt fell over")


def call(wsgi_app, method: str, path: str, body: bytes = b"") -> tuple[str, bytes]:
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    statuses = []
    chunks = wsgi_app(environ, lambda status, headers, exc_info=None: statuses.append(status))
    return statuses[0], b"".join(chunks)


def test_healthz_is_ok_when_the_migrated_database_answers(engine):
    assert call(create_wsgi_app(ExplodingApp(), engine), "GET", "/healthz") == ("200 OK", b"ok")


def test_healthz_accepts_a_sessionmaker(engine):
    sessions = make_sessionmaker(engine)

    assert call(create_wsgi_app(ExplodingApp(), sessions), "GET", "/healthz")[0] == "200 OK"


def test_healthz_is_503_when_the_database_is_unreachable():
    engine = make_engine(CLOSED_POSTGRES)
    try:
        status, body = call(create_wsgi_app(ExplodingApp(), engine), "GET", "/healthz")
    finally:
        engine.dispose()

    assert status.startswith("503")
    assert body == b"database unreachable"


def test_an_exception_inside_bolt_becomes_400(tmp_path, caplog):
    wsgi_app = create_wsgi_app(ExplodingApp(), make_engine(f"sqlite:///{tmp_path / 'goalbot.db'}"))

    status, body = call(wsgi_app, "POST", "/slack/events", b'{"type": "event_callback"}')

    assert (status, body) == ("400 Bad Request", b"bad request")
    assert "Bolt fell over" in caplog.text  # logged, not swallowed


def test_junk_is_logged_in_one_line_without_a_traceback(tmp_path, caplog):
    wsgi_app = create_wsgi_app(ExplodingApp(), make_engine(f"sqlite:///{tmp_path / 'goalbot.db'}"))

    call(wsgi_app, "POST", "/slack/events", b"[1, 2]")

    (record,) = [r for r in caplog.records if r.name == "bot.entrypoints.web"]
    assert record.exc_info is None
    assert "\n" not in record.getMessage() and "400" in record.getMessage()
