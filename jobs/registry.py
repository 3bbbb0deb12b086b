"""The periodic jobs: what each does, the function that does it and the Celery task that runs it.

Every function is idempotent and returns the number of rows (or entries) it wrote, so that a run
repeated, or redone after a run killed halfway, leaves the same result. The beat schedule
(CELERY_BEAT_SCHEDULE in settings) names the tasks; a test keeps the two lists in step.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Job:
    name: str
    title: Promise
    description: Promise
    function: str  # dotted path of the idempotent function; returns rows written
    task: str  # name of the Celery task that runs it
    time_limit: int  # seconds; the task is killed after this, and a run older than it is interrupted

    def run(self) -> int:
        return import_string(self.function)()


JOBS = {
    job.name: job
    for job in (
        Job(
            name="aggregate-scores",
            title=_("Performance figures"),
            description=_(
                "Each staff member's, unit's and agency's figures per period: daily-report compliance, "
                "achievement, feedback, citizens' ratings, service levels, predikat and IKM."
            ),
            function="appraisal.services.scores.scores_aggregate",
            task="appraisal.tasks.aggregate_scores",
            time_limit=900,
        ),
        Job(
            name="refresh-survey-aggregates",
            title=_("SKM figures in the cache"),
            description=_(
                "Every service's SKM figures per period of the current year, kept for quick reads."
            ),
            function="surveys.skm.results_cache.aggregates_refresh",
            task="surveys.tasks.refresh_survey_aggregates",
            time_limit=300,
        ),
        Job(
            name="purge-survey-personal-data",
            title=_("Survey personal data removal"),
            description=_(
                "Removes the profile, suggestion and address hash of survey answers past the retention."
            ),
            function="surveys.skm.retention.personal_data_purge",
            task="surveys.tasks.purge_survey_personal_data",
            time_limit=300,
        ),
        Job(
            name="send-reminders",
            title=_("Reminders"),
            description=_(
                "The day's reminders in everyone's bell and the e-mail digests, on each agency's working "
                "days."
            ),
            function="notifications.services.reminders_send",
            task="notifications.tasks.send_reminders",
            time_limit=600,
        ),
    )
}


def job_named(name: str) -> Job:
    try:
        return JOBS[name]
    except KeyError:
        raise LookupError(f"No job named {name!r}; the jobs are: {', '.join(sorted(JOBS))}.") from None
