import pathlib

# Fixture plugins, one per concern; each module documents what it provides.
_FIXTURES = pathlib.Path(__file__).parent / "fixtures"
pytest_plugins = sorted(
    f"tests.fixtures.{path.stem}" for path in _FIXTURES.glob("*.py") if path.stem != "__init__"
)
