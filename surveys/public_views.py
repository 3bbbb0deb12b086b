"""The public SKM form at /s/<code>/: no account, Bahasa Indonesia first, no JavaScript needed.

GET only reads (the form nonce is signed, not stored). POST: the per-address limit (429, the
answers kept on the page), the honeypot (a bot gets the thank-you page and nothing is stored), the
nonce, the form, then the write service; see surveys.skm.submission for the layers and flag rules.
Statuses: unknown code 404; a paused or ended link 410 (the page says the survey is closed);
too many posts 429; a form already sent 409.

Nearly every post is a citizen's complete answers, and those are stored without reading the link
first: the nonce names the link and questionnaire, and the write service's single statement checks
that the link takes answers. Anything else (a refusal, a mistake in the answers) goes the long way,
which reads the link to say on the page what is wrong.
"""

import logging
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from surveys.public_forms import SurveyForm, honeypot_filled, posted_values
from surveys.skm import abuse, submission
from surveys.skm.public_reads import (
    link_for_token,
    questionnaire_by_id,
    questionnaire_elements,
    questionnaire_in_use,
)

logger = logging.getLogger(__name__)


def _page(request, template_name, link=None, status=200, **context):
    if link is not None:
        context.update(link=link, service=link.service, agency=link.service.agency, officer=link.officer)
    return render(request, f"surveys/public/{template_name}", context, status=status)


def _form(link, template, **kwargs):
    return SurveyForm(
        template=template, elements=questionnaire_elements(template), officer=link.officer, **kwargs
    )


def _form_page(request, link, form, *, message="", status=200):
    return _page(request, "form.html", link, status=status, form=form, message=message)


def _fresh_form(request, link, template, *, message, keep_time=False, status=200):
    """The posted answers back on the page with a new nonce. keep_time: the citizen has already
    spent time on the form, so the new nonce does not make a quick re-send look rushed."""
    issued_at = time.time() - (settings.SKM_MIN_FILL_SECONDS if keep_time else 0)
    data = request.POST.copy()
    data["nonce"] = abuse.nonce_issue(token=link.token, template_id=template.pk, issued_at=issued_at)
    return _form_page(request, link, _form(link, template, data=data), message=message, status=status)


#: Refusals answered with the posted answers on a new form; True: keep the time already spent.
FRESH_FORM = {
    submission.NONCE_INVALID: False,
    submission.NONCE_EXPIRED: True,
    submission.QUESTIONNAIRE_CHANGED: True,
}


def _refusal(request, link, template, form, error):
    code = getattr(error, "code", None)
    if code == submission.REPLAYED:
        return _page(request, "already_sent.html", link, status=409)
    if code == submission.CLOSED:
        return _page(request, "closed.html", link, status=410)
    if code in FRESH_FORM:
        return _fresh_form(request, link, template, message=error.messages[0], keep_time=FRESH_FORM[code])
    form.add_error(None, error.messages)
    return _form_page(request, link, form)


def _stored_at_once(request, token) -> bool:
    """Stores a complete, well-formed post without reading the link; False (nothing stored) for
    anything else: a filled honeypot, a nonce that does not check out, answers the form must
    correct, or a refusal of the write service."""
    data = request.POST
    if honeypot_filled(data):
        return False
    try:
        form_nonce = abuse.nonce_read(data.get("nonce", ""))
    except (abuse.NonceInvalid, abuse.NonceExpired):
        return False
    questionnaire = questionnaire_by_id(form_nonce.template_id)
    if form_nonce.token != token or questionnaire is None:
        return False
    template, elements = questionnaire
    values = posted_values(data, template, elements)
    if values is None:
        return False
    try:
        submission.response_submit(
            token=token,
            template=template,
            **values,
            nonce=data["nonce"],
            fill_seconds=form_nonce.fill_seconds(),
            ip_hash=abuse.request_ip_hash(request),
            today=timezone.localdate(),
        )
    except ValidationError:
        return False
    return True


@never_cache
@require_http_methods(["GET", "POST"])
def survey_form(request, token):
    limited = request.method == "POST" and abuse.post_rate_exceeded(request)
    if request.method == "POST" and not limited and _stored_at_once(request, token):
        return redirect("skm:thanks", token=token)
    link = link_for_token(token)
    if link is None:
        return _page(request, "not_found.html", status=404)
    template = questionnaire_in_use(link)
    if template is None or not submission.link_is_open(link, timezone.localdate()):
        return _page(request, "closed.html", link, status=410)

    if request.method == "GET":
        nonce = abuse.nonce_issue(token=link.token, template_id=template.pk)
        return _form_page(request, link, _form(link, template, initial={"nonce": nonce}))

    form = _form(link, template, data=request.POST)
    if limited:
        return _form_page(
            request,
            link,
            form,
            message=_("Many answers came from your network just now. Please wait a minute and send again."),
            status=429,
        )
    if form.honeypot_filled:
        logger.info("SKM form: honeypot filled on link %s; nothing stored", link.pk)
        return redirect("skm:thanks", token=link.token)
    posted_nonce = request.POST.get("nonce", "")
    try:
        form_nonce = submission.nonce_check(posted_nonce, token=link.token, template=template)
        if not form.is_valid():
            return _form_page(request, link, form, message=_("Please answer every question marked below."))
        submission.response_submit(
            token=link.token,
            template=template,
            answers=form.answer_values(),
            profile=form.profile_values(),
            suggestion=form.suggestion_text(),
            nonce=posted_nonce,
            fill_seconds=form_nonce.fill_seconds(),
            ip_hash=abuse.request_ip_hash(request),
            today=timezone.localdate(),
        )
    except ValidationError as error:
        return _refusal(request, link, template, form, error)
    return redirect("skm:thanks", token=link.token)


@require_GET
def survey_thanks(request, token):
    link = link_for_token(token)
    if link is None:
        return _page(request, "not_found.html", status=404)
    return _page(request, "thanks.html", link)
