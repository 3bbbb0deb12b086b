"""Kurva distribusi (SE MenPANRB 3/2023): how the organisational predicate bounds staff predikat.

The agency first sets its predikat kinerja organisasi; that bounds the shares of its employees'
Predikat Kinerja. ``check_distribution`` compares actual counts with those bounds and lists every
bound that is not met, so HR sees the curve before finalising. Shares are exact fractions, compared
inclusively as the table says ("≤ 70%" allows exactly 70%). With no staff nothing can be violated.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from appraisal.rules.ratings import Predikat, as_choice, as_fraction, round_half_up


class OrgPredicate(TextChoices):
    """Predikat kinerja organisasi: Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang."""

    OUTSTANDING = "istimewa", _("Outstanding (Istimewa)")
    GOOD = "baik", _("Good (Baik)")
    NEEDS_IMPROVEMENT = "butuh_perbaikan", _("Needs improvement (Butuh Perbaikan)")
    POOR = "kurang", _("Poor (Kurang)")
    VERY_POOR = "sangat_kurang", _("Very poor (Sangat Kurang)")


class BoundKind(TextChoices):
    """How a share is compared with its bound: ≤, ≥ or >."""

    AT_MOST = "at_most", _("at most")
    AT_LEAST = "at_least", _("at least")
    MORE_THAN = "more_than", _("more than")


_BOUND_TEXTS = {
    BoundKind.AT_MOST: _("%(predikat)s at most %(percent)s%%"),
    BoundKind.AT_LEAST: _("%(predikat)s at least %(percent)s%%"),
    BoundKind.MORE_THAN: _("%(predikat)s more than %(percent)s%%"),
}
_ZERO_BOUND_TEXTS = {
    BoundKind.AT_MOST: _("No %(predikat)s"),
    BoundKind.MORE_THAN: _("Some %(predikat)s"),
}


@dataclass(frozen=True)
class DistributionRule:
    """One bound on the combined share of one or more predikat, e.g. Sangat Baik at most 70%."""

    code: str
    predikats: tuple[Predikat, ...]
    kind: BoundKind
    bound: Fraction

    def __post_init__(self):
        object.__setattr__(self, "predikats", tuple(as_choice(Predikat, p) for p in self.predikats))
        object.__setattr__(self, "kind", as_choice(BoundKind, self.kind))
        bound = as_fraction(self.bound, "bound")
        if not self.predikats or not 0 <= bound <= 1:
            raise ValueError(f"Rule {self.code!r} needs predikat and a bound from 0 to 1.")
        object.__setattr__(self, "bound", bound)

    def is_met(self, share: Fraction) -> bool:
        if self.kind == BoundKind.AT_MOST:
            return share <= self.bound
        if self.kind == BoundKind.AT_LEAST:
            return share >= self.bound
        return share > self.bound

    @property
    def text(self) -> str:
        """The rule in words, in the active language, e.g. "Very good (Sangat Baik) at most 70%"."""
        names = str(self.predikats[0].label)
        for predikat in self.predikats[1:]:
            names = _("%(first)s and/or %(second)s") % {"first": names, "second": predikat.label}
        if self.bound == 0 and self.kind in _ZERO_BOUND_TEXTS:
            return _ZERO_BOUND_TEXTS[self.kind] % {"predikat": names}
        return _BOUND_TEXTS[self.kind] % {"predikat": names, "percent": percent_text(self.bound)}


@dataclass(frozen=True)
class Violation:
    """A bound of the distribution curve that the actual counts do not meet."""

    code: str
    rule: str
    actual: Fraction
    bound: Fraction
    kind: BoundKind
    predikats: tuple[Predikat, ...]

    @property
    def actual_percent(self) -> Decimal:
        return round_half_up(self.actual * 100, 2)

    @property
    def bound_percent(self) -> Decimal:
        return round_half_up(self.bound * 100, 2)


def _rule(code, predikats, kind, percent):
    return DistributionRule(code, tuple(predikats), kind, Fraction(percent, 100))


#: The bounds per organisational predicate, as data.
DISTRIBUTION_RULES: Mapping[OrgPredicate, tuple[DistributionRule, ...]] = MappingProxyType(
    {
        OrgPredicate.OUTSTANDING: (_rule("very_good_at_most", [Predikat.VERY_GOOD], BoundKind.AT_MOST, 70),),
        OrgPredicate.GOOD: (
            _rule("good_at_most", [Predikat.GOOD], BoundKind.AT_MOST, 70),
            _rule(
                "some_needs_improvement_or_poor",
                [Predikat.NEEDS_IMPROVEMENT, Predikat.POOR_MISCONDUCT],
                BoundKind.MORE_THAN,
                0,
            ),
        ),
        OrgPredicate.NEEDS_IMPROVEMENT: (
            _rule("needs_improvement_at_least", [Predikat.NEEDS_IMPROVEMENT], BoundKind.AT_LEAST, 60),
            _rule("very_good_at_most", [Predikat.VERY_GOOD], BoundKind.AT_MOST, 10),
        ),
        OrgPredicate.POOR: (
            _rule("poor_at_least", [Predikat.POOR_MISCONDUCT], BoundKind.AT_LEAST, 60),
            _rule("needs_improvement_at_least", [Predikat.NEEDS_IMPROVEMENT], BoundKind.AT_LEAST, 10),
            _rule("very_good_at_most", [Predikat.VERY_GOOD], BoundKind.AT_MOST, 10),
        ),
        OrgPredicate.VERY_POOR: (
            _rule("very_poor_at_least", [Predikat.VERY_POOR], BoundKind.AT_LEAST, 60),
            _rule(
                "poor_or_needs_improvement_at_least",
                [Predikat.POOR_MISCONDUCT, Predikat.NEEDS_IMPROVEMENT],
                BoundKind.AT_LEAST,
                10,
            ),
            _rule("no_very_good", [Predikat.VERY_GOOD], BoundKind.AT_MOST, 0),
        ),
    }
)


def percent_text(share: Fraction) -> str:
    """A share as a percentage without needless decimals: 7/10 → "70", 1/8 → "12.5"."""
    return format(round_half_up(share * 100, 2).normalize(), "f")


def check_distribution(org_predicate, counts: Mapping, rules=DISTRIBUTION_RULES) -> list[Violation]:
    """The bounds of the organisational predicate not met by ``counts`` (Predikat → number of staff).

    Predikat missing from ``counts`` count as 0. Violations come in the order of the rules.
    """
    org_predicate = as_choice(OrgPredicate, org_predicate)
    if org_predicate not in rules:
        raise ValueError(f"No distribution rules are set for {org_predicate.value!r}.")
    staff = {}
    for predikat, number in counts.items():
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            raise ValueError(f"The number of staff must be a whole number ≥ 0, got {number!r}.")
        key = as_choice(Predikat, predikat)
        staff[key] = staff.get(key, 0) + number
    total = sum(staff.values())
    if total == 0:
        return []
    violations = []
    for rule in rules[org_predicate]:
        share = Fraction(sum(staff.get(p, 0) for p in rule.predikats), total)
        if not rule.is_met(share):
            violations.append(Violation(rule.code, rule.text, share, rule.bound, rule.kind, rule.predikats))
    return violations
