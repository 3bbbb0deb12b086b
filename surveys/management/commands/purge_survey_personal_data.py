from django.core.management.base import BaseCommand, CommandError
from django.utils import formats, timezone

from surveys.skm.retention import personal_data_cutoff, personal_data_purge


class Command(BaseCommand):
    help = (
        "Removes the respondent profile, suggestion text and address hash of SKM responses older than "
        "SKM_PERSONAL_DATA_DAYS (or --days); the answers and the IKM stay. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Retention in days (default: the setting)."
        )

    def handle(self, *args, days=None, **options):
        now = timezone.now()
        try:
            cutoff = personal_data_cutoff(now=now, days=days)
        except ValueError as error:
            raise CommandError(str(error)) from None
        count = personal_data_purge(now=now, days=days)
        when = formats.date_format(timezone.localtime(cutoff), "Y-m-d H:i")
        self.stdout.write(f"Removed the personal data of {count} survey responses submitted before {when}.")
