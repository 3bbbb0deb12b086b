import pytest
from playwright.sync_api import expect

from accounts.tests import factories
from e2e.conftest import sign_in

pytestmark = pytest.mark.e2e


def test_it_switches_the_interface_language_from_the_footer(page):
    member = factories.staff(name="Budi Santoso")
    sign_in(page, member.nip, "rahasia-uji-123")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "id")

    footer = page.locator("footer")
    footer.get_by_role("button", name="English").click()
    expect(html).to_have_attribute("lang", "en")
    expect(footer.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("navigation").get_by_role("button", name="Sign out")).to_be_visible()

    footer.get_by_role("button", name="Bahasa Indonesia").click()
    expect(html).to_have_attribute("lang", "id")
    expect(footer.get_by_role("button", name="Bahasa Indonesia")).to_have_attribute("aria-pressed", "true")
