"""Pohon kinerja: the cascade page, with the year (and so the agency) and a work unit chosen by GET."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from accounts.access import administered_agencies, roles_of
from accounts.models import Unit
from accounts.selectors import unit_tree
from appraisal.access import performance_year_for_user
from appraisal.models import PerformanceYear
from appraisal.selectors.cascade import cascade_tree

_MAX_PK = 2**31 - 1
_NOT_LISTED = gettext_lazy("Choose an entry from the list.")


def _choice_field(label):
    """An id picked from a list; anything else gets one plain message."""
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=_MAX_PK,
        error_messages={"invalid": _NOT_LISTED, "min_value": _NOT_LISTED, "max_value": _NOT_LISTED},
    )


class CascadeFilterForm(forms.Form):
    year = _choice_field(gettext_lazy("Performance year"))
    unit = _choice_field(gettext_lazy("Work unit"))


def _year_choices(user, roles):
    """The performance years of the agencies the user administers or works in, grouped by agency."""
    own_agency_id = roles.staff.agency_id if roles.staff else None
    years = (
        PerformanceYear.objects.filter(Q(agency__in=administered_agencies(user)) | Q(agency_id=own_agency_id))
        .select_related("agency")
        .order_by("agency__name", "agency_id", "-year")
    )
    groups = []
    for year in years:
        if groups and groups[-1][0].pk == year.agency_id:
            groups[-1][1].append(year)
        else:
            groups.append((year.agency, [year]))
    return groups


def _default_year(groups, roles):
    """This year of the viewer's own agency if it is set up, else its newest; else the first listed."""
    if not groups:
        return None
    home = roles.hr_agency_id or (roles.staff.agency_id if roles.staff else None)
    years = next((ys for agency, ys in groups if agency.pk == home), groups[0][1])
    today = timezone.localdate().year
    return next((y for y in years if y.year == today), years[0])


@require_GET
@login_required
def cascade(request):
    roles = roles_of(request.user)
    form = CascadeFilterForm(request.GET)
    form.is_valid()
    data = form.cleaned_data  # the fields that are valid; a bad one shows its message and is ignored
    groups = _year_choices(request.user, roles)
    if data.get("year"):
        year = performance_year_for_user(request.user, data["year"])
    else:
        year = _default_year(groups, roles)
    context = {
        "form": form,
        "year_groups": groups,
        "year": year,
        "unit_options": [],
        "unit": None,
        "tree": None,
    }
    if year is not None:
        units = unit_tree(Unit.objects.filter(agency=year.agency_id).order_by("code"))
        unit = None
        if data.get("unit"):
            unit = next((u for u, _depth in units if u.pk == data["unit"]), None)
            if unit is None:
                form.add_error("unit", _("Choose a work unit of %(agency)s.") % {"agency": year.agency})
        context.update(
            unit_options=[(u.pk, "\u00a0\u00a0" * depth + u.name) for u, depth in units],
            unit=unit,
            tree=cascade_tree(year.agency, year, unit=unit, viewer=request.user),
        )
    return render(request, "appraisal/cascade/cascade.html", context)
