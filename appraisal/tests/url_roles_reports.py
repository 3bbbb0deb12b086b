"""The daily-report screens in the URL × role table.

The report used belongs to staff A (rated by kabid A, the "supervisor" role) and is dated today,
so its author may still change it.
"""

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from accounts.tests.roles import LOGIN, ROLES
from appraisal.tests import factories

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def staff_a_report(org, *, evidence=False):
    """A report of staff A dated today, against their SKP of this year."""
    today = timezone.localdate()
    year = factories.performance_year(org.agency, year=today.year)
    rhk = factories.rhk(factories.skp(org.staff_a, year))
    report = factories.daily_report(org.staff_a, rhk, on=today, indicator_obj=factories.indicator(rhk))
    if evidence:
        report.evidence_file = default_storage.save(f"evidence/test/{uuid.uuid4().hex}.pdf", ContentFile(PDF))
        report.save(update_fields=["evidence_file"])
    return report


def _report(org):
    return {"pk": staff_a_report(org).pk}


def _report_with_evidence(org):
    return {"pk": staff_a_report(org, evidence=True).pk}


# Reading a report: its author, the chain above them, their agency's HR and the super admin.
REPORT_READ = {
    "anonymous": LOGIN,
    "staff": 200,
    "supervisor": 200,
    "hr": 200,
    "other_hr": 404,
    "superadmin": 200,
    "outsider": 404,
}
# Changing it: the author only; the other readers are refused, the rest do not see it exists.
REPORT_CHANGE = {**REPORT_READ, "supervisor": 403, "hr": 403, "superadmin": 403}
# Every staff member has their own page; accounts without a staff profile have none.
OWN_PAGE = {
    "anonymous": LOGIN,
    "staff": 200,
    "supervisor": 200,
    "hr": 403,
    "other_hr": 403,
    "superadmin": 403,
    "outsider": 200,
}
SUPERVISORS_ONLY = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 200,
    "hr": 403,
    "other_hr": 403,
    "superadmin": 403,
    "outsider": 403,
}
ALL_405 = dict.fromkeys(ROLES, 405)

TABLE = {
    "appraisal:report_list": (None, OWN_PAGE, "same"),
    "appraisal:report_team": (None, SUPERVISORS_ONLY, 405),
    # An empty review is shown again on the team page with its errors.
    "appraisal:report_review": (None, ALL_405, SUPERVISORS_ONLY),
    "appraisal:report_detail": (_report, REPORT_READ, 405),
    "appraisal:report_edit": (_report, REPORT_CHANGE, "same"),
    "appraisal:report_delete": (_report, ALL_405, {**REPORT_CHANGE, "staff": 302}),
    "appraisal:report_evidence": (_report_with_evidence, REPORT_READ, 405),
}
