"""Role table rows for the competency framework and the position standards screens."""

from accounts.tests.roles import AGENCY_OBJECT_EDIT, HR_ONLY, LOGIN, ROLES, SIGNED_IN
from appraisal.models import CompetencyLevel
from appraisal.services.competencies import technical_competency_create


def _technical(org):
    competency = technical_competency_create(
        agency=org.agency,
        code="T.01",
        name="Pengelolaan Data Kependudukan",
        definition="Mengelola data kependudukan secara akurat dan aman.",
        level_descriptions=[f"Deskripsi level {number}" for number in range(1, 6)],
    )
    return {"pk": competency.pk}


def _national_level(org):
    return {"pk": CompetencyLevel.objects.get(competency__agency=None, competency__code="M.1", level=1).pk}


def _agency(org):
    return {"pk": org.agency.pk}


def _position(org):
    return {"pk": org.staff_a.position_id}


# Members of the agency read its standards; other agencies do not see it exists.
AGENCY_READ = {
    "anonymous": LOGIN,
    "staff": 200,
    "supervisor": 200,
    "hr": 200,
    "other_hr": 404,
    "superadmin": 200,
    "outsider": 404,
}
# National competencies: everyone signed in reads them; only the super admin changes them.
NATIONAL_EDIT = {**dict.fromkeys(ROLES, 403), "anonymous": LOGIN, "superadmin": 200}
# Applying the defaults redirects back to the standards page.
APPLY_DEFAULTS = {**AGENCY_OBJECT_EDIT, "hr": 302, "superadmin": 302}

TABLE = {
    "appraisal:competency_list": (None, SIGNED_IN, 405),
    "appraisal:competency_add": (None, HR_ONLY, "same"),
    "appraisal:competency_edit": (_technical, AGENCY_OBJECT_EDIT, "same"),
    "appraisal:competency_level_edit": (_national_level, NATIONAL_EDIT, "same"),
    "appraisal:competency_standards": (_agency, AGENCY_READ, 405),
    "appraisal:competency_standards_apply": (_agency, dict.fromkeys(ROLES, 405), APPLY_DEFAULTS),
    "appraisal:position_standards_edit": (_position, AGENCY_OBJECT_EDIT, "same"),
}
