"""/healthz checks the database it serves: on SQLite, the very file it started with."""

import os
import shutil

import pytest
from sqlalchemy import text

from bot.entrypoints.web import create_wsgi_app
from models.db import make_engine
from models.migrate import upgrade
from tests.platform.test_web import ExplodingApp, call


@pytest.fixture
def sqlite_file(tmp_path):
    path = tmp_path / "goalbot.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    yield path, engine
    engine.dispose()


def test_ok_while_the_file_is_in_place(sqlite_file):
    _, engine = sqlite_file

    assert call(create_wsgi_app(ExplodingApp(), engine), "GET", "/healthz")[0] == "200 OK"


def test_503_once_the_file_is_deleted(sqlite_file, caplog):
    path, engine = sqlite_file
    wsgi_app = create_wsgi_app(ExplodingApp(), engine)
    call(wsgi_app, "GET", "/healthz")  # a pooled connection keeps the deleted inode open

    os.remove(path)

    assert call(wsgi_app, "GET", "/healthz") == ("503 Service Unavailable", b"database unreachable")
    assert "is gone" in caplog.text
    assert not path.exists()  # the check must not create an empty file in its place


def test_503_once_the_file_is_replaced_by_another(sqlite_file, tmp_path):
    path, engine = sqlite_file
    wsgi_app = create_wsgi_app(ExplodingApp(), engine)
    shutil.copy(path, tmp_path / "copy.db")

    os.replace(tmp_path / "copy.db", path)

    assert call(wsgi_app, "GET", "/healthz")[0].startswith("503")


def test_503_when_the_file_is_not_a_goalbot_database(sqlite_file):
    _, engine = sqlite_file
    wsgi_app = create_wsgi_app(ExplodingApp(), engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE processed_events"))

    assert call(wsgi_app, "GET", "/healthz")[0].startswith("503")


def test_an_overwritten_file_is_503(sqlite_file):
    path, engine = sqlite_file
    wsgi_app = create_wsgi_app(ExplodingApp(), engine)
    engine.dispose()

    path.write_bytes(b"not a database at all" * 100)

    assert call(wsgi_app, "GET", "/healthz")[0].startswith("503")
