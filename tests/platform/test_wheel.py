"""The wheel carries every file the installed program reads: built from a copy of the source,
installed in a fresh venv, `goalbot console` runs a short script from an empty folder.

Marked `wheel` (about 15 s): `pytest -m "not wheel"` leaves it out locally; CI runs it.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.cli.environment import clean_env

REPO = Path(__file__).resolve().parents[2]
SOURCE = ("pyproject.toml", "README.md", "manifest.yml", "bot", "handlers", "models")

pytestmark = pytest.mark.wheel


def _run(*args: str | Path, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, capture_output=True, text=True, timeout=300, **kwargs
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Built from a copy of the sources (as a fresh clone has them, symbolic links kept), so the
    build cannot read anything else in the working tree."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCE:
        if (REPO / name).is_dir():
            shutil.copytree(
                REPO / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(REPO / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", dist, source, cwd=source
    )
    [built] = dist.glob("goalbot-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel alone installed; its dependencies come from this venv's
    site-packages through a .pth line, which adds the folder without running its .pth files (so
    this checkout's editable install stays out)."""
    venv = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv)
    python = venv / "bin" / "python"
    purelib = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=venv
        ).stdout.strip()
    )
    (purelib / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--quiet",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=venv,
    )
    return venv


def test_the_wheel_holds_the_manifest_and_every_migration(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())

    assert "bot/slack/standin/manifest.yml" in names
    assert "models/migrations/script.py.mako" in names
    assert "models/migrations/env.py" in names
    migrations = {
        f"models/migrations/versions/{p.name}" for p in (REPO / "models/migrations/versions").glob("*.py")
    }
    assert migrations and migrations <= names
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("bot/slack/standin/manifest.yml") == (REPO / "manifest.yml").read_bytes()


def test_the_installed_console_runs_a_script(installed, tmp_path):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    env = clean_env(folder) | {"GOALBOT_CONSOLE_FILES": str(folder / "files")}
    env.pop("PYTHONPATH", None)
    script = "/goals help\n:tick\n:home\n:quit\n"

    where = _run(installed / "bin" / "python", "-c", "import bot; print(bot.__file__)", cwd=folder, env=env)
    result = subprocess.run(
        [installed / "bin" / "goalbot", "console"],
        input=script,
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert Path(where.stdout.strip()).is_relative_to(installed), "the test ran this checkout, not the wheel"
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "/goals new" in result.stdout  # the help
    assert "Home tab" in result.stdout
    assert "Something went wrong" not in result.stdout
    assert os.path.exists(folder / "goalbot.db")  # migrated from the installed migrations
