import re

import pytest
from playwright.sync_api import expect

from accounts.tests import factories
from e2e.conftest import screenshot, sign_in

pytestmark = pytest.mark.e2e

PASSWORD = "rahasia-uji-123"


@pytest.fixture
def team():
    """An agency with a three-level unit tree: the head, a bidang head and a staff member under both."""
    agency = factories.agency(name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Disdukcapil")
    root = factories.unit(agency_obj=agency, code="DUK", name="Disdukcapil")
    bidang = factories.unit(parent=root, code="DUK.1", name="Bidang Pelayanan Pendaftaran Penduduk")
    seksi = factories.unit(parent=bidang, code="DUK.1.1", name="Seksi Identitas Penduduk")
    head = factories.staff(
        unit_obj=root,
        name="Hendra Gunawan",
        back_title="S.H., M.H.",
        position=factories.position(
            agency_obj=agency, name="Kepala Dinas", position_type="jpt", level="pratama"
        ),
    )
    kabid = factories.staff(
        unit_obj=bidang,
        supervisor=head,
        name="Siti Rahmawati",
        back_title="S.Sos.",
        position=factories.position(
            agency_obj=agency,
            name="Kepala Bidang Pelayanan Pendaftaran Penduduk",
            position_type="administrator",
        ),
    )
    member = factories.staff(
        unit_obj=seksi,
        supervisor=kabid,
        name="Rina Marlina",
        front_title="Dr.",
        back_title="S.Kom., M.Si.",
        password=PASSWORD,
        position=factories.position(
            agency_obj=agency,
            name="Analis Sumber Daya Manusia Aparatur",
            position_type="fungsional",
            level="ahli_pertama",
        ),
    )
    return head, kabid, member


def test_it_shows_a_staff_member_their_profile_on_a_phone(phone_page, page, live_server, team):
    head, kabid, member = team

    sign_in(phone_page, member.nip, PASSWORD)
    expect(phone_page).to_have_url(f"{live_server.url}/")
    expect(phone_page.locator("h1")).to_contain_text(member.name)

    navigation = phone_page.get_by_role("navigation")
    profile_link = navigation.locator("a[href='/accounts/profile/']")
    expect(profile_link).to_be_hidden()
    toggler = navigation.locator(".navbar-toggler")
    toggler.tap()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(navigation.locator("#nav-main")).to_have_class(re.compile(r"\bshow\b"))
    screenshot(phone_page, "menu-phone")
    profile_link.tap()

    expect(phone_page).to_have_url(f"{live_server.url}/accounts/profile/")
    content = phone_page.locator("main")
    expect(content).to_contain_text("Dr. Rina Marlina, S.Kom., M.Si.")
    expect(content.locator(".nip")).to_have_text(member.nip)
    expect(content).to_contain_text("Analis Sumber Daya Manusia Aparatur")
    expect(content).to_contain_text("Seksi Identitas Penduduk")
    chain = content.locator(".chain-list li")
    expect(chain).to_have_count(2)
    expect(chain.nth(0)).to_contain_text(kabid.full_name)
    expect(chain.nth(0)).to_contain_text(kabid.position.name)
    expect(chain.nth(1)).to_contain_text(head.full_name)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone_page, "profile-phone")

    sign_in(page, member.nip, PASSWORD)
    page.goto("/accounts/profile/")
    expect(page.locator("main")).to_contain_text("Dr. Rina Marlina, S.Kom., M.Si.")
    screenshot(page, "profile-desktop")


def _focus_is(page, selector):
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


def test_it_signs_in_with_the_keyboard_alone(page, live_server, team):
    member = team[2]
    page.goto("/accounts/login/")

    for _ in range(10):
        if _focus_is(page, "input[name=username]"):
            break
        page.keyboard.press("Tab")
    assert _focus_is(page, "input[name=username]"), "Tab never reached the NIP or username field"
    page.keyboard.type(member.nip)
    page.keyboard.press("Tab")
    assert _focus_is(page, "input[name=password]")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert _focus_is(page, "main form button[type=submit]")
    screenshot(page, "login-keyboard-focus")

    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("h1")).to_contain_text(member.name)
