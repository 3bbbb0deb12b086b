"""Role table rows for the performance-year and holiday screens."""

from datetime import date

from accounts.tests.roles import AGENCY_OBJECT_EDIT, HR_ONLY, LOGIN, ROLES
from appraisal.models import Holiday
from appraisal.tests import factories


def _year(org):
    return {"pk": factories.performance_year(org.agency).pk}


def _period(org):
    return {"pk": factories.performance_year(org.agency).periods.first().pk}


def _goal(org):
    return {"pk": factories.goal(factories.performance_year(org.agency)).pk}


def _agency_holiday(org):
    return {"pk": Holiday.objects.create(agency=org.agency, date=date(2026, 7, 3), name="HUT Kota Dumai").pk}


# Same-agency staff and supervisors may read the year; other agencies do not see it exists.
YEAR_READ = {
    "anonymous": LOGIN,
    "staff": 200,
    "supervisor": 200,
    "hr": 200,
    "other_hr": 404,
    "superadmin": 200,
    "outsider": 404,
}
# A successful removal redirects back to the holiday list.
HOLIDAY_REMOVE = {**AGENCY_OBJECT_EDIT, "hr": 302, "superadmin": 302}

TABLE = {
    "appraisal:year_list": (None, HR_ONLY, 405),
    "appraisal:year_open": (None, HR_ONLY, "same"),
    "appraisal:year_detail": (_year, YEAR_READ, 405),
    "appraisal:year_edit": (_year, AGENCY_OBJECT_EDIT, "same"),
    "appraisal:agency_goal_add": (_year, AGENCY_OBJECT_EDIT, "same"),
    "appraisal:agency_goal_edit": (_goal, AGENCY_OBJECT_EDIT, "same"),
    "appraisal:evaluation_period_edit": (_period, AGENCY_OBJECT_EDIT, "same"),
    "appraisal:holiday_list": (None, HR_ONLY, 405),
    "appraisal:holiday_add": (None, HR_ONLY, "same"),
    "appraisal:holiday_remove": (_agency_holiday, dict.fromkeys(ROLES, 405), HOLIDAY_REMOVE),
}
