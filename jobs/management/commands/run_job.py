from django.core.management.base import BaseCommand, CommandError

from jobs.models import Trigger
from jobs.registry import JOBS, job_named
from jobs.runs import job_run


class Command(BaseCommand):
    help = (
        "Runs a periodic job now, in this process, and records the run as the schedule would. Every job "
        "is idempotent: running it again, or after a run that was killed, is safe. --list names the jobs."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", nargs="?", help="The job to run (see --list).")
        parser.add_argument("--list", action="store_true", help="List the jobs and exit.")

    def handle(self, *args, name=None, list=False, **options):
        if list or not name:
            for job in JOBS.values():
                self.stdout.write(f"{job.name:<32} {job.title}")
            if not list:
                raise CommandError("Name a job to run.")
            return
        try:
            job_named(name)
        except LookupError as error:
            raise CommandError(str(error)) from None
        run = job_run(name=name, trigger=Trigger.COMMAND)
        self.stdout.write(f"{name}: {run.rows} rows in {run.seconds:.2f} s.")
