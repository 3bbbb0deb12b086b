"""Friendly error pages in both languages."""

from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from accounts.tests import factories

BACKEND = "accounts.backends.NipOrUsernameBackend"


def test_it_shows_a_friendly_404_in_indonesian_and_english(client, db):
    client.force_login(factories.user(), backend=BACKEND)
    indonesian = client.get("/tidak-ada/")
    english = client.get("/tidak-ada/", HTTP_ACCEPT_LANGUAGE="en")
    assert indonesian.status_code == english.status_code == 404
    assert "Halaman tidak ditemukan" in indonesian.content.decode()
    assert "Page not found" in english.content.decode()


def test_it_shows_a_friendly_403_to_a_role_without_access(client, org):
    client.force_login(org.staff_a.user, backend=BACKEND)
    response = client.get("/accounts/positions/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert "You may not do this" in response.content.decode()


def test_it_shows_a_friendly_500_in_both_languages():
    request = RequestFactory().get("/")
    for language, text in (("id", "Terjadi kesalahan"), ("en", "Something went wrong")):
        with translation.override(language):
            response = server_error(request)
        assert response.status_code == 500
        assert text in response.content.decode()
