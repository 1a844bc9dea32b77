"""The install pages in a real browser: Debian's chromium, headless, driven by its chromedriver.

From "Add to Slack" through the stand-in's authorize step to the success page, at a phone's width
and a desktop's. Screenshots go to GOALBOT_SCREENSHOTS (a folder) when set, else the test's tmp
folder; a person looks at them (.ci/run installs chromium; elsewhere the test says it is skipped).
"""

import os
from pathlib import Path

import pytest

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)",
)


@pytest.fixture
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs the selenium package (dev extra)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("GOALBOT_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _text(driver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.TAG_NAME, "body").text


def _fits(driver) -> bool:
    """Nothing wider than the window: a phone never scrolls sideways."""
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_add_to_slack_through_the_authorize_step_to_the_success_page(
    install_server, browser, screenshots, viewport
):
    from selenium.webdriver.common.by import By

    browser.set_window_size(*VIEWPORTS[viewport])
    browser.get(install_server.install_url)
    assert "What goalbot will ask Slack for" in _text(browser)
    assert _fits(browser)
    browser.save_screenshot(str(screenshots / f"{viewport}-1-install.png"))

    browser.find_element(By.ID, "add-to-slack").click()  # the stand-in authorizes and redirects back

    assert browser.current_url.startswith(install_server.redirect_url)
    assert "goalbot is installed in Stand-in Workspace" in _text(browser)
    assert "/checkin schedule" in _text(browser)
    assert _fits(browser)
    browser.save_screenshot(str(screenshots / f"{viewport}-2-installed.png"))


def test_a_cancelled_install_shows_our_page_and_a_way_back(install_server, browser, screenshots):
    from selenium.webdriver.common.by import By

    browser.set_window_size(*VIEWPORTS["phone"])
    install_server.standin.oauth.deny_next()
    browser.get(install_server.install_url)
    browser.find_element(By.ID, "add-to-slack").click()

    assert "You cancelled the install" in _text(browser)
    assert _fits(browser)
    browser.save_screenshot(str(screenshots / "phone-3-cancelled.png"))
    browser.find_element(By.LINK_TEXT, "Try again").click()
    assert browser.current_url == install_server.install_url
