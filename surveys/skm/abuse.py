"""Abuse resistance of the public SKM form that needs no database: the signed form nonce, the
client's address and its keyed hash, and the per-address limit on form posts.

None of these layers may stop a real citizen behind a shared mobile address: the limit counts posts
per minute (a counter serves far fewer people than that), and everything else only flags answers
for review (see surveys.skm.submission).
"""

import ipaddress
import logging
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.utils.crypto import salted_hmac
from django_ratelimit.core import _get_window, _make_cache_key, _split_rate, get_usage

from config.client_ip import client_ip

logger = logging.getLogger(__name__)

NONCE_SALT = "surveys.skm.form-nonce"
IP_HASH_SALT = "surveys.skm.client-address"
RATE_GROUP = "surveys.skm.form-post"
IPV6_PREFIX = 64  # one subscriber gets a whole /64: count it as one address


# Form nonce ---------------------------------------------------------------------------------


class NonceInvalid(Exception):
    """The posted form nonce was not issued by us, or not for this link."""


class NonceExpired(Exception):
    """The posted form nonce is genuine but older than SKM_FORM_MAX_AGE."""


@dataclass(frozen=True)
class FormNonce:
    """What a signed form nonce holds: the link code and questionnaire (template id) it was issued for,
    a random key (stored in SurveyResponse.nonce, unique, so a form is accepted once) and the
    moment the form was shown (Unix seconds)."""

    token: str
    template_id: int
    key: str
    issued_at: int

    def fill_seconds(self, now: float | None = None) -> int:
        """Seconds from showing the form to now; never negative."""
        return max(0, int((time.time() if now is None else now) - self.issued_at))


def nonce_issue(*, token: str, template_id: int, issued_at: float | None = None) -> str:
    """A new signed nonce for the form of a link and questionnaire. Nothing is stored."""
    issued = int(time.time() if issued_at is None else issued_at)
    payload = [token, template_id, secrets.token_urlsafe(16), issued]
    return signing.Signer(salt=NONCE_SALT).sign_object(payload, compress=False)


def nonce_read(value: str, *, now: float | None = None) -> FormNonce:
    """The nonce's contents; NonceInvalid when tampered with or malformed, NonceExpired when older
    than SKM_FORM_MAX_AGE seconds."""
    try:
        token, template_id, key, issued = signing.Signer(salt=NONCE_SALT).unsign_object(value or "")
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise NonceInvalid from error
    if not (isinstance(token, str) and isinstance(key, str) and key):
        raise NonceInvalid
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (template_id, issued)):
        raise NonceInvalid
    nonce = FormNonce(token=token, template_id=template_id, key=key, issued_at=issued)
    if nonce.fill_seconds(now) > settings.SKM_FORM_MAX_AGE:
        raise NonceExpired
    return nonce


# Client address ------------------------------------------------------------------------------


def ip_hash(address: str) -> str:
    """A keyed hash (HMAC-SHA256, key SKM_IP_HASH_KEY or one derived from SECRET_KEY) of the
    address, 64 hex characters; the raw address is never stored. IPv6 addresses count by their /64
    network. An unknown address gives an empty hash."""
    if not address:
        return ""
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        address = str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False).network_address)
    secret = settings.SKM_IP_HASH_KEY or settings.SECRET_KEY
    return salted_hmac(IP_HASH_SALT, address, secret=secret, algorithm="sha256").hexdigest()


def request_ip_hash(request) -> str:
    return ip_hash(client_ip(request))


# Rate limit ----------------------------------------------------------------------------------


def _address_key(group, request):
    return request_ip_hash(request) or "unknown"


def post_rate_exceeded(request) -> bool:
    """Counts this post against the client's address and says whether it is over SKM_RATE_LIMIT
    (django-ratelimit on the cache; the key is the address hash, so no raw address reaches the
    cache either). A cache that cannot be reached lets the post through: a citizen's answer is
    worth more than the limit."""
    try:
        usage = get_usage(
            request,
            group=RATE_GROUP,
            key=_address_key,
            rate=settings.SKM_RATE_LIMIT,
            method="POST",
            increment=True,
        )
    except Exception:  # noqa: BLE001 - whatever the cache raised, the citizen goes through
        logger.warning("SKM form rate limit skipped: the cache is unavailable", exc_info=True)
        return False
    if usage is None or usage["count"] == 0:  # counting failed (a counted post is at least 1)
        return False
    return usage["should_limit"]


def post_rate_reset(address: str) -> None:
    """Forgets the posts counted for an address in the current window (tests, support desk)."""
    value = ip_hash(address) or "unknown"
    rate = settings.SKM_RATE_LIMIT
    _limit, period = _split_rate(rate)
    key = _make_cache_key(RATE_GROUP, _get_window(value, period), rate, value, "POST")
    caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")].delete(key)
