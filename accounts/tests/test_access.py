from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from accounts import access
from accounts.tests import factories

EVERYONE_IN_AGENCY = ["Kabid A", "Kabid B", "Kepala Dinas", "Staf A", "Staf A2", "Staf B"]


def _user(org, who):
    """A fresh user object, so roles cached by one call never leak into another."""
    if who == "plain_user":
        return factories.user()
    person = getattr(org, who)
    user = person.user if hasattr(person, "user") else person
    return type(user).objects.get(pk=user.pk)


@pytest.mark.parametrize(
    ("who", "names"),
    [
        pytest.param("staff_a", ["Staf A"], id="staff-only-self"),
        pytest.param("kabid_a", ["Kabid A", "Staf A", "Staf A2", "Staf B"], id="kabid-a-own-and-plt-staff"),
        pytest.param("kabid_b", ["Kabid B"], id="retired-kabid-b-only-self"),
        pytest.param("head", EVERYONE_IN_AGENCY, id="head-everyone-below"),
        pytest.param("hr", EVERYONE_IN_AGENCY, id="hr-whole-agency"),
        pytest.param("other_hr", ["Orang Luar"], id="other-hr-own-agency"),
        pytest.param("superadmin", [*EVERYONE_IN_AGENCY, "Orang Luar"], id="superadmin-all"),
        pytest.param("outsider", ["Orang Luar"], id="outsider-only-self"),
        pytest.param("plain_user", [], id="account-without-profile"),
    ],
)
def test_it_scopes_visible_staff_by_role(org, who, names):
    assert sorted(s.name for s in access.visible_staff(_user(org, who))) == sorted(names)


def test_it_drops_the_plt_staff_once_the_assignment_is_over(org):
    org.acting.ends_on = timezone.localdate() - timedelta(days=1)
    org.acting.starts_on = org.acting.ends_on - timedelta(days=30)
    org.acting.save(update_fields=["starts_on", "ends_on"])
    names = sorted(s.name for s in access.visible_staff(_user(org, "kabid_a")))
    assert names == ["Kabid A", "Staf A", "Staf A2"]


def test_it_shows_nothing_to_an_anonymous_visitor(org):
    assert not access.visible_staff(AnonymousUser()).exists()


@pytest.mark.parametrize(
    ("who", "is_supervisor"),
    [
        pytest.param("head", True, id="head"),
        pytest.param("kabid_a", True, id="kabid-a"),
        pytest.param("staff_a", False, id="plain-staff"),
        pytest.param("kabid_b", False, id="retired-kabid-b-with-staff"),
        pytest.param("outsider", False, id="outsider"),
    ],
)
def test_it_derives_the_supervisor_role_from_the_chain(org, who, is_supervisor):
    roles = access.roles_of(_user(org, who))
    assert roles.is_supervisor is is_supervisor
    assert roles.staff == getattr(org, who)
    assert not roles.is_hr
    assert not roles.is_superadmin


def test_it_makes_a_plt_supervisor_of_someone_without_own_staff(org):
    org.acting.acting = org.staff_a
    org.acting.save(update_fields=["acting"])
    assert access.roles_of(_user(org, "staff_a")).is_supervisor


def test_it_gives_hr_and_super_admin_their_roles(org):
    hr = access.roles_of(_user(org, "hr"))
    assert (hr.staff, hr.hr_agency_id, hr.is_hr, hr.is_superadmin) == (None, org.agency.pk, True, False)
    assert hr.administers(org.agency.pk)
    assert not hr.administers(org.other_agency.pk)
    root = access.roles_of(_user(org, "superadmin"))
    assert root.is_superadmin
    assert root.administers(org.other_agency.pk)


def test_it_gives_an_anonymous_visitor_no_role(db):
    roles = access.roles_of(AnonymousUser())
    assert (roles.staff, roles.is_supervisor, roles.administers_any) == (None, False, False)


def test_it_computes_roles_once_per_user_object(org, django_assert_num_queries):
    user = _user(org, "kabid_a")
    first = access.roles_of(user)
    with django_assert_num_queries(0):
        assert access.roles_of(user) is first


READ_ONLY = "read"
WRITE = "write"
HIDDEN = "404"

STAFF_CASES = [
    pytest.param("staff_a", "staff_a", READ_ONLY, id="self"),
    pytest.param("staff_a", "staff_a2", HIDDEN, id="colleague"),
    pytest.param("staff_a", "kabid_a", HIDDEN, id="own-supervisor"),
    pytest.param("kabid_a", "staff_a", READ_ONLY, id="supervisor-of-own-staff"),
    pytest.param("kabid_a", "staff_b", READ_ONLY, id="plt-supervisor"),
    pytest.param("kabid_a", "kabid_b", HIDDEN, id="plt-of-the-replaced-official"),
    pytest.param("head", "staff_b", READ_ONLY, id="head-of-indirect-staff"),
    pytest.param("outsider", "staff_a", HIDDEN, id="outsider"),
    pytest.param("hr", "staff_b", WRITE, id="hr"),
    pytest.param("hr", "outsider", HIDDEN, id="hr-of-other-agency"),
    pytest.param("other_hr", "staff_a", HIDDEN, id="other-hr"),
    pytest.param("superadmin", "outsider", WRITE, id="superadmin"),
    pytest.param("plain_user", "staff_a", HIDDEN, id="account-without-profile"),
]


def _check_access(helper, user, pk, expected):
    if expected == HIDDEN:
        with pytest.raises(Http404):
            helper(user, pk)
        with pytest.raises(Http404):
            helper(user, pk, write=True)
        return
    assert helper(user, pk).pk == pk
    if expected == WRITE:
        assert helper(user, pk, write=True).pk == pk
    else:
        with pytest.raises(PermissionDenied):
            helper(user, pk, write=True)


@pytest.mark.parametrize(("who", "target", "expected"), STAFF_CASES)
def test_it_guards_a_staff_profile(org, who, target, expected):
    _check_access(access.staff_for_user, _user(org, who), getattr(org, target).pk, expected)


def test_it_answers_404_for_a_staff_profile_that_does_not_exist(org):
    with pytest.raises(Http404):
        access.staff_for_user(_user(org, "superadmin"), 987_654_321)


AGENCY_OWNED_CASES = [
    pytest.param("staff_a", "own", READ_ONLY, id="staff-same-agency"),
    pytest.param("kabid_a", "own", READ_ONLY, id="supervisor-same-agency"),
    pytest.param("kabid_b", "own", READ_ONLY, id="retired-staff-same-agency"),
    pytest.param("outsider", "own", HIDDEN, id="staff-other-agency"),
    pytest.param("hr", "own", WRITE, id="hr"),
    pytest.param("other_hr", "own", HIDDEN, id="hr-other-agency"),
    pytest.param("hr", "other", HIDDEN, id="hr-reaching-other-agency"),
    pytest.param("outsider", "other", READ_ONLY, id="outsider-own-agency"),
    pytest.param("superadmin", "own", WRITE, id="superadmin"),
    pytest.param("superadmin", "other", WRITE, id="superadmin-other-agency"),
    pytest.param("plain_user", "own", HIDDEN, id="account-without-profile"),
]


@pytest.mark.parametrize(("who", "side", "expected"), AGENCY_OWNED_CASES)
def test_it_guards_a_unit(org, who, side, expected):
    unit = org.bidang_a if side == "own" else org.other_root
    _check_access(access.unit_for_user, _user(org, who), unit.pk, expected)


@pytest.mark.parametrize(("who", "side", "expected"), AGENCY_OWNED_CASES)
def test_it_guards_a_position(org, who, side, expected):
    position = org.staff_a.position if side == "own" else org.outsider.position
    _check_access(access.position_for_user, _user(org, who), position.pk, expected)


@pytest.mark.parametrize(("who", "side", "expected"), AGENCY_OWNED_CASES)
def test_it_guards_an_agency(org, who, side, expected):
    agency = org.agency if side == "own" else org.other_agency
    _check_access(access.agency_for_user, _user(org, who), agency.pk, expected)


@pytest.mark.parametrize(
    "helper",
    [
        access.unit_for_user,
        access.position_for_user,
        access.agency_for_user,
        access.acting_assignment_for_user,
    ],
    ids=["unit", "position", "agency", "acting-assignment"],
)
def test_it_answers_404_for_an_object_that_does_not_exist(org, helper):
    with pytest.raises(Http404):
        helper(_user(org, "superadmin"), 987_654_321)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        pytest.param("kabid_a", READ_ONLY, id="acting-official"),
        pytest.param("kabid_b", READ_ONLY, id="replaced-official"),
        pytest.param("staff_a", HIDDEN, id="staff-not-a-party"),
        pytest.param("head", HIDDEN, id="head-not-a-party"),
        pytest.param("outsider", HIDDEN, id="outsider"),
        pytest.param("hr", WRITE, id="hr"),
        pytest.param("other_hr", HIDDEN, id="other-hr"),
        pytest.param("superadmin", WRITE, id="superadmin"),
        pytest.param("plain_user", HIDDEN, id="account-without-profile"),
    ],
)
def test_it_guards_an_acting_assignment(org, who, expected):
    _check_access(access.acting_assignment_for_user, _user(org, who), org.acting.pk, expected)


@pytest.mark.parametrize(
    ("who", "agencies"),
    [
        pytest.param("hr", ["disdukcapil"], id="hr"),
        pytest.param("superadmin", ["diskominfo", "disdukcapil"], id="superadmin"),
        pytest.param("kabid_a", [], id="supervisor"),
    ],
)
def test_it_lists_the_agencies_a_user_administers(org, who, agencies):
    assert sorted(a.code for a in access.administered_agencies(_user(org, who))) == sorted(agencies)
