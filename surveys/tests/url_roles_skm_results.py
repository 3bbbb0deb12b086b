"""The SKM result URLs in the URL × role table (see accounts/tests/test_url_roles.py).

The results of a service in bidang A: its agency's HR, the super admin and the supervisors of the unit
(kabid A) read them; other staff of the agency get 403, other agencies 404. HR alone acts on the
responses (people served, suggestions, reviews, raw answers)."""

from accounts.tests.roles import AGENCY_OBJECT_EDIT, HR_ONLY, LOGIN, ROLES
from surveys.models import ReviewStatus
from surveys.tests import factories
from surveys.tests import skm_results_factories as skm


def _service(org):
    service = factories.service(unit_obj=org.bidang_a)
    skm.questionnaire(service)
    return {"pk": service.pk}


def _response(status):
    def make(org):
        service = factories.service(unit_obj=org.bidang_a)
        template = skm.questionnaire(service)
        response = skm.respond(template, [3] * 9, status=status, suggestion="Antrean terlalu panjang.")
        return {"pk": response.pk}

    return make


SERVICE_READERS = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 200,
    "hr": 200,
    "other_hr": 404,
    "superadmin": 200,
    "outsider": 404,
}
READERS_BY_ROLE = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 200,
    "hr": 200,
    "other_hr": 200,
    "superadmin": 200,
    "outsider": 403,
}
# A POST that HR makes on an object of agency A; a POST without data comes back with a message.
HR_POST = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 403,
    "hr": 302,
    "other_hr": 404,
    "superadmin": 302,
    "outsider": 404,
}
POST_ONLY = dict.fromkeys(ROLES, 405)

TABLE = {
    "surveys:skm_overview": (None, READERS_BY_ROLE, 405),
    "surveys:skm_results": (_service, SERVICE_READERS, 405),
    "surveys:skm_results_xlsx": (_service, SERVICE_READERS, 405),
    "surveys:skm_answers_csv": (_service, AGENCY_OBJECT_EDIT, 405),
    "surveys:skm_served": (_service, POST_ONLY, HR_POST),
    "surveys:skm_suggestions": (None, READERS_BY_ROLE, 405),
    "surveys:skm_suggestion_update": (_response(ReviewStatus.CLEAN), POST_ONLY, HR_POST),
    "surveys:skm_review": (None, HR_ONLY, 405),
    "surveys:skm_review_decide": (_response(ReviewStatus.FLAGGED), POST_ONLY, HR_POST),
}
