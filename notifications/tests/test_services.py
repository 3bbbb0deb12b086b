"""The reminder job: notifications once per kind and day, one e-mail per person and day as each person
prefers, in their language, keyed on the Asia/Jakarta day; and reading notifications."""

from datetime import UTC, date, datetime, timedelta
from smtplib import SMTPRecipientsRefused

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.db import IntegrityError, transaction

from accounts.tests import factories
from appraisal.models import Holiday
from appraisal.tests import factories as appraisal_factories
from jobs.models import JobRun, RunStatus, Trigger
from jobs.runs import job_run
from notifications import services
from notifications.models import DigestStatus, EmailDigest, EmailPreference, Notification, NotificationKind
from notifications.tests import factories as f

pytestmark = pytest.mark.django_db


def _team(org):
    """Staff A has not reported Friday; A2 reported it and submitted the SKP to kabid A. Nothing is due."""
    year = f.year_with_deadline(org, deadline=date(2026, 12, 31))
    appraisal_factories.skp(org.staff_a, year)
    rhk = appraisal_factories.rhk(appraisal_factories.skp(org.staff_a2, year, status="submitted"))
    appraisal_factories.daily_report(org.staff_a2, rhk, on=f.FRIDAY)
    return year


def _kinds():
    return sorted(Notification.objects.values_list("recipient_id", "kind", "day"))


def test_it_writes_each_reminder_once_and_sends_one_email_per_person_when_run_twice(org, mailoutbox):
    _team(org)
    assert services.reminders_send(now=f.at(f.MONDAY)) == 4 + 2
    expected = sorted(
        [
            (org.staff_a.user_id, NotificationKind.MISSING_REPORT, f.MONDAY),
            (org.kabid_a.user_id, NotificationKind.SKP_APPROVALS, f.MONDAY),
            (org.kabid_a.user_id, NotificationKind.REPORT_REVIEWS, f.MONDAY),
            (org.hr.pk, NotificationKind.HR_DIGEST, f.MONDAY),
        ]
    )
    assert _kinds() == expected
    assert services.reminders_send(now=f.at(f.MONDAY, 7, 30)) == 0
    assert _kinds() == expected
    # HR has no e-mail address: the bell only.
    assert sorted(m.to[0] for m in mailoutbox) == sorted([org.staff_a.user.email, org.kabid_a.user.email])
    digests = EmailDigest.objects.order_by("recipient_id")
    assert [(d.recipient_id, d.status, d.notification_count) for d in digests] == [
        (org.kabid_a.user_id, DigestStatus.SENT, 2),
        (org.staff_a.user_id, DigestStatus.SENT, 1),
    ]
    assert all(d.sent_at and d.day == f.MONDAY and d.error == "" for d in digests)


def test_it_links_each_reminder_to_where_it_is_acted_on(org):
    _team(org)
    services.reminders_send(now=f.at(f.MONDAY))
    links = dict(Notification.objects.values_list("kind", "url"))
    assert links == {
        NotificationKind.MISSING_REPORT: "/appraisal/reports/",
        NotificationKind.SKP_APPROVALS: "/appraisal/skp/approvals/",
        NotificationKind.REPORT_REVIEWS: "/appraisal/reports/team/",
        NotificationKind.HR_DIGEST: "/accounts/staff/",
    }


def test_it_writes_the_email_and_the_bell_in_indonesian_by_default(org, mailoutbox):
    _team(org)
    services.reminders_send(now=f.at(f.MONDAY))
    message = next(m for m in mailoutbox if m.to == [org.staff_a.user.email])
    assert message.extra_headers["Content-Language"] == "id"
    assert "15 Juni 2026" in message.subject
    assert "Senin, 15 Juni 2026" in message.body and "Jumat, 12 Juni 2026" in message.body
    assert "http://127.0.0.1:8000/appraisal/reports/" in message.body
    assert "http://127.0.0.1:8000/notifications/email/" in message.body
    assert "Staf A" in message.body
    reminder = Notification.objects.get(recipient=org.staff_a.user)
    assert "Jumat, 12 Juni 2026" in reminder.text and "Senin, 15 Juni 2026" in reminder.text
    assert reminder.title != "Daily report missing"
    assert reminder.title in message.body and reminder.text in message.body


def test_it_writes_in_english_for_someone_who_chose_it(org, mailoutbox):
    _team(org)
    EmailPreference.objects.create(user=org.staff_a.user, language="en")
    services.reminders_send(now=f.at(f.MONDAY))
    reminder = Notification.objects.get(recipient=org.staff_a.user)
    assert reminder.title == "Daily report missing"
    assert reminder.text == (
        "You have no daily report for Friday, 12 June 2026 yet. "
        "You can still enter it until Monday, 15 June 2026."
    )
    message = next(m for m in mailoutbox if m.to == [org.staff_a.user.email])
    assert message.extra_headers["Content-Language"] == "en"
    assert message.subject == "SIKASN: 1 reminder for 15 June 2026"
    assert "Your reminders in SIKASN for Monday, 15 June 2026:" in message.body


def test_it_sends_nothing_to_whoever_wants_no_email(org, mailoutbox):
    _team(org)
    EmailPreference.objects.create(user=org.staff_a.user, frequency="never")
    services.reminders_send(now=f.at(f.MONDAY))
    assert [m.to for m in mailoutbox] == [[org.kabid_a.user.email]]
    assert Notification.objects.filter(recipient=org.staff_a.user).count() == 1


def test_it_sends_the_weekly_email_on_the_first_working_day_with_the_weeks_unread_reminders(org, mailoutbox):
    _team(org)
    EmailPreference.objects.create(user=org.kabid_a.user, frequency="weekly")
    user = org.kabid_a.user
    earlier = {
        "recipient": user,
        "kind": NotificationKind.FEEDBACK_OWED,
        "url": "/appraisal/feedback-360/to-me/",
    }
    Notification.objects.create(**earlier, title="Unread of Wednesday", text="-", day=date(2026, 6, 10))
    Notification.objects.create(
        **earlier,
        title="Read on Tuesday",
        text="-",
        day=date(2026, 6, 9),
        created_at=f.at(date(2026, 6, 9)),
        read_at=f.at(date(2026, 6, 9), 9),
    )
    Notification.objects.create(**earlier, title="Of the week before", text="-", day=date(2026, 6, 8))
    services.reminders_send(now=f.at(f.MONDAY))
    message = next(m for m in mailoutbox if m.to == [user.email])
    assert "Unread of Wednesday" in message.body
    assert "Read on Tuesday" not in message.body and "Of the week before" not in message.body
    assert EmailDigest.objects.get(recipient=user).notification_count == 3
    mailoutbox.clear()
    services.reminders_send(now=f.at(date(2026, 6, 17)))  # Wednesday: daily e-mails only
    assert Notification.objects.filter(recipient=user, day=date(2026, 6, 17)).exists()
    assert mailoutbox and [user.email] not in [m.to for m in mailoutbox]


def test_it_sends_the_weekly_email_on_tuesday_when_monday_is_a_holiday(org, mailoutbox):
    _team(org)
    EmailPreference.objects.create(user=org.kabid_a.user, frequency="weekly")
    services.reminders_send(now=f.at(date(2026, 6, 2)))  # Monday 1 June: Hari Lahir Pancasila
    assert EmailDigest.objects.filter(recipient=org.kabid_a.user, day=date(2026, 6, 2)).exists()
    assert Notification.objects.filter(kind=NotificationKind.HR_DIGEST, day=date(2026, 6, 2)).exists()
    services.reminders_send(now=f.at(date(2026, 6, 3)))
    assert not EmailDigest.objects.filter(recipient=org.kabid_a.user, day=date(2026, 6, 3)).exists()


def test_it_keys_the_day_on_jakarta_time_across_the_utc_date_boundary(org, mailoutbox):
    """07:00 WIB is 00:00 UTC: 23:59 UTC on Sunday is already Monday morning in Jakarta."""
    _team(org)
    sunday_night_utc = datetime(2026, 6, 14, 23, 59, tzinfo=UTC)
    assert services.reminders_send(now=sunday_night_utc) == 6
    assert set(Notification.objects.values_list("day", flat=True)) == {f.MONDAY}
    assert services.reminders_send(now=datetime(2026, 6, 15, 0, 1, tzinfo=UTC)) == 0
    assert set(EmailDigest.objects.values_list("day", flat=True)) == {f.MONDAY}
    assert len(mailoutbox) == 2
    # 23:59 UTC on Monday is Tuesday 16 June in Jakarta: a national holiday.
    assert services.reminders_send(now=datetime(2026, 6, 15, 23, 59, tzinfo=UTC)) == 0
    # 23:59 UTC on Tuesday is Wednesday morning: a new day. Staff A and A2 have not reported Monday;
    # A2's SKP and report still wait for kabid A. One more e-mail for each of them.
    assert services.reminders_send(now=datetime(2026, 6, 16, 23, 59, tzinfo=UTC)) == 4 + 3
    wednesday = date(2026, 6, 17)
    assert Notification.objects.get(recipient=org.staff_a.user, day=wednesday).kind == "missing_report"
    assert sorted(EmailDigest.objects.values_list("day", flat=True)) == [f.MONDAY] * 2 + [wednesday] * 3
    assert len(mailoutbox) == 5


def test_it_sends_no_reminders_on_a_national_holiday(org, mailoutbox):
    _team(org)
    assert services.reminders_send(now=f.at(f.HOLIDAY)) == 0
    assert not Notification.objects.exists() and mailoutbox == []


def test_it_sends_no_reminders_to_an_agency_on_its_own_holiday(org, mailoutbox):
    _team(org)
    Holiday.objects.create(agency=org.agency, date=f.MONDAY, name="Hari jadi Disdukcapil")
    other_year = appraisal_factories.performance_year(org.other_agency)
    appraisal_factories.skp(org.outsider, other_year)
    services.reminders_send(now=f.at(f.MONDAY))
    assert _kinds() == [
        (org.outsider.user_id, NotificationKind.MISSING_REPORT, f.MONDAY),
        (org.other_hr.pk, NotificationKind.HR_DIGEST, f.MONDAY),
    ]
    assert [m.to for m in mailoutbox] == [[org.outsider.user.email]]


def test_it_records_a_refused_email_and_does_not_send_it_again(org, mailoutbox, monkeypatch):
    _team(org)
    refused = org.staff_a.user.email
    send = EmailBackend.send_messages

    def refuse_one(backend, messages):
        if messages[0].to == [refused]:
            raise SMTPRecipientsRefused({refused: (550, b"mailbox unavailable")})
        return send(backend, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_one)
    services.reminders_send(now=f.at(f.MONDAY))
    failed = EmailDigest.objects.get(recipient=org.staff_a.user)
    assert failed.status == DigestStatus.FAILED and "mailbox unavailable" in failed.error
    assert failed.sent_at is None
    assert [m.to for m in mailoutbox] == [[org.kabid_a.user.email]]
    monkeypatch.setattr(EmailBackend, "send_messages", send)
    assert services.reminders_send(now=f.at(f.MONDAY, 8)) == 0
    assert len(mailoutbox) == 1


def test_it_records_every_email_as_failed_when_the_mail_server_cannot_be_reached(
    org, mailoutbox, monkeypatch
):
    _team(org)

    def unreachable(backend):
        raise ConnectionRefusedError("Connection refused")

    monkeypatch.setattr(EmailBackend, "open", unreachable, raising=False)
    assert services.reminders_send(now=f.at(f.MONDAY)) == 6
    assert set(EmailDigest.objects.values_list("status", "error")) == {
        (DigestStatus.FAILED, "ConnectionRefusedError: Connection refused")
    }
    assert mailoutbox == []


def test_it_sends_every_email_of_a_run_through_one_connection(org, mailoutbox, monkeypatch):
    _team(org)
    opened = []
    monkeypatch.setattr(EmailBackend, "open", lambda backend: opened.append(backend), raising=False)
    services.reminders_send(now=f.at(f.MONDAY))
    assert len(mailoutbox) == 2 and len(opened) == 1


def test_it_runs_in_the_same_queries_however_many_people_it_reminds(
    org, mailoutbox, django_assert_max_num_queries
):
    _team(org)
    with django_assert_max_num_queries(20) as few:
        services.reminders_send(now=f.at(f.MONDAY))
    year = org.agency.performance_years.get()
    for n in range(20):
        person = factories.staff(supervisor=org.kabid_a, name=f"Staf {n}")
        appraisal_factories.skp(person, year, status="submitted")
    next_monday = f.MONDAY + timedelta(days=7)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert services.reminders_send(now=f.at(next_monday)) == (20 + 5) + (20 + 3)
    assert len(mailoutbox) == 2 + 20 + 3


def test_it_runs_as_the_registered_job_and_records_the_run(org):
    run = job_run(name="send-reminders", trigger=Trigger.COMMAND, by_id=org.hr.pk)
    stored = JobRun.objects.get()
    assert (stored.pk, stored.job, stored.status, stored.rows) == (
        run.pk,
        "send-reminders",
        RunStatus.SUCCEEDED,
        run.rows,
    )


# --- Reading ---------------------------------------------------------------------------------------------


def _notification(user, kind=NotificationKind.SKP_APPROVALS, day=f.MONDAY):
    return Notification.objects.create(recipient=user, kind=kind, title="2 SKP", text="-", url="/", day=day)


def test_it_marks_a_notification_read_once(org):
    notification = _notification(org.staff_a.user)
    services.notification_read(notification=notification)
    first = Notification.objects.get(pk=notification.pk).read_at
    assert first is not None
    services.notification_read(notification=Notification.objects.get(pk=notification.pk))
    assert Notification.objects.get(pk=notification.pk).read_at == first


def test_it_marks_all_of_ones_own_notifications_read(org):
    mine = [_notification(org.staff_a.user, day=f.MONDAY - timedelta(days=n)) for n in range(3)]
    other = _notification(org.staff_a2.user)
    assert services.notifications_read_all(user=org.staff_a.user) == 3
    assert services.notifications_read_all(user=org.staff_a.user) == 0
    assert all(Notification.objects.get(pk=n.pk).read_at for n in mine)
    assert Notification.objects.get(pk=other.pk).read_at is None


def test_it_stores_the_email_preference(org):
    services.email_preference_set(user=org.staff_a.user, frequency="weekly", language="en")
    services.email_preference_set(user=org.staff_a.user, frequency="never", language="id")
    assert list(EmailPreference.objects.values_list("user_id", "frequency", "language")) == [
        (org.staff_a.user_id, "never", "id")
    ]


@pytest.mark.parametrize(
    "change",
    [
        {"url": "//evil.example/"},
        {"url": "https://evil.example/"},
        {"url": "/\\evil.example"},
        {"kind": "other"},
        {"title": ""},
    ],
)
def test_it_refuses_a_notification_the_database_does_not_allow(org, change):
    values = {
        "recipient": org.staff_a.user,
        "kind": "skp_approvals",
        "title": "x",
        "url": "/",
        "day": f.MONDAY,
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(**{**values, **change})


def test_it_refuses_a_second_notification_of_a_kind_on_a_day_and_a_second_digest(org):
    _notification(org.staff_a.user)
    with pytest.raises(IntegrityError), transaction.atomic():
        _notification(org.staff_a.user)
    EmailDigest.objects.create(recipient=org.staff_a.user, day=f.MONDAY, notification_count=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        EmailDigest.objects.create(recipient=org.staff_a.user, day=f.MONDAY, notification_count=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        EmailDigest.objects.create(
            recipient=org.staff_b.user, day=f.MONDAY, notification_count=1, status="failed"
        )
