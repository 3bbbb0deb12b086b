from django.utils.functional import SimpleLazyObject

from notifications.selectors import unread_count


def unread_notifications(request):
    """The number of unread notifications for the bell: one count when a page shows it, none for
    anonymous visitors."""
    if not request.user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(request.user))}
