"""The SKM setup URLs in the URL × role table (see accounts/tests/test_url_roles.py)."""

from accounts.tests.roles import AGENCY_OBJECT_EDIT, ROLES
from surveys.skm.questionnaires import link_create
from surveys.tests import factories


def _service(org):
    return {"pk": factories.service(unit_obj=org.bidang_a).pk}


def _link(org):
    service = factories.service(unit_obj=org.bidang_a)
    return {"pk": link_create(service=service, by=org.hr, counter="Loket 1").pk}


# HR of the service's agency and the super admin act; a saved form or an action redirects.
HR_ACTS = {**AGENCY_OBJECT_EDIT, "hr": 302, "superadmin": 302}
POST_ONLY = dict.fromkeys(ROLES, 405)

TABLE = {
    "surveys:skm_survey": (_service, AGENCY_OBJECT_EDIT, 405),
    "surveys:skm_survey_edit": (_service, AGENCY_OBJECT_EDIT, "same"),
    "surveys:skm_link_create": (_service, AGENCY_OBJECT_EDIT, HR_ACTS),
    "surveys:skm_link_pause": (_link, POST_ONLY, HR_ACTS),
    "surveys:skm_link_resume": (_link, POST_ONLY, HR_ACTS),
    "surveys:skm_link_end": (_link, AGENCY_OBJECT_EDIT, HR_ACTS),
    "surveys:skm_link_qr_svg": (_link, AGENCY_OBJECT_EDIT, 405),
    "surveys:skm_link_qr_png": (_link, AGENCY_OBJECT_EDIT, 405),
    "surveys:skm_link_poster": (_link, AGENCY_OBJECT_EDIT, 405),
}
