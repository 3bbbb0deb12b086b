"""A staff member with a reminder sees the bell's count, opens the list and marks everything read."""

import re

import pytest
from playwright.sync_api import expect

from appraisal.tests import factories as plans
from e2e.conftest import screenshot, sign_in
from notifications.services import reminders_send
from notifications.tests import factories as reminders

pytestmark = pytest.mark.e2e

PASSWORD = "rahasia-uji-123"
PHONE_WIDTH = 360


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_it_shows_the_bell_count_until_everything_is_read(
    request, live_server, django_db_serialized_rollback, org, width
):
    browser_page = request.getfixturevalue("page" if width == "desktop" else "phone_page")
    plans.skp(org.staff_a, plans.performance_year(org.agency))
    reminders_send(now=reminders.at(reminders.MONDAY))  # staff A has not reported Friday 12 June

    sign_in(browser_page, org.staff_a.nip, PASSWORD)
    bell = browser_page.locator("#notification-bell")
    expect(bell).to_be_visible()
    # Checked by number, not by wording, so that the journey holds in every language.
    expect(bell.locator("[data-unread-count]")).to_have_text(re.compile(r"^1\b"))
    expect(bell).to_have_attribute("aria-label", re.compile(r"\b1\b"))

    with browser_page.expect_navigation():
        bell.click()
    expect(browser_page).to_have_url(re.compile(r"/notifications/$"))
    reminder = browser_page.locator(".list-group-item", has_text="12 Juni 2026")
    expect(reminder).to_have_count(1)
    expect(reminder.locator(".badge")).to_be_visible()
    if width == "phone":
        assert browser_page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    screenshot(browser_page, f"notifications-{width}")

    with browser_page.expect_navigation():
        browser_page.locator("form[action='/notifications/read-all/'] button").click()
    expect(bell.locator("[data-unread-count]")).to_have_count(0)
    expect(bell).to_have_attribute("aria-label", re.compile(r"^\D+$"))
    expect(reminder.locator(".badge")).to_have_count(0)
    screenshot(browser_page, f"notifications-read-{width}")
