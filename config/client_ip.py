"""The client's address, the same for the sign-in lockout and the public survey's limits."""

import ipaddress

from django.conf import settings


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """REMOTE_ADDR, or, only when BEHIND_PROXY is set, the last address in X-Forwarded-For: the one
    our own proxy appended; earlier entries come from the client and can be forged. Without
    BEHIND_PROXY the header is ignored."""
    if settings.BEHIND_PROXY:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded and (address := _valid_ip(forwarded[-1])):
            return address
    return _valid_ip(request.META.get("REMOTE_ADDR") or "") or ""
