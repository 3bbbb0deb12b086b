"""The roles of the URL × role tables, the status patterns they share, and helpers to act as a role."""

from django.urls import reverse

BACKEND = "accounts.backends.NipOrUsernameBackend"

ROLES = ("anonymous", "staff", "supervisor", "hr", "other_hr", "superadmin", "outsider")
LOGIN = "login"  # a redirect to the sign-in page

# Statuses for roles in ROLES order.
EVERYONE = dict.fromkeys(ROLES, 200)
SIGNED_IN = {**EVERYONE, "anonymous": LOGIN}
HR_ONLY = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 403,
    "hr": 200,
    "other_hr": 200,
    "superadmin": 200,
    "outsider": 403,
}
# An object of agency A that same-agency staff may read but only A's HR may change.
AGENCY_OBJECT_EDIT = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 403,
    "hr": 200,
    "other_hr": 404,
    "superadmin": 200,
    "outsider": 404,
}


def user_for(org, role):
    """The account that plays a role in the `org` fixture (None for anonymous)."""
    return {
        "anonymous": None,
        "staff": org.staff_a.user,
        "supervisor": org.kabid_a.user,
        "hr": org.hr,
        "other_hr": org.other_hr,
        "superadmin": org.superadmin,
        "outsider": org.outsider.user,
    }[role]


def sign_in(client, user):
    """Signs the client in as a user or a staff member's user; None stays anonymous."""
    if user is not None:
        client.force_login(getattr(user, "user", user), backend=BACKEND)
    return client


def assert_status(response, expected):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected
