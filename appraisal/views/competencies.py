"""The competency framework and the standards positions require.

Everyone signed in reads the national competencies and their own agency's technical ones. The super
admin changes the national ones (their level descriptions); an agency's HR changes its technical
competencies and the standards of its positions.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import administered_agencies, agency_for_user, hr_required, position_for_user, roles_of
from accounts.form_pages import form_page
from accounts.models import Agency
from appraisal.access import competency_for_user, competency_level_for_user
from appraisal.forms.competencies import (
    CompetencyLevelForm,
    PositionStandardsForm,
    TechnicalCompetencyAddForm,
    TechnicalCompetencyForm,
    standard_field_name,
)
from appraisal.models import CompetencyGroup
from appraisal.selectors import competencies as selectors
from appraisal.services import competencies as services


def _list_url(competency):
    return f"{reverse('appraisal:competency_list')}#competency-{competency.pk}"


def _standards_url(agency_id):
    return reverse("appraisal:competency_standards", args=[agency_id])


@require_GET
@login_required
def competency_list(request):
    roles = roles_of(request.user)
    if roles.is_superadmin:
        agency_ids = None
        agencies = Agency.objects.order_by("name")
    else:
        own = {roles.hr_agency_id, roles.staff.agency_id if roles.staff else None} - {None}
        agency_ids = sorted(own)
        agencies = Agency.objects.filter(pk__in=agency_ids).order_by("name")
    framework = list(selectors.competency_framework(agency_ids))
    for competency in framework:
        competency.can_edit = (
            roles.is_superadmin if competency.is_national else roles.administers(competency.agency_id)
        )
    groups = [
        (group, [competency for competency in framework if competency.group == group.value])
        for group in CompetencyGroup
    ]
    return render(
        request,
        "appraisal/competencies/competency_list.html",
        {"groups": groups, "agencies": agencies, "may_add": roles.administers_any},
    )


@require_http_methods(["GET", "POST"])
@login_required
@hr_required
def competency_add(request):
    form = TechnicalCompetencyAddForm(request.POST or None, agencies=administered_agencies(request.user))
    return form_page(
        request,
        form,
        save=lambda data: services.technical_competency_create(
            agency=data["agency"],
            code=data["code"],
            name=data["name"],
            definition=data["definition"],
            level_descriptions=form.level_descriptions,
        ),
        success=_("The technical competency was added with its five levels."),
        done=_list_url,
        template="appraisal/competencies/competency_form.html",
    )


@require_http_methods(["GET", "POST"])
@login_required
def competency_edit(request, pk):
    competency = competency_for_user(request.user, pk, write=True)
    if competency.is_national:
        raise Http404  # set nationally: only their level descriptions change
    form = TechnicalCompetencyForm(
        request.POST or None,
        agencies=administered_agencies(request.user),
        initial={"code": competency.code, "name": competency.name, "definition": competency.definition},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.technical_competency_update(competency=competency, **data),
        success=_("The technical competency was saved."),
        done=_list_url(competency),
        template="appraisal/competencies/competency_form.html",
        context={"competency": competency},
    )


@require_http_methods(["GET", "POST"])
@login_required
def competency_level_edit(request, pk):
    level = competency_level_for_user(request.user, pk, write=True)
    form = CompetencyLevelForm(
        request.POST or None, initial={"description": level.description, "indicators": level.indicators}
    )
    return form_page(
        request,
        form,
        save=lambda data: services.competency_level_update(level=level, **data),
        success=_("Level %(level)s of %(competency)s was saved.")
        % {"level": level.level, "competency": level.competency.name},
        done=_list_url(level.competency),
        template="appraisal/competencies/level_form.html",
        context={"level": level, "competency": level.competency},
    )


@require_GET
@login_required
def competency_standards(request, pk):
    agency = agency_for_user(request.user, pk)
    matrix = selectors.standards_matrix(agency)
    return render(
        request,
        "appraisal/competencies/standards.html",
        {"agency": agency, "matrix": matrix, "can_edit": roles_of(request.user).administers(agency.pk)},
    )


@require_POST
@login_required
def competency_standards_apply(request, pk):
    agency = agency_for_user(request.user, pk, write=True)
    counts = services.position_standards_apply_defaults(agency=agency)
    messages.success(
        request,
        _("Default standards applied: %(created)s added, %(kept)s already set and kept.") % counts,
    )
    if skipped := counts["positions_without_default"]:
        messages.warning(
            request,
            ngettext(
                "%(count)s position has no default level for its type; set its standards by hand.",
                "%(count)s positions have no default level for their type; set their standards by hand.",
                skipped,
            )
            % {"count": skipped},
        )
    return redirect(_standards_url(agency.pk))


@require_http_methods(["GET", "POST"])
@login_required
def position_standards_edit(request, pk):
    position = position_for_user(request.user, pk, write=True)
    competencies = selectors.competencies_for_agency(position.agency)
    default_level = selectors.default_standard_level(position)
    current = {
        standard.competency_id: standard.standard_level for standard in selectors.position_standards(position)
    }
    initial = {
        standard_field_name(competency): current.get(
            competency.pk, default_level if competency.is_national else None
        )
        for competency in competencies
    }
    form = PositionStandardsForm(request.POST or None, competencies=competencies, initial=initial)
    unsaved_defaults = default_level is not None and any(
        competency.is_national and competency.pk not in current for competency in competencies
    )
    return form_page(
        request,
        form,
        save=lambda data: services.position_standards_update(position=position, levels=form.levels()),
        success=_("The standards of %(position)s were saved.") % {"position": position.name},
        done=_standards_url(position.agency_id),
        template="appraisal/competencies/position_standards_form.html",
        context={
            "position": position,
            "agency": position.agency,
            "default_level": default_level,
            "unsaved_defaults": unsaved_defaults,
        },
    )
