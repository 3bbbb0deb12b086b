"""HR opens the periodic jobs from the menu, sees the last runs and queues a job."""

import pytest
from playwright.sync_api import expect

from accounts.tests import factories
from e2e.conftest import open_from_menu, screenshot, sign_in
from jobs.models import Trigger
from jobs.runs import job_run

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_it_shows_the_jobs_and_queues_one(request, width):
    browser_page = request.getfixturevalue("page" if width == "desktop" else "phone_page")
    agency = factories.agency(name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Disdukcapil")
    hr = factories.hr_admin(agency, username=f"hr-jobs-{width}")
    job_run(name="purge-survey-personal-data", trigger=Trigger.COMMAND)
    job_run(name="aggregate-scores", trigger=Trigger.COMMAND)
    sign_in(browser_page, hr.username, "rahasia-uji-123")
    open_from_menu(browser_page, "/jobs/")
    expect(browser_page.locator("h1")).to_have_text("Tugas berkala")
    purge = browser_page.locator("tr", has_text="Penghapusan data pribadi survei")
    expect(purge).to_contain_text("Berhasil")
    expect(purge).to_contain_text("Perintah")
    expect(browser_page.locator("tr", has_text="Angka SKM di cache")).to_contain_text("Belum pernah berjalan")
    expect(browser_page.locator("tr", has_text="Rekap kinerja")).to_contain_text("Berhasil")
    screenshot(browser_page, f"jobs-{width}")
    with browser_page.expect_navigation():
        purge.get_by_role("button", name="Jalankan sekarang").click()
    expect(browser_page.locator(".alert")).to_contain_text("sudah diantrekan")
