"""The service-level URLs in the URL × role table (see accounts/tests/test_url_roles.py)."""

from accounts.tests.roles import AGENCY_OBJECT_EDIT, HR_ONLY, LOGIN, SIGNED_IN
from surveys.tests import factories


def _service(org):
    return {"pk": factories.service(unit_obj=org.bidang_a).pk}


# Comparing officers: HR (their agency) and supervisors (their chain).
HR_AND_SUPERVISORS = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 200,
    "hr": 200,
    "other_hr": 200,
    "superadmin": 200,
    "outsider": 403,
}
# Staff A's record: themself, their supervisor, their agency's HR and the super admin.
STAFF_A_RECORD = {
    "anonymous": LOGIN,
    "staff": 200,
    "supervisor": 200,
    "hr": 200,
    "other_hr": 404,
    "superadmin": 200,
    "outsider": 404,
}

TABLE = {
    "surveys:service_list": (None, SIGNED_IN, 405),
    "surveys:service_create": (None, HR_ONLY, "same"),
    "surveys:service_edit": (_service, AGENCY_OBJECT_EDIT, "same"),
    "surveys:request_list": (None, HR_ONLY, 405),
    "surveys:request_create": (None, HR_ONLY, "same"),
    "surveys:request_import": (None, HR_ONLY, "same"),
    "surveys:request_import_template": (lambda org: {"fmt": "xlsx"}, HR_ONLY, 405),
    "surveys:officer_figures": (None, HR_AND_SUPERVISORS, 405),
    "surveys:officer_figures_csv": (None, HR_AND_SUPERVISORS, 405),
    "surveys:my_record": (None, SIGNED_IN, 405),
    "surveys:officer_record": (lambda org: {"pk": org.staff_a.pk}, STAFF_A_RECORD, 405),
}
