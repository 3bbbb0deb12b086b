import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from accounts.tests import factories
from appraisal.models import CoreValue, FeedbackAnswer, FeedbackInvitation, FeedbackRequest, RaterGroup
from appraisal.tests import factories as plans
from e2e.conftest import open_from_menu, screenshot, sign_in, sign_out, watch

pytestmark = pytest.mark.e2e

PASSWORD = "rahasia-uji-123"
MINE = reverse("appraisal:peer_feedback_mine")
INBOX = reverse("appraisal:peer_feedback_inbox")
REQUESTS = reverse("appraisal:peer_feedback_requests")
NEW_REQUEST = reverse("appraisal:peer_feedback_request_create")
NOTE = "Mohon nilai bagaimana Staf A menerapkan BerAKHLAK dalam layanan KTP-el triwulan ini."
VALUES = [label for _value, label in CoreValue.choices]
# Scores in BerAKHLAK order: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif,
# Kolaboratif; comments by value label.
ANSWERS = {
    "siti": {
        "scores": [5, 5, 4, 5, 5, 2, 5],
        "comments": {
            "Berorientasi Pelayanan": "Selalu sigap membantu warga di loket perekaman.",
            "Adaptif": "Perlu lebih cepat menyesuaikan diri dengan aplikasi SIAK terbaru.",
        },
    },
    "bambang": {
        "scores": [4, 4, 4, 4, 4, 4, 4],
        "comments": {"Harmonis": "Ramah kepada rekan di bidang lain."},
    },
    "yusuf": {
        "scores": [4, 3, 4, 4, 5, 4, 3],
        "comments": {"Kolaboratif": "Bisa lebih sering berbagi beban kerja saat antrean panjang."},
    },
}
# Averages of the three answers, as the person rated reads them (Indonesian decimal comma).
MEANS = {
    "Berorientasi Pelayanan": "4,3",
    "Akuntabel": "4,0",
    "Kompeten": "4,0",
    "Harmonis": "4,3",
    "Loyal": "4,7",
    "Adaptif": "3,3",
    "Kolaboratif": "4,0",
}


@pytest.fixture
def peers(org):
    """Triwulan IV of the open year 2026, and three colleagues of staff A who can rate them."""
    plans.performance_year(org.agency, year=2026)
    return {
        "siti": factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a, name="Siti Rahmawati"),
        "bambang": factories.staff(
            unit_obj=org.bidang_b, supervisor=org.kabid_b, name="Bambang Hidayat", back_title="S.E."
        ),
        "yusuf": factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a, name="Yusuf Maulana"),
    }


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def _open_invitation(page, rater, subject):
    """The rater goes from their 360° page to the requests to them and opens the one about the subject."""
    sign_in(page, rater.nip, PASSWORD)
    open_from_menu(page, MINE)
    to_me = page.locator(f"main a[href='{INBOX}']")
    expect(to_me).to_contain_text("Permintaan kepada saya")
    expect(to_me.locator(".badge")).to_have_text("1")
    with page.expect_navigation():
        to_me.click()
    item = page.locator("main .list-group-item", has_text=subject.full_name)
    expect(item).to_contain_text("Triwulan IV")
    with page.expect_navigation():
        item.get_by_role("link", name="Jawab").click()
    expect(page.locator("main h1")).to_have_text(f"Umpan balik untuk {subject.full_name}")
    expect(page.locator("main")).to_contain_text(NOTE)


def _fill_answers(page, key, *, skip_comment=None):
    answer = ANSWERS[key]
    for label, score in zip(VALUES, answer["scores"], strict=True):
        value = page.locator("main form").get_by_role("group", name=label, exact=True)
        value.get_by_role("radio", name=re.compile(rf"^{score} · ")).check()
        comment = answer["comments"].get(label, "")
        if comment and label != skip_comment:
            value.locator("textarea").fill(comment)


def _send(page):
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Kirim jawaban saya").click()
    return navigation.value


def _expect_answered(page, subject):
    expect(page).to_have_url(re.compile(f"{INBOX}$"))
    expect(page.locator("main .alert-success")).to_contain_text(
        "Terima kasih: jawaban Anda berhasil disimpan"
    )
    item = page.locator("main .list-group-item", has_text=subject.full_name)
    expect(item.locator(".badge")).to_have_text("Sudah dijawab")
    expect(item.get_by_role("link", name="Jawab")).to_have_count(0)


def _expect_no_results_yet(page, peers, closes_on):
    open_from_menu(page, MINE)
    section = page.locator("main section.card")
    expect(section).to_have_count(1)
    expect(section.locator("h2")).to_have_text("Triwulan IV 2026")
    expect(section).to_contain_text(
        f"Jawaban sedang dikumpulkan sampai {closes_on}. Hasilnya akan muncul di sini setelah itu."
    )
    expect(section.locator("table")).to_have_count(0)
    body = page.locator("body")
    for answer in ANSWERS.values():
        for comment in answer["comments"].values():
            expect(body).not_to_contain_text(comment)
    _expect_no_rater_names(page, peers)


def _expect_no_rater_names(page, peers):
    body = page.locator("body")
    for rater in peers.values():
        expect(body).not_to_contain_text(rater.name)
        expect(body).not_to_contain_text(rater.nip)


def _expect_aggregates(page, peers):
    section = page.locator("main section.card")
    expect(section.locator("h2")).to_have_text("Triwulan IV 2026")
    table = section.locator("table")
    expect(table.locator("thead th")).to_have_text(
        ["Nilai dasar", re.compile(r"^Rekan kerja\s+\(3 jawaban\)$")]
    )
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(VALUES))
    for label, mean in MEANS.items():
        row = rows.filter(has=page.locator("th", has_text=re.compile(f"^{label}$")))
        expect(row.locator("td")).to_have_attribute("data-label", "Rekan kerja")
        expect(row.locator("td .score-value")).to_have_text(mean)
    expect(section).not_to_contain_text("Atasan")
    comments = section.locator("ul li")
    expect(comments).to_have_count(sum(len(a["comments"]) for a in ANSWERS.values()))
    for answer in ANSWERS.values():
        for label, comment in answer["comments"].items():
            heading = section.locator("h4", has_text=re.compile(f"^{label}$"))
            expect(heading.locator("xpath=following-sibling::ul[1]")).to_contain_text(comment)
    _expect_no_rater_names(page, peers)


def _open_requests(page, org, subject):
    sign_in(page, org.kabid_a.nip, PASSWORD)
    open_from_menu(page, REQUESTS)
    card = page.locator("main section.card", has_text=subject.full_name)
    expect(card).to_have_count(1)
    return card


def _expect_owing(card, peers, answered):
    card.locator("summary", has_text="Yang belum menjawab").click()
    raters = card.locator("details li")
    expect(raters).to_have_count(len(peers))
    for key, rater in peers.items():
        row = raters.filter(has_text=rater.full_name)
        expect(row).to_contain_text("(Rekan kerja)")
        expect(row.locator(".badge")).to_have_text("sudah menjawab" if key in answered else "belum")
    expect(card.locator("label[for^='progress-']")).to_have_text(
        f"{len(answered)} dari {len(peers)} sudah menjawab"
    )
    for answer in ANSWERS.values():
        for comment in answer["comments"].values():
            expect(card).not_to_contain_text(comment)


def test_it_collects_360_feedback_from_peers_and_shows_only_group_averages(page, phone_page, org, peers):
    closes = timezone.localdate() + timedelta(days=14)
    with translation.override("id"):
        closes_text = date_format(closes, "j F Y")

    # Kabid A asks three peers of staff A for feedback through the request form.
    sign_in(page, org.kabid_a.nip, PASSWORD)
    open_from_menu(page, REQUESTS)
    expect(page.locator("main h1")).to_have_text("Permintaan umpan balik 360°")
    with page.expect_navigation():
        page.locator(f"main a[href='{NEW_REQUEST}']").click()
    page.get_by_label("Pegawai yang akan dinilai").select_option(
        label=f"{org.staff_a.full_name} — {org.bidang_a.name}"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Berikutnya: pilih penilai").click()
    expect(page.locator("main h1")).to_have_text(f"Umpan balik 360° untuk {org.staff_a.full_name}")
    form = page.locator("main form[method=post]")
    form.get_by_label("Periode penilaian").select_option(label="Triwulan IV 2026")
    form.get_by_label("Ditutup pada").fill(closes.isoformat())
    for rater in peers.values():
        form.get_by_role("checkbox", name=rater.full_name).check()
    form.locator("textarea[name=note]").fill(NOTE)
    with page.expect_navigation():
        form.get_by_role("button", name="Simpan").click()
    expect(page).to_have_url(re.compile(rf"{REQUESTS}#request-\d+$"))
    expect(page.locator("main .alert-success")).to_have_text(
        "Permintaan umpan balik telah dikirim kepada para penilai."
    )
    card = page.locator("main section.card", has_text=org.staff_a.full_name)
    expect(card).to_contain_text(f"ditutup {closes_text}")
    _expect_owing(card, peers, answered=set())
    sign_out(page)

    feedback = FeedbackRequest.objects.get(subject=org.staff_a)
    assert (feedback.period.name, feedback.closes_on, feedback.requested_by_id, feedback.note) == (
        "Triwulan IV",
        closes,
        org.kabid_a.user_id,
        NOTE,
    )
    assert sorted(feedback.invitations.values_list("rater__name", "group")) == sorted(
        (rater.name, RaterGroup.PEER) for rater in peers.values()
    )

    # Siti answers on a desktop; a score of 2 without a comment is sent back to her first.
    siti = peers["siti"]
    _open_invitation(page, siti, org.staff_a)
    stale = page.context.new_page()
    stale_problems = watch(stale)
    stale.goto(page.url)
    _fill_answers(page, "siti", skip_comment="Adaptif")
    _send(page)
    expect(page.locator("main .alert-danger[role=alert]")).to_have_text(
        "Silakan periksa nilai yang ditandai di bawah ini."
    )
    adaptive = page.locator("main form").get_by_role("group", name="Adaptif", exact=True)
    expect(adaptive).to_contain_text("Skor rendah memerlukan komentar tentang hal yang dapat diperbaiki.")
    expect(adaptive.get_by_role("radio", name=re.compile(r"^2 · "))).to_be_checked()
    adaptive.locator("textarea").fill(ANSWERS["siti"]["comments"]["Adaptif"])
    _fits(page)
    screenshot(page, "peer-feedback-answer-desktop")
    _send(page)
    _expect_answered(page, org.staff_a)

    # The same form, still open in another tab, is refused when sent again.
    _fill_answers(stale, "siti")
    response = _send(stale)
    assert response.status == 200
    expect(stale.locator("main .alert-danger[role=alert]")).to_have_text(
        "Anda sudah menjawab permintaan ini."
    )
    stale.close()
    assert not stale_problems, stale_problems
    invitation = FeedbackInvitation.objects.get(request=feedback, rater=siti)
    page.goto(reverse("appraisal:peer_feedback_answer", args=[invitation.pk]))
    expect(page).to_have_url(re.compile(f"{INBOX}$"))
    expect(page.locator("main .alert-info")).to_have_text("Anda sudah menjawab permintaan ini. Terima kasih.")
    assert FeedbackAnswer.objects.filter(invitation=invitation).count() == len(VALUES)
    sign_out(page)

    # Staff A sees that answers are being collected, and nothing else.
    sign_in(page, org.staff_a.nip, PASSWORD)
    _expect_no_results_yet(page, peers, closes_text)
    sign_out(page)

    # Kabid A sees that Bambang and Yusuf still owe an answer.
    _expect_owing(_open_requests(page, org, org.staff_a), peers, answered={"siti"})
    sign_out(page)

    # Bambang answers on a phone.
    _open_invitation(phone_page, peers["bambang"], org.staff_a)
    _fill_answers(phone_page, "bambang")
    _fits(phone_page)
    screenshot(phone_page, "peer-feedback-answer-phone")
    _send(phone_page)
    _expect_answered(phone_page, org.staff_a)
    sign_out(phone_page)

    # After two answers staff A still sees no results, on the phone.
    sign_in(phone_page, org.staff_a.nip, PASSWORD)
    _expect_no_results_yet(phone_page, peers, closes_text)

    # Yusuf answers last; the request is settled.
    _open_invitation(page, peers["yusuf"], org.staff_a)
    _fill_answers(page, "yusuf")
    _send(page)
    _expect_answered(page, org.staff_a)
    sign_out(page)

    # Staff A now reads the peers' averages per value and their comments, without names.
    sign_in(page, org.staff_a.nip, PASSWORD)
    open_from_menu(page, MINE)
    _expect_aggregates(page, peers)
    _fits(page)
    screenshot(page, "peer-feedback-results-desktop")
    sign_out(page)

    phone_page.reload()
    _expect_aggregates(phone_page, peers)
    _fits(phone_page)
    screenshot(phone_page, "peer-feedback-results-phone")

    # Kabid A sees everyone has answered, and still not what they answered.
    card = _open_requests(page, org, org.staff_a)
    _expect_owing(card, peers, answered=set(peers))
    expect(card.locator(".badge", has_text=re.compile("^belum$"))).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text(MEANS["Loyal"])
