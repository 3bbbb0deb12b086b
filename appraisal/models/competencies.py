"""The competency framework (PermenPANRB 38/2017): competencies, their levels, position standards."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import FUNCTIONAL_LEVELS, JPT_LEVELS, Agency, Position, PositionLevel, PositionType

LEVEL_MIN, LEVEL_MAX = 1, 5
LEVEL_RANGE = Q(level__gte=LEVEL_MIN, level__lte=LEVEL_MAX)
STANDARD_RANGE = Q(standard_level__gte=LEVEL_MIN, standard_level__lte=LEVEL_MAX)


class CompetencyGroup(models.TextChoices):
    """Kelompok kompetensi. The values sort in the order the framework lists the groups."""

    MANAGERIAL = "managerial", _("Managerial (manajerial)")
    SOCIOCULTURAL = "sociocultural", _("Socio-cultural (sosial kultural)")
    TECHNICAL = "technical", _("Technical (teknis)")


NATIONAL_GROUPS = (CompetencyGroup.MANAGERIAL, CompetencyGroup.SOCIOCULTURAL)


class CompetencyQuerySet(models.QuerySet):
    def national(self):
        """The managerial and socio-cultural competencies, the same for every agency."""
        return self.filter(agency__isnull=True)

    def for_agency(self, agency):
        """The national competencies and the agency's own technical ones."""
        return self.filter(Q(agency__isnull=True) | Q(agency=agency))


class Competency(models.Model):
    """Kompetensi: a managerial or socio-cultural competency of the national framework, or a
    technical competency (kompetensi teknis) that one agency defines for its positions."""

    group = models.CharField(_("group"), max_length=15, choices=CompetencyGroup.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competencies",
        verbose_name=_("agency"),
        help_text=_("Empty for the national managerial and socio-cultural competencies."),
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"))

    objects = CompetencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["group", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code"], name="competency_code_unique_per_agency", nulls_distinct=False
            ),
            models.CheckConstraint(
                condition=Q(group__in=[group.value for group in CompetencyGroup]),
                name="competency_group_valid",
            ),
            models.CheckConstraint(
                condition=Q(group=CompetencyGroup.TECHNICAL, agency__isnull=False)
                | Q(group__in=[group.value for group in NATIONAL_GROUPS], agency__isnull=True),
                name="competency_technical_iff_agency",
            ),
            models.CheckConstraint(condition=~Q(code=""), name="competency_code_not_empty"),
            models.CheckConstraint(condition=~Q(name=""), name="competency_name_not_empty"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def is_national(self):
        return self.agency_id is None


class CompetencyLevel(models.Model):
    """Level kompetensi: what one of the levels 1–5 of a competency means, with its behaviour
    indicators (indikator perilaku)."""

    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, related_name="levels", verbose_name=_("competency")
    )
    level = models.PositiveSmallIntegerField(_("level"))
    description = models.TextField(_("description"))
    indicators = models.TextField(
        _("behaviour indicators"), blank=True, help_text=_("One observable behaviour a line.")
    )

    class Meta:
        verbose_name = _("competency level")
        verbose_name_plural = _("competency levels")
        ordering = ["competency", "level"]
        constraints = [
            models.UniqueConstraint(fields=["competency", "level"], name="competency_level_unique"),
            models.CheckConstraint(condition=LEVEL_RANGE, name="competency_level_1_to_5"),
            models.CheckConstraint(condition=~Q(description=""), name="competency_level_description_set"),
        ]

    def __str__(self):
        return f"{self.competency.code} level {self.level}"


class PositionCompetency(models.Model):
    """Standar kompetensi jabatan: the level a position requires in one competency.

    A technical competency must be one of the position's own agency; the service checks it."""

    position = models.ForeignKey(
        Position, on_delete=models.CASCADE, related_name="competency_standards", verbose_name=_("position")
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="position_standards", verbose_name=_("competency")
    )
    standard_level = models.PositiveSmallIntegerField(_("standard level"))

    class Meta:
        verbose_name = _("position competency standard")
        verbose_name_plural = _("position competency standards")
        ordering = ["position", "competency"]
        constraints = [
            models.UniqueConstraint(fields=["position", "competency"], name="position_competency_unique"),
            models.CheckConstraint(condition=STANDARD_RANGE, name="position_standard_level_1_to_5"),
        ]

    def __str__(self):
        return f"{self.position}: {self.competency.code} {self.standard_level}"


class StandardLevelDefault(models.Model):
    """Standar level bawaan: the standard level a position type (and level) gets by default in the
    managerial and socio-cultural competencies. Data, so the agency's practice can be changed."""

    position_type = models.CharField(_("position type"), max_length=20, choices=PositionType.choices)
    level = models.CharField(
        _("position level"), max_length=20, choices=PositionLevel.choices, blank=True, default=""
    )
    standard_level = models.PositiveSmallIntegerField(_("standard level"))

    class Meta:
        verbose_name = _("default standard level")
        verbose_name_plural = _("default standard levels")
        ordering = ["position_type", "level"]
        constraints = [
            models.UniqueConstraint(fields=["position_type", "level"], name="standard_default_unique"),
            models.CheckConstraint(condition=STANDARD_RANGE, name="standard_default_level_1_to_5"),
            models.CheckConstraint(
                condition=(
                    Q(position_type="jpt", level__in=JPT_LEVELS)
                    | Q(position_type="fungsional", level__in=FUNCTIONAL_LEVELS)
                    | Q(position_type__in=["administrator", "pengawas", "pelaksana"], level="")
                ),
                name="standard_default_level_fits_type",
            ),
        ]

    def __str__(self):
        position = self.get_position_type_display()
        if self.level:
            position = f"{position} {self.get_level_display()}"
        return f"{position}: {self.standard_level}"
