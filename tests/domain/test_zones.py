"""Time-zone names are read in any case and stored in their IANA spelling (issue 11 §5.13)."""

from datetime import UTC, datetime

import pytest

from bot.domain.checkins.localtime import zone
from bot.domain.zones import canonical_zone, known_zones
from bot.services.checkins.members import stored_zone
from bot.settings import SettingsError, load_settings


@pytest.mark.parametrize("typed", ["Europe/Berlin", "europe/berlin", "EUROPE/BERLIN", " Europe/berlin "])
def test_a_zone_in_any_case_is_its_iana_name(typed):
    assert canonical_zone(typed) == "Europe/Berlin"


@pytest.mark.parametrize("typed", [None, "", "Not/AZone", "Europe/Berlinn", "../etc/passwd"])
def test_an_unknown_zone_is_none(typed):
    assert canonical_zone(typed) is None


def test_every_known_zone_reads_back_as_itself():
    assert all(canonical_zone(name.upper()) == name for name in known_zones())


def test_the_setting_the_stored_zone_and_the_zone_used_agree_whatever_the_case():
    assert load_settings(default_timezone="america/new_york").default_timezone == "America/New_York"
    assert stored_zone("asia/KOLKATA") == "Asia/Kolkata"
    summer = datetime(2027, 7, 1, 12, tzinfo=UTC)
    assert zone("europe/berlin").key == "Europe/Berlin"
    assert summer.astimezone(zone("europe/berlin")).hour == 14
    assert zone("Not/AZone", "europe/london").key == "Europe/London"


def test_an_unknown_zone_setting_is_refused_in_one_line():
    with pytest.raises(SettingsError, match="DEFAULT_TIMEZONE unknown time zone 'Europe/Nowhere'"):
        load_settings(default_timezone="Europe/Nowhere")
