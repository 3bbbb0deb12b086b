"""Browser journeys in Debian chromium through Playwright's sync API, against pytest-django's live server.

Every page fails its test on a console error, an uncaught script error, an HTTP 5xx answer or a
Content Security Policy violation.
"""

import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import expect, sync_playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
TIMEOUT_MS = 10_000
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="package")
def playwright(django_db_setup):
    """Playwright's sync API, for the journeys of this package only.

    While it is started, an asyncio loop counts as running in this thread. Django then refuses ORM
    calls unless DJANGO_ALLOW_ASYNC_UNSAFE is set, and keeps its connections per async context: the
    journeys get connection objects of their own, which are handed the migrated data (ranks) that
    serialized rollback restores after each journey. Stopping at the end of the package keeps both
    effects away from the tests that run after it.
    """
    serialized = {
        conn.alias: conn._test_serialized_contents
        for conn in connections.all()
        if hasattr(conn, "_test_serialized_contents")
    }
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as pw:
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            yield pw


@pytest.fixture(scope="package")
def browser(playwright):
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not os.access(executable, os.X_OK):
        pytest.fail(
            f"The browser tests need chromium at {executable} "
            "(Debian: apt-get install chromium, or set CHROMIUM to its path).",
            pytrace=False,
        )
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def watch(page):
    """Collects what should fail a journey: console errors, CSP reports, uncaught errors, 5xx answers."""
    problems = []

    def on_console(message):
        if message.type == "error" or "Content Security Policy" in message.text:
            source = message.location.get("url") or page.url
            problems.append(f"console {message.type} on {source}: {message.text}")

    def on_page_error(error):
        problems.append(f"uncaught script error: {error}")

    def on_response(response):
        if response.status >= 500:
            problems.append(f"HTTP {response.status} from {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("response", on_response)
    return problems


@contextmanager
def watched_page(browser, base_url, options):
    context = browser.new_context(locale="id-ID", base_url=base_url, **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    problems = watch(page)
    yield page
    context.close()
    assert not problems, "The page reported problems:\n" + "\n".join(problems)


# The live server's database is flushed after each journey; serialized rollback restores the rows
# that data migrations put there, so every journey starts from the migrated state.
@pytest.fixture
def page(browser, live_server, django_db_serialized_rollback):
    with watched_page(browser, live_server.url, DESKTOP) as desktop_page:
        yield desktop_page


@pytest.fixture
def phone_page(browser, live_server, django_db_serialized_rollback):
    with watched_page(browser, live_server.url, PHONE) as small_page:
        yield small_page


def sign_in(page, login, password):
    """Signs in through the login form and waits for the page it leads to."""
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(login)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def open_from_menu(page, href):
    """Opens a page through the main menu: the collapsed menu on a phone, then the dropdown with the link."""
    navigation = page.locator("nav.navbar")
    link = navigation.locator(f"a[href='{href}']").first
    expect(link).to_be_attached()
    toggler = navigation.locator(".navbar-toggler")
    if toggler.is_visible() and toggler.get_attribute("aria-expanded") != "true":
        toggler.click()
    dropdown = navigation.locator("li.dropdown", has=page.locator(f"a[href='{href}']"))
    if dropdown.count():
        dropdown.first.locator(".dropdown-toggle").click()
    with page.expect_navigation():
        link.click()


def sign_out(page):
    """Signs out through the menu (opened first on a phone)."""
    toggler = page.locator("nav.navbar .navbar-toggler")
    if toggler.is_visible() and toggler.get_attribute("aria-expanded") != "true":
        toggler.click()
    with page.expect_navigation():
        page.locator("nav.navbar form[action='/accounts/logout/'] button[type=submit]").click()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
