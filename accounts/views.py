from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access, selectors, services
from accounts.form_pages import agency_form_page, form_page
from accounts.forms import (
    ActingAssignmentForm,
    PositionForm,
    SignInForm,
    StaffFilterForm,
    StaffForm,
    UnitForm,
)
from accounts.models import ActingAssignment, Position, Unit


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@require_GET
@login_required
def home(request):
    roles = access.roles_of(request.user)
    context = {"staff": roles.staff}
    if roles.staff and roles.is_supervisor:
        context["team_count"] = selectors.subordinates_of(roles.staff).active().count()
    if roles.administers_any:
        context["agencies"] = access.administered_agencies(request.user).annotate(
            staff_count=Count("staff", filter=Q(staff__status="active"))
        )
    return render(request, "accounts/home.html", context)


@require_GET
@login_required
def profile(request):
    staff = access.roles_of(request.user).staff
    if staff is None:
        return render(request, "accounts/profile_none.html")
    return _render_staff(request, staff, template="accounts/profile.html")


def _render_staff(request, staff, *, template):
    return render(
        request,
        template,
        {
            "staff": staff,
            "chain": selectors.supervisor_chain(staff),
            "subordinates": staff.subordinates.select_related("position").order_by("name"),
            "acting": selectors.current_acting_assignments(staff),
            "can_edit": access.roles_of(request.user).administers(staff.agency_id),
        },
    )


@require_GET
@login_required
def staff_list(request):
    form = StaffFilterForm(request.GET or None)
    rows = access.visible_staff(request.user).select_related("unit", "position", "rank", "agency")
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            rows = rows.filter(Q(name__icontains=query) | Q(nip__startswith=query))
        if status := form.cleaned_data["status"]:
            rows = rows.filter(status=status)
    page = Paginator(rows.order_by("name", "pk"), 50).get_page(request.GET.get("page"))
    return render(request, "accounts/staff_list.html", {"form": form, "page": page})


@require_GET
@login_required
def staff_detail(request, pk):
    staff = access.staff_for_user(request.user, pk)
    return _render_staff(request, staff, template="accounts/staff_detail.html")


def _staff_initial(staff):
    return {
        "agency": staff.agency,
        "asn_kind": staff.asn_kind,
        "nip": staff.nip,
        "front_title": staff.front_title,
        "name": staff.name,
        "back_title": staff.back_title,
        "email": staff.user.email,
        "phone": staff.phone,
        "rank": staff.rank,
        "unit": staff.unit,
        "position": staff.position,
        "supervisor": staff.supervisor,
        "status": staff.status,
    }


def _staff_fields(data):
    return {k: v for k, v in data.items() if k not in ("agency", "email")}


@require_http_methods(["GET", "POST"])
@login_required
@access.hr_required
def staff_create(request):
    form = StaffForm(request.POST or None, agencies=access.administered_agencies(request.user))
    return form_page(
        request,
        form,
        save=lambda data: services.staff_create(
            agency=data["agency"], email=data["email"], **_staff_fields(data)
        ),
        success=lambda staff: _("Staff member %(name)s was added.") % {"name": staff.full_name},
        done=lambda staff: reverse("accounts:staff_detail", args=[staff.pk]),
        template="accounts/staff_form.html",
    )


@require_http_methods(["GET", "POST"])
@login_required
def staff_edit(request, pk):
    staff = access.staff_for_user(request.user, pk, write=True)
    agencies = access.administered_agencies(request.user).filter(pk=staff.agency_id)
    form = StaffForm(request.POST or None, agencies=agencies, initial=_staff_initial(staff))
    form.fields["supervisor"].queryset = form.fields["supervisor"].queryset.exclude(pk=staff.pk)
    return form_page(
        request,
        form,
        save=lambda data: services.staff_update(staff=staff, email=data["email"], **_staff_fields(data)),
        success=_("The profile was saved."),
        done=reverse("accounts:staff_detail", args=[staff.pk]),
        template="accounts/staff_form.html",
        context={"staff": staff},
    )


@require_GET
@login_required
def unit_list(request):
    roles = access.roles_of(request.user)
    agencies = access.administered_agencies(request.user)
    if not agencies.exists():
        if roles.staff is None:
            raise PermissionDenied
        agencies = [roles.staff.agency]
    units = (
        Unit.objects.filter(agency__in=agencies)
        .select_related("agency")
        .annotate(staff_count=Count("staff", filter=Q(staff__status="active")))
        .order_by("agency__name", "code")
    )
    return render(
        request,
        "accounts/unit_list.html",
        {"tree": selectors.unit_tree(units), "can_edit": roles.administers_any},
    )


@require_http_methods(["GET", "POST"])
@login_required
@access.hr_required
def unit_create(request):
    return agency_form_page(
        request,
        form_class=UnitForm,
        template="accounts/unit_form.html",
        save=lambda data: services.unit_create(**data),
        success=_("The unit was saved."),
        done="accounts:unit_list",
    )


@require_http_methods(["GET", "POST"])
@login_required
def unit_edit(request, pk):
    unit = access.unit_for_user(request.user, pk, write=True)
    initial = {"agency": unit.agency, "code": unit.code, "name": unit.name, "parent": unit.parent}
    return agency_form_page(
        request,
        form_class=UnitForm,
        template="accounts/unit_form.html",
        agencies=access.administered_agencies(request.user).filter(pk=unit.agency_id),
        initial=initial,
        obj=unit,
        save=lambda data: services.unit_update(
            unit=unit, code=data["code"], name=data["name"], parent=data["parent"]
        ),
        success=_("The unit was saved."),
        done="accounts:unit_list",
    )


@require_GET
@login_required
@access.hr_required
def position_list(request):
    positions = (
        Position.objects.filter(agency__in=access.administered_agencies(request.user))
        .select_related("agency")
        .annotate(staff_count=Count("staff", filter=Q(staff__status="active")))
        .order_by("agency__name", "position_type", "name")
    )
    return render(request, "accounts/position_list.html", {"positions": positions})


@require_http_methods(["GET", "POST"])
@login_required
@access.hr_required
def position_create(request):
    return agency_form_page(
        request,
        form_class=PositionForm,
        template="accounts/position_form.html",
        save=lambda data: services.position_create(**data),
        success=_("The position was saved."),
        done="accounts:position_list",
    )


@require_http_methods(["GET", "POST"])
@login_required
def position_edit(request, pk):
    position = access.position_for_user(request.user, pk, write=True)
    initial = {
        "agency": position.agency,
        "name": position.name,
        "position_type": position.position_type,
        "level": position.level,
    }
    return agency_form_page(
        request,
        form_class=PositionForm,
        template="accounts/position_form.html",
        agencies=access.administered_agencies(request.user).filter(pk=position.agency_id),
        initial=initial,
        obj=position,
        save=lambda data: services.position_update(
            position=position,
            name=data["name"],
            position_type=data["position_type"],
            level=data["level"],
        ),
        success=_("The position was saved."),
        done="accounts:position_list",
    )


@require_GET
@login_required
@access.hr_required
def acting_list(request):
    assignments = (
        ActingAssignment.objects.filter(acting__agency__in=access.administered_agencies(request.user))
        .select_related("acting__position", "replaces__position")
        .order_by("-starts_on", "pk")
    )
    return render(request, "accounts/acting_list.html", {"assignments": assignments})


@require_http_methods(["GET", "POST"])
@login_required
@access.hr_required
def acting_create(request):
    return agency_form_page(
        request,
        form_class=ActingAssignmentForm,
        template="accounts/acting_form.html",
        save=lambda data: services.acting_assignment_create(**data),
        success=_("The acting assignment was saved."),
        done="accounts:acting_list",
    )


@require_http_methods(["GET", "POST"])
@login_required
def acting_edit(request, pk):
    assignment = access.acting_assignment_for_user(request.user, pk, write=True)
    fields = ("acting", "replaces", "kind", "starts_on", "ends_on", "decree_number")
    return agency_form_page(
        request,
        form_class=ActingAssignmentForm,
        template="accounts/acting_form.html",
        agencies=access.administered_agencies(request.user).filter(pk=assignment.acting.agency_id),
        initial={name: getattr(assignment, name) for name in fields},
        obj=assignment,
        save=lambda data: services.acting_assignment_update(assignment=assignment, **data),
        success=_("The acting assignment was saved."),
        done="accounts:acting_list",
    )
