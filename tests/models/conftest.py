"""What the migration tests share: an engine on a database with nothing migrated yet."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from models.db import make_engine


@pytest.fixture
def empty_engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()
