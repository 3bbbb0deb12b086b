"""SKM setup: questionnaires and their versions, public links, QR codes and posters, per role."""

import itertools
import re
from datetime import timedelta
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from accounts.tests import factories as account_factories
from accounts.tests.roles import sign_in
from surveys.ikm import ELEMENTS
from surveys.models import SurveyAnswer, SurveyElement, SurveyLink, SurveyResponse, SurveyTemplate
from surveys.skm import setup_selectors
from surveys.skm.questionnaires import (
    current_questionnaire,
    link_create,
    link_pause,
    link_resume,
    link_set_end,
    questionnaire_publish,
)
from surveys.tests import factories

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_nonce = itertools.count(1)


@pytest.fixture(autouse=True)
def english():
    """The services' refusals in English, whatever language an earlier test left active."""
    with translation.override("en"):
        yield


@pytest.fixture
def ktp(org):
    return factories.service(unit_obj=org.bidang_a, code="KTP-EL", name="KTP-el")


@pytest.fixture
def hr_client(client, org):
    sign_in(client, org.hr)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _standard(weight=None):
    return [{"code": e.code, "weight": weight} for e in ELEMENTS]


def _extra(code="U10", weight=None, name="Kebersihan ruang tunggu"):
    return {
        "code": code,
        "name": name,
        "labels": ["Tidak bersih", "Kurang bersih", "Bersih", "Sangat bersih"],
        "weight": weight,
    }


def _answer_all(template, link, value=4):
    response = SurveyResponse.objects.create(
        template=template,
        link=link,
        service=template.service,
        nonce=f"nonce-{next(_nonce)}",
        fill_seconds=45,
    )
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=response, element=element, value=value) for element in template.elements.all()
    )
    return response


def _messages(response):
    return [str(message) for message in response.context["messages"]]


# Questionnaires -----------------------------------------------------------------------------


def test_it_publishes_the_nine_standard_elements_with_their_codes_and_official_labels(org, ktp):
    template = questionnaire_publish(service=ktp, by=org.hr)

    elements = list(template.elements.order_by("order"))
    assert [e.code for e in elements] == ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]
    assert elements[0].name == "Persyaratan"
    assert elements[3].labels == ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")
    assert elements[7].name == "Penanganan Pengaduan, Saran dan Masukan"
    assert elements[7].labels == (
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    )
    assert elements[8].labels == ("Buruk", "Cukup", "Baik", "Sangat Baik")
    assert [(e.name, e.labels) for e in elements] == [(e.name, e.labels) for e in ELEMENTS]
    assert all(e.weight is None for e in elements)
    assert (template.version, template.is_current, template.ask_profile, template.ask_suggestion) == (
        1,
        True,
        True,
        True,
    )
    rows = setup_selectors.element_rows(elements)
    assert {row.percent for row in rows} == {Decimal("11.11")}
    assert sum(row.weight for row in rows) == 1


def test_it_keeps_old_answers_attached_to_the_old_version(org, ktp):
    v1 = questionnaire_publish(service=ktp, by=org.hr)
    link = link_create(service=ktp, by=org.hr, counter="Loket 1")
    response = _answer_all(v1, link, value=3)
    v1_element_ids = set(v1.elements.values_list("pk", flat=True))

    v2 = questionnaire_publish(
        service=ktp, by=org.hr, elements=[*_standard(), _extra()], ask_profile=False, ask_suggestion=True
    )

    v1.refresh_from_db()
    assert (v1.version, v1.is_current, v2.version, v2.is_current) == (1, False, 2, True)
    assert current_questionnaire(ktp) == v2
    response.refresh_from_db()
    assert response.template_id == v1.pk
    answers = SurveyAnswer.objects.filter(response=response).select_related("element")
    assert {a.element_id for a in answers} == v1_element_ids
    assert {a.element.template_id for a in answers} == {v1.pk}
    assert v1.elements.count() == 9
    assert [e.code for e in v2.elements.order_by("order")][-1] == "U10"
    assert not set(v2.elements.values_list("pk", flat=True)) & v1_element_ids
    counts = {t.version: t.answer_count for t in setup_selectors.questionnaire_versions(ktp)}
    assert counts == {1: 1, 2: 0}


def test_it_accepts_weights_of_a_tenth_for_nine_elements_and_one_extra(org, ktp):
    template = questionnaire_publish(
        service=ktp, by=org.hr, elements=[*_standard(Decimal("0.1")), _extra(weight=Decimal("0.1"))]
    )
    weights = list(template.elements.order_by("order").values_list("weight", flat=True))
    assert weights == [Decimal("0.1")] * 10
    rows = setup_selectors.element_rows(template.elements.order_by("order"))
    assert [row.percent for row in rows] == [Decimal("10.00")] * 10


def test_it_refuses_weights_that_do_not_sum_to_one(org, ktp):
    elements = _standard(Decimal("0.05"))
    elements[0]["weight"] = Decimal("0.5")  # 0.5 + 8 × 0.05 = 0.5 + 0.4 = 0.9
    with pytest.raises(ValidationError) as refused:
        questionnaire_publish(service=ktp, by=org.hr, elements=elements)
    assert "sum to exactly 1" in " ".join(refused.value.messages)
    assert "90" in " ".join(refused.value.messages)
    assert not SurveyTemplate.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda rows: rows.pop(4),
            "standard element U5 (Produk Spesifikasi Jenis Pelayanan) cannot be removed",
        ),
        (lambda rows: rows[0].update(weight=Decimal("0.1")), "every element a weight, or none"),
        (lambda rows: rows[0].update(name="Syarat"), "set by the regulation"),
        (lambda rows: rows.append(_extra(code="U3")), "code of its own"),
        (lambda rows: rows.append(_extra(code="")), "needs a code"),
        (lambda rows: rows.append(_extra(code="X Y")), "is not valid"),
        (lambda rows: rows.append(_extra(name="")), "needs a name"),
        (lambda rows: rows.append(_extra(name="x" * 201)), "at most 200 characters"),
    ],
)
def test_it_refuses_a_questionnaire_that_breaks_a_rule(org, ktp, change, message):
    rows = [*_standard()]
    change(rows)
    with pytest.raises(ValidationError) as refused:
        questionnaire_publish(service=ktp, by=org.hr, elements=rows)
    assert message in " ".join(refused.value.messages)
    assert not SurveyTemplate.objects.exists()


def test_it_refuses_weights_with_more_decimals_than_are_stored(org, ktp):
    elements = _standard(Decimal("0.1111111"))
    with pytest.raises(ValidationError, match="at most 6 decimals"):
        questionnaire_publish(service=ktp, by=org.hr, elements=elements)


def test_it_refuses_to_publish_a_version_that_changes_nothing(org, ktp):
    questionnaire_publish(service=ktp, by=org.hr)
    with pytest.raises(ValidationError, match="Nothing changed: version 1 stays in use"):
        questionnaire_publish(service=ktp, by=org.hr, elements=_standard())
    assert questionnaire_publish(service=ktp, by=org.hr, ask_suggestion=False).version == 2


# Links --------------------------------------------------------------------------------------


def test_it_makes_unique_unguessable_link_codes(org, ktp):
    links = [link_create(service=ktp, by=org.hr, counter=f"Loket {n}") for n in range(40)]
    tokens = [link.token for link in links]
    assert len(set(tokens)) == len(tokens)
    assert all(len(token) >= 12 and re.fullmatch(r"[A-Za-z0-9_-]+", token) for token in tokens)
    assert SurveyTemplate.objects.filter(service=ktp).count() == 1  # the first link published v1


def test_it_pauses_resumes_and_ends_a_link(org, ktp):
    link = link_create(service=ktp, by=org.hr, officer=org.staff_a, counter="  Loket   2 ")
    today = timezone.localdate()
    assert (link.counter, link.is_open_on(today)) == ("Loket 2", True)

    link_pause(link=link, by=org.hr)
    assert SurveyLink.objects.get(pk=link.pk).is_paused
    with pytest.raises(ValidationError, match="already paused"):
        link_pause(link=link, by=org.hr)

    link_resume(link=link, by=org.hr)
    assert not SurveyLink.objects.get(pk=link.pk).is_paused
    with pytest.raises(ValidationError, match="not paused"):
        link_resume(link=link, by=org.hr)

    link_set_end(link=link, by=org.hr, ends_on=today)
    assert SurveyLink.objects.get(pk=link.pk).is_open_on(today)
    assert not SurveyLink.objects.get(pk=link.pk).is_open_on(today + timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        link_set_end(link=link, by=org.hr, ends_on=today - timedelta(days=1))
    assert refused.value.message_dict == {"ends_on": ["The end date cannot be before today."]}
    link_set_end(link=link, by=org.hr, ends_on=None)
    assert SurveyLink.objects.get(pk=link.pk).ends_on is None


def test_it_resumes_a_link_past_its_end_date_only_after_a_later_end_date(org, ktp):
    link = link_create(service=ktp, by=org.hr)
    link_pause(link=link, by=org.hr)
    SurveyLink.objects.filter(pk=link.pk).update(ends_on=timezone.localdate() - timedelta(days=3))
    with pytest.raises(ValidationError, match="give it a later end date first"):
        link_resume(link=link, by=org.hr)
    link_set_end(link=link, by=org.hr, ends_on=None)
    link_resume(link=link, by=org.hr)
    assert SurveyLink.objects.get(pk=link.pk).is_open_on(timezone.localdate())


def test_it_refuses_an_officer_of_another_agency_or_no_longer_active(org, ktp):
    with pytest.raises(ValidationError) as refused:
        link_create(service=ktp, by=org.hr, officer=org.outsider)
    assert refused.value.message_dict == {"officer": ["The officer must work in the service's agency."]}
    with pytest.raises(ValidationError, match="no longer works here"):
        link_create(service=ktp, by=org.hr, officer=org.kabid_b)
    assert not SurveyLink.objects.exists()


def test_it_refuses_a_link_for_a_service_no_longer_offered_or_ending_in_the_past(org, ktp):
    ktp.is_active = False
    with pytest.raises(ValidationError, match="no longer offered"):
        link_create(service=ktp, by=org.hr)
    ktp.is_active = True
    with pytest.raises(ValidationError, match="before today"):
        link_create(service=ktp, by=org.hr, ends_on=timezone.localdate() - timedelta(days=1))
    assert not SurveyLink.objects.exists()


# The survey page ----------------------------------------------------------------------------


def test_it_shows_the_questionnaire_in_use_its_older_versions_and_links(hr_client, org, ktp):
    v1 = questionnaire_publish(service=ktp, by=org.hr)
    link = link_create(service=ktp, by=org.hr, counter="Loket 3", officer=org.staff_a)
    _answer_all(v1, link)
    _answer_all(v1, link)
    questionnaire_publish(service=ktp, by=org.hr, ask_profile=False)
    link_pause(link=link, by=org.hr)

    response = hr_client.get(reverse("surveys:skm_survey", args=[ktp.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Version 2, published on" in body
    assert body.count("11.11%") == 9
    assert "Sangat sopan dan ramah" in body and "Dikelola dengan baik" in body
    assert "Does not ask the respondent's profile" in body
    older = response.context["older"]
    assert [(t.version, t.answer_count) for t in older] == [(1, 2)]
    assert f"http://testserver/s/{link.token}/" in body
    assert "Loket 3" in body and org.staff_a.name in body and "Paused" in body
    assert reverse("surveys:skm_link_resume", args=[link.pk]) in body


def test_it_shows_the_standard_elements_before_anything_is_published(hr_client, ktp):
    response = hr_client.get(reverse("surveys:skm_survey", args=[ktp.pk]))
    body = response.content.decode()
    assert "Not published yet" in body
    assert body.count("11.11%") == 9
    assert not SurveyTemplate.objects.exists()


def test_it_links_the_survey_page_from_the_service_list(hr_client, ktp):
    body = hr_client.get(reverse("surveys:service_list")).content.decode()
    assert reverse("surveys:skm_survey", args=[ktp.pk]) in body


def test_it_shows_the_survey_page_with_a_fixed_number_of_queries(
    hr_client, org, ktp, django_assert_max_num_queries
):
    url = reverse("surveys:skm_survey", args=[ktp.pk])
    link = link_create(service=ktp, by=org.hr)
    _answer_all(current_questionnaire(ktp), link)
    hr_client.get(url)
    with django_assert_max_num_queries(12) as few:
        hr_client.get(url)
    for n in range(8):
        questionnaire_publish(service=ktp, by=org.hr, ask_suggestion=bool(n % 2))
        link_create(service=ktp, by=org.hr, officer=org.staff_a2, counter=f"Loket {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        hr_client.get(url)


# Editing the questionnaire ------------------------------------------------------------------


def _edit_post(weights=None, extras=(), weights_as="percent", initial_forms=0, **flags):
    data = {
        "weights_as": weights_as,
        "extra-TOTAL_FORMS": str(len(extras) + 2),
        "extra-INITIAL_FORMS": str(initial_forms),
        "extra-MIN_NUM_FORMS": "0",
        "extra-MAX_NUM_FORMS": "11",
    }
    for element in ELEMENTS:
        data[f"weight_{element.code}"] = "" if weights is None else weights
    for index, extra in enumerate(extras):
        for key, value in extra.items():
            data[f"extra-{index}-{key}"] = value
    for flag, value in {"ask_profile": True, "ask_suggestion": True, **flags}.items():
        if value:
            data[flag] = "on"
    return data


def _extra_post(code="U10", weight="", **kw):
    return {
        "code": code,
        "name": "Kebersihan ruang tunggu",
        "label_1": "Tidak bersih",
        "label_2": "Kurang bersih",
        "label_3": "Bersih",
        "label_4": "Sangat bersih",
        "weight": weight,
        **kw,
    }


def test_it_publishes_a_new_version_from_the_edit_form(hr_client, org, ktp):
    questionnaire_publish(service=ktp, by=org.hr)
    url = reverse("surveys:skm_survey_edit", args=[ktp.pk])
    assert hr_client.get(url).status_code == 200

    response = hr_client.post(url, _edit_post(ask_suggestion=False), follow=True)

    assert response.redirect_chain == [(reverse("surveys:skm_survey", args=[ktp.pk]), 302)]
    assert "Version 2 of the questionnaire is now in use." in _messages(response)
    template = current_questionnaire(ktp)
    assert (template.version, template.ask_profile, template.ask_suggestion) == (2, True, False)
    assert template.created_by == org.hr


def test_it_adds_an_extra_element_with_weights_as_percentages(hr_client, ktp):
    url = reverse("surveys:skm_survey_edit", args=[ktp.pk])
    response = hr_client.post(url, _edit_post(weights="10", extras=[_extra_post(weight="10%")]))
    assert response.status_code == 302
    elements = list(current_questionnaire(ktp).elements.order_by("order"))
    assert [e.code for e in elements][-1] == "U10"
    assert elements[-1].labels == ("Tidak bersih", "Kurang bersih", "Bersih", "Sangat bersih")
    assert {e.weight for e in elements} == {Decimal("0.1")}

    body = hr_client.get(reverse("surveys:skm_survey", args=[ktp.pk])).content.decode()
    assert body.count("10.00%") == 10


def test_it_accepts_weights_as_decimals_with_a_comma(hr_client, ktp):
    url = reverse("surveys:skm_survey_edit", args=[ktp.pk])
    data = _edit_post(weights="0,1", extras=[_extra_post(weight="0,1")], weights_as="decimal")
    assert hr_client.post(url, data).status_code == 302
    assert {e.weight for e in current_questionnaire(ktp).elements.all()} == {Decimal("0.1")}


@pytest.mark.parametrize(
    ("weights", "extras", "message"),
    [
        ("11.11", [], "sum to exactly 100%; they now sum to 99.99%"),
        ("10", [], "sum to exactly 100%; they now sum to 90%"),
        ("10", [_extra_post()], "Give every element a weight"),
        ("", [_extra_post(code="u2")], "U1–U9 are the standard elements"),
        ("", [_extra_post(name="")], "This field is required"),
        ("abc", [], "Enter a number"),
        ("0", [], "above 0"),
        ("11.11115", [], "At most 4 decimals"),
    ],
)
def test_it_refuses_a_bad_questionnaire_on_the_form_and_stores_nothing(
    hr_client, ktp, weights, extras, message
):
    url = reverse("surveys:skm_survey_edit", args=[ktp.pk])
    response = hr_client.post(url, _edit_post(weights=weights, extras=extras))
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not SurveyTemplate.objects.exists()


def test_it_removes_an_extra_element_but_never_a_standard_one(hr_client, org, ktp):
    questionnaire_publish(service=ktp, by=org.hr, elements=[*_standard(), _extra()])
    url = reverse("surveys:skm_survey_edit", args=[ktp.pk])
    form = hr_client.get(url).context["formset"]
    assert form.initial_form_count() == 1
    assert "DELETE" not in hr_client.get(url).context["form"].fields

    data = _edit_post(extras=[_extra_post(DELETE="on")], initial_forms=1)
    assert hr_client.post(url, data).status_code == 302
    template = current_questionnaire(ktp)
    assert template.version == 2
    assert [e.code for e in template.elements.order_by("order")] == [e.code for e in ELEMENTS]


def test_it_shows_the_current_weights_as_percentages_on_the_form(hr_client, org, ktp):
    questionnaire_publish(
        service=ktp, by=org.hr, elements=[*_standard(Decimal("0.1")), _extra(weight=Decimal("0.1"))]
    )
    response = hr_client.get(reverse("surveys:skm_survey_edit", args=[ktp.pk]))
    assert response.context["form"]["weight_U1"].value() == "10"
    assert response.context["formset"].forms[0]["weight"].value() == "10"
    assert 'style="' not in response.content.decode()


def test_it_says_when_the_form_changes_nothing(hr_client, org, ktp):
    questionnaire_publish(service=ktp, by=org.hr)
    response = hr_client.post(reverse("surveys:skm_survey_edit", args=[ktp.pk]), _edit_post())
    assert response.status_code == 200
    assert "Nothing changed: version 1 stays in use." in response.content.decode()
    assert SurveyTemplate.objects.count() == 1


# Links on screen ----------------------------------------------------------------------------


def test_it_makes_a_link_for_a_counter_and_officer_from_the_form(hr_client, org, ktp):
    url = reverse("surveys:skm_link_create", args=[ktp.pk])
    form = hr_client.get(url).context["form"]
    officers = set(form.fields["officer"].queryset)
    assert org.staff_a in officers
    assert org.outsider not in officers and org.kabid_b not in officers  # other agency; retired

    ends = timezone.localdate() + timedelta(days=30)
    data = {"counter": "Loket 4", "officer": org.staff_a.pk, "ends_on": ends.isoformat()}
    response = hr_client.post(url, data)

    assert response.status_code == 302
    assert response.url == reverse("surveys:skm_survey", args=[ktp.pk])
    link = SurveyLink.objects.get()
    assert (link.service, link.counter, link.officer, link.ends_on, link.created_by) == (
        ktp,
        "Loket 4",
        org.staff_a,
        ends,
        org.hr,
    )


def test_it_refuses_an_officer_of_another_agency_on_the_link_form(hr_client, org, ktp):
    url = reverse("surveys:skm_link_create", args=[ktp.pk])
    response = hr_client.post(url, {"officer": org.outsider.pk})
    assert response.status_code == 200
    assert "Select a valid choice" in " ".join(response.context["form"].errors["officer"])
    assert not SurveyLink.objects.exists()


def test_it_pauses_and_resumes_a_link_from_the_survey_page(hr_client, org, ktp):
    link = link_create(service=ktp, by=org.hr)
    response = hr_client.post(reverse("surveys:skm_link_pause", args=[link.pk]), follow=True)
    assert "The link is paused: it takes no answers until resumed." in _messages(response)
    assert SurveyLink.objects.get(pk=link.pk).is_paused

    response = hr_client.post(reverse("surveys:skm_link_pause", args=[link.pk]), follow=True)
    assert "The link is already paused." in _messages(response)

    response = hr_client.post(reverse("surveys:skm_link_resume", args=[link.pk]), follow=True)
    assert "The link takes answers again." in _messages(response)
    assert not SurveyLink.objects.get(pk=link.pk).is_paused


def test_it_changes_the_end_date_from_its_form(hr_client, org, ktp):
    link = link_create(service=ktp, by=org.hr)
    url = reverse("surveys:skm_link_end", args=[link.pk])
    yesterday = timezone.localdate() - timedelta(days=1)
    response = hr_client.post(url, {"ends_on": yesterday.isoformat()})
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == ["The end date cannot be before today."]

    later = timezone.localdate() + timedelta(days=7)
    assert hr_client.post(url, {"ends_on": later.isoformat()}).status_code == 302
    assert SurveyLink.objects.get(pk=link.pk).ends_on == later
    assert hr_client.get(url).context["form"]["ends_on"].value() == later
    assert hr_client.post(url, {"ends_on": ""}).status_code == 302
    assert SurveyLink.objects.get(pk=link.pk).ends_on is None


def test_it_keeps_other_agencies_out_of_the_setup_screens(client, org, ktp):
    link = link_create(service=ktp, by=org.hr)
    sign_in(client, org.other_hr)
    assert client.get(reverse("surveys:skm_survey", args=[ktp.pk])).status_code == 404
    assert client.post(reverse("surveys:skm_link_pause", args=[link.pk])).status_code == 404
    sign_in(client, org.staff_a)
    assert client.post(reverse("surveys:skm_link_pause", args=[link.pk])).status_code == 403
    assert not SurveyLink.objects.get(pk=link.pk).is_paused


# QR codes and the poster --------------------------------------------------------------------


def test_it_serves_the_qr_code_as_a_png_download(hr_client, org, ktp):
    link = link_create(service=ktp, by=org.hr)
    response = hr_client.get(reverse("surveys:skm_link_qr_png", args=[link.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(PNG_SIGNATURE)
    assert response["Content-Disposition"] == f'attachment; filename="skm-ktp-el-link{link.pk}.png"'
    assert "private" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]


def test_it_serves_the_qr_code_as_an_svg_without_style_attributes(hr_client, org, ktp):
    ktp.name = "Akta <Kelahiran> & KK"
    ktp.save(update_fields=["name"])
    link = link_create(service=ktp, by=org.hr)
    response = hr_client.get(reverse("surveys:skm_link_qr_svg", args=[link.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"].startswith('attachment; filename="skm-ktp-el-link')
    assert "private" in response["Cache-Control"]
    root = ElementTree.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") and root.get("width") == root.get("height")
    assert root.find("{http://www.w3.org/2000/svg}title").text == "Survey: Akta <Kelahiran> & KK"
    assert not any("style" in node.attrib or node.tag.endswith("style") for node in root.iter())


def test_it_prints_a_poster_with_the_agency_service_counter_qr_and_address(hr_client, org, ktp):
    link = link_create(service=ktp, by=org.hr, counter="Loket 5", officer=org.staff_a)
    response = hr_client.get(reverse("surveys:skm_link_poster", args=[link.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert org.agency.name in body and "KTP-el" in body and "Loket 5" in body
    assert org.staff_a.full_name in body
    assert f"http://testserver/s/{link.token}/" in body
    assert f'src="{reverse("surveys:skm_link_qr_svg", args=[link.pk])}"' in body
    assert "Scan the code with your phone camera" in body
    assert "js/print.js" in body and "data-print" in body
    assert 'style="' not in body and "<script>" not in body
    assert "This link is paused" not in body

    link_pause(link=link, by=org.hr)
    assert (
        "This link is paused"
        in hr_client.get(reverse("surveys:skm_link_poster", args=[link.pk])).content.decode()
    )


def test_it_lets_the_super_admin_set_up_any_agencys_survey(client, org):
    service = factories.service(unit_obj=org.other_root)
    sign_in(client, org.superadmin)
    url = reverse("surveys:skm_link_create", args=[service.pk])
    officer = account_factories.staff(unit_obj=org.other_root)
    assert client.post(url, {"counter": "Loket 1", "officer": officer.pk}).status_code == 302
    link = SurveyLink.objects.get(service=service)
    assert client.get(reverse("surveys:skm_link_poster", args=[link.pk])).status_code == 200
    assert SurveyElement.objects.filter(template__service=service).count() == 9
