"""Performance demo for Kota Dumai: the 2026 performance year, SKPs down the cascade and daily reports.

Runs after accounts.demo.build_demo(), on its agencies and staff. Every row has a natural key: the
agency and year for a performance year, the year and code for a goal, the staff member and year for
an SKP, the SKP and text for a work result, the result and text for an indicator, and the staff
member, date, result and activity for a daily report. Missing rows are added; rows that exist are
left as they are, so a plan approved or a report reviewed in the demo since stays so, and running it
again changes nothing.

The plans follow the unit tree: the heads' results take up the agency goals, and every other
result supports one of the results of the owner's direct supervisor (their rater). The Kabid
Pencatatan Sipil retired in September 2026, so his plan, agreed in January, stays the one his team
leads support. The heads' plans stay drafts: nobody above the head of an agency is recorded, so
no one could approve them.

Plans are written in bulk, with the same content, history and snapshots the SKP services would
write; the query count does not depend on the number of staff or days. The Disdukcapil appraisals,
the development catalogue and the feedback around them follow, written step by step through their
services (appraisal.demo.appraisals).
"""

from appraisal.demo.builder import build_performance_demo
from appraisal.demo.daily_reports import REPORT_DAYS
from appraisal.demo.goals import GOALS
from appraisal.demo.plans import PLANS, plans_by_nip
from appraisal.demo.year import YEAR

__all__ = ["GOALS", "PLANS", "REPORT_DAYS", "YEAR", "build_performance_demo", "plans_by_nip"]
