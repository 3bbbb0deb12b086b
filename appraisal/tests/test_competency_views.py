"""The competency and position-standards screens: who may read and change what, what is stored,
query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests import factories as account_factories
from accounts.tests.roles import LOGIN, assert_status, sign_in, user_for
from appraisal.models import Competency, CompetencyLevel, PositionCompetency
from appraisal.services import competencies as services

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
LEVELS = [f"Uraian level {number}" for number in range(1, 6)]


def _technical(agency, code="T.01", name="Pengelolaan Data Kependudukan"):
    return services.technical_competency_create(
        agency=agency, code=code, name=name, definition="Mengelola data penduduk.", level_descriptions=LEVELS
    )


def _national(code="M.1"):
    return Competency.objects.get(agency=None, code=code)


def _html(response):
    return response.content.decode()


def _assert_no_inline_code(html):
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)


@pytest.fixture
def hr_client(client, org):
    return sign_in(client, org.hr)


@pytest.fixture
def technical(org):
    return _technical(org.agency)


# The competency list


def test_it_lists_the_national_competencies_and_the_own_agencys_technical_ones(client, org, technical):
    _technical(org.other_agency, code="K.01", name="Keamanan Informasi")
    sign_in(client, org.staff_a.user)
    response = client.get(reverse("appraisal:competency_list"), **EN)
    html = _html(response)
    assert response.status_code == 200
    for name in ("Integritas", "Pengambilan Keputusan", "Perekat Bangsa", "Pengelolaan Data Kependudukan"):
        assert name in html
    assert "Keamanan Informasi" not in html
    assert html.count("<details>") == 10
    assert "/edit/" not in html
    assert reverse("appraisal:competency_standards", args=[org.agency.pk]) in html
    _assert_no_inline_code(html)


def test_it_gives_hr_edit_links_for_their_technical_competencies_only(hr_client, org, technical):
    html = _html(hr_client.get(reverse("appraisal:competency_list"), **EN))
    assert reverse("appraisal:competency_edit", args=[technical.pk]) in html
    assert reverse("appraisal:competency_add") in html
    assert reverse("appraisal:competency_edit", args=[_national().pk]) not in html
    national_level = CompetencyLevel.objects.get(competency=_national(), level=1)
    assert reverse("appraisal:competency_level_edit", args=[national_level.pk]) not in html
    assert html.count("/competencies/levels/") == 5


def test_it_gives_the_super_admin_level_links_for_every_competency_and_every_agencys_standards(
    client, org, technical
):
    _technical(org.other_agency, code="K.01", name="Keamanan Informasi")
    sign_in(client, org.superadmin)
    html = _html(client.get(reverse("appraisal:competency_list"), **EN))
    assert "Keamanan Informasi" in html
    assert html.count("/competencies/levels/") == 11 * 5
    assert reverse("appraisal:competency_standards", args=[org.other_agency.pk]) in html


def test_it_shows_the_competencies_entry_in_the_organisation_menu_of_hr(hr_client):
    html = _html(hr_client.get(reverse("home"), **EN))
    assert f'href="{reverse("appraisal:competency_list")}">Competencies<' in html


@pytest.mark.parametrize("extra", [0, 15])
def test_it_lists_the_competencies_in_a_fixed_number_of_queries(
    client, org, extra, django_assert_max_num_queries
):
    for n in range(extra):
        _technical(org.agency, code=f"T.{n:02d}")
    sign_in(client, org.superadmin)
    with django_assert_max_num_queries(7):  # with the bell's count
        response = client.get(reverse("appraisal:competency_list"))
    assert _html(response).count("<details>") == 9 + extra


# Technical competencies


def _add_data(org, **overrides):
    data = {
        "agency": org.agency.pk,
        "code": "T.05",
        "name": "Pelayanan Dokumen Kependudukan",
        "definition": "Menerbitkan dokumen kependudukan sesuai standar.",
        **{f"level_{n}": f"Uraian {n}" for n in range(1, 6)},
    }
    return {**data, **overrides}


def test_it_lets_hr_add_a_technical_competency_in_their_agency_whatever_is_posted(hr_client, org):
    response = hr_client.post(reverse("appraisal:competency_add"), _add_data(org, agency=org.other_agency.pk))
    competency = Competency.objects.get(code="T.05")
    assert response.status_code == 302
    assert response.url == f"{reverse('appraisal:competency_list')}#competency-{competency.pk}"
    assert competency.agency == org.agency
    assert list(competency.levels.values_list("level", flat=True).order_by("level")) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [({"level_3": ""}, "This field is required"), ({"code": ""}, "This field is required")],
)
def test_it_shows_why_a_technical_competency_cannot_be_added_and_stores_nothing(
    hr_client, org, overrides, message
):
    response = hr_client.post(reverse("appraisal:competency_add"), _add_data(org, **overrides), **EN)
    assert response.status_code == 200
    assert message in _html(response)
    assert not Competency.objects.filter(agency=org.agency).exists()


def test_it_shows_a_code_in_use_on_the_add_form(hr_client, org, technical):
    response = hr_client.post(reverse("appraisal:competency_add"), _add_data(org, code="T.01"), **EN)
    assert "already has a competency with code T.01" in _html(response)
    assert Competency.objects.filter(agency=org.agency).count() == 1


def test_it_lets_hr_rename_their_technical_competency(hr_client, technical):
    url = reverse("appraisal:competency_edit", args=[technical.pk])
    assert 'value="T.01"' in _html(hr_client.get(url))
    response = hr_client.post(url, {"code": "T.02", "name": "Data Penduduk", "definition": "Baru."})
    assert response.status_code == 302
    technical.refresh_from_db()
    assert (technical.code, technical.name) == ("T.02", "Data Penduduk")


@pytest.mark.parametrize(("role", "expected"), [("staff", 403), ("other_hr", 404), ("outsider", 404)])
def test_it_refuses_others_a_technical_competency_edit_and_changes_nothing(
    client, org, technical, role, expected
):
    sign_in(client, user_for(org, role))
    response = client.post(
        reverse("appraisal:competency_edit", args=[technical.pk]),
        {"code": "X", "name": "X", "definition": "X"},
    )
    assert response.status_code == expected
    technical.refresh_from_db()
    assert technical.code == "T.01"


def test_it_has_no_edit_page_for_a_national_competency_even_for_the_super_admin(client, org):
    sign_in(client, org.superadmin)
    assert client.get(reverse("appraisal:competency_edit", args=[_national().pk])).status_code == 404


def test_it_refuses_other_methods_on_the_competency_pages(hr_client, technical):
    assert hr_client.put(reverse("appraisal:competency_edit", args=[technical.pk])).status_code == 405
    assert hr_client.post(reverse("appraisal:competency_list")).status_code == 405


# Level descriptions


def _level(competency, number=3):
    return competency.levels.get(level=number)


def test_it_lets_the_super_admin_rewrite_a_national_level(client, org):
    sign_in(client, org.superadmin)
    level = _level(_national("M.3"))
    url = reverse("appraisal:competency_level_edit", args=[level.pk])
    assert level.description in _html(client.get(url))
    response = client.post(url, {"description": "Uraian baru.", "indicators": "Satu\nDua"})
    assert response.status_code == 302
    level.refresh_from_db()
    assert (level.description, level.indicators) == ("Uraian baru.", "Satu\nDua")


@pytest.mark.parametrize("role", ["hr", "staff", "other_hr"])
def test_it_refuses_a_national_level_to_everyone_but_the_super_admin(client, org, role):
    level = _level(_national())
    original = level.description
    sign_in(client, user_for(org, role))
    response = client.post(reverse("appraisal:competency_level_edit", args=[level.pk]), {"description": "x"})
    assert response.status_code == 403
    level.refresh_from_db()
    assert level.description == original


@pytest.mark.parametrize(
    ("role", "expected"),
    [("hr", 302), ("superadmin", 302), ("staff", 403), ("other_hr", 404), ("outsider", 404)],
)
def test_it_gives_each_role_its_access_to_a_technical_level(client, org, technical, role, expected):
    level = _level(technical)
    sign_in(client, user_for(org, role))
    response = client.post(
        reverse("appraisal:competency_level_edit", args=[level.pk]), {"description": "Baru."}
    )
    assert response.status_code == expected
    level.refresh_from_db()
    assert (level.description == "Baru.") is (expected == 302)


def test_it_shows_an_empty_level_description_as_an_error_and_keeps_the_old_one(hr_client, technical):
    level = _level(technical)
    response = hr_client.post(
        reverse("appraisal:competency_level_edit", args=[level.pk]), {"description": "  "}, **EN
    )
    assert response.status_code == 200
    assert "This field is required" in _html(response)
    level.refresh_from_db()
    assert level.description == "Uraian level 3"


def test_it_sends_anonymous_visitors_of_a_level_tosign_in(client, technical):
    assert_status(client.get(reverse("appraisal:competency_level_edit", args=[_level(technical).pk])), LOGIN)


# The standards page


def test_it_shows_hr_the_matrix_with_edit_links_and_the_apply_button(hr_client, org, technical):
    services.position_standard_set(position=org.head.position, competency=_national("M.4"), standard_level=3)
    response = hr_client.get(reverse("appraisal:competency_standards", args=[org.agency.pk]), **EN)
    html = _html(response)
    assert response.status_code == 200
    assert "<caption" in html
    assert 'class="table-responsive position-relative"' in html
    assert reverse("appraisal:competency_standards_apply", args=[org.agency.pk]) in html
    assert reverse("appraisal:position_standards_edit", args=[org.head.position_id]) in html
    assert html.count('<th scope="row"') == 6  # one position per staff member of the fixture
    assert "T.01" in html and "Pengelolaan Data Kependudukan" in html
    assert "53 managerial or socio-cultural standards are not set yet." in html
    _assert_no_inline_code(html)


def test_it_shows_staff_the_standards_read_only(client, org):
    sign_in(client, org.staff_a.user)
    html = _html(client.get(reverse("appraisal:competency_standards", args=[org.agency.pk]), **EN))
    assert "/apply-defaults/" not in html
    assert "/competencies/positions/" not in html
    assert "Integritas" in html


@pytest.mark.parametrize("role", ["other_hr", "outsider"])
def test_it_hides_an_agencys_standards_from_other_agencies(client, org, role):
    sign_in(client, user_for(org, role))
    assert client.get(reverse("appraisal:competency_standards", args=[org.agency.pk])).status_code == 404


def test_it_lets_hr_apply_the_defaults_and_says_what_happened(hr_client, org):
    account_factories.position(agency_obj=org.agency, position_type="jpt", level="madya")
    url = reverse("appraisal:competency_standards_apply", args=[org.agency.pk])
    response = hr_client.post(url, **EN)
    assert response.status_code == 302
    assert response.url == reverse("appraisal:competency_standards", args=[org.agency.pk])
    assert PositionCompetency.objects.filter(position__agency=org.agency).count() == 6 * 9
    html = _html(hr_client.get(response.url, **EN))
    assert "Default standards applied: 54 added, 0 already set and kept." in html
    assert "1 position has no default level for its type" in html

    hr_client.post(url, **EN)
    html = _html(hr_client.get(response.url, **EN))
    assert "Default standards applied: 0 added, 54 already set and kept." in html
    assert PositionCompetency.objects.count() == 6 * 9


@pytest.mark.parametrize(("role", "expected"), [("staff", 403), ("supervisor", 403), ("other_hr", 404)])
def test_it_refuses_others_the_apply_button_and_stores_nothing(client, org, role, expected):
    sign_in(client, user_for(org, role))
    response = client.post(reverse("appraisal:competency_standards_apply", args=[org.agency.pk]))
    assert response.status_code == expected
    assert not PositionCompetency.objects.exists()


def test_it_applies_the_defaults_only_on_post(hr_client, org):
    url = reverse("appraisal:competency_standards_apply", args=[org.agency.pk])
    assert hr_client.get(url).status_code == 405
    assert not PositionCompetency.objects.exists()


def test_it_sends_anonymous_visitors_of_the_standards_tosign_in(client, org):
    assert_status(client.get(reverse("appraisal:competency_standards", args=[org.agency.pk])), LOGIN)
    assert_status(client.post(reverse("appraisal:competency_standards_apply", args=[org.agency.pk])), LOGIN)
    assert not PositionCompetency.objects.exists()


def _standards_page_queries(client, agency):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("appraisal:competency_standards", args=[agency.pk]))
    assert response.status_code == 200
    return len(queries), _html(response).count('<th scope="row"')


def test_it_shows_the_standards_matrix_in_the_same_number_of_queries_for_5_and_50_positions(
    client, org, django_assert_max_num_queries
):
    sign_in(client, org.hr)
    small = account_factories.agency(short_name="Kecil")
    large = account_factories.agency(short_name="Besar")
    for agency, size in ((small, 5), (large, 50)):
        for n in range(size):
            account_factories.position(
                agency_obj=agency, **({"position_type": "administrator"} if n % 5 == 0 else {})
            )
        _technical(agency)
        services.position_standards_apply_defaults(agency=agency)
    sign_in(client, org.superadmin)
    small_count, small_rows = _standards_page_queries(client, small)
    large_count, large_rows = _standards_page_queries(client, large)
    assert (small_rows, large_rows) == (5, 50)
    assert small_count == large_count
    with django_assert_max_num_queries(8):
        client.get(reverse("appraisal:competency_standards", args=[large.pk]))


# Editing the standards of one position


def _standards_data(competencies, **levels):
    return {f"competency_{c.pk}": levels.get(c.code.replace(".", "_"), "") for c in competencies}


def test_it_fills_the_form_with_the_defaults_where_nothing_is_set(hr_client, org, technical):
    position = account_factories.position(agency_obj=org.agency, position_type="administrator")
    services.position_standard_set(position=position, competency=_national("M.2"), standard_level=5)
    html = _html(hr_client.get(reverse("appraisal:position_standards_edit", args=[position.pk]), **EN))
    assert html.count('type="number"') == 10
    assert f'name="competency_{_national("M.2").pk}" value="5"' in html
    assert f'name="competency_{_national("M.1").pk}" value="3"' in html
    technical_input = re.search(rf'<input[^>]*name="competency_{technical.pk}"[^>]*>', html).group()
    assert "value=" not in technical_input
    assert "Standards not saved yet are filled in with the default" in html
    assert 'for="id_competency_' in html
    _assert_no_inline_code(html)


def test_it_saves_the_standards_of_a_position(hr_client, org, technical):
    position = org.staff_a.position
    services.position_standard_set(position=position, competency=technical, standard_level=2)
    competencies = [*Competency.objects.for_agency(org.agency)]
    data = _standards_data(competencies, **{f"M_{n}": str(n % 5 + 1) for n in range(1, 9)}, SK_1="2")
    response = hr_client.post(reverse("appraisal:position_standards_edit", args=[position.pk]), data)
    assert response.status_code == 302
    assert response.url == reverse("appraisal:competency_standards", args=[org.agency.pk])
    stored = dict(position.competency_standards.values_list("competency__code", "standard_level"))
    assert stored == {
        **{f"M.{n}": n % 5 + 1 for n in range(1, 9)},
        "SK.1": 2,
    }  # technical left empty: removed


@pytest.mark.parametrize(
    ("value", "message"), [("6", "less than or equal to 5"), ("", "This field is required")]
)
def test_it_shows_a_bad_standard_on_the_form_and_stores_nothing(hr_client, org, value, message):
    position = org.staff_a.position
    competencies = [*Competency.objects.for_agency(org.agency)]
    data = _standards_data(competencies, **{f"M_{n}": "2" for n in range(1, 9)}, SK_1=value)
    response = hr_client.post(reverse("appraisal:position_standards_edit", args=[position.pk]), data, **EN)
    assert response.status_code == 200
    assert message in _html(response)
    assert not PositionCompetency.objects.exists()


@pytest.mark.parametrize(("role", "expected"), [("staff", 403), ("supervisor", 403), ("other_hr", 404)])
def test_it_refuses_others_a_positions_standards_and_stores_nothing(client, org, role, expected):
    competencies = [*Competency.objects.for_agency(org.agency)]
    data = _standards_data(competencies, **{f"M_{n}": "2" for n in range(1, 9)}, SK_1="2")
    sign_in(client, user_for(org, role))
    response = client.post(reverse("appraisal:position_standards_edit", args=[org.staff_a.position_id]), data)
    assert response.status_code == expected
    assert not PositionCompetency.objects.exists()


def test_it_offers_no_technical_competency_of_another_agency(hr_client, org):
    _technical(org.other_agency, code="K.01", name="Keamanan Informasi")
    html = _html(
        hr_client.get(reverse("appraisal:position_standards_edit", args=[org.staff_a.position_id]), **EN)
    )
    assert "Keamanan Informasi" not in html
    assert "The agency has no technical competencies yet." in html
