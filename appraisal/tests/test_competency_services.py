"""The competency framework against the database: its constraints, its data, and writes where every
refusal stores nothing."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from accounts.tests import factories as account_factories
from appraisal.models import (
    Competency,
    CompetencyGroup,
    CompetencyLevel,
    PositionCompetency,
    StandardLevelDefault,
)
from appraisal.selectors import competencies as selectors
from appraisal.services import competencies as services

pytestmark = pytest.mark.django_db

MANAGERIAL_NAMES = [
    "Integritas",
    "Kerjasama",
    "Komunikasi",
    "Orientasi pada Hasil",
    "Pelayanan Publik",
    "Pengembangan Diri dan Orang Lain",
    "Mengelola Perubahan",
    "Pengambilan Keputusan",
]
DEFAULTS = {
    ("jpt", "pratama"): 4,
    ("administrator", ""): 3,
    ("pengawas", ""): 2,
    ("pelaksana", ""): 1,
    ("fungsional", "ahli_utama"): 4,
    ("fungsional", "ahli_madya"): 3,
    ("fungsional", "ahli_muda"): 2,
    ("fungsional", "ahli_pertama"): 1,
    ("fungsional", "penyelia"): 2,
    ("fungsional", "mahir"): 1,
    ("fungsional", "terampil"): 1,
    ("fungsional", "pemula"): 1,
}
LEVELS = [f"Level {number}: uraian perilaku" for number in range(1, 6)]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def agency():
    return account_factories.agency(short_name="Disdukcapil")


@pytest.fixture
def other_agency():
    return account_factories.agency(short_name="Diskominfo")


def _technical(agency, code="T.01", **overrides):
    values = {
        "agency": agency,
        "code": code,
        "name": "Pengelolaan Data Kependudukan",
        "definition": "Mengelola data kependudukan secara akurat dan aman.",
        "level_descriptions": LEVELS,
        **overrides,
    }
    return services.technical_competency_create(**values)


def _national(code="M.1"):
    return Competency.objects.get(agency=None, code=code)


def _messages(error):
    return {field: " ".join(str(m) for m in messages) for field, messages in error.value.message_dict.items()}


def _counts():
    return (Competency.objects.count(), CompetencyLevel.objects.count(), PositionCompetency.objects.count())


def _refused_by_database(**create):
    model = create.pop("model")
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**create)


# The constraints of the database


@pytest.mark.parametrize("level", [0, 6, 9])
def test_it_refuses_a_competency_level_outside_1_to_5_in_the_database(level):
    competency = _national("M.2")
    _refused_by_database(model=CompetencyLevel, competency=competency, level=level, description="x")


@pytest.mark.parametrize("level", [0, 6])
def test_it_refuses_a_standard_level_outside_1_to_5_in_the_database(agency, level):
    position = account_factories.position(agency_obj=agency)
    _refused_by_database(
        model=PositionCompetency, position=position, competency=_national(), standard_level=level
    )


@pytest.mark.parametrize("level", [0, 6])
def test_it_refuses_a_default_standard_outside_1_to_5_in_the_database(level):
    _refused_by_database(model=StandardLevelDefault, position_type="jpt", level="madya", standard_level=level)


def test_it_refuses_a_technical_competency_without_an_agency_in_the_database():
    _refused_by_database(
        model=Competency, group=CompetencyGroup.TECHNICAL, agency=None, code="T.09", name="X", definition="x"
    )


@pytest.mark.parametrize("group", [CompetencyGroup.MANAGERIAL, CompetencyGroup.SOCIOCULTURAL])
def test_it_refuses_a_national_group_competency_of_one_agency_in_the_database(agency, group):
    _refused_by_database(model=Competency, group=group, agency=agency, code="M.9", name="X", definition="x")


def test_it_refuses_a_competency_of_an_unknown_group_in_the_database():
    _refused_by_database(
        model=Competency, group="personal", agency=None, code="P.1", name="X", definition="x"
    )


def test_it_refuses_a_duplicate_national_code_in_the_database():
    _refused_by_database(
        model=Competency,
        group=CompetencyGroup.MANAGERIAL,
        agency=None,
        code="M.1",
        name="Lain",
        definition="x",
    )


def test_it_refuses_a_duplicate_code_in_one_agency_in_the_database(agency):
    _technical(agency)
    _refused_by_database(
        model=Competency,
        group=CompetencyGroup.TECHNICAL,
        agency=agency,
        code="T.01",
        name="Lain",
        definition="x",
    )


def test_it_allows_the_same_technical_code_in_two_agencies(agency, other_agency):
    _technical(agency)
    _technical(other_agency)
    assert Competency.objects.filter(code="T.01").count() == 2


def test_it_refuses_an_empty_code_in_the_database(agency):
    _refused_by_database(
        model=Competency, group=CompetencyGroup.TECHNICAL, agency=agency, code="", name="X", definition="x"
    )


def test_it_refuses_a_second_description_of_one_level_in_the_database():
    _refused_by_database(model=CompetencyLevel, competency=_national(), level=3, description="Lagi")


def test_it_refuses_a_second_standard_of_one_position_in_one_competency_in_the_database(agency):
    position = account_factories.position(agency_obj=agency)
    PositionCompetency.objects.create(position=position, competency=_national(), standard_level=2)
    _refused_by_database(
        model=PositionCompetency, position=position, competency=_national(), standard_level=3
    )


def test_it_refuses_a_second_default_for_one_position_type_in_the_database():
    _refused_by_database(model=StandardLevelDefault, position_type="pelaksana", level="", standard_level=2)


@pytest.mark.parametrize(
    ("position_type", "level"), [("pelaksana", "pratama"), ("jpt", ""), ("fungsional", "madya")]
)
def test_it_refuses_a_default_whose_level_does_not_fit_the_type_in_the_database(position_type, level):
    StandardLevelDefault.objects.filter(position_type=position_type).delete()
    _refused_by_database(
        model=StandardLevelDefault, position_type=position_type, level=level, standard_level=2
    )


# The data migration


def test_it_loads_the_eight_managerial_and_one_socio_cultural_competency():
    national = list(Competency.objects.national().order_by("code"))
    managerial = [c.name for c in national if c.group == CompetencyGroup.MANAGERIAL]
    sociocultural = [c.name for c in national if c.group == CompetencyGroup.SOCIOCULTURAL]
    assert managerial == MANAGERIAL_NAMES
    assert sociocultural == ["Perekat Bangsa"]
    assert all(c.definition.strip() for c in national)


def test_it_describes_each_of_the_levels_1_to_5_of_every_national_competency():
    for competency in Competency.objects.national().prefetch_related("levels"):
        levels = sorted(competency.levels.all(), key=lambda level: level.level)
        assert [level.level for level in levels] == [1, 2, 3, 4, 5], competency.code
        descriptions = [level.description for level in levels]
        assert all(text.strip() for text in descriptions)
        assert len(set(descriptions)) == 5


def test_it_loads_the_default_standard_levels_as_data():
    rows = {(row.position_type, row.level): row.standard_level for row in StandardLevelDefault.objects.all()}
    assert rows == DEFAULTS


def test_it_runs_the_data_migration_again_without_duplicates_and_restores_its_texts():
    migration = importlib.import_module("appraisal.migrations.0004_competency_data")
    level = CompetencyLevel.objects.get(competency__code="M.3", competency__agency=None, level=2)
    original = level.description
    level.description = "Diubah"
    level.save(update_fields=["description"])
    before = (
        Competency.objects.count(),
        CompetencyLevel.objects.count(),
        StandardLevelDefault.objects.count(),
    )

    migration.load_framework(django_apps, None)
    migration.load_framework(django_apps, None)

    after = (
        Competency.objects.count(),
        CompetencyLevel.objects.count(),
        StandardLevelDefault.objects.count(),
    )
    assert after == before == (9, 45, 12)
    level.refresh_from_db()
    assert level.description == original


# Level descriptions


def test_it_rewrites_a_level_description_and_its_indicators():
    level = CompetencyLevel.objects.get(competency=_national(), level=2)
    services.competency_level_update(
        level=level, description="  Mengajak rekan kerja.  ", indicators=" a\nb "
    )
    level.refresh_from_db()
    assert (level.description, level.indicators) == ("Mengajak rekan kerja.", "a\nb")


@pytest.mark.parametrize("description", ["", "   ", None])
def test_it_refuses_an_empty_level_description_and_keeps_the_old_one(description):
    level = CompetencyLevel.objects.get(competency=_national(), level=2)
    original = level.description
    with pytest.raises(ValidationError) as error:
        services.competency_level_update(level=level, description=description, indicators="baru")
    assert "description" in _messages(error)
    level.refresh_from_db()
    assert (level.description, level.indicators) == (original, "")


# Technical competencies


def test_it_adds_a_technical_competency_with_its_five_levels(agency):
    competency = _technical(agency, code=" T.02 ", name=" Arsip Digital ")
    assert (competency.group, competency.agency, competency.code, competency.name) == (
        "technical",
        agency,
        "T.02",
        "Arsip Digital",
    )
    assert list(competency.levels.order_by("level").values_list("level", "description")) == list(
        enumerate(LEVELS, start=1)
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"code": ""}, "code"),
        ({"code": "X" * 21}, "code"),
        ({"name": "  "}, "name"),
        ({"definition": ""}, "definition"),
        ({"level_descriptions": [*LEVELS[:4], " "]}, "level_5"),
        ({"level_descriptions": LEVELS[:4]}, "__all__"),
        ({"level_descriptions": [*LEVELS, "Level 6"]}, "__all__"),
    ],
)
def test_it_refuses_an_incomplete_technical_competency_and_stores_nothing(agency, overrides, field):
    before = _counts()
    with pytest.raises(ValidationError) as error:
        _technical(agency, **overrides)
    assert field in _messages(error)
    assert _counts() == before


def test_it_refuses_a_technical_code_the_agency_already_uses(agency):
    _technical(agency)
    before = _counts()
    with pytest.raises(ValidationError) as error:
        _technical(agency, name="Lain")
    assert "already has a competency with code T.01" in _messages(error)["code"]
    assert _counts() == before


def test_it_turns_a_code_taken_meanwhile_into_the_same_message(agency, monkeypatch):
    _technical(agency)
    monkeypatch.setattr(services, "_check_technical", lambda **kwargs: {})
    before = _counts()
    with pytest.raises(ValidationError) as error:
        _technical(agency)
    assert "already has a competency with code T.01" in _messages(error)["code"]
    assert _counts() == before


def test_it_renames_a_technical_competency(agency):
    competency = _technical(agency)
    services.technical_competency_update(
        competency=competency, code="T.10", name="Administrasi Kependudukan", definition="Baru."
    )
    competency.refresh_from_db()
    assert (competency.code, competency.name, competency.definition) == (
        "T.10",
        "Administrasi Kependudukan",
        "Baru.",
    )


def test_it_refuses_a_rename_to_a_code_in_use_and_keeps_the_competency(agency):
    _technical(agency, code="T.01")
    second = _technical(agency, code="T.02")
    with pytest.raises(ValidationError) as error:
        services.technical_competency_update(competency=second, code="T.01", name="Baru", definition="Baru.")
    assert "code" in _messages(error)
    second.refresh_from_db()
    assert (second.code, second.name) == ("T.02", "Pengelolaan Data Kependudukan")


def test_it_keeps_its_own_code_on_a_rename(agency):
    competency = _technical(agency)
    services.technical_competency_update(competency=competency, code="T.01", name="Baru", definition="Baru.")
    competency.refresh_from_db()
    assert competency.name == "Baru"


def test_it_refuses_to_rename_a_national_competency():
    competency = _national()
    with pytest.raises(ValidationError) as error:
        services.technical_competency_update(competency=competency, code="M.1", name="Jujur", definition="x")
    assert "set nationally" in " ".join(error.value.messages)
    competency.refresh_from_db()
    assert competency.name == "Integritas"


# Standards of positions


def test_it_sets_changes_and_removes_a_standard(agency):
    position = account_factories.position(agency_obj=agency)
    competency = _national()
    standard = services.position_standard_set(position=position, competency=competency, standard_level=2)
    assert standard.standard_level == 2
    services.position_standard_set(position=position, competency=competency, standard_level=4)
    assert PositionCompetency.objects.get(position=position, competency=competency).standard_level == 4
    assert (
        services.position_standard_set(position=position, competency=competency, standard_level=None) is None
    )
    assert not PositionCompetency.objects.filter(position=position).exists()


def test_it_sets_a_standard_in_the_agencys_own_technical_competency(agency):
    position = account_factories.position(agency_obj=agency)
    competency = _technical(agency)
    services.position_standard_set(position=position, competency=competency, standard_level=3)
    assert position.competency_standards.get().competency == competency


def test_it_refuses_a_technical_competency_of_another_agency_and_stores_nothing(agency, other_agency):
    position = account_factories.position(agency_obj=agency)
    competency = _technical(other_agency)
    with pytest.raises(ValidationError) as error:
        services.position_standard_set(position=position, competency=competency, standard_level=3)
    assert "another agency" in _messages(error)["standard_level"]
    assert not PositionCompetency.objects.exists()


@pytest.mark.parametrize("value", [0, 6, -1, True, "3", 2.5])
def test_it_refuses_a_standard_that_is_not_a_level_1_to_5_and_keeps_the_old_one(agency, value):
    position = account_factories.position(agency_obj=agency)
    services.position_standard_set(position=position, competency=_national(), standard_level=2)
    with pytest.raises(ValidationError):
        services.position_standard_set(position=position, competency=_national(), standard_level=value)
    assert PositionCompetency.objects.get(position=position).standard_level == 2


def test_it_sets_several_standards_at_once(agency):
    position = account_factories.position(agency_obj=agency)
    technical = _technical(agency)
    services.position_standard_set(position=position, competency=technical, standard_level=2)
    count = services.position_standards_update(
        position=position, levels={_national("M.1"): 3, _national("M.2"): 2, technical: None}
    )
    assert count == 2
    assert dict(position.competency_standards.values_list("competency__code", "standard_level")) == {
        "M.1": 3,
        "M.2": 2,
    }


def test_it_sets_no_standard_when_one_of_several_is_refused(agency, other_agency):
    position = account_factories.position(agency_obj=agency)
    services.position_standard_set(position=position, competency=_national("M.3"), standard_level=1)
    with pytest.raises(ValidationError) as error:
        services.position_standards_update(
            position=position,
            levels={
                _national("M.1"): 3,
                _national("M.2"): 9,
                _national("M.3"): None,
                _technical(other_agency): 2,
            },
        )
    assert len(error.value.messages) == 2
    assert list(position.competency_standards.values_list("competency__code", "standard_level")) == [
        ("M.3", 1)
    ]


# Applying the default standards


def _agency_positions(agency):
    """Two Pelaksana, one Administrator, one JPT Pratama, one Ahli Muda and one JPT Madya (no default)."""
    make = account_factories.position
    return {
        "pelaksana": make(agency_obj=agency),
        "pelaksana2": make(agency_obj=agency),
        "administrator": make(agency_obj=agency, position_type="administrator"),
        "pratama": make(agency_obj=agency, position_type="jpt", level="pratama"),
        "ahli_muda": make(agency_obj=agency, position_type="fungsional", level="ahli_muda"),
        "madya": make(agency_obj=agency, position_type="jpt", level="madya"),
    }


def test_it_gives_each_position_the_default_standard_of_its_type(agency):
    positions = _agency_positions(agency)
    technical = _technical(agency)

    counts = services.position_standards_apply_defaults(agency=agency)

    assert counts == {"created": 5 * 9, "kept": 0, "positions_without_default": 1}
    expected = {"pelaksana": 1, "pelaksana2": 1, "administrator": 3, "pratama": 4, "ahli_muda": 2}
    for key, level in expected.items():
        standards = positions[key].competency_standards.all()
        assert sorted(s.competency.code for s in standards) == [f"M.{n}" for n in range(1, 9)] + ["SK.1"]
        assert {s.standard_level for s in standards} == {level}, key
    assert not positions["madya"].competency_standards.exists()
    assert not PositionCompetency.objects.filter(competency=technical).exists()


def test_it_applies_the_defaults_again_without_changing_anything(agency):
    _agency_positions(agency)
    services.position_standards_apply_defaults(agency=agency)
    before = set(PositionCompetency.objects.values_list("pk", "standard_level"))

    counts = services.position_standards_apply_defaults(agency=agency)

    assert counts == {"created": 0, "kept": 5 * 9, "positions_without_default": 1}
    assert set(PositionCompetency.objects.values_list("pk", "standard_level")) == before


def test_it_keeps_the_standards_hr_set_when_applying_the_defaults(agency):
    positions = _agency_positions(agency)
    services.position_standard_set(
        position=positions["pelaksana"], competency=_national("M.5"), standard_level=3
    )
    services.position_standard_set(position=positions["madya"], competency=_national("M.1"), standard_level=5)

    counts = services.position_standards_apply_defaults(agency=agency)

    assert counts == {"created": 5 * 9 - 1, "kept": 2, "positions_without_default": 1}
    assert (
        PositionCompetency.objects.get(position=positions["pelaksana"], competency__code="M.5").standard_level
        == 3
    )
    assert positions["madya"].competency_standards.count() == 1


def test_it_applies_the_defaults_as_the_data_says(agency):
    StandardLevelDefault.objects.filter(position_type="pelaksana").update(standard_level=2)
    position = account_factories.position(agency_obj=agency)
    services.position_standards_apply_defaults(agency=agency)
    assert set(position.competency_standards.values_list("standard_level", flat=True)) == {2}


def test_it_applies_the_defaults_to_one_agency_only(agency, other_agency):
    _agency_positions(agency)
    elsewhere = account_factories.position(agency_obj=other_agency)
    services.position_standards_apply_defaults(agency=agency)
    assert not elsewhere.competency_standards.exists()


def test_it_applies_the_defaults_to_an_agency_without_positions(agency):
    assert services.position_standards_apply_defaults(agency=agency) == {
        "created": 0,
        "kept": 0,
        "positions_without_default": 0,
    }


def test_it_applies_the_defaults_in_a_fixed_number_of_queries(agency, django_assert_max_num_queries):
    for _ in range(30):
        account_factories.position(agency_obj=agency)
    with django_assert_max_num_queries(8):
        counts = services.position_standards_apply_defaults(agency=agency)
    assert counts["created"] == 30 * 9


# Reads


def test_it_reads_the_framework_with_its_levels_in_two_queries(
    agency, other_agency, django_assert_num_queries
):
    _technical(agency)
    _technical(other_agency, code="K.01")
    with django_assert_num_queries(2):
        framework = list(selectors.competency_framework([agency.pk]))
        levels = [[level.level for level in competency.levels.all()] for competency in framework]
    assert [c.code for c in framework] == [*(f"M.{n}" for n in range(1, 9)), "SK.1", "T.01"]
    assert levels == [[1, 2, 3, 4, 5]] * 10


def test_it_reads_every_agencys_technical_competencies_for_the_whole_framework(agency, other_agency):
    _technical(agency)
    _technical(other_agency, code="K.01")
    assert [c.code for c in selectors.competency_framework()][-2:] in (["T.01", "K.01"], ["K.01", "T.01"])


def test_it_reads_a_positions_standards_in_the_frameworks_order(agency):
    position = account_factories.position(agency_obj=agency)
    technical = _technical(agency)
    for competency, level in ((technical, 2), (_national("SK.1"), 1), (_national("M.4"), 3)):
        services.position_standard_set(position=position, competency=competency, standard_level=level)
    assert [(s.competency.code, s.standard_level) for s in selectors.position_standards(position)] == [
        ("M.4", 3),
        ("SK.1", 1),
        ("T.01", 2),
    ]


def test_it_builds_the_standards_matrix_of_an_agency(agency, other_agency):
    positions = _agency_positions(agency)
    _technical(agency)
    _technical(other_agency, code="K.01")
    services.position_standards_apply_defaults(agency=agency)

    matrix = selectors.standards_matrix(agency)

    assert [c.code for c in matrix.competencies] == [*(f"M.{n}" for n in range(1, 9)), "SK.1", "T.01"]
    rows = {row.position.pk: row.levels for row in matrix.rows}
    assert rows[positions["pratama"].pk] == [4] * 9 + [None]
    assert rows[positions["madya"].pk] == [None] * 10
    assert matrix.rows[0].position.position_type == "jpt"
    assert matrix.missing_count == 9
