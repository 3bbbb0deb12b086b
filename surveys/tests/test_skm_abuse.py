"""The database-free layers of the public form: the signed nonce, the client address and its
keyed hash, and the post limit."""

import time
from types import SimpleNamespace

import django_ratelimit.core
import pytest
from django.core.signing import Signer
from django.test import RequestFactory

from config.client_ip import client_ip
from surveys.skm import abuse


def _request(remote="192.0.2.10", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/s/x/", **extra)


# Nonce ---------------------------------------------------------------------------------------


def test_it_reads_back_what_the_nonce_was_issued_for():
    issued = time.time() - 40
    nonce = abuse.nonce_read(abuse.nonce_issue(token="abcdefghijkl", template_id=3, issued_at=issued))
    assert (nonce.token, nonce.template_id, nonce.issued_at) == ("abcdefghijkl", 3, int(issued))
    assert 40 <= nonce.fill_seconds() <= 42
    assert len(nonce.key) <= 64


def test_it_draws_a_new_random_key_for_every_nonce():
    keys = {abuse.nonce_read(abuse.nonce_issue(token="abcdefghijkl", template_id=1)).key for _ in range(50)}
    assert len(keys) == 50


def test_it_never_counts_a_negative_fill_time():
    nonce = abuse.nonce_read(abuse.nonce_issue(token="abcdefghijkl", template_id=1))
    assert nonce.fill_seconds(now=nonce.issued_at - 100) == 0


@pytest.mark.parametrize(
    "value",
    [
        "",
        "junk",
        "WyJhIiwxLCJiIiwxXQ:forged",
        Signer(salt="other").sign_object(["a", 1, "b", 1]),
        Signer(salt=abuse.NONCE_SALT).sign_object("text"),
        Signer(salt=abuse.NONCE_SALT).sign_object(["a", "1", "b", 1]),
        Signer(salt=abuse.NONCE_SALT).sign_object(["a", 1, "", 1]),
        Signer(salt=abuse.NONCE_SALT).sign_object(["a", True, "b", 1]),
    ],
    ids=["empty", "junk", "forged", "other-salt", "not-a-list", "template-text", "no-key", "template-bool"],
)
def test_it_refuses_a_nonce_we_did_not_issue(value):
    with pytest.raises(abuse.NonceInvalid):
        abuse.nonce_read(value)


def test_it_refuses_a_nonce_older_than_the_form_lifetime(settings):
    settings.SKM_FORM_MAX_AGE = 7200
    with pytest.raises(abuse.NonceExpired):
        abuse.nonce_read(abuse.nonce_issue(token="abcdefghijkl", template_id=1, issued_at=time.time() - 7300))
    assert abuse.nonce_read(
        abuse.nonce_issue(token="abcdefghijkl", template_id=1, issued_at=time.time() - 7100)
    )


# Client address ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("behind_proxy", "forwarded", "expected"),
    [
        (False, None, "192.0.2.10"),
        (False, "203.0.113.9", "192.0.2.10"),
        (True, None, "192.0.2.10"),
        (True, "203.0.113.9", "203.0.113.9"),
        (True, "1.1.1.1, 203.0.113.9", "203.0.113.9"),  # the entry our proxy appended
        (True, " 203.0.113.9 ", "203.0.113.9"),
        (True, "unknown", "192.0.2.10"),
        (True, "", "192.0.2.10"),
        (True, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_it_takes_the_forwarded_address_only_behind_the_proxy(settings, behind_proxy, forwarded, expected):
    settings.BEHIND_PROXY = behind_proxy
    assert client_ip(_request(forwarded=forwarded)) == expected


def test_it_hashes_the_address_with_a_key_and_never_returns_it(settings):
    settings.SKM_IP_HASH_KEY = ""
    digest = abuse.ip_hash("192.0.2.10")
    assert len(digest) == 64 and "192" not in digest
    assert digest == abuse.ip_hash("192.0.2.10") != abuse.ip_hash("192.0.2.11")
    settings.SKM_IP_HASH_KEY = "another key"
    assert abuse.ip_hash("192.0.2.10") != digest
    settings.SKM_IP_HASH_KEY = ""
    settings.SECRET_KEY = "another secret"
    assert abuse.ip_hash("192.0.2.10") != digest


def test_it_counts_an_ipv6_subscriber_by_the_64_bit_network():
    assert abuse.ip_hash("2001:db8:1:2::1") == abuse.ip_hash("2001:db8:1:2:ffff::9")
    assert abuse.ip_hash("2001:db8:1:2::1") != abuse.ip_hash("2001:db8:1:3::1")


def test_it_hashes_an_unknown_address_as_empty():
    assert abuse.ip_hash("") == ""
    assert abuse.request_ip_hash(_request(remote="")) == ""


# Post limit ----------------------------------------------------------------------------------


def test_it_limits_posts_per_address_and_forgets_them_on_reset(settings, monkeypatch):
    now = time.time()  # every post in the same window, however slow the run
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))
    settings.SKM_RATE_LIMIT = "3/m"
    address = "192.0.2.77"
    abuse.post_rate_reset(address)
    assert [abuse.post_rate_exceeded(_request(remote=address)) for _ in range(4)] == [False] * 3 + [True]
    abuse.post_rate_reset("192.0.2.78")
    assert abuse.post_rate_exceeded(_request(remote="192.0.2.78")) is False  # a count of its own
    abuse.post_rate_reset(address)
    assert abuse.post_rate_exceeded(_request(remote=address)) is False


def test_it_never_counts_reads():
    request = RequestFactory().get("/s/x/", REMOTE_ADDR="192.0.2.79")
    assert not any(abuse.post_rate_exceeded(request) for _ in range(20))
