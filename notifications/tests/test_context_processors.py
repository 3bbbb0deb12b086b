"""The bell's count: one cheap query for a signed-in user when a page shows it, none for visitors."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from notifications.context_processors import unread_notifications
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_it_counts_the_unread_in_one_query_only_when_shown(org, django_assert_num_queries):
    for kind in ("skp_approvals", "report_reviews"):
        Notification.objects.create(
            recipient=org.kabid_a.user, kind=kind, title="x", text="-", url="/", day="2026-06-15"
        )
    with django_assert_num_queries(0):
        context = unread_notifications(_request(org.kabid_a.user))
    with django_assert_num_queries(1):
        assert context["unread_notifications"] == 2
        assert f"{context['unread_notifications']}" == "2"


def test_it_adds_nothing_and_reads_nothing_for_a_visitor(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert unread_notifications(_request(AnonymousUser())) == {}
