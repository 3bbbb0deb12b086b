"""Sign-in by NIP or username, lockout per username + address, session rotation, password reset."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from accounts.tests import factories

PASSWORD = "rahasia-uji-123"
LOGIN_URL = "/accounts/login/"


@pytest.fixture
def person(org):
    return org.staff_a


def sign_in(client, login, password, ip="10.0.0.1", **extra):
    return client.post(LOGIN_URL, {"username": login, "password": password}, REMOTE_ADDR=ip, **extra)


def test_it_signs_in_with_the_nip(client, person):
    response = sign_in(client, person.nip, PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert int(client.session[SESSION_KEY]) == person.user.pk


def test_it_signs_in_with_a_username_in_any_case(client, org):
    response = sign_in(client, "HR-DUK", PASSWORD)
    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == org.hr.pk


def test_it_rotates_the_session_key_on_sign_in(client, person):
    client.get(LOGIN_URL)
    session = client.session
    session["probe"] = "before"
    session.save()
    before = session.session_key
    sign_in(client, person.nip, PASSWORD)
    assert client.session.session_key != before


def test_it_tells_a_wrong_password_in_the_users_language(client, person):
    response = sign_in(client, person.nip, "salah", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "The NIP/username or password is wrong" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_it_speaks_indonesian_by_default(client, person):
    response = sign_in(client, person.nip, "salah")
    body = response.content.decode()
    assert '<html lang="id">' in body
    assert "NIP/nama pengguna atau kata sandi salah" in body


def test_it_locks_a_username_from_one_address_after_five_failures(client, person):
    for attempt in range(4):
        response = sign_in(client, person.nip, f"salah-{attempt}", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, attempt
        assert "password is wrong" in response.content.decode()
    locked = sign_in(client, person.nip, "salah-5", HTTP_ACCEPT_LANGUAGE="en")
    assert locked.status_code == 429
    assert "locked for 15 minutes" in locked.content.decode()
    # The right password does not get through from the locked address...
    assert sign_in(client, person.nip, PASSWORD).status_code == 429
    # ...nor by typing the username instead of the NIP...
    assert sign_in(client, person.user.username.upper(), PASSWORD).status_code == 429
    # ...but the same person signs in from another address.
    elsewhere = sign_in(client, person.nip, PASSWORD, ip="10.0.0.2")
    assert elsewhere.status_code == 302


def test_it_ignores_a_spoofed_forwarded_for_header(client, person):
    for attempt in range(5):
        sign_in(client, person.nip, f"salah-{attempt}")
    spoofed = sign_in(client, person.nip, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert spoofed.status_code == 429


def test_it_does_not_lock_other_usernames_from_the_same_address(client, org):
    for attempt in range(5):
        sign_in(client, org.staff_a.nip, f"salah-{attempt}")
    assert sign_in(client, org.staff_a2.nip, PASSWORD).status_code == 302


def test_it_refuses_an_inactive_account(client, person):
    person.user.is_active = False
    person.user.save(update_fields=["is_active"])
    response = sign_in(client, person.nip, PASSWORD, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_it_signs_out_on_post_only(client, person):
    client.force_login(person.user, backend="accounts.backends.NipOrUsernameBackend")
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert SESSION_KEY in client.session
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert SESSION_KEY not in client.session


def test_it_resets_a_password_by_email(client, person):
    response = client.post(reverse("accounts:password_reset"), {"email": person.user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    new_password = "kata-sandi-baru-2026"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    person.user.refresh_from_db()
    assert person.user.check_password(new_password)


def test_it_sends_no_reset_mail_for_an_unknown_address(client, org):
    response = client.post(reverse("accounts:password_reset"), {"email": "tidak.ada@example.test"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_it_shows_a_profile_page_with_the_chain(client, org):
    client.force_login(org.staff_a.user, backend="accounts.backends.NipOrUsernameBackend")
    body = client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert org.staff_a.nip in body
    assert body.index(org.kabid_a.name) < body.index(org.head.name)


def test_it_shows_a_profile_without_a_staff_record(client, db):
    user = factories.user()
    client.force_login(user, backend="accounts.backends.NipOrUsernameBackend")
    assert client.get(reverse("accounts:profile")).status_code == 200
