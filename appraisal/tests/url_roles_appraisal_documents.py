"""The evaluation document URLs × roles. Staff A's appraisal (the "staff" role) is rated and submitted
by kabid A (the "supervisor" role) and waits for the head's approval: it is not final, so staff A may
not open its document yet, while the rater, HR and the super admin may."""

from accounts.tests.roles import LOGIN, ROLES
from appraisal.tests import factories


def _submitted(org):
    return {"pk": factories.final_appraisal(org, approve=False).pk}


# Readers of a document that is not final yet: the owner waits for the approval (403).
NOT_FINAL = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 200,
    "hr": 200,
    "other_hr": 404,
    "superadmin": 200,
    "outsider": 404,
}

TABLE = {
    "appraisal:appraisal_document": (_submitted, NOT_FINAL, dict.fromkeys(ROLES, 405)),
    "appraisal:appraisal_pdf": (_submitted, NOT_FINAL, dict.fromkeys(ROLES, 405)),
}
