"""The bell's page, reading notifications and the e-mail settings, as their owner and as anyone else."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.tests.roles import assert_status, sign_in
from notifications.models import EmailPreference, Notification, NotificationKind
from notifications.tests.factories import MONDAY

pytestmark = pytest.mark.django_db
LOGIN = "login"


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def _notification(user, *, day=MONDAY, kind=NotificationKind.SKP_APPROVALS, title=None, read=False):
    notification = Notification.objects.create(
        recipient=user,
        kind=kind,
        title=title or f"SKPs to approve on {day:%d %B}",
        text="Your team submitted performance plans.",
        url="/appraisal/skp/approvals/",
        day=day,
    )
    if read:
        Notification.objects.filter(pk=notification.pk).update(read_at=notification.created_at)
    return notification


@pytest.fixture
def staff_client(client, org):
    return sign_in(client, org.staff_a)


def test_it_lists_ones_own_notifications_newest_first_with_the_unread_marked(staff_client, org):
    _notification(org.staff_a.user, day=MONDAY - timedelta(days=3), title="Older one", read=True)
    _notification(org.staff_a.user, title="Newer one")
    _notification(org.staff_a2.user, title="Someone else's")
    html = staff_client.get(reverse("notifications:notification_list")).content.decode()
    assert html.index("Newer one") < html.index("Older one")
    assert "Someone else&#x27;s" not in html and "Someone else's" not in html
    assert html.count(">unread<") == 1
    assert "Mark all as read" in html


def test_it_says_when_there_is_nothing(staff_client):
    html = staff_client.get(reverse("notifications:notification_list")).content.decode()
    assert "No reminders. You are up to date." in html and "Mark all as read" not in html


def test_it_pages_the_list(staff_client, org):
    for n in range(30):
        _notification(org.staff_a.user, day=MONDAY - timedelta(days=n))
    first = staff_client.get(reverse("notifications:notification_list")).content.decode()
    second = staff_client.get(reverse("notifications:notification_list") + "?page=2").content.decode()
    assert first.count('action="/notifications/') == 25 + 1  # each reminder and "mark all as read"
    assert "Page 2 of 2" in second


@pytest.mark.parametrize("rows", [3, 60])
def test_it_reads_the_list_in_the_same_queries_however_many_notifications(
    staff_client, org, rows, django_assert_max_num_queries
):
    for n in range(rows):
        _notification(org.staff_a.user, day=MONDAY - timedelta(days=n), read=n % 2 == 0)
    # session, user, roles (staff, subordinates), the bell's count, the page's count and rows
    with django_assert_max_num_queries(7):
        assert staff_client.get(reverse("notifications:notification_list")).status_code == 200


def test_it_marks_a_notification_read_and_opens_its_page(staff_client, org):
    notification = _notification(org.staff_a.user)
    response = staff_client.post(reverse("notifications:notification_read", args=[notification.pk]))
    assert (response.status_code, response.url) == (302, "/appraisal/skp/approvals/")
    assert Notification.objects.get(pk=notification.pk).read_at is not None


def test_it_answers_404_for_someone_elses_notification(staff_client, org):
    other = _notification(org.staff_a2.user)
    response = staff_client.post(reverse("notifications:notification_read", args=[other.pk]))
    assert response.status_code == 404
    assert Notification.objects.get(pk=other.pk).read_at is None


def test_it_refuses_the_wrong_method(staff_client, org):
    notification = _notification(org.staff_a.user)
    assert (
        staff_client.get(reverse("notifications:notification_read", args=[notification.pk])).status_code
        == 405
    )
    assert staff_client.get(reverse("notifications:notification_read_all")).status_code == 405
    assert staff_client.post(reverse("notifications:notification_list")).status_code == 405
    assert Notification.objects.get(pk=notification.pk).read_at is None


def test_it_sends_anonymous_visitors_to_sign_in(client, org):
    notification = _notification(org.staff_a.user)
    assert_status(client.get(reverse("notifications:notification_list")), LOGIN)
    assert_status(client.post(reverse("notifications:notification_read", args=[notification.pk])), LOGIN)
    assert_status(client.post(reverse("notifications:notification_read_all")), LOGIN)
    assert_status(client.get(reverse("notifications:email_preference")), LOGIN)
    assert Notification.objects.get(pk=notification.pk).read_at is None


def test_it_marks_all_of_ones_own_read(staff_client, org):
    mine = [_notification(org.staff_a.user, day=MONDAY - timedelta(days=n)) for n in range(2)]
    other = _notification(org.staff_a2.user)
    response = staff_client.post(reverse("notifications:notification_read_all"), follow=True)
    assert "2 reminders marked as read." in response.content.decode()
    assert not Notification.objects.filter(pk__in=[n.pk for n in mine], read_at__isnull=True).exists()
    assert Notification.objects.get(pk=other.pk).read_at is None


def test_it_shows_the_unread_count_in_the_bell(staff_client, org):
    _notification(org.staff_a.user)
    _notification(org.staff_a.user, kind=NotificationKind.REPORT_REVIEWS)
    _notification(org.staff_a.user, kind=NotificationKind.FEEDBACK_OWED, read=True)
    html = staff_client.get(reverse("home")).content.decode()
    assert 'aria-label="Reminders: 2 unread"' in html
    assert 'data-unread-count>2<span class="visually-hidden"> unread</span>' in html
    staff_client.post(reverse("notifications:notification_read_all"))
    html = staff_client.get(reverse("home")).content.decode()
    assert 'aria-label="Reminders"' in html and "data-unread-count" not in html


def _checked(html):
    """The values of the checked radio buttons, in page order."""
    return re.findall(r'value="(\w+)"\s+id="\w+" required checked', html)


def test_it_shows_and_saves_the_email_settings(staff_client, org):
    html = staff_client.get(reverse("notifications:email_preference")).content.decode()
    assert org.staff_a.user.email in html
    assert _checked(html) == ["daily", "id"]
    response = staff_client.post(
        reverse("notifications:email_preference"), {"frequency": "weekly", "language": "en"}, follow=True
    )
    assert "Your reminder settings were saved." in response.content.decode()
    assert EmailPreference.objects.filter(user=org.staff_a.user, frequency="weekly", language="en").exists()
    page = staff_client.get(reverse("notifications:email_preference")).content.decode()
    assert _checked(page) == ["weekly", "en"]


def test_it_refuses_an_unknown_frequency_and_stores_nothing(staff_client, org):
    response = staff_client.post(
        reverse("notifications:email_preference"), {"frequency": "hourly", "language": "id"}
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not EmailPreference.objects.exists()


def test_it_tells_someone_without_an_email_address_that_reminders_stay_in_the_bell(client, org):
    sign_in(client, org.hr)
    html = client.get(reverse("notifications:email_preference")).content.decode()
    assert "Your account has no e-mail address" in html
