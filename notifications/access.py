"""Who may see or change a notification: its recipient only; everyone else gets 404."""

from django.http import Http404

from notifications.models import Notification


def notification_for_user(user, pk) -> Notification:
    notification = Notification.objects.filter(pk=pk, recipient_id=user.pk).first()
    if notification is None:
        raise Http404
    return notification
