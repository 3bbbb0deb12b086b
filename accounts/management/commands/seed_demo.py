from django.core.management.base import BaseCommand, no_translations

from accounts.demo import DEMO_PASSWORD, build_demo


class Command(BaseCommand):
    help = (
        "Loads the Kota Dumai demo: Disdukcapil and BKPSDM with their structure, staff, sign-in accounts "
        "and one Plt. Safe to run again: it only adds or corrects demo rows."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEMO_PASSWORD,
            help="Password for demo accounts that are new or have no usable one (default: %(default)s).",
        )

    @no_translations
    def handle(self, *args, password, **options):
        summary = build_demo(password=password)
        self.stdout.write(self.style.SUCCESS("Demo data for Kota Dumai is in place."))
        for model, rows in summary.rows.items():
            self.stdout.write(
                f"  {str(model._meta.verbose_name_plural).capitalize()}: {rows} "
                f"({summary.created[model]} created, {summary.updated[model]} updated)"
            )
        levels = ", ".join(f"level {level}: {n}" for level, n in sorted(summary.staff_per_level.items()))
        self.stdout.write(f"  Staff per level: {levels}")

        self.stdout.write(f"\nSign in with password {password!r} (unless changed since):")
        rows = [("Role", "Username / NIP", "Name", "Sees"), *summary.sign_ins]
        role_w, login_w, name_w = (max(len(row[i]) for row in rows) for i in range(3))
        for role, login, name, sees in rows:
            self.stdout.write(f"  {role:<{role_w}}  {login:<{login_w}}  {name:<{name_w}}  {sees}")
