"""What a demo plan is written with: its results (RHK), their indicators (IKI) and the activities of
the daily reports, and the kinds and statuses the plans use."""

from dataclasses import dataclass
from decimal import Decimal

from appraisal.models import Aspect, RhkKind, SkpStatus

MAIN, ADDITIONAL = RhkKind.MAIN, RhkKind.ADDITIONAL
APPROVED, SUBMITTED = SkpStatus.APPROVED, SkpStatus.SUBMITTED
RETURNED, DRAFT = SkpStatus.RETURNED, SkpStatus.DRAFT


@dataclass(frozen=True)
class Target:
    """An indicator (IKI) with its quantitative target."""

    text: str
    aspect: str
    value: Decimal
    unit: str


def count(text, value, unit):
    return Target(text, Aspect.QUANTITY, Decimal(value).quantize(Decimal("0.01")), unit)


def quality(text, value, unit):
    return Target(text, Aspect.QUALITY, Decimal(value).quantize(Decimal("0.01")), unit)


def timely(text, value, unit):
    return Target(text, Aspect.TIME, Decimal(value).quantize(Decimal("0.01")), unit)


@dataclass(frozen=True)
class Work:
    """An activity of a daily report: its output per report lies between low and high `unit`s.

    `target` is the index of the result's indicator the output counts towards (same unit), if any.
    """

    text: str
    unit: str
    low: int
    high: int
    target: int | None = None


@dataclass(frozen=True)
class Result:
    """A work result (RHK). `up` is the index of the supervisor's result it supports, a goal code for
    the head of the agency, or None for a result not linked yet."""

    text: str
    up: int | str | None
    targets: tuple[Target, ...]
    work: tuple[Work, ...] = ()
    kind: str = MAIN
    in_revision: bool = False  # added when the approved plan was reopened


@dataclass(frozen=True)
class Plan:
    """One staff member's SKP for the year, by name as in accounts.demo.

    A plan with `revision_reason` was approved in January, reopened in the last weeks and sent
    again; `return_comment` is the rater's answer to that new version. `reporting` is the share of
    working days the owner sends a daily report.
    """

    name: str
    results: tuple[Result, ...]
    status: str = APPROVED
    revision_reason: str = ""
    return_comment: str = ""
    reporting: float = 0.93
