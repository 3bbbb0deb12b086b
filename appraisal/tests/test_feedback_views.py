"""The feedback, mentoring and development-catalogue screens: who sees and changes what, what is
stored, query counts, markup without inline code."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.tests import factories as account_factories
from accounts.tests.roles import sign_in
from appraisal.models import DevelopmentActivity, FeedbackKind, FeedbackNote, MentoringSession, Mentorship
from appraisal.services import feedback as services

BACKEND = "accounts.backends.NipOrUsernameBackend"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
CORRECTION = "Cek ulang NIK sebelum mencetak KK agar tidak ada cetak ulang."


def _html(response):
    return response.content.decode()


def _assert_no_inline_code(html):
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)


def _note(author, subject, kind=FeedbackKind.PRAISE, text="Pelayanan cepat dan ramah."):
    if kind == FeedbackKind.CORRECTION and text == "Pelayanan cepat dan ramah.":
        text = CORRECTION
    return services.feedback_note_create(author=author, subject=subject, kind=kind, text=text)


def _pair(org, mentor=None, mentee=None, by=None):
    return services.mentorship_create(
        mentor=mentor or org.staff_a,
        mentee=mentee or org.staff_a2,
        goal="Menguasai verifikasi berkas KTP-el.",
        started_on=timezone.localdate() - timedelta(days=30),
        by=by or org.kabid_a.user,
    )


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# --- My feedback and notes --------------------------------------------------------------------------


def test_it_shows_me_the_notes_about_me_newest_first_and_filters_them(client, org):
    old = _note(org.kabid_a, org.staff_a, text="Catatan lama tentang arsip.")
    _note(org.staff_a2, org.staff_a, FeedbackKind.CORRECTION)
    _note(org.kabid_a, org.staff_a2, text="Catatan untuk orang lain.")
    FeedbackNote.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    sign_in(client, org.staff_a.user)

    html = _html(client.get(reverse("appraisal:feedback_mine"), **EN))
    assert html.index(CORRECTION) < html.index("Catatan lama tentang arsip.")
    assert "Catatan untuk orang lain." not in html
    assert "1 praise · 1 correction" in html
    _assert_no_inline_code(html)

    corrections = _html(client.get(reverse("appraisal:feedback_mine"), {"kind": "correction"}))
    assert CORRECTION in corrections and "Catatan lama" not in corrections


def test_it_shows_my_mentoring_on_my_feedback_page(client, org):
    mentorship = _pair(org)
    html = _html(sign_in(client, org.staff_a2.user).get(reverse("appraisal:feedback_mine"), **EN))
    assert "Mentored by Staf A" in html
    assert reverse("appraisal:mentoring_detail", args=[mentorship.pk]) in html


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("subject", 200),
        ("author", 200),
        ("hr", 200),
        ("colleague", 404),
        ("outsider", 404),
        ("other_hr", 404),
    ],
)
def test_it_shows_a_note_only_to_those_it_concerns(client, org, who, status):
    note = _note(org.kabid_a, org.staff_a2)
    user = {
        "subject": org.staff_a2.user,
        "author": org.kabid_a.user,
        "hr": org.hr,
        "colleague": org.staff_a.user,
        "outsider": org.outsider.user,
        "other_hr": org.other_hr,
    }[who]
    response = sign_in(client, user).get(reverse("appraisal:feedback_detail", args=[note.pk]))
    assert response.status_code == status


def test_it_shows_the_head_of_the_chain_the_notes_from_peers(client, org):
    _note(org.staff_a, org.staff_a2, text="Terima kasih sudah membantu antrean.")
    html = _html(
        sign_in(client, org.head.user).get(reverse("appraisal:feedback_staff", args=[org.staff_a2.pk]))
    )
    assert "Terima kasih sudah membantu antrean." in html


def test_it_shows_a_peer_only_the_notes_they_wrote(client, org):
    _note(org.kabid_a, org.staff_b, text="Catatan dari atasan.")
    _note(org.staff_a, org.staff_b, text="Catatan dari rekan.")
    html = _html(
        sign_in(client, org.staff_a.user).get(reverse("appraisal:feedback_staff", args=[org.staff_b.pk]))
    )
    assert "Catatan dari rekan." in html
    assert "Catatan dari atasan." not in html
    _assert_no_inline_code(html)


def test_it_stores_feedback_a_colleague_posts(client, org):
    sign_in(client, org.staff_a.user)
    url = reverse("appraisal:feedback_staff", args=[org.staff_b.pk])
    response = client.post(
        url, {"kind": "praise", "text": "Membantu warga lansia mengisi formulir.", "value": "harmonis"}
    )
    note = FeedbackNote.objects.get()
    assert response.status_code == 302 and response.url == f"{url}#note-{note.pk}"
    assert (note.author, note.subject, note.value) == (org.staff_a, org.staff_b, "harmonis")


def test_it_refuses_a_short_correction_on_the_form_and_stores_nothing(client, org):
    sign_in(client, org.kabid_a.user)
    response = client.post(
        reverse("appraisal:feedback_staff", args=[org.staff_a.pk]),
        {"kind": "correction", "text": "Kurang."},
        **EN,
    )
    assert response.status_code == 200
    assert "say what to do better next time" in _html(response)
    assert not FeedbackNote.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("hr", 403), ("outsider", 404), ("superadmin", 403)])
def test_it_refuses_feedback_from_those_who_may_not_write_and_stores_nothing(client, org, who, status):
    user = {"hr": org.hr, "outsider": org.outsider.user, "superadmin": org.superadmin}[who]
    response = sign_in(client, user).post(
        reverse("appraisal:feedback_staff", args=[org.staff_a.pk]),
        {"kind": "praise", "text": "Bagus sekali."},
    )
    assert response.status_code == status
    assert not FeedbackNote.objects.exists()


def test_it_does_not_offer_a_form_about_myself(client, org):
    sign_in(client, org.staff_a.user)
    url = reverse("appraisal:feedback_staff", args=[org.staff_a.pk])
    assert 'name="text"' not in _html(client.get(url))
    assert client.post(url, {"kind": "praise", "text": "Saya hebat."}).status_code == 403
    assert not FeedbackNote.objects.exists()


def test_it_takes_the_chosen_colleague_to_their_feedback_page(client, org):
    sign_in(client, org.staff_a.user)
    page = _html(client.get(reverse("appraisal:feedback_give")))
    assert "Staf B" in page and "Orang Luar" not in page
    response = client.get(reverse("appraisal:feedback_give"), {"staff": org.staff_b.pk})
    assert response.url == reverse("appraisal:feedback_staff", args=[org.staff_b.pk])
    # Someone outside the chooser's list is not taken there.
    assert client.get(reverse("appraisal:feedback_give"), {"staff": org.outsider.pk}).status_code == 200


def test_it_reads_my_feedback_in_the_same_number_of_queries_for_5_and_50_notes(client, org):
    sign_in(client, org.staff_a.user)
    url = reverse("appraisal:feedback_mine")
    _pair(org)
    for _ in range(5):
        _note(org.kabid_a, org.staff_a, FeedbackKind.CORRECTION)
    few = _count_queries(client, url)
    authors = [org.kabid_a, org.staff_a2, org.head]
    for number in range(45):
        _note(authors[number % 3], org.staff_a, text=f"Catatan {number}")
    _pair(org, mentor=org.kabid_a, mentee=org.staff_a)
    assert _count_queries(client, url) == few


# --- Mentoring --------------------------------------------------------------------------------------


def test_it_lets_a_supervisor_pair_a_mentor_through_the_form(client, org):
    sign_in(client, org.kabid_a.user)
    form = _html(client.get(reverse("appraisal:mentoring_add")))
    assert "Staf B" in form  # through the Plt assignment
    response = client.post(
        reverse("appraisal:mentoring_add"),
        {
            "mentee": org.staff_a2.pk,
            "mentor": org.staff_a.pk,
            "goal": "Belajar pelayanan adminduk keliling.",
            "started_on": timezone.localdate().isoformat(),
        },
    )
    mentorship = Mentorship.objects.get()
    assert response.url == reverse("appraisal:mentoring_detail", args=[mentorship.pk])
    assert mentorship.created_by == org.kabid_a.user


def test_it_shows_a_duplicate_pair_on_the_form_and_stores_nothing_more(client, org):
    _pair(org)
    response = sign_in(client, org.hr).post(
        reverse("appraisal:mentoring_add"),
        {"mentee": org.staff_a2.pk, "mentor": org.staff_a.pk, "goal": "Lagi.", "started_on": "2026-01-05"},
        **EN,
    )
    assert response.status_code == 200
    assert "already mentors" in _html(response)
    assert Mentorship.objects.count() == 1


def test_it_refuses_pairing_by_staff_without_a_team_and_stores_nothing(client, org):
    response = sign_in(client, org.staff_a.user).post(
        reverse("appraisal:mentoring_add"),
        {"mentee": org.staff_a2.pk, "mentor": org.staff_a.pk, "goal": "Belajar.", "started_on": "2026-01-05"},
    )
    assert response.status_code == 403
    assert not Mentorship.objects.exists()


def test_it_lists_the_mentorships_in_each_users_scope(client, org):
    own_team = _pair(org)
    plt_team = _pair(org, mentor=org.staff_a2, mentee=org.staff_b, by=org.hr)
    other = services.mentorship_create(
        mentor=account_factories.staff(unit_obj=org.other_root, name="Mentor Kominfo"),
        mentee=org.outsider,
        goal="Belajar keamanan informasi.",
        started_on=timezone.localdate(),
        by=org.other_hr,
    )

    def listed(user):
        html = _html(sign_in(client, user).get(reverse("appraisal:mentoring_list")))
        return {m.pk for m in (own_team, plt_team, other) if f'id="mentorship-{m.pk}"' in html}

    assert listed(org.kabid_a.user) == {own_team.pk, plt_team.pk}
    assert listed(org.staff_a.user) == {own_team.pk}  # as mentor
    assert listed(org.hr) == {own_team.pk, plt_team.pk}
    assert listed(org.outsider.user) == {other.pk}
    assert listed(org.superadmin) == {own_team.pk, plt_team.pk, other.pk}


def test_it_lets_the_mentee_log_a_session_and_both_read_the_log(client, org):
    mentorship = _pair(org)
    sign_in(client, org.staff_a2.user)
    url = reverse("appraisal:mentoring_session_add", args=[mentorship.pk])
    response = client.post(
        url,
        {
            "date": timezone.localdate().isoformat(),
            "notes": "Latihan verifikasi 20 berkas.",
            "agreed_actions": "Ulangi",
        },
    )
    session = MentoringSession.objects.get()
    assert response.url.endswith(f"#session-{session.pk}")
    assert session.logged_by == org.staff_a2
    detail = reverse("appraisal:mentoring_detail", args=[mentorship.pk])
    html = _html(sign_in(client, org.staff_a.user).get(detail))
    assert "Latihan verifikasi 20 berkas." in html
    _assert_no_inline_code(html)


def test_it_refuses_a_future_session_on_the_form_and_stores_nothing(client, org):
    mentorship = _pair(org)
    response = sign_in(client, org.staff_a.user).post(
        reverse("appraisal:mentoring_session_add", args=[mentorship.pk]),
        {"date": (timezone.localdate() + timedelta(days=2)).isoformat(), "notes": "Belum terjadi."},
        **EN,
    )
    assert response.status_code == 200
    assert "cannot be in the future" in _html(response)
    assert not MentoringSession.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"), [("supervisor", 403), ("hr", 403), ("colleague", 404), ("outsider", 404)]
)
def test_it_refuses_sessions_from_others_and_stores_nothing(client, org, who, status):
    mentorship = _pair(org)
    user = {
        "supervisor": org.kabid_a.user,
        "hr": org.hr,
        "colleague": account_factories.staff(unit_obj=org.bidang_a, name="Rekan Lain").user,
        "outsider": org.outsider.user,
    }[who]
    response = sign_in(client, user).post(
        reverse("appraisal:mentoring_session_add", args=[mentorship.pk]),
        {"date": timezone.localdate().isoformat(), "notes": "Sesi."},
    )
    assert response.status_code == status
    assert not MentoringSession.objects.exists()


def test_it_ends_a_mentorship_by_post_and_keeps_the_log(client, org):
    mentorship = _pair(org)
    services.mentoring_session_log(
        mentorship=mentorship, by=org.staff_a, date=timezone.localdate(), notes="Sesi 1"
    )
    url = reverse("appraisal:mentoring_end", args=[mentorship.pk])
    assert sign_in(client, org.staff_a.user).post(url).status_code == 403
    assert sign_in(client, org.kabid_a.user).get(url).status_code == 405
    response = client.post(url)
    assert response.url == reverse("appraisal:mentoring_detail", args=[mentorship.pk])
    mentorship.refresh_from_db()
    assert mentorship.ended_on == timezone.localdate()
    assert mentorship.sessions.count() == 1
    client.post(url)  # a second click says it already ended, changes nothing
    mentorship.refresh_from_db()
    assert mentorship.ended_on == timezone.localdate()


def test_it_lists_mentorships_in_the_same_number_of_queries_for_5_and_50(client, org):
    people = [account_factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a) for _ in range(8)]
    pairs = [(mentor, mentee) for mentor in people for mentee in people if mentor != mentee]
    sign_in(client, org.hr)
    url = reverse("appraisal:mentoring_list")

    def pair(mentor, mentee):
        mentorship = _pair(org, mentor=mentor, mentee=mentee, by=org.hr)
        services.mentoring_session_log(
            mentorship=mentorship, by=mentor, date=timezone.localdate(), notes="Sesi"
        )

    for mentor, mentee in pairs[:5]:
        pair(mentor, mentee)
    few = _count_queries(client, url)
    for mentor, mentee in pairs[5:50]:
        pair(mentor, mentee)
    assert _count_queries(client, url) == few


# --- Development catalogue --------------------------------------------------------------------------


def test_it_lets_hr_add_to_their_agencys_catalogue_only(client, org):
    sign_in(client, org.hr)
    response = client.post(
        reverse("appraisal:development_add"),
        {
            "agency": org.other_agency.pk,
            "title": "Bimtek SIAK Terpusat",
            "kind": "training",
            "duration_hours": "16",
        },
    )
    activity = DevelopmentActivity.objects.get()
    assert response.url == f"{reverse('appraisal:development_list')}#activity-{activity.pk}"
    assert (activity.agency, activity.duration_hours, activity.is_active) == (org.agency, 16, False)


def test_it_keeps_the_offered_flag_as_ticked(client, org):
    sign_in(client, org.hr).post(
        reverse("appraisal:development_add"), {"title": "Magang", "kind": "assignment", "is_active": "on"}
    )
    assert DevelopmentActivity.objects.get().is_active


def test_it_lets_the_super_admin_add_a_national_activity(client, org):
    sign_in(client, org.superadmin).post(
        reverse("appraisal:development_add"),
        {"agency": "", "title": "Coaching kepemimpinan", "kind": "coaching"},
    )
    assert DevelopmentActivity.objects.get().is_national


def test_it_shows_a_duplicate_title_on_the_form_and_stores_nothing_more(client, org):
    services.development_activity_create(agency=org.agency, title="Magang", kind="assignment")
    response = sign_in(client, org.hr).post(
        reverse("appraisal:development_add"), {"title": "magang", "kind": "assignment"}, **EN
    )
    assert response.status_code == 200 and "already has an activity" in _html(response)
    assert DevelopmentActivity.objects.count() == 1


@pytest.mark.parametrize(
    ("who", "status"), [("hr", 403), ("other_hr", 403), ("superadmin", 200), ("staff", 404)]
)
def test_it_lets_only_the_super_admin_edit_a_national_activity(client, org, who, status):
    activity = services.development_activity_create(agency=None, title="Coaching", kind="coaching")
    user = {"hr": org.hr, "other_hr": org.other_hr, "superadmin": org.superadmin, "staff": org.staff_a.user}[
        who
    ]
    url = reverse("appraisal:development_edit", args=[activity.pk])
    response = sign_in(client, user).post(url, {"title": "Diubah", "kind": "coaching"})
    assert response.status_code == (302 if status == 200 else status)
    activity.refresh_from_db()
    assert activity.title == ("Diubah" if status == 200 else "Coaching")


def test_it_lists_the_national_and_own_catalogue_to_hr(client, org):
    services.development_activity_create(agency=None, title="Nasional", kind="training")
    services.development_activity_create(agency=org.agency, title="Milik Dukcapil", kind="training")
    services.development_activity_create(agency=org.other_agency, title="Milik Kominfo", kind="training")
    html = _html(sign_in(client, org.hr).get(reverse("appraisal:development_list")))
    assert "Nasional" in html and "Milik Dukcapil" in html and "Milik Kominfo" not in html
    _assert_no_inline_code(html)
    only = _html(client.get(reverse("appraisal:development_list"), {"kind": "coaching"}))
    assert "Milik Dukcapil" not in only


def test_it_redirects_anonymous_visitors_tosign_in(client, org):
    response = client.get(reverse("appraisal:feedback_mine"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
