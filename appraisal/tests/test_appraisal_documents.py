"""The evaluation document of an appraisal: the printable page and the PDF, who may open them and
when, what they show, and query counts."""

import base64
import re
import zlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from accounts.tests.roles import LOGIN, assert_status, sign_in
from appraisal.documents import evaluation_document, place_of, render_pdf
from appraisal.models import Appraisal
from appraisal.rules.ratings import Predikat
from appraisal.tests import factories

DRAFT_MARK = "Draft — not final"
PDF_DRAFT = "NOT FINAL"  # the dash is not ASCII, so it is encoded in the font subset
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _urls(appraisal):
    return (
        reverse("appraisal:appraisal_document", args=[appraisal.pk]),
        reverse("appraisal:appraisal_pdf", args=[appraisal.pk]),
    )


def _html(response):
    return response.content.decode()


def _pdf_text(data: bytes) -> str:
    """The strings a PDF shows: the literal strings of its content streams (ASCII85 and Flate decoded),
    joined. The document's fonts keep ASCII readable, so names, NIPs and labels appear as they are."""
    content = []
    for match in re.finditer(rb"<<([^<>]*)>>\s*stream\r?\n(.*?)endstream", data, re.S):
        filters, stream = match.group(1), match.group(2)
        if b"/ASCII85Decode" in filters:
            stream = base64.a85decode(stream.strip().removesuffix(b"~>"))
        if b"/FlateDecode" in filters:
            stream = zlib.decompressobj().decompress(stream)
        content.append(stream)
    strings = re.findall(rb"\(((?:[^()\\]|\\.)*)\)\s*Tj", b"\n".join(content))
    text = b" ".join(strings).decode("latin-1")
    return re.sub(r"\\([()\\])", r"\1", text)


def _assert_no_inline_code(html):
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)


def _predikat_label(value, language="id"):
    with translation.override(language):
        return str(Predikat(value).label)


@pytest.fixture
def final(org):
    return factories.final_appraisal(org, with_plan=True)


@pytest.fixture
def submitted(org):
    return factories.final_appraisal(org, approve=False)


# Who may open it, and when


def test_it_shows_the_final_document_to_the_staff_member(client, org, final):
    sign_in(client, org.staff_a.user)
    page_url, pdf_url = _urls(final)

    response = client.get(page_url, **EN)

    html = _html(response)
    assert response.status_code == 200
    assert org.staff_a.nip in html and org.kabid_a.nip in html and org.head.nip in html
    assert "Staf A" in html and "Kabid A" in html and "Kepala Dinas" in html
    assert _predikat_label("baik", "en") in html
    assert DRAFT_MARK not in html
    assert pdf_url in html
    assert "data-print" in html and "js/print.js" in html
    assert reverse("appraisal:appraisal_detail", args=[final.pk]) in html
    _assert_no_inline_code(html)
    assert client.get(pdf_url).status_code == 200


def test_it_refuses_the_document_to_the_staff_member_before_it_is_final(client, org, submitted):
    sign_in(client, org.staff_a.user)
    for url in _urls(submitted):
        assert client.get(url).status_code == 403


@pytest.mark.parametrize("who", ["rater", "approver", "hr", "superadmin"])
@pytest.mark.parametrize("is_final", [True, False])
def test_it_opens_the_document_to_the_rater_the_approver_hr_and_the_super_admin_at_any_time(
    client, org, who, is_final
):
    appraisal = factories.final_appraisal(org, approve=is_final)
    user = {"rater": org.kabid_a, "approver": org.head, "hr": org.hr, "superadmin": org.superadmin}[who]
    sign_in(client, user)
    page_url, pdf_url = _urls(appraisal)

    page = client.get(page_url, **EN)
    pdf = client.get(pdf_url, **EN)

    assert page.status_code == 200
    assert pdf.status_code == 200
    assert (DRAFT_MARK in _html(page)) is not is_final
    assert (PDF_DRAFT in _pdf_text(pdf.content)) is not is_final


@pytest.mark.parametrize("who", ["other_hr", "outsider", "colleague"])
def test_it_hides_the_document_from_those_outside_the_scope(client, org, final, who):
    user = {"other_hr": org.other_hr, "outsider": org.outsider.user, "colleague": org.staff_a2.user}[who]
    sign_in(client, user)
    for url in _urls(final):
        assert client.get(url).status_code == 404


def test_it_sends_anonymous_visitors_to_the_sign_in_page(client, final):
    for url in _urls(final):
        assert_status(client.get(url), LOGIN)


def test_it_answers_404_for_an_appraisal_that_does_not_exist(client, org, final):
    sign_in(client, org.hr)
    missing = Appraisal.objects.order_by("-pk").first().pk + 1
    assert client.get(reverse("appraisal:appraisal_document", args=[missing])).status_code == 404
    assert client.get(reverse("appraisal:appraisal_pdf", args=[missing])).status_code == 404


def test_it_refuses_other_methods(client, org, final):
    sign_in(client, org.kabid_a.user)
    for url in _urls(final):
        assert client.post(url).status_code == 405


# The PDF


def test_it_sends_the_pdf_as_an_attachment_named_after_the_nip_period_and_year(client, org, final):
    sign_in(client, org.staff_a.user)

    response = client.get(_urls(final)[1])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="penilaian-{org.staff_a.nip}-triwulan-i-2026.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_it_names_the_annual_document_tahunan(client, org):
    annual = factories.final_appraisal(org, period_sequence=None)
    sign_in(client, org.hr)

    response = client.get(_urls(annual)[1])

    assert response["Content-Disposition"] == (
        f'attachment; filename="penilaian-{org.staff_a.nip}-tahunan-2026.pdf"'
    )


def test_it_prints_the_people_the_ratings_and_the_plan_in_the_pdf(client, org, final):
    sign_in(client, org.staff_a.user)

    text = _pdf_text(client.get(_urls(final)[1]).content)

    for expected in (
        "Staf A",
        org.staff_a.nip,
        "Kabid A",
        org.kabid_a.nip,
        "Kepala Dinas",
        org.head.nip,
        _predikat_label("baik"),
        "Hasil kerja",
        "Harapan akuntabel",
        "Catatan akuntabel",
        "Integritas",
        "Pelatihan pelayanan publik",
        "Meningkatkan kecepatan pelayanan",
        "Dumai",
        "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
    ):
        assert expected in text, expected
    assert PDF_DRAFT not in text


def test_it_shows_the_proposal_and_the_reason_when_the_rater_did_not_follow_it(client, org):
    appraisal = factories.final_appraisal(
        org, results="above", behaviour="above", override_reason="Inovasi layanan daring"
    )
    sign_in(client, org.staff_a.user)
    page_url, pdf_url = _urls(appraisal)

    html = _html(client.get(page_url))
    text = _pdf_text(client.get(pdf_url).content)

    assert appraisal.results_proposed == "meets"
    for output in (html, text):
        assert "Inovasi layanan daring" in output
        assert _predikat_label("sangat_baik") in output


def test_it_wraps_long_text_in_cells_over_several_pages(org, final):
    long_word = "https://dukcapil.example.go.id/" + "berkas" * 60
    paragraph = "Pelayanan “jemput bola” ke kecamatan – café, naïve, Rp 1.000.000 ⩾ target. " * 60
    result = final.result_ratings.first()
    result.feedback = f"{paragraph}\n{long_word}"
    result.save(update_fields=["feedback"])
    Appraisal.objects.filter(pk=final.pk).update(overall_feedback=paragraph * 3)
    final.refresh_from_db()

    data = render_pdf(evaluation_document(final))

    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b", data)) >= 3
    text = _pdf_text(data)
    assert "berkasberkas" in text  # the long word is cut to the column, not dropped
    assert "jemput bola" in text


def test_it_builds_the_same_bytes_in_invariant_mode(org, final):
    document = evaluation_document(final)
    assert render_pdf(document, invariant=True) == render_pdf(document, invariant=True)


def test_it_reads_the_place_from_the_government_name():
    assert place_of("Pemerintah Kota Dumai") == "Dumai"
    assert place_of("Pemerintah  Kabupaten Bengkalis ") == "Bengkalis"
    assert place_of("Pemerintah Provinsi Riau") == ""
    assert place_of("") == ""


def test_it_marks_a_document_without_a_rater_yet_as_a_draft(client, org):
    year = factories.performance_year(org.agency)
    plan = factories.approved_skp(org.staff_a, year)
    appraisal = Appraisal.objects.create(skp=plan, period=year.periods.get(sequence=1))
    sign_in(client, org.kabid_a.user)

    page = client.get(_urls(appraisal)[0], **EN)
    text = _pdf_text(client.get(_urls(appraisal)[1], **EN).content)

    assert page.status_code == 200
    assert DRAFT_MARK in _html(page)
    assert PDF_DRAFT in text
    assert "Kabid A" in text  # the plan's rater until someone rates


# Query counts


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_it_reads_the_document_in_a_number_of_queries_that_does_not_grow_with_its_rows(client, org):
    small = factories.final_appraisal(org, with_plan=True)
    year2027 = factories.performance_year(org.agency, year=2027)
    bigger_plan = factories.approved_skp(org.staff_a, year2027, main=6, additional=4)
    bigger = Appraisal.objects.create(skp=bigger_plan, period=year2027.periods.get(sequence=1))
    for rhk in bigger_plan.results.all():
        bigger.result_ratings.create(rhk=rhk)
        for indicator in rhk.indicators.all():
            bigger.achievements.create(indicator=indicator, achieved=10)
    sign_in(client, org.hr)

    for index in (0, 1):
        small_count = _count_queries(client, _urls(small)[index])
        bigger_count = _count_queries(client, _urls(bigger)[index])
        assert bigger_count <= small_count
        assert small_count <= 20


def test_it_names_hr_as_the_approver_of_a_rater_without_a_superior(client, org):
    appraisal = factories.final_appraisal(org, staff=org.kabid_a, approver=org.hr)
    sign_in(client, org.hr)

    html = _html(client.get(_urls(appraisal)[0], **EN))
    text = _pdf_text(client.get(_urls(appraisal)[1], **EN).content)

    for output in (html, text):
        assert "Kabid A" in output and "Kepala Dinas" in output and "hr-duk" in output
