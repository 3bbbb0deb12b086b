"""Table tests for the distribution curve of employee predikat (no database)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.utils import translation

from appraisal.rules.distribution import (
    DISTRIBUTION_RULES,
    BoundKind,
    DistributionRule,
    OrgPredicate,
    Violation,
    check_distribution,
    percent_text,
)
from appraisal.rules.ratings import Predikat

SB, B, BP, K, SK = (
    Predikat.VERY_GOOD,
    Predikat.GOOD,
    Predikat.NEEDS_IMPROVEMENT,
    Predikat.POOR_MISCONDUCT,
    Predikat.VERY_POOR,
)
ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG = (
    OrgPredicate.OUTSTANDING,
    OrgPredicate.GOOD,
    OrgPredicate.NEEDS_IMPROVEMENT,
    OrgPredicate.POOR,
    OrgPredicate.VERY_POOR,
)


def staff(**counts):
    """staff(sb=70, b=30) → {Predikat.VERY_GOOD: 70, Predikat.GOOD: 30}."""
    keys = {"sb": SB, "b": B, "bp": BP, "k": K, "sk": SK}
    return {keys[name]: number for name, number in counts.items()}


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def case(org, counts, codes, case_id):
    return pytest.param(org, counts, codes, id=case_id)


@pytest.mark.parametrize(
    ("org", "counts", "codes"),
    [
        # Istimewa: Sangat Baik ≤ 70%.
        case(ISTIMEWA, staff(sb=50, b=40, bp=10), [], "istimewa-compliant"),
        case(ISTIMEWA, staff(sb=70, b=30), [], "istimewa-sb_exactly_70"),
        case(ISTIMEWA, staff(sb=71, b=29), ["very_good_at_most"], "istimewa-sb_71"),
        case(ISTIMEWA, staff(sb=701, b=299), ["very_good_at_most"], "istimewa-sb_70.1"),
        case(ISTIMEWA, staff(sb=21, b=9), [], "istimewa-sb_21_of_30_exactly_70"),
        case(ISTIMEWA, staff(sb=2, b=1), [], "istimewa-sb_2_of_3"),
        case(ISTIMEWA, staff(sb=1), ["very_good_at_most"], "istimewa-sb_only_staff"),
        case(ISTIMEWA, staff(sk=100), [], "istimewa-rest_any_predikat"),
        # Baik: Baik ≤ 70%, some Butuh Perbaikan and/or Kurang/Misconduct.
        case(BAIK, staff(sb=20, b=60, bp=15, k=5), [], "baik-compliant"),
        case(BAIK, staff(sb=29, b=70, bp=1), [], "baik-b_exactly_70_one_bp"),
        case(BAIK, staff(sb=29, b=70, k=1), [], "baik-b_exactly_70_one_k"),
        case(BAIK, staff(sb=28, b=71, bp=1), ["good_at_most"], "baik-b_71"),
        case(BAIK, staff(sb=40, b=60), ["some_needs_improvement_or_poor"], "baik-no_bp_no_k"),
        case(BAIK, staff(sb=30, b=60, sk=10), ["some_needs_improvement_or_poor"], "baik-sk_is_not_bp_or_k"),
        case(BAIK, staff(b=100), ["good_at_most", "some_needs_improvement_or_poor"], "baik-all_b"),
        # Butuh Perbaikan: Butuh Perbaikan ≥ 60%, Sangat Baik ≤ 10%.
        case(BUTUH_PERBAIKAN, staff(sb=5, b=25, bp=70), [], "butuh_perbaikan-compliant"),
        case(BUTUH_PERBAIKAN, staff(sb=10, b=30, bp=60), [], "butuh_perbaikan-both_exactly_on_edge"),
        case(
            BUTUH_PERBAIKAN,
            staff(sb=10, b=31, bp=59),
            ["needs_improvement_at_least"],
            "butuh_perbaikan-bp_59",
        ),
        case(BUTUH_PERBAIKAN, staff(sb=11, b=29, bp=60), ["very_good_at_most"], "butuh_perbaikan-sb_11"),
        case(BUTUH_PERBAIKAN, staff(sb=3, b=9, bp=18), [], "butuh_perbaikan-3_and_18_of_30_exact"),
        case(
            BUTUH_PERBAIKAN,
            staff(sb=50, b=50),
            ["needs_improvement_at_least", "very_good_at_most"],
            "butuh_perbaikan-both_violated",
        ),
        # Kurang: Kurang/Misconduct ≥ 60%, Butuh Perbaikan ≥ 10%, Sangat Baik ≤ 10%.
        case(KURANG, staff(sb=5, bp=20, k=70, sk=5), [], "kurang-compliant"),
        case(KURANG, staff(sb=10, b=20, bp=10, k=60), [], "kurang-all_exactly_on_edge"),
        case(KURANG, staff(sb=10, b=21, bp=10, k=59), ["poor_at_least"], "kurang-k_59"),
        case(KURANG, staff(sb=10, b=21, bp=9, k=60), ["needs_improvement_at_least"], "kurang-bp_9"),
        case(KURANG, staff(sb=11, b=19, bp=10, k=60), ["very_good_at_most"], "kurang-sb_11"),
        case(
            KURANG,
            staff(sb=20, b=80),
            ["poor_at_least", "needs_improvement_at_least", "very_good_at_most"],
            "kurang-all_violated",
        ),
        # Sangat Kurang: Sangat Kurang ≥ 60%, Kurang and/or Butuh Perbaikan ≥ 10%, no Sangat Baik.
        case(SANGAT_KURANG, staff(b=10, bp=10, k=10, sk=70), [], "sangat_kurang-compliant"),
        case(SANGAT_KURANG, staff(b=30, bp=5, k=5, sk=60), [], "sangat_kurang-edges_bp_and_k_together"),
        case(SANGAT_KURANG, staff(b=30, k=10, sk=60), [], "sangat_kurang-edge_k_only"),
        case(SANGAT_KURANG, staff(b=30, bp=10, sk=60), [], "sangat_kurang-edge_bp_only"),
        case(SANGAT_KURANG, staff(b=31, bp=10, sk=59), ["very_poor_at_least"], "sangat_kurang-sk_59"),
        case(
            SANGAT_KURANG,
            staff(b=31, bp=5, k=4, sk=60),
            ["poor_or_needs_improvement_at_least"],
            "sangat_kurang-bp_and_k_9",
        ),
        case(SANGAT_KURANG, staff(sb=1, b=29, bp=10, sk=60), ["no_very_good"], "sangat_kurang-one_sb"),
        case(
            SANGAT_KURANG,
            staff(sb=1, b=99),
            ["very_poor_at_least", "poor_or_needs_improvement_at_least", "no_very_good"],
            "sangat_kurang-all_violated",
        ),
    ],
)
def test_it_checks_the_distribution_against_the_org_predicate(org, counts, codes):
    assert [violation.code for violation in check_distribution(org, counts)] == codes


@pytest.mark.parametrize("org", list(OrgPredicate), ids=lambda org: org.value)
@pytest.mark.parametrize(
    "counts",
    [pytest.param({}, id="no_counts"), pytest.param(staff(sb=0, b=0, bp=0, k=0, sk=0), id="all_zero")],
)
def test_it_finds_no_violation_without_staff(org, counts):
    assert check_distribution(org, counts) == []


def test_it_reports_the_rule_the_actual_share_and_the_bound(english):
    [violation] = check_distribution(ISTIMEWA, staff(sb=8, b=3))
    assert violation == Violation(
        code="very_good_at_most",
        rule="Very good (Sangat Baik) at most 70%",
        actual=Fraction(8, 11),
        bound=Fraction(7, 10),
        kind=BoundKind.AT_MOST,
        predikats=(SB,),
    )
    assert (violation.actual_percent, violation.bound_percent) == (Decimal("72.73"), Decimal("70.00"))


@pytest.mark.parametrize(
    ("org", "counts", "rule"),
    [
        pytest.param(
            BAIK,
            staff(b=10),
            "Some Needs improvement (Butuh Perbaikan) and/or Poor/Misconduct (Kurang/Misconduct)",
            id="some",
        ),
        pytest.param(
            SANGAT_KURANG,
            staff(sb=1, sk=60, bp=39),
            "No Very good (Sangat Baik)",
            id="none",
        ),
        pytest.param(
            SANGAT_KURANG,
            staff(sk=100),
            "Poor/Misconduct (Kurang/Misconduct) and/or Needs improvement (Butuh Perbaikan) at least 10%",
            id="combined_at_least",
        ),
        pytest.param(
            BUTUH_PERBAIKAN, staff(b=10), "Needs improvement (Butuh Perbaikan) at least 60%", id="at_least"
        ),
    ],
)
def test_it_states_each_rule_in_words(org, counts, rule, english):
    assert rule in [violation.rule for violation in check_distribution(org, counts)]


def test_it_sums_the_shares_of_combined_predikat():
    [violation] = check_distribution(SANGAT_KURANG, staff(b=31, bp=5, k=4, sk=60))
    assert violation.actual == Fraction(9, 100)
    assert violation.bound == Fraction(1, 10)


def test_it_accepts_stored_values_as_keys():
    assert check_distribution("istimewa", {"sangat_baik": 7, "baik": 3}) == []
    assert [v.code for v in check_distribution("istimewa", {"sangat_baik": 8, "baik": 2})] == [
        "very_good_at_most"
    ]


@pytest.mark.parametrize(
    ("org", "counts"),
    [
        pytest.param("excellent", staff(b=1), id="unknown_org_predicate"),
        pytest.param(SB, staff(b=1), id="employee_predikat_as_org_predicate"),
        pytest.param(ISTIMEWA, {"excellent": 1}, id="unknown_predikat"),
        pytest.param(ISTIMEWA, {BAIK: 1}, id="org_predicate_as_employee_predikat"),
        pytest.param(ISTIMEWA, staff(b=-1), id="negative_count"),
        pytest.param(ISTIMEWA, staff(b=1.5), id="fractional_count"),
        pytest.param(ISTIMEWA, staff(b="3"), id="text_count"),
        pytest.param(ISTIMEWA, staff(b=True), id="bool_count"),
    ],
)
def test_it_refuses_invalid_input(org, counts):
    with pytest.raises(ValueError):
        check_distribution(org, counts)


def test_it_takes_the_bounds_as_data():
    strict = {ISTIMEWA: (DistributionRule("very_good_at_most", (SB,), BoundKind.AT_MOST, Fraction(1, 2)),)}
    assert check_distribution(ISTIMEWA, staff(sb=5, b=5), strict) == []
    assert [v.code for v in check_distribution(ISTIMEWA, staff(sb=6, b=4), strict)] == ["very_good_at_most"]
    with pytest.raises(ValueError):
        check_distribution(BAIK, staff(b=1), strict)


@pytest.mark.parametrize(
    ("org", "bounds"),
    [
        pytest.param(ISTIMEWA, [(("sangat_baik",), "at_most", "70")], id="istimewa"),
        pytest.param(
            BAIK,
            [(("baik",), "at_most", "70"), (("butuh_perbaikan", "kurang_misconduct"), "more_than", "0")],
            id="baik",
        ),
        pytest.param(
            BUTUH_PERBAIKAN,
            [(("butuh_perbaikan",), "at_least", "60"), (("sangat_baik",), "at_most", "10")],
            id="butuh_perbaikan",
        ),
        pytest.param(
            KURANG,
            [
                (("kurang_misconduct",), "at_least", "60"),
                (("butuh_perbaikan",), "at_least", "10"),
                (("sangat_baik",), "at_most", "10"),
            ],
            id="kurang",
        ),
        pytest.param(
            SANGAT_KURANG,
            [
                (("sangat_kurang",), "at_least", "60"),
                (("kurang_misconduct", "butuh_perbaikan"), "at_least", "10"),
                (("sangat_baik",), "at_most", "0"),
            ],
            id="sangat_kurang",
        ),
    ],
)
def test_it_holds_the_bounds_of_the_circular(org, bounds):
    rules = DISTRIBUTION_RULES[org]
    assert [
        (tuple(p.value for p in r.predikats), r.kind.value, percent_text(r.bound)) for r in rules
    ] == bounds


@pytest.mark.parametrize(
    ("predikats", "kind", "bound"),
    [
        pytest.param((), BoundKind.AT_MOST, Fraction(1, 2), id="no_predikat"),
        pytest.param((SB,), "below", Fraction(1, 2), id="unknown_kind"),
        pytest.param((SB,), BoundKind.AT_MOST, Fraction(3, 2), id="bound_over_1"),
        pytest.param((SB,), BoundKind.AT_MOST, -1, id="negative_bound"),
        pytest.param(("istimewa",), BoundKind.AT_MOST, Fraction(1, 2), id="unknown_predikat"),
    ],
)
def test_it_refuses_an_invalid_rule(predikats, kind, bound):
    with pytest.raises(ValueError):
        DistributionRule("x", predikats, kind, bound)


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (Fraction(7, 10), "70"),
        (Fraction(1, 8), "12.5"),
        (Fraction(0), "0"),
        (Fraction(1), "100"),
        (Fraction(1, 3), "33.33"),
    ],
    ids=["seven_tenths", "one_eighth", "zero", "all", "one_third"],
)
def test_it_writes_percentages_without_needless_decimals(share, text):
    assert percent_text(share) == text
