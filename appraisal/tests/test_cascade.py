"""Pohon kinerja: the tree, its checks, who sees what, and a query count that does not grow."""

import re
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.tests import factories as accounts_factories
from appraisal.selectors.cascade import cascade_tree
from appraisal.tests import factories

URL = reverse("appraisal:cascade")
BACKEND = "accounts.backends.NipOrUsernameBackend"


@pytest.fixture
def plan(org):
    """Goals → head → kabid A → staff A; one of each problem the checks look for."""
    year = factories.performance_year(org.agency, with_periods=False)
    goal_service = factories.goal(year, code="SS-1", text="Meningkatnya kualitas pelayanan adminduk")
    goal_data = factories.goal(year, code="SS-2", text="Meningkatnya pemanfaatan data kependudukan")
    head_skp = factories.skp(org.head, year)
    head_main = factories.rhk(head_skp, goal_obj=goal_service, text="Cakupan KTP-el meningkat")
    head_without_goal = factories.rhk(head_skp, text="Laporan kinerja tahunan tersusun")
    kabid_skp = factories.skp(org.kabid_a, year)
    kabid_main = factories.rhk(kabid_skp, supports=head_main, text="Perekaman KTP-el tepat waktu")
    kabid_lonely = factories.rhk(kabid_skp, supports=head_main, text="Layanan jemput bola terlaksana")
    factories.indicator(kabid_main, text="Persentase perekaman", target_value=Decimal("95"), target_unit="%")
    staff_a_main = factories.rhk(
        factories.skp(org.staff_a, year), supports=kabid_main, text="Berkas perekaman terverifikasi"
    )
    factories.indicator(
        staff_a_main, text="Jumlah berkas", target_value=Decimal("1200"), target_unit="berkas"
    )
    factories.indicator(
        staff_a_main,
        text="Mutu verifikasi",
        aspect="",
        target_value=None,
        target_unit="",
        target_text="Nol salah",
    )
    staff_a2_loose = factories.rhk(factories.skp(org.staff_a2, year), text="Arsip kependudukan tertata")
    # Staf B (supervisor: the retired Kabid B, acted for by Kabid A) has no SKP for the year.
    return SimpleNamespace(
        year=year,
        goal_service=goal_service,
        goal_data=goal_data,
        head_main=head_main,
        head_without_goal=head_without_goal,
        kabid_main=kabid_main,
        kabid_lonely=kabid_lonely,
        staff_a_main=staff_a_main,
        staff_a2_loose=staff_a2_loose,
    )


def _shape(groups):
    """Nested (unit shown or None, [(text, in view, children)]) for comparing trees."""
    return [
        (
            group.unit.code if group.show_unit else None,
            [(node.rhk.text, node.in_view, _shape(node.groups)) for node in group.nodes],
        )
        for group in groups
    ]


def _texts(nodes):
    return {node.rhk.text for node in nodes}


def _card(html, rhk):
    """The card of one node: from its anchor to the end of the card, without the nodes below it."""
    return html.split(f'id="rhk-{rhk.pk}"')[1].split("</div>")[0]


def _get(client, user, **params):
    client.force_login(user, backend=BACKEND)
    return client.get(URL, params)


# The tree


def test_it_builds_the_tree_from_the_goals_through_the_head_and_kabid_to_staff(org, plan):
    tree = cascade_tree(org.agency, plan.year, viewer=org.hr)

    assert [branch.goal.code for branch in tree.goals] == ["SS-1", "SS-2"]
    assert _shape(tree.goals[0].groups) == [
        (
            None,
            [
                (
                    "Cakupan KTP-el meningkat",
                    True,
                    [
                        (
                            "DUK.1",
                            [
                                (
                                    "Perekaman KTP-el tepat waktu",
                                    True,
                                    [(None, [("Berkas perekaman terverifikasi", True, [])])],
                                ),
                                ("Layanan jemput bola terlaksana", True, []),
                            ],
                        )
                    ],
                )
            ],
        )
    ]
    assert tree.goals[1].groups == []
    assert _shape(tree.loose) == [
        ("DUK", [("Laporan kinerja tahunan tersusun", True, [])]),
        ("DUK.1", [("Arsip kependudukan tertata", True, [])]),
    ]
    assert tree.result_count == 6
    staff_node = next(n for n in tree.nodes() if n.rhk == plan.staff_a_main)
    assert [i.text for i in staff_node.indicators] == ["Jumlah berkas", "Mutu verifikasi"]


def test_it_shows_owner_kind_and_targets_on_each_node(client, org, plan):
    html = _get(client, org.hr, year=plan.year.pk).content.decode()

    node = _card(html, plan.staff_a_main)
    assert "Berkas perekaman terverifikasi" in node
    assert "Staf A" in node and org.staff_a.position.name in node
    assert "Jumlah berkas" in node and "1200 berkas" in node
    assert "Mutu verifikasi" in node and "Nol salah" in node
    assert "cascade-kind-main" in node


def test_it_puts_the_head_results_in_goal_order_and_marks_the_other_units(org, plan):
    other_goal_result = factories.rhk(plan.head_main.skp, goal_obj=plan.goal_data, text="Data dimanfaatkan")

    tree = cascade_tree(org.agency, plan.year, viewer=org.hr)

    assert [_texts(g.nodes) for g in tree.goals[1].groups] == [{other_goal_result.text}]
    kabid_group = tree.goals[0].groups[0].nodes[0].groups[0]
    assert kabid_group.unit == org.bidang_a and kabid_group.show_unit


def test_it_starts_a_supports_cycle_again_at_the_top_instead_of_losing_it(org, plan):
    first = factories.rhk(plan.staff_a_main.skp, text="Lingkaran satu")
    second = factories.rhk(plan.staff_a_main.skp, supports=first, text="Lingkaran dua")
    first.supports = second
    first.save(update_fields=["supports"])

    tree = cascade_tree(org.agency, plan.year, viewer=org.hr)

    texts = [node.rhk.text for node in tree.nodes()]
    assert sorted(t for t in texts if t.startswith("Lingkaran")) == ["Lingkaran dua", "Lingkaran satu"]
    assert len(texts) == len(set(texts))


def test_it_keeps_the_nesting_bounded_on_a_very_long_supports_chain(org, plan):
    skp = plan.staff_a_main.skp
    above = plan.staff_a_main
    for n in range(30):
        above = factories.rhk(skp, supports=above, text=f"Rantai {n}", kind="additional")

    tree = cascade_tree(org.agency, plan.year, viewer=org.hr)

    def depth(node):
        return 1 + max((depth(child) for g in node.groups for child in g.nodes), default=0)

    roots = [n for b in tree.goals for g in b.groups for n in g.nodes]
    roots += [n for g in tree.loose for n in g.nodes]
    assert max(depth(n) for n in roots) <= 20
    assert sum(1 for n in tree.nodes() if n.rhk.text.startswith("Rantai")) == 30


# The checks


def test_it_flags_unlinked_staff_staff_without_skp_unsupported_results_and_head_results_without_goal(
    org, plan
):
    tree = cascade_tree(org.agency, plan.year, viewer=org.hr)

    unlinked = {item.staff: (item.has_skp, item.anchor) for item in tree.unlinked_staff}
    assert unlinked == {
        org.staff_a2: (True, f"rhk-{plan.staff_a2_loose.pk}"),
        org.staff_b: (False, None),
    }
    assert tree.without_skp_count == 1
    assert _texts(tree.not_supported) == {plan.kabid_lonely.text, plan.head_without_goal.text}
    assert _texts(tree.no_goal) == {plan.head_without_goal.text}
    flagged = {node.rhk.text for node in tree.nodes() if node.flagged}
    assert flagged == {plan.kabid_lonely.text, plan.head_without_goal.text, plan.staff_a2_loose.text}


def test_it_counts_a_link_to_another_superior_as_not_linked_to_the_supervisors_plan(org, plan):
    plan.staff_a2_loose.supports = plan.head_main
    plan.staff_a2_loose.save(update_fields=["supports"])

    tree = cascade_tree(org.agency, plan.year, viewer=org.hr)

    assert org.staff_a2 in {item.staff for item in tree.unlinked_staff}


def test_it_counts_a_link_to_the_acting_officials_plan_as_linked(org, plan):
    factories.rhk(factories.skp(org.staff_b, plan.year), supports=plan.kabid_main, text="Akta terbit")

    tree = cascade_tree(org.agency, plan.year, viewer=org.hr)

    assert org.staff_b not in {item.staff for item in tree.unlinked_staff}


def test_it_does_not_flag_additional_results_or_results_of_staff_without_subordinates(org, plan):
    factories.rhk(plan.kabid_main.skp, kind="additional", text="Tugas tambahan kabid")
    factories.rhk(plan.head_main.skp, kind="additional", text="Tugas tambahan kepala")

    tree = cascade_tree(org.agency, plan.year, viewer=org.hr)

    assert [_texts(g.nodes) for g in tree.additional] == [{"Tugas tambahan kepala"}, {"Tugas tambahan kabid"}]
    assert not any(n.rhk.kind == "additional" for g in tree.loose for n in g.nodes)

    assert _texts(tree.not_supported) == {plan.kabid_lonely.text, plan.head_without_goal.text}
    assert _texts(tree.no_goal) == {plan.head_without_goal.text}


def test_it_shows_the_counts_with_links_to_the_flagged_nodes_and_badges(client, org, plan):
    html = _get(client, org.hr, year=plan.year.pk).content.decode()

    checks = html.split('id="cascade-checks-heading"')[1].split('id="cascade-tree-heading"')[0]
    counts = re.findall(r'class="cascade-check-count">(\d+)<', checks)
    assert counts == ["2", "2", "1"]
    for rhk in (plan.staff_a2_loose, plan.kabid_lonely, plan.head_without_goal):
        assert f'href="#rhk-{rhk.pk}"' in checks
        assert f'id="rhk-{rhk.pk}"' in html
    assert f'id="staff-{org.staff_b.pk}"' in checks
    lonely = _card(html, plan.kabid_lonely)
    assert "text-bg-warning" in lonely
    loose = _card(html, plan.staff_a2_loose)
    assert "text-bg-danger" in loose


# Who sees what


def _in_view(tree):
    return {node.rhk.text for node in tree.nodes() if node.in_view}


def _context(tree):
    return {node.rhk.text for node in tree.nodes() if not node.in_view}


def test_it_shows_a_staff_member_their_own_branch_only(client, org, plan):
    tree = cascade_tree(org.agency, plan.year, viewer=org.staff_a.user)

    assert _in_view(tree) == {plan.staff_a_main.text}
    assert _context(tree) == {plan.kabid_main.text, plan.head_main.text}
    assert [branch.goal.code for branch in tree.goals] == ["SS-1"]
    assert tree.loose == [] and tree.unlinked_staff == [] and tree.not_supported == []
    context_node = next(n for n in tree.nodes() if n.rhk == plan.kabid_main)
    assert context_node.indicators == []

    html = _get(client, org.staff_a.user, year=plan.year.pk).content.decode()
    assert plan.staff_a_main.text in html and plan.kabid_main.text in html
    for hidden in (plan.kabid_lonely, plan.staff_a2_loose, plan.head_without_goal):
        assert hidden.text not in html
    assert "Persentase perekaman" not in html  # the superior's indicators stay in their SKP


def test_it_shows_a_staff_member_their_own_missing_link(org, plan):
    tree = cascade_tree(org.agency, plan.year, viewer=org.staff_a2.user)

    assert _in_view(tree) == {plan.staff_a2_loose.text}
    assert [item.staff for item in tree.unlinked_staff] == [org.staff_a2]
    assert tree.goals == []


def test_it_shows_a_supervisor_their_chain_including_the_acting_one(org, plan):
    tree = cascade_tree(org.agency, plan.year, viewer=org.kabid_a.user)

    assert _in_view(tree) == {
        plan.kabid_main.text,
        plan.kabid_lonely.text,
        plan.staff_a_main.text,
        plan.staff_a2_loose.text,
    }
    assert _context(tree) == {plan.head_main.text}
    assert {item.staff for item in tree.unlinked_staff} == {org.staff_a2, org.staff_b}
    assert _texts(tree.not_supported) == {plan.kabid_lonely.text}
    assert tree.no_goal == []


def test_it_shows_hr_and_the_super_admin_the_whole_agency(client, org, plan):
    everything = {
        plan.head_main.text,
        plan.head_without_goal.text,
        plan.kabid_main.text,
        plan.kabid_lonely.text,
        plan.staff_a_main.text,
        plan.staff_a2_loose.text,
    }
    for user in (org.hr, org.superadmin):
        tree = cascade_tree(org.agency, plan.year, viewer=user)
        assert _in_view(tree) == everything
        assert _context(tree) == set()

        response = _get(client, user, year=plan.year.pk)
        assert response.status_code == 200
        html = response.content.decode()
        assert all(text in html for text in everything)
        assert plan.goal_data.text in html


def test_it_limits_the_view_to_a_units_subtree_with_the_results_above_as_context(client, org, plan):
    tree = cascade_tree(org.agency, plan.year, unit=org.bidang_a, viewer=org.hr)

    assert _in_view(tree) == {
        plan.kabid_main.text,
        plan.kabid_lonely.text,
        plan.staff_a_main.text,
        plan.staff_a2_loose.text,
    }
    assert _context(tree) == {plan.head_main.text}
    assert [branch.goal.code for branch in tree.goals] == ["SS-1"]

    other = cascade_tree(org.agency, plan.year, unit=org.bidang_b, viewer=org.hr)
    assert _in_view(other) == set()
    assert [item.staff for item in other.unlinked_staff] == [org.staff_b]

    response = _get(client, org.hr, year=plan.year.pk, unit=org.bidang_b.pk)
    assert response.status_code == 200
    assert response.context["unit"] == org.bidang_b
    assert plan.head_without_goal.text not in response.content.decode()


@pytest.mark.parametrize("role", ["other_hr", "outsider"])
def test_it_answers_404_to_another_agency_for_this_agencys_year(client, org, plan, role):
    user = org.other_hr if role == "other_hr" else org.outsider.user

    assert _get(client, user, year=plan.year.pk).status_code == 404


@pytest.mark.parametrize("role", ["other_hr", "outsider"])
def test_it_offers_another_agency_none_of_this_agencys_years(client, org, plan, role):
    user = org.other_hr if role == "other_hr" else org.outsider.user

    response = _get(client, user)

    assert response.status_code == 200
    assert response.context["year"] is None and response.context["year_groups"] == []
    html = response.content.decode()
    assert plan.head_main.text not in html and org.agency.name not in html


def test_it_lets_the_super_admin_choose_among_agencies(client, org, plan):
    other_year = factories.performance_year(org.other_agency, with_periods=False)

    response = _get(client, org.superadmin, year=other_year.pk)

    assert response.status_code == 200
    assert response.context["tree"].agency == org.other_agency
    html = response.content.decode()
    assert f'<optgroup label="{org.agency.name}">' in html
    assert f'<option value="{plan.year.pk}">' in html
    assert plan.head_main.text not in html


def test_it_defaults_to_this_year_of_the_viewers_agency_else_the_newest(client, org):
    this_year = timezone.localdate().year
    factories.performance_year(org.agency, year=this_year - 1, with_periods=False)
    current = factories.performance_year(org.agency, year=this_year, with_periods=False)
    factories.performance_year(org.agency, year=this_year + 1, with_periods=False)
    factories.performance_year(org.other_agency, year=this_year, with_periods=False)

    assert _get(client, org.hr).context["year"] == current
    assert _get(client, org.staff_a.user).context["year"] == current

    current.delete()
    assert _get(client, org.hr).context["year"].year == this_year + 1


# The page


def test_it_issues_the_same_number_of_queries_for_5_and_50_staff(client, org, plan):
    def add_staff(count):
        for _ in range(count):
            member = accounts_factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a)
            skp = factories.skp(member, plan.year)
            main = factories.rhk(skp, supports=plan.kabid_main)
            factories.indicator(main)
            factories.indicator(main, aspect="time", target_value=Decimal("12"), target_unit="bulan")
            factories.rhk(skp, kind="additional")

    def page_queries(user):
        client.force_login(user, backend=BACKEND)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL, {"year": plan.year.pk})
        assert response.status_code == 200
        return len(captured.captured_queries)

    viewers = {"hr": org.hr, "supervisor": org.kabid_a.user, "staff": org.staff_a.user}
    add_staff(5)
    small = {role: page_queries(user) for role, user in viewers.items()}
    add_staff(45)
    large = {role: page_queries(user) for role, user in viewers.items()}

    assert large == small
    assert max(small.values()) <= 15  # with the bell's count


def test_it_renders_without_inline_scripts_or_style_attributes(client, org, plan):
    html = _get(client, org.hr, year=plan.year.pk).content.decode()

    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "css/cascade.css" in html
    assert "<details" in html and "<summary" in html


def test_it_explains_bad_choices_instead_of_failing(client, org, plan):
    for params in ({"year": "abc"}, {"year": "99999999999999"}, {"year": "-3"}):
        response = _get(client, org.hr, **params)
        assert response.status_code == 200
        assert response.context["form"].errors["year"]
        assert response.context["year"] == plan.year

    response = _get(client, org.hr, year="abc", unit=org.bidang_b.pk)
    assert response.context["form"].errors["year"] and response.context["unit"] == org.bidang_b

    other_unit = accounts_factories.unit(agency_obj=org.other_agency, name="Unit lain")
    response = _get(client, org.hr, year=plan.year.pk, unit=other_unit.pk)
    assert response.status_code == 200
    assert response.context["form"].errors["unit"]
    assert response.context["tree"].unit is None
    assert "Unit lain" not in response.content.decode()


def test_it_says_so_when_no_year_is_set_up(client, org):
    response = _get(client, org.hr)

    assert response.status_code == 200
    assert response.context["tree"] is None


def test_it_refuses_other_methods(client, org, plan):
    client.force_login(org.hr, backend=BACKEND)

    assert client.post(URL, {"year": plan.year.pk}).status_code == 405


def test_it_sends_anonymous_visitors_to_sign_in(client, plan):
    response = client.get(URL, {"year": plan.year.pk})

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_reads_acting_assignments_that_overlap_the_year(org, plan):
    org.acting.starts_on = date(plan.year.year - 2, 1, 1)
    org.acting.ends_on = date(plan.year.year - 1, 12, 31)
    org.acting.save(update_fields=["starts_on", "ends_on"])
    factories.rhk(factories.skp(org.staff_b, plan.year), supports=plan.kabid_main, text="Akta terbit")

    tree = cascade_tree(org.agency, plan.year, viewer=org.hr)

    assert org.staff_b in {item.staff for item in tree.unlinked_staff}
