"""Demo data for Kota Dumai: two agencies with their structure, staff, sign-in accounts and one Plt.

The data is plain structures; build_demo() writes it keyed by natural keys (agency code, unit code,
position name, NIP, username), so running it again changes nothing. Supervisors follow the unit tree:
a unit head reports to the head of the unit above, everyone else to the head of their own unit.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from accounts.models import (
    ActingAssignment,
    ActingKind,
    Agency,
    Position,
    PositionLevel,
    PositionType,
    Rank,
    Staff,
    StaffStatus,
    Unit,
)

DEMO_PASSWORD = "Dumai2026!"
EMAIL_DOMAIN = "dumaikota.go.id"
GOVERNMENT = "Pemerintah Kota Dumai"


@dataclass(frozen=True)
class Job:
    name: str
    position_type: str
    level: str = PositionLevel.NONE


@dataclass(frozen=True)
class Person:
    """One staff member; `full_name` is written as on an official list: "Drs. H. Name, M.Si."."""

    nip: str
    full_name: str
    job: Job
    rank: str
    status: str = StaffStatus.ACTIVE

    @property
    def _parts(self):
        titled, _, back_title = self.full_name.partition(", ")
        words = titled.split()
        front = 0
        while words[front].endswith("."):
            front += 1
        return " ".join(words[:front]), " ".join(words[front:]), back_title

    @property
    def front_title(self):
        return self._parts[0]

    @property
    def name(self):
        return self._parts[1]

    @property
    def back_title(self):
        return self._parts[2]

    @property
    def email(self):
        words = self.name.lower().split()
        return f"{words[0]}.{words[-1]}@{EMAIL_DOMAIN}"


@dataclass(frozen=True)
class DemoUnit:
    """A work unit; the first person listed heads it."""

    code: str
    name: str
    parent: str | None
    staff: tuple[Person, ...]

    @property
    def head(self):
        return self.staff[0]


@dataclass(frozen=True)
class DemoAgency:
    code: str
    name: str
    short_name: str
    units: tuple[DemoUnit, ...]


@dataclass(frozen=True)
class Account:
    """A sign-in that is not a staff member: HR admins and the super admin."""

    username: str
    first_name: str
    last_name: str
    hr_agency: str | None = None
    superuser: bool = False

    @property
    def email(self):
        return f"{self.username}@{EMAIL_DOMAIN}"


@dataclass(frozen=True)
class Acting:
    acting: Person
    replaces: Person
    kind: str
    starts_on: date
    ends_on: date
    decree_number: str


@dataclass(frozen=True)
class SignIn:
    role: str
    login: str
    sees: str


JPT, ADMINISTRATOR, PENGAWAS = PositionType.JPT, PositionType.ADMINISTRATOR, PositionType.PENGAWAS
PELAKSANA, FUNGSIONAL = PositionType.PELAKSANA, PositionType.FUNGSIONAL
Level = PositionLevel

SECRETARY = Job("Sekretaris", ADMINISTRATOR)
HEAD_OF_GENERAL_AFFAIRS = Job("Kepala Subbagian Umum dan Kepegawaian", PENGAWAS)
HEAD_OF_PLANNING_FINANCE = Job("Kepala Subbagian Perencanaan dan Keuangan", PENGAWAS)
DATABASE_ADMIN_MUDA = Job("Administrator Database Kependudukan Ahli Muda", FUNGSIONAL, Level.AHLI_MUDA)
DATABASE_ADMIN_PERTAMA = Job(
    "Administrator Database Kependudukan Ahli Pertama", FUNGSIONAL, Level.AHLI_PERTAMA
)
POLICY_ANALYST_MUDA = Job("Analis Kebijakan Ahli Muda", FUNGSIONAL, Level.AHLI_MUDA)
POLICY_ANALYST_PERTAMA = Job("Analis Kebijakan Ahli Pertama", FUNGSIONAL, Level.AHLI_PERTAMA)
COMPUTER_ANALYST_MUDA = Job("Pranata Komputer Ahli Muda", FUNGSIONAL, Level.AHLI_MUDA)
COMPUTER_ANALYST_PERTAMA = Job("Pranata Komputer Ahli Pertama", FUNGSIONAL, Level.AHLI_PERTAMA)
COMPUTER_TECHNICIAN = Job("Pranata Komputer Terampil", FUNGSIONAL, Level.TERAMPIL)
STATISTICIAN_MUDA = Job("Statistisi Ahli Muda", FUNGSIONAL, Level.AHLI_MUDA)
STATISTICIAN_PERTAMA = Job("Statistisi Ahli Pertama", FUNGSIONAL, Level.AHLI_PERTAMA)
PLANNER_PERTAMA = Job("Perencana Ahli Pertama", FUNGSIONAL, Level.AHLI_PERTAMA)
HR_ANALYST_MUDA = Job("Analis Sumber Daya Manusia Aparatur Ahli Muda", FUNGSIONAL, Level.AHLI_MUDA)
HR_ANALYST_PERTAMA = Job("Analis Sumber Daya Manusia Aparatur Ahli Pertama", FUNGSIONAL, Level.AHLI_PERTAMA)
ARCHIVIST = Job("Arsiparis Terampil", FUNGSIONAL, Level.TERAMPIL)
POPULATION_CLERK = Job("Pengadministrasi Kependudukan", PELAKSANA)
OFFICE_CLERK = Job("Pengadministrasi Perkantoran", PELAKSANA)
SERVICE_OPERATOR = Job("Operator Layanan Operasional", PELAKSANA)
SERVICE_OFFICER = Job("Penata Layanan Operasional", PELAKSANA)
POLICY_REVIEWER = Job("Penelaah Teknis Kebijakan", PELAKSANA)
TREASURER = Job("Bendahara", PELAKSANA)


def head_of(unit_name, position_type=ADMINISTRATOR, level=Level.NONE):
    return Job(f"Kepala {unit_name}", position_type, level)


# People named again below: in the Plt assignment, the sign-in table and the tests.
DISDUKCAPIL_HEAD = Person(
    "196904121994031003",
    "Drs. H. Syafrizal Nasution, M.Si.",
    head_of("Dinas Kependudukan dan Pencatatan Sipil", JPT, Level.JPT_PRATAMA),
    "IV/c",
)
REGISTRATION_HEAD = Person(
    "197501172000031001",
    "Armansyah Putra, S.Sos., M.Si.",
    head_of("Bidang Pelayanan Pendaftaran Penduduk"),
    "IV/a",
)
CIVIL_REGISTRY_HEAD = Person(
    "196809071993031004",
    "Drs. Zainal Abidin, M.H.",
    head_of("Bidang Pelayanan Pencatatan Sipil"),
    "IV/b",
    StaffStatus.RETIRED,
)
IDENTITY_TEAM_LEAD = Person(
    "198409022009012002", "Rina Marlina, S.Kom., M.Kom.", DATABASE_ADMIN_MUDA, "III/d"
)
DATABASE_ADMIN = Person("199302242019031002", "Fajar Ramadhan, S.Kom.", DATABASE_ADMIN_PERTAMA, "III/b")
TRANSFERRED_CLERK = Person(
    "199208052014121001", "Budi Santoso", POPULATION_CLERK, "II/c", StaffStatus.TRANSFERRED
)
PPPK_PROGRAMMER = Person("199602142022212002", "Putri Ayu Lestari, S.Kom.", COMPUTER_ANALYST_PERTAMA, "IX")
BKPSDM_HEAD = Person(
    "197006151995031002",
    "Dr. Muhammad Nasir, S.Sos., M.Si.",
    head_of("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", JPT, Level.JPT_PRATAMA),
    "IV/c",
)

DISDUKCAPIL = DemoAgency(
    code="disdukcapil",
    name="Dinas Kependudukan dan Pencatatan Sipil Kota Dumai",
    short_name="Disdukcapil",
    units=(
        DemoUnit("DUK", "Dinas Kependudukan dan Pencatatan Sipil", None, (DISDUKCAPIL_HEAD,)),
        DemoUnit(
            "DUK.SEKRE",
            "Sekretariat",
            "DUK",
            (Person("197208201998032002", "Hj. Yusnidar Chaniago, S.E., M.M.", SECRETARY, "IV/b"),),
        ),
        DemoUnit(
            "DUK.SEKRE.UMPEG",
            "Subbagian Umum dan Kepegawaian",
            "DUK.SEKRE",
            (
                Person(
                    "198002152005011002", "Dedi Kurniawan, S.Sos., M.Si.", HEAD_OF_GENERAL_AFFAIRS, "III/d"
                ),
                Person("199106032019032004", "Fitri Handayani, S.Psi.", HR_ANALYST_PERTAMA, "III/b"),
                Person("199011212010121001", "Ahmad Fauzi", OFFICE_CLERK, "II/d"),
                Person("199307142022212003", "Sri Wahyuni, A.Md.", ARCHIVIST, "VII"),
            ),
        ),
        DemoUnit(
            "DUK.SEKRE.RENKEU",
            "Subbagian Perencanaan dan Keuangan",
            "DUK.SEKRE",
            (
                Person(
                    "198210052006042001", "Nurhasanah Siregar, S.E., M.Ak.", HEAD_OF_PLANNING_FINANCE, "III/c"
                ),
                Person("199603282022061001", "Rizky Ananda Putra, S.E.", PLANNER_PERTAMA, "III/a"),
                Person("199512112021012003", "Desi Ratnasari, S.Ak.", TREASURER, "III/a"),
                Person("199805192024211002", "Muhammad Ilham", SERVICE_OPERATOR, "V"),
            ),
        ),
        DemoUnit("DUK.DAFDUK", "Bidang Pelayanan Pendaftaran Penduduk", "DUK", (REGISTRATION_HEAD,)),
        DemoUnit(
            "DUK.DAFDUK.IDP",
            "Tim Kerja Identitas Penduduk",
            "DUK.DAFDUK",
            (
                IDENTITY_TEAM_LEAD,
                Person("199404222019032003", "Dian Permata Sari, A.Md.", POPULATION_CLERK, "II/d"),
                DATABASE_ADMIN,
                Person("199908302024212001", "Yulia Anggraini", SERVICE_OPERATOR, "V"),
            ),
        ),
        DemoUnit(
            "DUK.DAFDUK.PDPD",
            "Tim Kerja Pindah Datang dan Pendataan Penduduk",
            "DUK.DAFDUK",
            (
                Person("198306112010011005", "Joko Susilo, S.Sos.", DATABASE_ADMIN_MUDA, "III/c"),
                Person("199701152022062001", "Mutiara Hasibuan, S.H.", POLICY_REVIEWER, "III/a"),
                TRANSFERRED_CLERK,
            ),
        ),
        DemoUnit("DUK.CAPIL", "Bidang Pelayanan Pencatatan Sipil", "DUK", (CIVIL_REGISTRY_HEAD,)),
        DemoUnit(
            "DUK.CAPIL.KLM",
            "Tim Kerja Kelahiran dan Kematian",
            "DUK.CAPIL",
            (
                Person("198112192008122001", "Erni Susanti, S.H., M.H.", DATABASE_ADMIN_MUDA, "III/d"),
                Person("199710232022061002", "Reza Fahlevi, S.Kom.", DATABASE_ADMIN_PERTAMA, "III/a"),
                Person("199605052021012002", "Winda Lestari", POPULATION_CLERK, "II/c"),
            ),
        ),
        DemoUnit(
            "DUK.CAPIL.PPS",
            "Tim Kerja Perkawinan, Perceraian dan Perubahan Status Anak",
            "DUK.CAPIL",
            (
                Person("197903302006011003", "Syamsul Bahri, S.H.", POLICY_ANALYST_MUDA, "III/d"),
                Person("199411022023212001", "Indah Permatasari, S.H.", DATABASE_ADMIN_PERTAMA, "IX"),
                Person("199104182011011002", "Taufik Hidayat", POPULATION_CLERK, "II/d"),
            ),
        ),
        DemoUnit(
            "DUK.PIAK",
            "Bidang Pengelolaan Informasi Administrasi Kependudukan",
            "DUK",
            (
                Person(
                    "197705262003121002",
                    "Hendrik Simanjuntak, S.T., M.Kom.",
                    head_of("Bidang Pengelolaan Informasi Administrasi Kependudukan"),
                    "IV/a",
                ),
            ),
        ),
        DemoUnit(
            "DUK.PIAK.SIAK",
            "Tim Kerja Sistem Informasi Administrasi Kependudukan",
            "DUK.PIAK",
            (
                Person("198507082010122003", "Novia Rahayu, S.Kom., M.Kom.", COMPUTER_ANALYST_MUDA, "III/d"),
                Person("199212012019031003", "Arif Rahman Hakim, S.Kom.", COMPUTER_ANALYST_PERTAMA, "III/b"),
                PPPK_PROGRAMMER,
                Person("199309162019031001", "Rudi Hartono, A.Md.", COMPUTER_TECHNICIAN, "II/d"),
            ),
        ),
        DemoUnit(
            "DUK.PIAK.PPD",
            "Tim Kerja Pengolahan dan Penyajian Data Kependudukan",
            "DUK.PIAK",
            (
                Person("198601202011011001", "Wahyu Setiawan, S.Si., M.Si.", STATISTICIAN_MUDA, "III/c"),
                Person("199807072022062002", "Annisa Rahmadani, S.Stat.", STATISTICIAN_PERTAMA, "III/a"),
                Person("199403032014121002", "Irfan Maulana", POPULATION_CLERK, "II/c"),
            ),
        ),
        DemoUnit(
            "DUK.PDIP",
            "Bidang Pemanfaatan Data dan Inovasi Pelayanan",
            "DUK",
            (
                Person(
                    "197611112001122001",
                    "Elvi Syahrina, S.Sos., M.Si.",
                    head_of("Bidang Pemanfaatan Data dan Inovasi Pelayanan"),
                    "IV/a",
                ),
            ),
        ),
        DemoUnit(
            "DUK.PDIP.KSIP",
            "Tim Kerja Kerja Sama dan Inovasi Pelayanan",
            "DUK.PDIP",
            (
                Person("198204042008121003", "Ridwan Harahap, S.IP., M.Si.", POLICY_ANALYST_MUDA, "III/d"),
                Person("199705252023212002", "Nadia Safitri, S.IP.", POLICY_ANALYST_PERTAMA, "IX"),
                Person("200001122024211001", "Yudi Prasetyo", SERVICE_OPERATOR, "V"),
            ),
        ),
        DemoUnit(
            "DUK.PDIP.PDDK",
            "Tim Kerja Pemanfaatan Data dan Dokumen Kependudukan",
            "DUK.PDIP",
            (
                Person("198403172009012001", "Yessi Tanjung, S.E., M.M.", POLICY_ANALYST_MUDA, "III/c"),
                Person("199408092019031004", "Dodi Firmansyah, S.Kom.", DATABASE_ADMIN_PERTAMA, "III/b"),
                Person("199502192021012004", "Siti Aisyah Nasution, A.Md.", POPULATION_CLERK, "II/c"),
            ),
        ),
    ),
)

BKPSDM = DemoAgency(
    code="bkpsdm",
    name="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Dumai",
    short_name="BKPSDM",
    units=(
        DemoUnit("BKP", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", None, (BKPSDM_HEAD,)),
        DemoUnit(
            "BKP.SEKRE",
            "Sekretariat",
            "BKP",
            (Person("197402271999122001", "Rosnaini Harahap, S.E., M.Si.", SECRETARY, "IV/b"),),
        ),
        DemoUnit(
            "BKP.SEKRE.UMPEG",
            "Subbagian Umum dan Kepegawaian",
            "BKP.SEKRE",
            (
                Person("198108082006011004", "Heri Susanto, S.Sos.", HEAD_OF_GENERAL_AFFAIRS, "III/d"),
                Person("199510102019032001", "Eka Putri Wulandari, A.Md.", ARCHIVIST, "II/d"),
                Person("199203172014121003", "Agus Salim", OFFICE_CLERK, "II/c"),
            ),
        ),
        DemoUnit(
            "BKP.SEKRE.RENKEU",
            "Subbagian Perencanaan dan Keuangan",
            "BKP.SEKRE",
            (
                Person("198305212009012004", "Lili Suryani, S.E.", HEAD_OF_PLANNING_FINANCE, "III/c"),
                Person("199709092022061001", "Hafiz Alfarisi, S.E.", PLANNER_PERTAMA, "III/a"),
            ),
        ),
        DemoUnit(
            "BKP.PPIK",
            "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
            "BKP",
            (
                Person(
                    "197803032003121001",
                    "Afrizal Tanjung, S.Kom., M.Si.",
                    head_of("Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian"),
                    "IV/a",
                ),
                Person("199004302014122001", "Maya Sari Dewi, S.Psi.", HR_ANALYST_MUDA, "III/c"),
                Person("199506062019031002", "Bayu Aji Nugroho, S.Kom.", COMPUTER_ANALYST_PERTAMA, "III/b"),
                Person("199802022023212001", "Rahmi Yulianti, S.AP.", HR_ANALYST_PERTAMA, "IX"),
            ),
        ),
        DemoUnit(
            "BKP.MUTASI",
            "Bidang Mutasi dan Promosi",
            "BKP",
            (
                Person(
                    "197610302002011002",
                    "Darmawan Sitompul, S.H., M.H.",
                    head_of("Bidang Mutasi dan Promosi"),
                    "IV/a",
                ),
                Person("199412122019032005", "Lusiana Purba, S.Psi.", HR_ANALYST_PERTAMA, "III/b"),
                Person("199107272019031001", "Rizal Efendi, A.Md.", SERVICE_OFFICER, "II/d"),
            ),
        ),
        DemoUnit(
            "BKP.PKA",
            "Bidang Pengembangan Kompetensi Aparatur",
            "BKP",
            (
                Person(
                    "197901252005012002",
                    "Yenny Marlinda, S.Pd., M.Pd.",
                    head_of("Bidang Pengembangan Kompetensi Aparatur"),
                    "IV/a",
                ),
                Person("199311192019031003", "Teguh Wibowo, S.Pd.", POLICY_REVIEWER, "III/b"),
                Person("200004042024212002", "Suci Ramadhani", SERVICE_OPERATOR, "V"),
            ),
        ),
        DemoUnit(
            "BKP.PKAP",
            "Bidang Penilaian Kinerja Aparatur dan Penghargaan",
            "BKP",
            (
                Person(
                    "197507072000121002",
                    "Ismail Tambunan, S.Sos., M.Si.",
                    head_of("Bidang Penilaian Kinerja Aparatur dan Penghargaan"),
                    "IV/b",
                ),
                Person("198808182011012003", "Fadilla Rahma, S.Psi.", HR_ANALYST_MUDA, "III/c"),
                Person("199601312022211003", "Gilang Permana, S.Kom.", COMPUTER_ANALYST_PERTAMA, "IX"),
            ),
        ),
    ),
)

AGENCIES = (DISDUKCAPIL, BKPSDM)

ACCOUNTS = (
    Account("admin", "Administrator", "SIKASN", superuser=True),
    Account("hr.disdukcapil", "Admin Kepegawaian", "Disdukcapil", hr_agency=DISDUKCAPIL.code),
    Account("hr.bkpsdm", "Admin Kepegawaian", "BKPSDM", hr_agency=BKPSDM.code),
)

# The Kabid Pencatatan Sipil reached the retirement age of 58 in September 2026.
ACTING = (
    Acting(
        acting=REGISTRATION_HEAD,
        replaces=CIVIL_REGISTRY_HEAD,
        kind=ActingKind.PLT,
        starts_on=date(2026, 10, 1),
        ends_on=date(2027, 3, 31),
        decree_number="800/BKPSDM/2026/117",
    ),
)

SIGN_INS = (
    SignIn("Super admin", "admin", "Everything in both agencies, and the Django admin"),
    SignIn("HR admin Disdukcapil", "hr.disdukcapil", "All Disdukcapil staff and structure"),
    SignIn("HR admin BKPSDM", "hr.bkpsdm", "All BKPSDM staff and structure"),
    SignIn("Kepala Dinas", DISDUKCAPIL_HEAD.nip, "Own profile and every Disdukcapil staff member below"),
    SignIn(
        "Kepala Bidang and Plt",
        REGISTRATION_HEAD.nip,
        "Own bidang; as Plt (1 Oct 2026 – 31 Mar 2027) also the Pencatatan Sipil bidang",
    ),
    SignIn("Ketua tim (Ahli Muda)", IDENTITY_TEAM_LEAD.nip, "Own profile and the three team members"),
    SignIn("Staff (PNS)", DATABASE_ADMIN.nip, "Own profile only"),
    SignIn("Staff (PPPK)", PPPK_PROGRAMMER.nip, "Own profile only"),
    SignIn("Kepala BKPSDM", BKPSDM_HEAD.nip, "Own profile and every BKPSDM staff member below"),
)


@dataclass(frozen=True)
class Placement:
    agency: DemoAgency
    unit: DemoUnit
    person: Person
    supervisor: Person | None
    level: int


def unit_depths(agency):
    """{unit code: depth}, the agency's top unit at 0 (units are listed parents first)."""
    depths = {}
    for unit in agency.units:
        depths[unit.code] = depths[unit.parent] + 1 if unit.parent else 0
    return depths


def placements():
    """Every demo person with their unit, direct supervisor and level (0 = head of agency)."""
    rows = []
    for agency in AGENCIES:
        units, depths = {u.code: u for u in agency.units}, unit_depths(agency)
        for unit in agency.units:
            depth = depths[unit.code]
            above = units[unit.parent].head if unit.parent else None
            rows.append(Placement(agency, unit, unit.head, above, depth))
            rows.extend(Placement(agency, unit, person, unit.head, depth + 1) for person in unit.staff[1:])
    return rows


@dataclass
class DemoSummary:
    rows: Counter = field(default_factory=Counter)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    staff_per_level: Counter = field(default_factory=Counter)
    sign_ins: list = field(default_factory=list)

    def add(self, model, *, rows, created, updated):
        self.rows[model] += rows
        self.created[model] += created
        self.updated[model] += updated


def _upsert(model, existing, rows, summary, *, prepare=None):
    """Makes `rows` ({natural key: field values}) exist: one INSERT for the missing, one UPDATE for the rest.

    Values name foreign keys by attname (agency_id) so that comparing them costs no query. `existing`
    ({natural key: instance}) gains the new rows. `prepare(obj)` may change an instance further and
    returns the names of the fields it changed.
    """
    new, changed, fields = {}, [], set()
    for key, values in rows.items():
        obj = existing.get(key)
        if obj is None:
            obj = new[key] = model(**values)
            diff = set()
        else:
            diff = {name for name, value in values.items() if getattr(obj, name) != value}
            for name in diff:
                setattr(obj, name, values[name])
        if prepare:
            diff |= prepare(obj)
        if diff and obj.pk is not None:
            changed.append(obj)
            fields |= diff
    model.objects.bulk_create(new.values())
    if changed:
        model.objects.bulk_update(changed, sorted(fields))
    existing.update(new)
    summary.add(model, rows=len(rows), created=len(new), updated=len(changed))
    return existing


def _sync_agencies(summary):
    existing = Agency.objects.in_bulk([a.code for a in AGENCIES], field_name="code")
    rows = {
        a.code: {"code": a.code, "name": a.name, "short_name": a.short_name, "government": GOVERNMENT}
        for a in AGENCIES
    }
    return _upsert(Agency, existing, rows, summary)


def _sync_units(agencies, summary):
    existing = {(u.agency_id, u.code): u for u in Unit.objects.filter(agency__in=agencies.values())}
    by_depth = {}
    for agency in AGENCIES:
        depths = unit_depths(agency)
        for unit in agency.units:
            by_depth.setdefault(depths[unit.code], []).append((agencies[agency.code].pk, unit))
    # Parents first, so that every parent id is known when its children are written.
    for depth in sorted(by_depth):
        rows = {
            (agency_id, unit.code): {
                "agency_id": agency_id,
                "code": unit.code,
                "name": unit.name,
                "parent_id": existing[agency_id, unit.parent].pk if unit.parent else None,
            }
            for agency_id, unit in by_depth[depth]
        }
        _upsert(Unit, existing, rows, summary)
    return existing


def _sync_positions(people, agencies, summary):
    existing = {(p.agency_id, p.name): p for p in Position.objects.filter(agency__in=agencies.values())}
    rows = {}
    for placement in people:
        agency_id, job = agencies[placement.agency.code].pk, placement.person.job
        rows[agency_id, job.name] = {
            "agency_id": agency_id,
            "name": job.name,
            "position_type": job.position_type,
            "level": job.level,
        }
    return _upsert(Position, existing, rows, summary)


def _sync_users(people, agencies, password, summary):
    user_model = get_user_model()
    rows = {
        p.person.nip: {
            "username": p.person.nip,
            "email": p.person.email,
            "is_staff": False,
            "is_superuser": False,
            "hr_agency_id": None,
        }
        for p in people
    }
    for account in ACCOUNTS:
        rows[account.username] = {
            "username": account.username,
            "first_name": account.first_name,
            "last_name": account.last_name,
            "email": account.email,
            "is_staff": account.superuser,
            "is_superuser": account.superuser,
            "hr_agency_id": agencies[account.hr_agency].pk if account.hr_agency else None,
        }

    # One hash for every demo account: hashing 63 times would make the first run take seconds.
    hashed = make_password(password)

    def give_password(user):
        # A password someone chose after the first run stays.
        if user.pk is None or not user.has_usable_password():
            user.password = hashed
            return {"password"}
        return set()

    existing = user_model.objects.in_bulk(list(rows), field_name="username")
    return _upsert(user_model, existing, rows, summary, prepare=give_password)


def _sync_staff(people, agencies, units, positions, users, summary):
    ranks = Rank.objects.in_bulk(field_name="code")
    by_level = {}
    for placement in people:
        by_level.setdefault(placement.level, []).append(placement)
    existing = Staff.objects.in_bulk([p.person.nip for p in people], field_name="nip")
    # Supervisors first, so that every supervisor id is known when their staff are written.
    for level in sorted(by_level):
        rows = {}
        for placement in by_level[level]:
            person, agency_id = placement.person, agencies[placement.agency.code].pk
            rank = ranks[person.rank]
            rows[person.nip] = {
                "nip": person.nip,
                "user_id": users[person.nip].pk,
                "agency_id": agency_id,
                "unit_id": units[agency_id, placement.unit.code].pk,
                "position_id": positions[agency_id, person.job.name].pk,
                "rank_id": rank.pk,
                "asn_kind": rank.asn_kind,
                "name": person.name,
                "front_title": person.front_title,
                "back_title": person.back_title,
                "supervisor_id": existing[placement.supervisor.nip].pk if placement.supervisor else None,
                "status": person.status,
            }
        _upsert(Staff, existing, rows, summary)
    return existing


def _sync_acting(staff, summary):
    acting_ids = [staff[acting.acting.nip].pk for acting in ACTING]
    existing = {
        (a.acting_id, a.replaces_id, a.kind, a.starts_on): a
        for a in ActingAssignment.objects.filter(acting_id__in=acting_ids)
    }
    rows = {}
    for acting in ACTING:
        key = (staff[acting.acting.nip].pk, staff[acting.replaces.nip].pk, acting.kind, acting.starts_on)
        rows[key] = {
            "acting_id": key[0],
            "replaces_id": key[1],
            "kind": acting.kind,
            "starts_on": acting.starts_on,
            "ends_on": acting.ends_on,
            "decree_number": acting.decree_number,
        }
    _upsert(ActingAssignment, existing, rows, summary)


@transaction.atomic
def build_demo(*, password: str = DEMO_PASSWORD) -> DemoSummary:
    """Creates or brings up to date the demo agencies, structure, staff, accounts and Plt."""
    people = placements()
    summary = DemoSummary(staff_per_level=Counter(p.level for p in people))
    agencies = _sync_agencies(summary)
    units = _sync_units(agencies, summary)
    positions = _sync_positions(people, agencies, summary)
    users = _sync_users(people, agencies, password, summary)
    staff = _sync_staff(people, agencies, units, positions, users, summary)
    _sync_acting(staff, summary)
    names = {p.person.nip: p.person.full_name for p in people}
    names.update({a.username: f"{a.first_name} {a.last_name}" for a in ACCOUNTS})
    summary.sign_ins = [(s.role, s.login, names[s.login], s.sees) for s in SIGN_INS]
    return summary
