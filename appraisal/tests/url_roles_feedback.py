"""Role table rows for continuous feedback, mentoring and the development catalogue."""

from accounts.tests.roles import AGENCY_OBJECT_EDIT, HR_ONLY, LOGIN, ROLES, SIGNED_IN
from appraisal.models import DevelopmentKind
from appraisal.services import feedback as services


def _staff_b(org):
    return {"pk": org.staff_b.pk}


def _note_about_a2(org):
    note = services.feedback_note_create(
        author=org.kabid_a, subject=org.staff_a2, kind="praise", text="Pelayanan loket cepat dan ramah."
    )
    return {"pk": note.pk}


def _mentorship(org):
    mentorship = services.mentorship_create(
        mentor=org.staff_a,
        mentee=org.staff_a2,
        goal="Menguasai verifikasi berkas KTP-el.",
        started_on=org.acting.starts_on,
        by=org.kabid_a.user,
    )
    return {"pk": mentorship.pk}


def _activity(org):
    activity = services.development_activity_create(
        agency=org.agency, title="Pelatihan pelayanan prima", kind=DevelopmentKind.TRAINING
    )
    return {"pk": activity.pk}


# The staff member's own agency and the chain above them see the page; a peer (staff) may write.
FEEDBACK_PAGE = {
    "anonymous": LOGIN,
    "staff": 200,  # a colleague of the same agency
    "supervisor": 200,  # Plt for staff B's retired head
    "hr": 200,
    "other_hr": 404,
    "superadmin": 200,
    "outsider": 404,
}
# HR and the super admin read the notes; only colleagues and the chain write them.
FEEDBACK_PAGE_POST = {**FEEDBACK_PAGE, "hr": 403, "superadmin": 403}
# Staff A is a colleague of the subject but neither author nor in the chain: the note is not there.
NOTE_READ = {**FEEDBACK_PAGE, "staff": 404}
CHOOSE_COLLEAGUE = {
    **dict.fromkeys(ROLES, 403),
    "anonymous": LOGIN,
    "staff": 200,
    "supervisor": 200,
    "outsider": 200,
}
# HR and supervisors pair mentors.
PAIR = {**HR_ONLY, "supervisor": 200}
# Staff A mentors staff A2, whom kabid A supervises.
MENTORSHIP_READ = {**FEEDBACK_PAGE}
MENTORSHIP_END = {**FEEDBACK_PAGE, "staff": 403, "supervisor": 302, "hr": 302, "superadmin": 302}
SESSION_LOG = {**FEEDBACK_PAGE, "supervisor": 403, "hr": 403, "superadmin": 403}

TABLE = {
    "appraisal:feedback_mine": (None, SIGNED_IN, 405),
    "appraisal:feedback_give": (None, CHOOSE_COLLEAGUE, 405),
    "appraisal:feedback_staff": (_staff_b, FEEDBACK_PAGE, FEEDBACK_PAGE_POST),
    "appraisal:feedback_detail": (_note_about_a2, NOTE_READ, 405),
    "appraisal:mentoring_list": (None, SIGNED_IN, 405),
    "appraisal:mentoring_add": (None, PAIR, "same"),
    "appraisal:mentoring_detail": (_mentorship, MENTORSHIP_READ, 405),
    "appraisal:mentoring_end": (_mentorship, dict.fromkeys(ROLES, 405), MENTORSHIP_END),
    "appraisal:mentoring_session_add": (_mentorship, SESSION_LOG, "same"),
    "appraisal:development_list": (None, HR_ONLY, 405),
    "appraisal:development_add": (None, HR_ONLY, "same"),
    "appraisal:development_edit": (_activity, AGENCY_OBJECT_EDIT, "same"),
}
