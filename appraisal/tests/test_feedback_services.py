"""Feedback notes, mentoring and the development catalogue: the rules of the services and the
constraints of the database. Every refusal names its field and stores nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from accounts.tests import factories as account_factories
from appraisal.models import (
    CoreValue,
    DevelopmentActivity,
    DevelopmentKind,
    FeedbackKind,
    FeedbackNote,
    MentoringSession,
    Mentorship,
)
from appraisal.services import competencies as competency_services
from appraisal.services import feedback as services
from appraisal.tests import factories

CORRECTION = "Cek ulang NIK sebelum mencetak KK agar tidak ada cetak ulang."
GOAL = "Menguasai verifikasi berkas KTP-el tanpa kesalahan."


def _refused(call, field):
    with pytest.raises(ValidationError) as caught:
        call()
    assert field in caught.value.message_dict, caught.value.message_dict
    return caught.value.message_dict[field]


def _rhk_of(staff):
    year = factories.performance_year(staff.agency)
    return factories.rhk(factories.skp(staff, year))


def _db_refuses(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackNote.objects.create(**fields)


# --- Feedback notes ---------------------------------------------------------------------------------


def test_it_stores_praise_from_a_colleague_of_the_same_agency(org):
    note = services.feedback_note_create(
        author=org.staff_a2, subject=org.staff_a, kind=FeedbackKind.PRAISE, text="  Terima kasih, rapi!  "
    )
    assert (note.author, note.subject, note.text) == (org.staff_a2, org.staff_a, "Terima kasih, rapi!")
    assert note.created_at is not None


def test_it_stores_a_correction_from_the_acting_supervisor_linked_to_a_result(org):
    rhk = _rhk_of(org.staff_b)
    note = services.feedback_note_create(
        author=org.kabid_a, subject=org.staff_b, kind=FeedbackKind.CORRECTION, text=CORRECTION, rhk=rhk
    )
    assert note.rhk == rhk and note.value == ""


def test_it_links_a_note_to_a_berakhlak_value(org):
    note = services.feedback_note_create(
        author=org.head, subject=org.staff_a, kind=FeedbackKind.PRAISE, text="Ramah.", value=CoreValue.SERVICE
    )
    assert note.get_value_display() == "Berorientasi Pelayanan"


def test_it_lets_a_supervisor_of_another_agency_write_about_their_subordinate(org):
    lent = account_factories.staff(unit_obj=org.other_root, supervisor=org.kabid_a, name="Staf Pinjaman")
    note = services.feedback_note_create(
        author=org.kabid_a, subject=lent, kind=FeedbackKind.PRAISE, text="Laporan tepat waktu."
    )
    assert note.subject == lent


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ("self", "__all__"),
        ("outsider", "__all__"),
        ("retired_author", "__all__"),
        ("short_correction", "text"),
        ("empty_text", "text"),
        ("bad_kind", "kind"),
        ("bad_value", "value"),
        ("rhk_and_value", "value"),
        ("rhk_of_someone_else", "rhk"),
    ],
)
def test_it_refuses_a_note_and_stores_nothing(org, case, field):
    kwargs = {"author": org.staff_a2, "subject": org.staff_a, "kind": FeedbackKind.PRAISE, "text": "Bagus."}
    if case == "self":
        kwargs["author"] = org.staff_a
    elif case == "outsider":
        kwargs["author"] = org.outsider
    elif case == "retired_author":
        kwargs["author"] = org.kabid_b
    elif case == "short_correction":
        kwargs.update(kind=FeedbackKind.CORRECTION, text="Kurang teliti.")
    elif case == "empty_text":
        kwargs["text"] = "   "
    elif case == "bad_kind":
        kwargs["kind"] = "gossip"
    elif case == "bad_value":
        kwargs["value"] = "sabar"
    elif case == "rhk_and_value":
        kwargs.update(rhk=_rhk_of(org.staff_a), value=CoreValue.LOYAL)
    elif case == "rhk_of_someone_else":
        kwargs["rhk"] = _rhk_of(org.staff_a2)
    messages = _refused(lambda: services.feedback_note_create(**kwargs), field)
    assert messages[0]
    assert not FeedbackNote.objects.exists()


def test_it_explains_what_a_correction_needs(org):
    with translation.override("en"):
        messages = _refused(
            lambda: services.feedback_note_create(
                author=org.kabid_a, subject=org.staff_a, kind=FeedbackKind.CORRECTION, text="Salah."
            ),
            "text",
        )
    assert "at least 20 characters" in messages[0]


def test_it_enforces_the_note_invariants_in_the_database(org):
    base = {"author": org.kabid_a, "subject": org.staff_a, "kind": FeedbackKind.PRAISE, "text": "Bagus."}
    _db_refuses(**{**base, "author": org.staff_a})
    _db_refuses(**{**base, "kind": "gossip"})
    _db_refuses(**{**base, "text": ""})
    _db_refuses(**{**base, "value": "sabar"})
    _db_refuses(**{**base, "kind": FeedbackKind.CORRECTION, "text": "Terlalu pendek."})
    _db_refuses(**{**base, "rhk": _rhk_of(org.staff_a), "value": CoreValue.LOYAL})
    assert not FeedbackNote.objects.exists()
    FeedbackNote.objects.create(**{**base, "kind": FeedbackKind.CORRECTION, "text": "x" * 20})


def test_it_keeps_a_note_when_its_result_is_removed(org):
    rhk = _rhk_of(org.staff_a)
    note = services.feedback_note_create(
        author=org.kabid_a, subject=org.staff_a, kind=FeedbackKind.PRAISE, text="Bagus.", rhk=rhk
    )
    rhk.delete()
    note.refresh_from_db()
    assert note.rhk is None


# --- Mentoring --------------------------------------------------------------------------------------


def _pair(org, *, by=None, mentor=None, mentee=None, **kw):
    return services.mentorship_create(
        mentor=mentor or org.staff_a,
        mentee=mentee or org.staff_a2,
        goal=kw.pop("goal", GOAL),
        started_on=kw.pop("started_on", timezone.localdate() - timedelta(days=30)),
        by=by or org.kabid_a.user,
    )


def test_it_lets_the_supervisor_and_hr_pair_a_mentor(org):
    by_supervisor = _pair(org)
    assert by_supervisor.created_by == org.kabid_a.user and by_supervisor.is_active
    by_hr = _pair(org, by=org.hr, mentor=org.kabid_a, mentee=org.staff_b)
    assert by_hr.mentee == org.staff_b
    # Kabid A acts (Plt) for staff B's retired head.
    assert _pair(org, mentor=org.staff_a2, mentee=org.staff_b).mentor == org.staff_a2


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ("staff_pairs", "mentee"),
        ("other_hr_pairs", "mentee"),
        ("same_person", "mentor"),
        ("mentor_of_other_agency", "mentor"),
        ("retired_mentor", "mentor"),
        ("empty_goal", "goal"),
    ],
)
def test_it_refuses_a_pairing_and_stores_nothing(org, case, field):
    kwargs = {}
    if case == "staff_pairs":
        kwargs["by"] = org.staff_a.user
    elif case == "other_hr_pairs":
        kwargs["by"] = org.other_hr
    elif case == "same_person":
        kwargs.update(mentor=org.staff_a2, mentee=org.staff_a2)
    elif case == "mentor_of_other_agency":
        kwargs["mentor"] = org.outsider
    elif case == "retired_mentor":
        kwargs["mentor"] = org.kabid_b
    elif case == "empty_goal":
        kwargs["goal"] = "  "
    _refused(lambda: _pair(org, **kwargs), field)
    assert not Mentorship.objects.exists()


def test_it_allows_one_active_mentorship_per_pair(org):
    first = _pair(org)
    _refused(lambda: _pair(org), "__all__")
    assert Mentorship.objects.count() == 1
    services.mentorship_end(mentorship=first, by=org.hr)
    assert _pair(org).is_active
    assert Mentorship.objects.count() == 2


def test_it_enforces_the_mentorship_invariants_in_the_database(org):
    today = timezone.localdate()
    base = {"mentor": org.staff_a, "mentee": org.staff_a2, "goal": GOAL, "started_on": today}
    Mentorship.objects.create(**base)
    for fields in (
        base,  # a second active mentorship of the pair
        {**base, "mentee": org.staff_a},
        {**base, "goal": ""},
        {**base, "ended_on": today - timedelta(days=1)},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Mentorship.objects.create(**fields)
    Mentorship.objects.create(**{**base, "ended_on": today})  # ended ones do not count
    assert Mentorship.objects.count() == 2


def test_it_ends_a_mentorship_once_by_those_who_paired(org):
    mentorship = _pair(org)
    with pytest.raises(ValidationError):
        services.mentorship_end(mentorship=mentorship, by=org.staff_a.user)
    mentorship.refresh_from_db()
    assert mentorship.ended_on is None
    services.mentorship_end(mentorship=mentorship, by=org.kabid_a.user)
    mentorship.refresh_from_db()
    assert mentorship.ended_on == timezone.localdate()
    with pytest.raises(ValidationError):
        services.mentorship_end(mentorship=mentorship, by=org.hr)


def test_it_refuses_to_end_a_mentorship_before_it_starts(org):
    mentorship = _pair(org, started_on=timezone.localdate() + timedelta(days=7))
    _refused(lambda: services.mentorship_end(mentorship=mentorship, by=org.hr), "ended_on")
    mentorship.refresh_from_db()
    assert mentorship.ended_on is None


def test_it_lets_the_mentor_and_the_mentee_log_sessions(org):
    mentorship = _pair(org)
    today = timezone.localdate()
    by_mentor = services.mentoring_session_log(
        mentorship=mentorship,
        by=org.staff_a,
        date=today,
        notes="Membahas alur verifikasi.",
        agreed_actions="X",
    )
    by_mentee = services.mentoring_session_log(
        mentorship=mentorship, by=org.staff_a2, date=today - timedelta(days=7), notes="Latihan."
    )
    assert [s.logged_by for s in (by_mentor, by_mentee)] == [org.staff_a, org.staff_a2]


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ("supervisor", "__all__"),
        ("future", "date"),
        ("before_start", "date"),
        ("after_end", "date"),
        ("no_notes", "notes"),
    ],
)
def test_it_refuses_a_session_and_stores_nothing(org, case, field):
    mentorship = _pair(org)
    today = timezone.localdate()
    kwargs = {"mentorship": mentorship, "by": org.staff_a, "date": today, "notes": "Membahas."}
    if case == "supervisor":
        kwargs["by"] = org.kabid_a
    elif case == "future":
        kwargs["date"] = today + timedelta(days=1)
    elif case == "before_start":
        kwargs["date"] = mentorship.started_on - timedelta(days=1)
    elif case == "after_end":
        Mentorship.objects.filter(pk=mentorship.pk).update(ended_on=today - timedelta(days=2))
        mentorship.refresh_from_db()
        kwargs["date"] = today - timedelta(days=1)
    elif case == "no_notes":
        kwargs["notes"] = ""
    _refused(lambda: services.mentoring_session_log(**kwargs), field)
    assert not MentoringSession.objects.exists()


def test_it_requires_session_notes_in_the_database(org):
    mentorship = _pair(org)
    with pytest.raises(IntegrityError), transaction.atomic():
        MentoringSession.objects.create(
            mentorship=mentorship, date=timezone.localdate(), notes="", logged_by=org.staff_a
        )


# --- Development catalogue --------------------------------------------------------------------------


def _technical(agency):
    return competency_services.technical_competency_create(
        agency=agency,
        code="T.01",
        name="Pengelolaan Data Kependudukan",
        definition="Mengelola data penduduk.",
        level_descriptions=[f"Level {n}" for n in range(1, 6)],
    )


def _activity(agency, **kw):
    return services.development_activity_create(
        agency=agency,
        title=kw.pop("title", "Pelatihan pelayanan prima"),
        kind=kw.pop("kind", "training"),
        **kw,
    )


def test_it_adds_agency_and_national_activities(org):
    technical = _technical(org.agency)
    local = _activity(org.agency, competency=technical, provider=" BPSDM ", duration_hours=24)
    national = _activity(None, title="Coaching kepemimpinan", kind=DevelopmentKind.COACHING)
    assert (local.provider, local.duration_hours, local.competency) == ("BPSDM", 24, technical)
    assert national.is_national
    # The same title may exist once per agency and once nationally.
    assert _activity(org.other_agency).agency == org.other_agency


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ("duplicate_title", "title"),
        ("empty_title", "title"),
        ("bad_kind", "kind"),
        ("other_agency_competency", "competency"),
        ("national_with_technical", "competency"),
        ("zero_hours", "duration_hours"),
    ],
)
def test_it_refuses_a_catalogue_entry_and_stores_nothing_more(org, case, field):
    _activity(org.agency)
    agency, kwargs = org.agency, {"title": "Magang di Dukcapil provinsi"}
    if case == "duplicate_title":
        kwargs["title"] = "PELATIHAN pelayanan prima"
    elif case == "empty_title":
        kwargs["title"] = " "
    elif case == "bad_kind":
        kwargs["kind"] = "holiday"
    elif case == "other_agency_competency":
        kwargs["competency"] = _technical(org.other_agency)
    elif case == "national_with_technical":
        agency, kwargs["competency"] = None, _technical(org.agency)
    elif case == "zero_hours":
        kwargs["duration_hours"] = 0
    _refused(lambda: _activity(agency, **kwargs), field)
    assert DevelopmentActivity.objects.count() == 1


def test_it_updates_an_activity_and_keeps_its_agency(org):
    activity = _activity(org.agency)
    services.development_activity_update(
        activity=activity, title="Pelatihan pelayanan prima II", kind="assignment", is_active=False
    )
    activity.refresh_from_db()
    assert (activity.title, activity.kind, activity.is_active, activity.agency) == (
        "Pelatihan pelayanan prima II",
        "assignment",
        False,
        org.agency,
    )


def test_it_enforces_the_catalogue_invariants_in_the_database(org):
    DevelopmentActivity.objects.create(agency=None, title="Pelatihan dasar", kind="training")
    for fields in (
        {"agency": None, "title": "Pelatihan dasar", "kind": "training"},  # NULL agencies are one catalogue
        {"agency": org.agency, "title": "", "kind": "training"},
        {"agency": org.agency, "title": "Liburan", "kind": "holiday"},
        {"agency": org.agency, "title": "Pelatihan nol jam", "kind": "training", "duration_hours": 0},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            DevelopmentActivity.objects.create(**fields)
    assert DevelopmentActivity.objects.count() == 1
