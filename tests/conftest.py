import pathlib

from tests.faketime_sleep import sleep_without_clock_nanosleep

# Before the fixture plugins import the bot, which binds time.sleep as a default argument.
sleep_without_clock_nanosleep()

# Fixture plugins, one per concern; each module documents what it provides.
_FIXTURES = pathlib.Path(__file__).parent / "fixtures"
pytest_plugins = sorted(
    f"tests.fixtures.{path.stem}" for path in _FIXTURES.glob("*.py") if path.stem != "__init__"
)
