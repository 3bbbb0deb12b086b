from datetime import date

from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from accounts.demo import DEMO_PASSWORD, build_demo
from appraisal.demo import YEAR, build_performance_demo
from surveys.demo import build_service_demo


def _day(value):
    return date_format(value, "j F Y")


def _iso_date(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date; write it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Loads the Kota Dumai demo: Disdukcapil and BKPSDM with their structure, staff, sign-in accounts "
        "and one Plt; their 2026 performance year with SKPs, daily reports and the Disdukcapil appraisals; "
        "the Disdukcapil services with a month of requests and the year's citizen surveys (SKM). Safe to "
        "run again: it only adds or corrects demo rows."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEMO_PASSWORD,
            help="Password for demo accounts that are new or have no usable one (default: %(default)s).",
        )
        parser.add_argument(
            "--today",
            type=_iso_date,
            default=None,
            help="The demo's clock, YYYY-MM-DD: reports and requests end on it (default: today).",
        )

    def _rows(self, summary):
        for model, rows in summary.rows.items():
            name = str(model._meta.verbose_name_plural)
            self.stdout.write(
                f"  {name[:1].upper()}{name[1:]}: {rows} "
                f"({summary.created[model]} created, {summary.updated[model]} updated)"
            )

    @no_translations
    def handle(self, *args, password, today=None, **options):
        today = today or timezone.localdate()
        with transaction.atomic():
            summary = build_demo(password=password)
            try:
                performance = build_performance_demo(today=today)
            except ValueError as error:
                raise CommandError(str(error)) from None
            services = build_service_demo(today=today)

        self.stdout.write(self.style.SUCCESS("Demo data for Kota Dumai is in place."))
        self._rows(summary)
        levels = ", ".join(f"level {level}: {n}" for level, n in sorted(summary.staff_per_level.items()))
        self.stdout.write(f"  Staff per level: {levels}")

        self.stdout.write(f"\nPerformance year {YEAR}, as of {_day(today)}:")
        self._rows(performance)
        statuses = ", ".join(f"{n} {status}" for status, n in performance.skp_statuses.most_common())
        self.stdout.write(f"  SKPs by status: {statuses}")
        if performance.without_skp:
            self.stdout.write(f"  Active staff without an SKP: {', '.join(performance.without_skp)}")
        days = performance.report_days
        if days:
            self.stdout.write(
                f"  Daily reports on {len(days)} working days, {_day(days[0])} – {_day(days[-1])}"
            )
        if performance.appraisal_statuses:
            statuses = ", ".join(f"{n} {s}" for s, n in performance.appraisal_statuses.most_common())
            self.stdout.write(f"  Disdukcapil appraisals by status: {statuses}")

        self.stdout.write("\nServices (Disdukcapil):")
        self._rows(services)
        if services.days:
            self.stdout.write(
                f"  Requests on {len(services.days)} working days, {_day(services.days[0])} – "
                f"{_day(services.days[-1])}, by {services.officers} counter officers; "
                f"{services.open_requests} still open"
            )
        if services.survey_responses:
            periods = ", ".join(f"{name} {n}" for name, n in services.survey_responses.items())
            self.stdout.write(
                f"  Survey answers (SKM): {periods}; {services.survey_waiting} flagged, waiting for review"
            )

        self.stdout.write(f"\nSign in with password {password!r} (unless changed since):")
        rows = [("Role", "Username / NIP", "Name", "Sees"), *summary.sign_ins]
        role_w, login_w, name_w = (max(len(row[i]) for row in rows) for i in range(3))
        for role, login, name, sees in rows:
            self.stdout.write(f"  {role:<{role_w}}  {login:<{login_w}}  {name:<{name_w}}  {sees}")
