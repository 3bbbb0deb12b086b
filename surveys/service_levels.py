"""Service-level figures (kinerja layanan): the pure rules, with no database.

An officer is judged on speed and accuracy over a period:

- handled: requests received in the period;
- within target: the share of judged requests completed within the service's target time. A request
  is judged once it is completed, or while still open once its target time has passed (it can no
  longer be on time). A request completed exactly at the target is within it;
- median time: the median completion time of the completed requests;
- error rate: the share of handled requests that were not correct the first time;
- open: requests not completed yet.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

MINUTES_PER_HOUR = 60
MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR
MAX_TARGET_MINUTES = 365 * MINUTES_PER_DAY

# Units a target time is typed in, with their length in minutes.
TARGET_UNITS = {"minutes": 1, "hours": MINUTES_PER_HOUR, "days": MINUTES_PER_DAY}
TARGET_UNIT_CHOICES = [
    ("minutes", gettext_lazy("minutes")),
    ("hours", gettext_lazy("hours")),
    ("days", gettext_lazy("days (24 hours)")),
]


def percent(part: int, whole: int) -> float | None:
    """part as a percentage of whole, or None when there is nothing to divide."""
    if not whole:
        return None
    return 100.0 * part / whole


@dataclass(frozen=True)
class Figures:
    """One officer's counts over a period, as the database sums them."""

    handled: int = 0
    completed: int = 0
    within_target: int = 0
    overdue_open: int = 0
    not_correct: int = 0
    median_minutes: float | None = None

    @property
    def open(self) -> int:
        return self.handled - self.completed

    @property
    def judged(self) -> int:
        """Requests whose timeliness is known: completed, or open past their target."""
        return self.completed + self.overdue_open

    @property
    def within_target_share(self) -> float | None:
        return percent(self.within_target, self.judged)

    @property
    def error_rate(self) -> float | None:
        return percent(self.not_correct, self.handled)


NO_FIGURES = Figures()


def total_of(items) -> Figures:
    """The counts of several officers together; a median cannot be added up, so it is left out."""
    items = list(items)
    return Figures(
        handled=sum(f.handled for f in items),
        completed=sum(f.completed for f in items),
        within_target=sum(f.within_target for f in items),
        overdue_open=sum(f.overdue_open for f in items),
        not_correct=sum(f.not_correct for f in items),
    )


def is_within_target(minutes_taken: float, target_minutes: int) -> bool:
    return minutes_taken <= target_minutes


def split_minutes(minutes: int) -> tuple[int, str]:
    """A target in the largest unit that divides it exactly: 4320 -> (3, "days")."""
    for unit in ("days", "hours"):
        if minutes and minutes % TARGET_UNITS[unit] == 0:
            return minutes // TARGET_UNITS[unit], unit
    return minutes, "minutes"


def format_minutes(minutes: float | None) -> str:
    """A duration as words, e.g. "1 hour 5 minutes" ("1 jam 5 menit"); "—" for no value."""
    if minutes is None:
        return "—"
    if minutes < 0.5:
        return _("less than a minute")
    total = int(minutes + 0.5)  # half a minute rounds up
    days, rest = divmod(total, MINUTES_PER_DAY)
    hours, mins = divmod(rest, MINUTES_PER_HOUR)
    parts = []
    if days:
        parts.append(ngettext("%(count)d day", "%(count)d days", days) % {"count": days})
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if mins:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", mins) % {"count": mins})
    return " ".join(parts)


# Reading cells of an import file ------------------------------------------------------------

DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
)
YES = {"ya", "y", "yes", "true", "1", "benar", "tepat"}
NO = {"tidak", "t", "no", "n", "false", "0", "salah", "tidaktepat"}


def parse_datetime_text(text: str) -> datetime | None:
    """A local date and time as written in a file ("2026-11-23 08:15", "23/11/2026 08:15"), or None."""
    text = " ".join(text.split())
    for fmt in DATETIME_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def parse_yes_no(text: str) -> bool | None:
    key = re.sub(r"[\s_\-]+", "", text.lower())
    if key in YES:
        return True
    if key in NO:
        return False
    return None
