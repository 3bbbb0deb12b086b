"""The SKM setup screens of HR: a service's questionnaire and its versions, publishing a new version,
the public links with their QR codes and printable posters. Only the HR of the service's agency and
the super admin use them: colleagues in the agency get 403, everyone else 404."""

import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.form_pages import apply_validation_error, form_page
from surveys import access
from surveys.skm import questionnaires, setup_selectors
from surveys.skm.setup_forms import LinkEndForm, LinkForm, QuestionnaireEditor

QR_CACHE_SECONDS = 24 * 60 * 60
QR_PNG_SCALE = 12  # pixels per module: a version-3 code is 444 px wide with its quiet zone
QR_SVG_SCALE = 10


def _survey_url(service_id):
    return reverse("surveys:skm_survey", args=[service_id])


def public_url(request, link):
    """The absolute address citizens open: /s/<token>/ on this site."""
    return request.build_absolute_uri(f"/s/{link.token}/")


# The questionnaire --------------------------------------------------------------------------


@require_GET
@login_required
def survey_detail(request, pk):
    service = access.survey_service_for_user(request.user, pk, write=True)
    versions = setup_selectors.questionnaire_versions(service)
    current = next((version for version in versions if version.is_current), None)
    today = timezone.localdate()
    links = setup_selectors.service_links(service)
    for link in links:
        link.public_url = public_url(request, link)
        link.is_open = link.is_open_on(today)
        link.has_ended = link.ends_on is not None and link.ends_on < today
    context = {
        "service": service,
        "current": current,
        "elements": setup_selectors.current_elements(current),
        "older": [version for version in versions if not version.is_current],
        "links": links,
    }
    return render(request, "surveys/skm/survey_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def survey_edit(request, pk):
    service = access.survey_service_for_user(request.user, pk, write=True)
    current = questionnaires.current_questionnaire(service)
    elements = current.elements.order_by("order") if current else ()
    editor = QuestionnaireEditor(request.POST or None, template=current, elements=elements)
    if request.method == "POST" and editor.is_valid():
        try:
            template = questionnaires.questionnaire_publish(
                service=service,
                by=request.user,
                elements=editor.elements(),
                ask_profile=editor.form.cleaned_data["ask_profile"],
                ask_suggestion=editor.form.cleaned_data["ask_suggestion"],
            )
        except ValidationError as error:
            apply_validation_error(editor.form, error)
        else:
            messages.success(
                request,
                _("Version %(version)d of the questionnaire is now in use.") % {"version": template.version},
            )
            return redirect(_survey_url(service.pk))
    context = {
        "service": service,
        "current": current,
        "form": editor.form,
        "formset": editor.extras,
        "equal_percent": setup_selectors.default_element_rows()[0].percent,
    }
    return render(request, "surveys/skm/questionnaire_form.html", context)


# Links --------------------------------------------------------------------------------------


def _posted(request):
    """The posted data of a form whose fields may all be empty: bound on every POST."""
    return request.POST if request.method == "POST" else None


@require_http_methods(["GET", "POST"])
@login_required
def link_create(request, pk):
    service = access.survey_service_for_user(request.user, pk, write=True)
    form = LinkForm(_posted(request), service=service)
    return form_page(
        request,
        form,
        save=lambda data: questionnaires.link_create(service=service, by=request.user, **data),
        success=_("The link was made. Print its poster for the counter."),
        done=_survey_url(service.pk),
        template="surveys/skm/link_form.html",
        context={"service": service},
    )


def _link_action(request, pk, action, success):
    link = access.survey_link_for_user(request.user, pk, write=True)
    try:
        action(link=link, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(_survey_url(link.service_id))


@require_POST
@login_required
def link_pause(request, pk):
    return _link_action(
        request, pk, questionnaires.link_pause, _("The link is paused: it takes no answers until resumed.")
    )


@require_POST
@login_required
def link_resume(request, pk):
    return _link_action(request, pk, questionnaires.link_resume, _("The link takes answers again."))


@require_http_methods(["GET", "POST"])
@login_required
def link_end(request, pk):
    link = access.survey_link_for_user(request.user, pk, write=True)
    form = LinkEndForm(_posted(request), initial={"ends_on": link.ends_on})
    return form_page(
        request,
        form,
        save=lambda data: questionnaires.link_set_end(link=link, by=request.user, ends_on=data["ends_on"]),
        success=_("The end date was saved."),
        done=_survey_url(link.service_id),
        template="surveys/skm/link_end_form.html",
        context={"link": link, "service": link.service},
    )


# QR codes and the poster --------------------------------------------------------------------


def _qr_file(request, link, *, kind, content_type, **options):
    qr = segno.make(public_url(request, link), error="m", micro=False)
    out = io.BytesIO()
    qr.save(out, kind=kind, border=4, dark="#000", light="#fff", **options)
    body = out.getvalue()
    if kind == "svg":
        # A viewBox lets the image scale to any size; width and height give it a size of its own.
        size = qr.symbol_size(scale=QR_SVG_SCALE)[0]
        body = body.replace(b"<svg ", f'<svg width="{size}" height="{size}" '.encode(), 1)
    name = "-".join(part for part in ("skm", slugify(link.service.code), f"link{link.pk}") if part)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    patch_cache_control(response, private=True, max_age=QR_CACHE_SECONDS)
    return response


@require_GET
@login_required
def link_qr_svg(request, pk):
    link = access.survey_link_for_user(request.user, pk, write=True)
    return _qr_file(
        request,
        link,
        kind="svg",
        content_type="image/svg+xml",
        scale=QR_SVG_SCALE,
        omitsize=True,
        xmldecl=True,
        title=_("Survey: %(service)s") % {"service": link.service.name},
    )


@require_GET
@login_required
def link_qr_png(request, pk):
    link = access.survey_link_for_user(request.user, pk, write=True)
    return _qr_file(request, link, kind="png", content_type="image/png", scale=QR_PNG_SCALE)


@require_GET
@login_required
def link_poster(request, pk):
    link = access.survey_link_for_user(request.user, pk, write=True)
    context = {
        "link": link,
        "service": link.service,
        "agency": link.service.agency,
        "public_url": public_url(request, link),
        "is_open": link.is_open_on(timezone.localdate()),
    }
    return render(request, "surveys/skm/link_poster.html", context)
