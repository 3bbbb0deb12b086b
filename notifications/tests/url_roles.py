"""The reminder URLs in the URL × role table (see accounts/tests/test_url_roles.py).

Everyone signed in has their own list and settings; a notification is its recipient's only (staff A's
here): anyone else gets 404."""

from accounts.tests.roles import LOGIN, ROLES, SIGNED_IN
from notifications.models import Notification, NotificationKind
from notifications.tests.factories import MONDAY


def _staff_a_notification(org):
    notification = Notification.objects.create(
        recipient=org.staff_a.user,
        kind=NotificationKind.MISSING_REPORT,
        title="Laporan harian belum diisi",
        text="-",
        url="/appraisal/reports/",
        day=MONDAY,
    )
    return {"pk": notification.pk}


OWNER_ONLY = {**dict.fromkeys(ROLES, 404), "anonymous": LOGIN, "staff": 302}
SIGNED_IN_REDIRECTED = {**dict.fromkeys(ROLES, 302), "anonymous": LOGIN}

TABLE = {
    "notifications:notification_list": (None, SIGNED_IN, 405),
    "notifications:notification_read": (_staff_a_notification, dict.fromkeys(ROLES, 405), OWNER_ONLY),
    "notifications:notification_read_all": (None, dict.fromkeys(ROLES, 405), SIGNED_IN_REDIRECTED),
    # An empty POST shows the form again with what is missing.
    "notifications:email_preference": (None, SIGNED_IN, "same"),
}
