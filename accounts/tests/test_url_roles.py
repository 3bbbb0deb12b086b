"""Every URL pattern × every role: the status each role gets. A URL missing from the table fails."""

import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.tests.roles import (
    AGENCY_OBJECT_EDIT,
    EVERYONE,
    HR_ONLY,
    LOGIN,
    ROLES,
    SIGNED_IN,
    assert_status,
    sign_in,
    user_for,
)


def _staff_b(org):
    return {"pk": org.staff_b.pk}


# name → (kwargs from the org fixture, GET statuses, POST statuses or "same" or 405)
ACCOUNTS_TABLE = {
    "home": (None, SIGNED_IN, 405),
    "healthz": (None, EVERYONE, 405),
    "set_language": (None, dict.fromkeys(ROLES, 302), dict.fromkeys(ROLES, 302)),
    "admin:index": (
        None,
        {**dict.fromkeys(ROLES, 302), "superadmin": 200},
        "same",
    ),
    "accounts:login": (None, {**dict.fromkeys(ROLES, 302), "anonymous": 200}, "same"),
    "accounts:logout": (None, dict.fromkeys(ROLES, 405), dict.fromkeys(ROLES, 302)),
    "accounts:password_reset": (None, EVERYONE, "same"),
    "accounts:password_reset_done": (None, EVERYONE, 405),
    "accounts:password_reset_confirm": (lambda org: {"uidb64": "MQ", "token": "bad-token"}, EVERYONE, "same"),
    "accounts:password_reset_complete": (None, EVERYONE, 405),
    "accounts:password_change": (None, SIGNED_IN, "same"),
    "accounts:profile": (None, SIGNED_IN, 405),
    "accounts:staff_list": (None, SIGNED_IN, 405),
    "accounts:staff_create": (None, HR_ONLY, "same"),
    "accounts:staff_detail": (
        _staff_b,
        {
            "anonymous": LOGIN,
            "staff": 404,
            "supervisor": 200,  # Plt for staff B's retired head
            "hr": 200,
            "other_hr": 404,
            "superadmin": 200,
            "outsider": 404,
        },
        405,
    ),
    "accounts:staff_edit": (
        _staff_b,
        {
            "anonymous": LOGIN,
            "staff": 404,
            "supervisor": 403,
            "hr": 200,
            "other_hr": 404,
            "superadmin": 200,
            "outsider": 404,
        },
        "same",
    ),
    "accounts:unit_list": (None, SIGNED_IN, 405),
    "accounts:unit_create": (None, HR_ONLY, "same"),
    "accounts:unit_edit": (lambda org: {"pk": org.bidang_a.pk}, AGENCY_OBJECT_EDIT, "same"),
    "accounts:position_list": (None, HR_ONLY, 405),
    "accounts:position_create": (None, HR_ONLY, "same"),
    "accounts:position_edit": (lambda org: {"pk": org.staff_a.position_id}, AGENCY_OBJECT_EDIT, "same"),
    "accounts:acting_list": (None, HR_ONLY, 405),
    "accounts:acting_create": (None, HR_ONLY, "same"),
    "accounts:acting_edit": (
        lambda org: {"pk": org.acting.pk},
        {
            "anonymous": LOGIN,
            "staff": 404,
            "supervisor": 403,  # the acting official may read their assignment, not change it
            "hr": 200,
            "other_hr": 404,
            "superadmin": 200,
            "outsider": 404,
        },
        "same",
    ),
    "accounts:import": (None, HR_ONLY, "same"),
    "accounts:import_template": (lambda org: {"fmt": "csv"}, HR_ONLY, 405),
}


def _feature_tables():
    """Each feature lists its own URLs in <app>/tests/url_roles*.py as TABLE."""
    for path in sorted(Path(settings.BASE_DIR).glob("*/tests/url_roles*.py")):
        module = importlib.import_module(".".join(path.relative_to(settings.BASE_DIR).with_suffix("").parts))
        yield module.TABLE


TABLE = {**ACCOUNTS_TABLE}
for _table in _feature_tables():
    TABLE.update(_table)


def _pattern_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace == "admin":
                yield "admin:index"
                continue
            yield from _pattern_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_it_lists_every_url_pattern_in_the_role_table():
    names = set(_pattern_names())
    assert names - TABLE.keys() == set(), "URL patterns without a row in the role table"
    assert TABLE.keys() - names == set(), "rows in the role table for URLs that do not exist"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(TABLE))
def test_it_gives_each_role_exactly_its_access(client, org, name, role):
    kwargs_of, get_statuses, post_statuses = TABLE[name]
    url = reverse(name, kwargs=kwargs_of(org) if kwargs_of else None)
    sign_in(client, user_for(org, role))

    assert_status(client.get(url), get_statuses[role])

    if post_statuses == 405:
        expected_post = 405  # the method check comes before the sign-in check
    elif post_statuses == "same":
        expected_post = get_statuses[role]
    else:
        expected_post = post_statuses[role]
    assert_status(client.post(url, {}), expected_post)
