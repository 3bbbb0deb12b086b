"""Every demo plan, in the order they are written, and who owns each."""

from accounts.demo import placements
from appraisal.demo.plans_bkpsdm import BKPSDM_PLANS
from appraisal.demo.plans_disdukcapil_data import DISDUKCAPIL_DATA_PLANS
from appraisal.demo.plans_disdukcapil_head_and_secretariat import DISDUKCAPIL_HEAD_AND_SECRETARIAT_PLANS
from appraisal.demo.plans_disdukcapil_services import DISDUKCAPIL_SERVICE_PLANS

PLANS = (
    DISDUKCAPIL_HEAD_AND_SECRETARIAT_PLANS + DISDUKCAPIL_SERVICE_PLANS + DISDUKCAPIL_DATA_PLANS + BKPSDM_PLANS
)


def plans_by_nip():
    """{NIP: Plan}; raises KeyError when a plan names someone who is not in the demo."""
    nips = {p.person.name: p.person.nip for p in placements()}
    return {nips[plan.name]: plan for plan in PLANS}
