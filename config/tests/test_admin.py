"""The super admin can open every registered model's list and form in the Django admin."""

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.tests import factories

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.mark.parametrize("model", MODELS, ids=[model._meta.label for model in MODELS])
def test_it_opens_the_admin_pages_of(client, rf, org, model):
    client.force_login(org.superadmin, backend="accounts.backends.NipOrUsernameBackend")
    info = (model._meta.app_label, model._meta.model_name)
    assert client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200
    request = rf.get("/")
    request.user = org.superadmin
    if admin.site._registry[model].has_add_permission(request):
        assert client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200


def test_it_keeps_the_admin_from_staff_who_are_not_super_admins(client, org):
    client.force_login(factories.user(), backend="accounts.backends.NipOrUsernameBackend")
    assert client.get(reverse("admin:index")).status_code == 302
