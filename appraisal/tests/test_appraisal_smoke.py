from datetime import date

import pytest

from appraisal.models import AppraisalStatus
from appraisal.services import appraisals as services
from appraisal.tests import factories as f


@pytest.fixture
def case(org):
    year = f.performance_year(org.agency)
    skp = f.approved_skp(org.staff_a, year)
    f.approved_skp(org.kabid_a, year)
    period = year.periods.get(sequence=1)
    ind = skp.results.first().indicators.first()
    f.daily_report(org.staff_a, ind.rhk, on=date(2026, 2, 3), indicator_obj=ind)
    return org, skp, period


def test_it_runs_the_whole_workflow(case):
    org, skp, period = case
    a = services.appraisal_start(skp=skp, period=period, by=org.staff_a.user, today=date(2026, 3, 1))
    assert a.achievements.count() == 3
    services.self_assessment_submit(appraisal=a, by=org.staff_a.user, version=a.version)
    rows = {r.rhk_id: ("meets", "") for r in a.result_ratings.all()}
    comps = {c.competency_id: (2, "ok") for c in a.competency_levels.all()}
    services.assessment_save(
        appraisal=a, by=org.kabid_a.user, version=a.version,
        data={"results": rows, "competencies": comps, "results_rating": "meets", "behaviour_rating": "meets"},
    )
    a.refresh_from_db()
    assert a.predikat == "baik"
    services.assessment_submit(appraisal=a, by=org.kabid_a.user, version=a.version)
    services.appraisal_return(appraisal=a, by=org.head.user, comment="Lengkapi")
    a.refresh_from_db()
    services.assessment_submit(appraisal=a, by=org.kabid_a.user, version=a.version)
    services.appraisal_approve(appraisal=a, by=org.head.user)
    a.refresh_from_db()
    assert a.status == AppraisalStatus.FINAL
