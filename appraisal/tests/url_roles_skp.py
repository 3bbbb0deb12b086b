"""The SKP URLs × roles. The plan belongs to staff A (the "staff" role), whose rater is kabid A (the
"supervisor" role); it is a draft with one result and one indicator."""

from accounts.tests.roles import LOGIN, ROLES, SIGNED_IN
from appraisal.tests import factories


def _year(org):
    return factories.performance_year(org.agency, with_periods=False)


def _plan(org):
    year = _year(org)
    boss_rhk = factories.rhk(factories.skp(org.kabid_a, year))
    skp = factories.skp(org.staff_a, year)
    rhk = factories.rhk(skp, supports=boss_rhk)
    indicator = factories.indicator(rhk)
    return skp, rhk, indicator


def _open_year(org):
    _year(org)
    return {}


def _skp(org):
    return {"pk": _plan(org)[0].pk}


def _rhk(org):
    skp, rhk, _ = _plan(org)
    return {"pk": skp.pk, "rhk_pk": rhk.pk}


def _indicator(org):
    skp, _, indicator = _plan(org)
    return {"pk": skp.pk, "indicator_pk": indicator.pk}


def _statuses(anonymous=LOGIN, **roles):
    base = {"staff": 403, "supervisor": 403, "hr": 403, "other_hr": 404, "superadmin": 403, "outsider": 404}
    return {"anonymous": anonymous, **base, **roles}


POST_ONLY = dict.fromkeys(ROLES, 405)
# Readers of staff A's plan: themself, their chain, their agency's HR, the super admin.
READ = _statuses(staff=200, supervisor=200, hr=200, superadmin=200)
# Changes by the owner only; the others who see the plan get 403.
OWNER = _statuses(staff=200)
OWNER_STEP = _statuses(staff=302)
# Review rights of the rater only.
RATER = _statuses(supervisor=200)
RATER_STEP = _statuses(supervisor=302)

TABLE = {
    "appraisal:skp_mine": (
        _open_year,
        SIGNED_IN,
        # Staff without a plan get the start form back (nothing chosen); accounts without a staff
        # profile cannot start one; the outsider's agency has no open year.
        {**SIGNED_IN, "hr": 403, "other_hr": 403, "superadmin": 403, "outsider": 302},
    ),
    "appraisal:skp_inbox": (None, SIGNED_IN, 405),
    "appraisal:skp_detail": (_skp, READ, 405),
    "appraisal:skp_history": (_skp, READ, 405),
    "appraisal:skp_rhk_add": (_skp, OWNER, "same"),
    "appraisal:skp_rhk_edit": (_rhk, OWNER, "same"),
    "appraisal:skp_rhk_remove": (_rhk, POST_ONLY, OWNER_STEP),
    "appraisal:skp_indicator_add": (_rhk, OWNER, "same"),
    "appraisal:skp_indicator_edit": (_indicator, OWNER, "same"),
    "appraisal:skp_indicator_remove": (_indicator, POST_ONLY, OWNER_STEP),
    "appraisal:skp_annex": (_skp, OWNER, {**OWNER, "staff": 302}),  # every annex field is optional
    "appraisal:skp_hand_down": (_skp, OWNER, "same"),
    "appraisal:skp_expectations": (_skp, RATER, RATER_STEP),  # every expectation is optional
    "appraisal:skp_submit": (_skp, POST_ONLY, OWNER_STEP),
    "appraisal:skp_return": (_skp, POST_ONLY, RATER_STEP),
    "appraisal:skp_approve": (_skp, POST_ONLY, RATER_STEP),
    "appraisal:skp_revision": (_skp, POST_ONLY, _statuses(staff=302, supervisor=302)),
}
