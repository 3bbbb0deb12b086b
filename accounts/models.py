from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import nip as nip_rules


class User(AbstractUser):
    """Pengguna: a sign-in account. Roles other than super admin come from data, never flags."""

    hr_agency = models.ForeignKey(
        "Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hr_admins",
        verbose_name=_("HR admin of agency"),
        help_text=_("Gives this account HR administration of one agency."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Agency(models.Model):
    """Instansi / Perangkat Daerah (OPD)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=50)
    government = models.CharField(
        _("government"), max_length=120, help_text=_("For example: Pemerintah Kota Dumai.")
    )

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name


class Unit(models.Model):
    """Unit kerja (unor): a node of the agency's organisation tree."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="units", verbose_name=_("agency")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    code = models.CharField(_("unit code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("work unit")
        verbose_name_plural = _("work units")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="unit_code_unique_in_agency"),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="unit_not_own_parent"),
            models.CheckConstraint(condition=~Q(code=""), name="unit_code_not_empty"),
        ]

    def __str__(self):
        return self.name


class PositionType(models.TextChoices):
    JPT = "jpt", _("JPT (senior executive)")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Supervisor (Pengawas)")
    PELAKSANA = "pelaksana", _("Executor (Pelaksana)")
    FUNGSIONAL = "fungsional", _("Functional (Fungsional)")


class PositionLevel(models.TextChoices):
    NONE = "", _("—")
    JPT_UTAMA = "utama", _("Utama")
    JPT_MADYA = "madya", _("Madya")
    JPT_PRATAMA = "pratama", _("Pratama")
    AHLI_PERTAMA = "ahli_pertama", _("Ahli Pertama")
    AHLI_MUDA = "ahli_muda", _("Ahli Muda")
    AHLI_MADYA = "ahli_madya", _("Ahli Madya")
    AHLI_UTAMA = "ahli_utama", _("Ahli Utama")
    PEMULA = "pemula", _("Pemula")
    TERAMPIL = "terampil", _("Terampil")
    MAHIR = "mahir", _("Mahir")
    PENYELIA = "penyelia", _("Penyelia")


JPT_LEVELS = ("utama", "madya", "pratama")
FUNCTIONAL_LEVELS = (
    "ahli_pertama",
    "ahli_muda",
    "ahli_madya",
    "ahli_utama",
    "pemula",
    "terampil",
    "mahir",
    "penyelia",
)
LEVELS_BY_TYPE = {
    PositionType.JPT: JPT_LEVELS,
    PositionType.FUNGSIONAL: FUNCTIONAL_LEVELS,
    PositionType.ADMINISTRATOR: ("",),
    PositionType.PENGAWAS: ("",),
    PositionType.PELAKSANA: ("",),
}


class Position(models.Model):
    """Jabatan: a named position of an agency, of one type and (for JPT and functional) one level."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="positions", verbose_name=_("agency")
    )
    name = models.CharField(_("position name"), max_length=200)
    position_type = models.CharField(_("position type"), max_length=20, choices=PositionType.choices)
    level = models.CharField(_("level"), max_length=20, choices=PositionLevel.choices, blank=True, default="")

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="position_name_unique_in_agency"),
            models.CheckConstraint(
                condition=(
                    Q(position_type="jpt", level__in=JPT_LEVELS)
                    | Q(position_type="fungsional", level__in=FUNCTIONAL_LEVELS)
                    | Q(position_type__in=["administrator", "pengawas", "pelaksana"], level="")
                ),
                name="position_level_fits_type",
            ),
        ]

    def __str__(self):
        return self.name


class AsnKind(models.TextChoices):
    PNS = nip_rules.PNS, _("PNS")
    PPPK = nip_rules.PPPK, _("PPPK")


class Rank(models.Model):
    """Golongan / pangkat: PNS I/a–IV/e, PPPK I–XVII. Loaded as data, editable by admins."""

    code = models.CharField(_("grade"), max_length=10, unique=True)
    name = models.CharField(_("rank title"), max_length=60, blank=True)
    asn_kind = models.CharField(_("ASN kind"), max_length=4, choices=AsnKind.choices)
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        verbose_name = _("rank")
        verbose_name_plural = _("ranks")
        ordering = ["asn_kind", "order"]
        constraints = [
            models.UniqueConstraint(fields=["asn_kind", "order"], name="rank_order_unique_per_kind"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}".strip() if self.name else self.code


class StaffStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    TRANSFERRED = "transferred", _("Transferred out")
    RETIRED = "retired", _("Retired")
    INACTIVE = "inactive", _("Inactive")


class StaffQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=StaffStatus.ACTIVE)

    def in_agency(self, agency):
        return self.filter(agency=agency)


class Staff(models.Model):
    """Pegawai ASN: the staff profile behind a user account."""

    user = models.OneToOneField(User, on_delete=models.PROTECT, related_name="staff", verbose_name=_("user"))
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="staff", verbose_name=_("agency")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="staff", verbose_name=_("work unit")
    )
    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="staff", verbose_name=_("position")
    )
    rank = models.ForeignKey(
        Rank,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("rank"),
    )
    nip = models.CharField(_("NIP / NI PPPK"), max_length=18, unique=True)
    asn_kind = models.CharField(_("ASN kind"), max_length=4, choices=AsnKind.choices)
    name = models.CharField(_("name"), max_length=150)
    front_title = models.CharField(_("title before name"), max_length=40, blank=True)
    back_title = models.CharField(_("title after name"), max_length=60, blank=True)
    supervisor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subordinates",
        verbose_name=_("direct supervisor"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StaffStatus.choices, default=StaffStatus.ACTIVE
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    objects = StaffQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(nip__regex=r"^[0-9]{18}$"), name="staff_nip_18_digits"),
            models.CheckConstraint(condition=~Q(supervisor=models.F("id")), name="staff_not_own_supervisor"),
            models.CheckConstraint(condition=Q(asn_kind__in=["pns", "pppk"]), name="staff_asn_kind_valid"),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in StaffStatus]), name="staff_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["agency", "status"], name="staff_agency_status_idx")]

    def __str__(self):
        return f"{self.full_name} ({self.nip})"

    @property
    def full_name(self):
        """Name with academic titles, e.g. "Dr. Rina Marlina, S.Kom., M.Si."."""
        name = f"{self.front_title} {self.name}".strip()
        return f"{name}, {self.back_title}" if self.back_title else name

    @property
    def nip_info(self):
        try:
            return nip_rules.parse_number(self.nip, self.asn_kind)
        except nip_rules.NipError:
            return None

    @property
    def is_active(self):
        return self.status == StaffStatus.ACTIVE


class ActingKind(models.TextChoices):
    PLT = "plt", _("Plt (pelaksana tugas)")
    PLH = "plh", _("Plh (pelaksana harian)")


class ActingAssignmentQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on, ends_on__gte=on)


class ActingAssignment(models.Model):
    """Plt/Plh: for a period, one staff member carries out another's supervisory duties."""

    acting = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="acting_assignments", verbose_name=_("acting official")
    )
    replaces = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        verbose_name=_("on behalf of"),
        help_text=_("The official whose position is vacant or who is absent."),
    )
    kind = models.CharField(_("kind"), max_length=3, choices=ActingKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    decree_number = models.CharField(_("decree number"), max_length=100, blank=True)

    objects = ActingAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("acting assignment")
        verbose_name_plural = _("acting assignments")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="acting_dates_ordered"
            ),
            models.CheckConstraint(condition=~Q(acting=models.F("replaces")), name="acting_not_self"),
            models.CheckConstraint(condition=Q(kind__in=["plt", "plh"]), name="acting_kind_valid"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.acting.full_name} → {self.replaces.full_name}"


class ImportKind(models.TextChoices):
    STRUCTURE = "structure", _("Work units")
    STAFF = "staff", _("Staff")


class ImportRun(models.Model):
    """Riwayat impor: one successful upload of work units or staff into an agency."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="import_runs", verbose_name=_("agency")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ImportKind.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_runs",
        verbose_name=_("uploaded by"),
    )
    row_count = models.PositiveIntegerField(_("rows"))
    created_count = models.PositiveIntegerField(_("created"))
    updated_count = models.PositiveIntegerField(_("updated"))
    finished_at = models.DateTimeField(_("finished at"), default=timezone.now)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-finished_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["structure", "staff"]), name="import_run_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(created_count__lte=models.F("row_count"))
                & Q(updated_count__lte=models.F("row_count") - models.F("created_count")),
                name="import_run_counts_fit_rows",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.file_name}"

    @property
    def unchanged_count(self):
        return self.row_count - self.created_count - self.updated_count
