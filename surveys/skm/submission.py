"""A citizen's SKM answers: the write behind the public form, and the few rules that flag suspicious
answers instead of refusing them.

The layers against abuse, in the order a post meets them:

1. CSRF (Django's middleware) and a per-address limit on posts (HTTP 429, surveys.skm.abuse).
2. A honeypot field hidden from people. A filled honeypot is a bot: the view stores nothing and
   shows the thank-you page anyway, so the bot learns nothing from the answer.
3. The form nonce, signed on GET for one link and questionnaire version and at most
   SKM_FORM_MAX_AGE seconds old. Its random key goes into the unique SurveyResponse.nonce column,
   so a form is accepted once; a replay (also many at the same moment) is refused.
4. The flag rules below. A flagged response is stored with readable reasons and status FLAGGED and
   is left out of the IKM until HR accepts or rejects it; nothing about a flag is shown to the
   citizen.

Flag rules, kept few so that each one can be explained to HR and to the citizen it hits:

- filled in faster than SKM_MIN_FILL_SECONDS (3 s), measured from the moment the form was shown
  (the issue time signed into the nonce, not a value the browser sends): nobody reads nine questions
  that fast;
- more than SKM_REPEAT_LIMIT responses through the same link from the same address hash within an
  hour: one device stuffing the survey. The limit is a setting because a counter that offers free
  Wi-Fi sends all its citizens through one address.

Deliberately not suspicious: the same answer to every question with no suggestion (what most real
respondents do), an empty profile, or several answers from one mobile address below the limit.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from surveys.ikm import ANSWER_MAX, ANSWER_MIN
from surveys.models import (
    AgeBand,
    Education,
    Occupation,
    ReviewStatus,
    Sex,
    SuggestionStatus,
    SurveyLink,
    SurveyResponse,
    SurveyTemplate,
)
from surveys.skm.abuse import FormNonce, NonceExpired, NonceInvalid, nonce_read
from surveys.skm.public_reads import questionnaire_elements

#: The optional profile questions and the answers each allows ("" = not answered).
PROFILE_CHOICES = {
    "age_band": AgeBand,
    "sex": Sex,
    "education": Education,
    "occupation": Occupation,
}
REPEAT_WINDOW = timedelta(hours=1)
FLAG_REASONS_MAX = SurveyResponse._meta.get_field("flag_reasons").max_length

# ValidationError codes the public form answers with a page of its own.
CLOSED = "closed"
NONCE_INVALID = "nonce_invalid"
NONCE_EXPIRED = "nonce_expired"
QUESTIONNAIRE_CHANGED = "questionnaire_changed"
REPLAYED = "replayed"


def link_is_open(link: SurveyLink, today: date) -> bool:
    """The link takes answers: not paused, not past its last day, and its service still offered."""
    return link.is_open_on(today) and link.service.is_active


def nonce_check(nonce: str, *, token: str, template: SurveyTemplate) -> FormNonce:
    """The posted form nonce, if we issued it for this link and questionnaire no longer than
    SKM_FORM_MAX_AGE ago; else ValidationError with code NONCE_INVALID, NONCE_EXPIRED or
    QUESTIONNAIRE_CHANGED. Whether it was used already only the insert can tell."""
    try:
        form_nonce = nonce_read(nonce)
    except NonceExpired:
        raise ValidationError(
            _("The form was open for too long. Please check your answers and send them again."),
            code=NONCE_EXPIRED,
        ) from None
    except NonceInvalid:
        form_nonce = None
    if form_nonce is None or form_nonce.token != token:
        raise ValidationError(
            _("The form could not be checked. Please send your answers again."), code=NONCE_INVALID
        )
    if form_nonce.template_id != template.pk:
        raise _questionnaire_changed()
    return form_nonce


def _questionnaire_changed():
    return ValidationError(
        _("The questionnaire was updated while you were answering. Please check your answers."),
        code=QUESTIONNAIRE_CHANGED,
    )


def _checked_answers(template: SurveyTemplate, answers: dict) -> dict:
    """{element: value}: every element of the template answered exactly once with 1–4."""
    elements = {element.code: element for element in questionnaire_elements(template)}
    errors = []
    unknown = sorted(set(answers) - set(elements), key=str)
    if unknown:
        errors.append(
            _("These questions are not in the questionnaire: %(codes)s.")
            % {"codes": ", ".join(map(str, unknown))}
        )
    missing = [element for code, element in elements.items() if code not in answers]
    if missing:
        errors.append(
            _("Please answer every question; missing: %(names)s.")
            % {"names": ", ".join(element.name for element in missing)}
        )
    for code, value in answers.items():
        if code in elements and (
            isinstance(value, bool) or not isinstance(value, int) or not ANSWER_MIN <= value <= ANSWER_MAX
        ):
            errors.append(
                _("The answer to %(name)s must be one of the four choices.") % {"name": elements[code].name}
            )
    if errors:
        raise ValidationError(errors)
    return {elements[code]: value for code, value in answers.items()}


def _checked_profile(template: SurveyTemplate, profile: dict) -> dict:
    unknown = sorted(set(profile) - set(PROFILE_CHOICES))
    if unknown:
        raise ValidationError(_("Unknown profile questions: %(names)s.") % {"names": ", ".join(unknown)})
    checked = {}
    for name, choices in PROFILE_CHOICES.items():
        value = profile.get(name) or ""
        if value and (not template.ask_profile or value not in choices.values):
            raise ValidationError({name: _("Choose one of the answers offered, or none.")})
        checked[name] = value
    return checked


def _checked_suggestion(template: SurveyTemplate, suggestion: str) -> str:
    text = (suggestion or "").strip()
    if not text:
        return ""
    limit = settings.SKM_SUGGESTION_MAX_LENGTH
    if not template.ask_suggestion:
        raise ValidationError({"suggestion": _("This questionnaire does not ask for a suggestion.")})
    if len(text) > limit:
        raise ValidationError(
            {"suggestion": _("A suggestion has at most %(limit)d characters.") % {"limit": limit}}
        )
    if "\x00" in text:
        raise ValidationError({"suggestion": _("The suggestion contains characters that are not allowed.")})
    return text


def _reason_texts() -> tuple[str, str]:
    """The two flag reasons in the site's language; "{seconds}" and "{number}" are filled in by the
    insert, which is where the time and the number of earlier answers are known."""
    minimum, limit = settings.SKM_MIN_FILL_SECONDS, settings.SKM_REPEAT_LIMIT
    with translation.override(settings.LANGUAGE_CODE):
        rushed = _("Filled in in %(seconds)s s, faster than the minimum of %(minimum)d s.") % {
            "seconds": "{seconds}",
            "minimum": minimum,
        }
        repeated = _(
            "Response %(number)s within an hour from one address through this link (limit %(limit)d)."
        ) % {
            "number": "{number}",
            "limit": limit,
        }
    return rushed, repeated


# One statement, so one round trip and atomic without a transaction around it: find the link by its
# code if it takes answers today for this questionnaire (the rule of link_is_open and the current
# questionnaire, in SQL), count the earlier answers from the address through it in the last hour,
# insert the response flagged or not (nothing when the nonce was used: ON CONFLICT), and insert its
# answers. No row back: the link is closed, the questionnaire replaced, or the form was sent already.
_INSERT_SQL = """
WITH link AS (
    SELECT l.id, l.service_id, l.officer_id
    FROM surveys_surveylink l
    JOIN surveys_service s ON s.id = l.service_id AND s.is_active
    JOIN surveys_surveytemplate t ON t.id = %(template)s AND t.service_id = l.service_id AND t.is_current
    WHERE l.token = %(token)s AND NOT l.is_paused AND (l.ends_on IS NULL OR l.ends_on >= %(today)s)
), earlier AS (
    SELECT count(*) AS n FROM surveys_surveyresponse r JOIN link ON r.link_id = link.id
    WHERE r.ip_hash = %(ip_hash)s AND %(ip_hash)s <> '' AND r.submitted_at >= %(since)s
), flags AS (
    SELECT %(rushed)s AS rushed, earlier.n >= %(limit)s AS repeated, earlier.n FROM earlier
), response AS (
    INSERT INTO surveys_surveyresponse (
        template_id, link_id, service_id, officer_id, submitted_at, nonce, ip_hash, fill_seconds,
        review_status, flag_reasons, age_band, sex, education, occupation, suggestion,
        suggestion_status, hr_response, personal_data_purged
    )
    SELECT
        %(template)s, link.id, link.service_id, link.officer_id, %(now)s, %(nonce)s, %(ip_hash)s,
        %(fill_seconds)s,
        CASE WHEN rushed OR repeated THEN %(flagged)s ELSE %(clean)s END,
        left(concat_ws(' ',
            CASE WHEN rushed THEN replace(%(rushed_text)s, '{seconds}', %(fill_seconds)s::text) END,
            CASE WHEN repeated THEN replace(%(repeated_text)s, '{number}', (n + 1)::text) END
        ), %(reasons_max)s),
        %(age_band)s, %(sex)s, %(education)s, %(occupation)s, %(suggestion)s,
        %(suggestion_status)s, '', false
    FROM link CROSS JOIN flags
    ON CONFLICT (nonce) DO NOTHING
    RETURNING id, link_id, service_id, officer_id, review_status, flag_reasons
), answers AS (
    INSERT INTO surveys_surveyanswer (response_id, element_id, value)
    SELECT response.id, given.element_id, given.value
    FROM response
    CROSS JOIN unnest(%(elements)s::bigint[], %(values)s::smallint[]) AS given(element_id, value)
)
SELECT id, link_id, service_id, officer_id, review_status, flag_reasons FROM response
"""


def _refusal(token: str, template: SurveyTemplate, today: date) -> ValidationError:
    """Why the insert stored nothing: the link is closed (or gone), the questionnaire is no longer
    the one in use, or else the nonce was used already."""
    link = SurveyLink.objects.select_related("service").filter(token=token).first()
    if link is None or not link_is_open(link, today):
        return ValidationError(_("This survey is closed."), code=CLOSED)
    in_use = SurveyTemplate.objects.filter(pk=template.pk, service_id=link.service_id, is_current=True)
    if not in_use.exists():
        return _questionnaire_changed()
    return ValidationError(_("These answers were already sent. Thank you!"), code=REPLAYED)


def response_submit(
    *,
    token: str,
    template: SurveyTemplate,
    answers: dict,
    profile: dict,
    suggestion: str,
    nonce: str,
    fill_seconds: int,
    ip_hash: str,
    today: date,
) -> SurveyResponse:
    """Stores one citizen's answers through the public link with code `token`: the response and its
    answers in one statement, which also checks that the link takes answers today and that
    `template` is its service's questionnaire in use, so the link itself need not be read first.

    answers: {element code: 1–4}, one for every element of the template, the officer's elements
    (U6/U7) included: through a link that names an officer they rate that officer and the response
    is attributed to them (`officer`); through a link without one they rate the service's officers
    as a whole, as the standard nine elements always do. profile: age_band, sex, education,
    occupation, each a value of its choices or empty. nonce: the signed form nonce as posted; it must
    have been issued for this link and questionnaire. ip_hash: the keyed hash of the client's
    address (never the address).

    Raises ValidationError for a closed link, a nonce that is invalid, expired, for another
    questionnaire or already used (codes CLOSED, NONCE_INVALID, NONCE_EXPIRED,
    QUESTIONNAIRE_CHANGED, REPLAYED), and for bad answers; nothing is stored then. A filled honeypot
    never reaches this function (see the module docstring)."""
    form_nonce = nonce_check(nonce, token=token, template=template)
    values = _checked_answers(template, answers)
    checked_profile = _checked_profile(template, profile)
    text = _checked_suggestion(template, suggestion)

    now = timezone.now()
    fill_seconds = max(0, int(fill_seconds))
    rushed_text, repeated_text = _reason_texts()
    params = {
        "token": token,
        "today": today,
        "template": template.pk,
        "now": now,
        "since": now - REPEAT_WINDOW,
        "nonce": form_nonce.key,
        "ip_hash": ip_hash,
        "fill_seconds": fill_seconds,
        "rushed": fill_seconds < settings.SKM_MIN_FILL_SECONDS,
        "limit": settings.SKM_REPEAT_LIMIT,
        "flagged": ReviewStatus.FLAGGED.value,
        "clean": ReviewStatus.CLEAN.value,
        "rushed_text": rushed_text,
        "repeated_text": repeated_text,
        "reasons_max": FLAG_REASONS_MAX,
        "suggestion": text,
        "suggestion_status": (SuggestionStatus.NEW if text else SuggestionStatus.NONE).value,
        "elements": [element.pk for element in values],
        "values": list(values.values()),
        **checked_profile,
    }
    with connection.cursor() as cursor:
        cursor.execute(_INSERT_SQL, params)
        row = cursor.fetchone()
    if row is None:
        raise _refusal(token, template, today)
    response_id, link_id, service_id, officer_id, status, reasons = row
    response = SurveyResponse(
        pk=response_id,
        template=template,
        link_id=link_id,
        service_id=service_id,
        officer_id=officer_id,
        submitted_at=now,
        nonce=form_nonce.key,
        ip_hash=ip_hash,
        fill_seconds=fill_seconds,
        review_status=status,
        flag_reasons=reasons,
        suggestion=text,
        suggestion_status=params["suggestion_status"],
        **checked_profile,
    )
    response._state.adding = False
    return response
