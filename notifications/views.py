"""The user's own notifications (the bell's page), reading them, and the e-mail preference."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.form_pages import form_page
from notifications import selectors, services
from notifications.access import notification_for_user
from notifications.forms import EmailPreferenceForm

PAGE_SIZE = 25


@require_GET
@login_required
def notification_list(request):
    page = Paginator(selectors.notifications_of(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page})


@require_POST
@login_required
def notification_read(request, pk):
    """Marks the notification read and opens the page where to act on it."""
    notification = notification_for_user(request.user, pk)
    services.notification_read(notification=notification)
    return redirect(notification.url)


@require_POST
@login_required
def notification_read_all(request):
    count = services.notifications_read_all(user=request.user)
    if count:
        messages.success(
            request,
            ngettext("%(count)d reminder marked as read.", "%(count)d reminders marked as read.", count)
            % {"count": count},
        )
    return redirect("notifications:notification_list")


@require_http_methods(["GET", "POST"])
@login_required
def email_preference(request):
    preference = selectors.email_preference_of(request.user)
    form = EmailPreferenceForm(
        request.POST or None, initial={"frequency": preference.frequency, "language": preference.language}
    )
    return form_page(
        request,
        form,
        save=lambda data: services.email_preference_set(user=request.user, **data),
        success=_("Your reminder settings were saved."),
        done="notifications:notification_list",
        template="notifications/email_preference.html",
        context={"has_email": bool(request.user.email)},
    )
