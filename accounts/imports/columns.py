"""The columns each kind of file has, the header titles accepted for them, and header matching."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.imports.errors import _file_error
from accounts.models import ImportKind


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    help: str
    aliases: tuple[str, ...] = ()
    examples: tuple[str, str] = ("", "")

    @property
    def keys(self):
        return {_header_key(self.name), *(_header_key(alias) for alias in self.aliases)}


STRUCTURE_COLUMNS = (
    Column(
        "kode_unit",
        True,
        gettext_lazy("Code of the work unit, unique in the agency."),
        ("UNOR ID", "KODE UNOR"),
        ("DUK", "DUK.1"),
    ),
    Column(
        "nama_unit",
        True,
        gettext_lazy("Name of the work unit."),
        ("NAMA UNOR", "UNOR NAMA"),
        ("Dinas Kependudukan dan Pencatatan Sipil", "Bidang Pelayanan Pendaftaran Penduduk"),
    ),
    Column(
        "kode_unit_induk",
        False,
        gettext_lazy("Code of the parent unit, in this file or already stored; empty for the top unit."),
        ("DIATASAN ID", "KODE UNOR INDUK", "UNOR INDUK ID"),
        ("", "DUK"),
    ),
)

STAFF_COLUMNS = (
    Column(
        "nip",
        True,
        gettext_lazy("NIP (PNS) or NI PPPK: 18 digits, stored as text."),
        ("NIP BARU", "NI PPPK"),
        ("198609262015051001", "200012312024211001"),
    ),
    Column("jenis_asn", True, gettext_lazy("PNS or PPPK."), ("JENIS PEGAWAI",), ("PNS", "PPPK")),
    Column(
        "nama",
        True,
        gettext_lazy("Name without academic titles."),
        ("NAMA PEGAWAI",),
        ("Rina Marlina", "Budi Santoso"),
    ),
    Column("gelar_depan", False, gettext_lazy("Title before the name, e.g. Dr."), (), ("Dr.", "")),
    Column(
        "gelar_belakang",
        False,
        gettext_lazy("Title after the name, e.g. S.Kom., M.Si."),
        (),
        ("M.Si.", "S.Kom."),
    ),
    Column(
        "golongan",
        False,
        gettext_lazy("Grade: I/a to IV/e for PNS, I to XVII for PPPK; may be empty."),
        ("GOL AKHIR NAMA", "GOL"),
        ("IV/c", "IX"),
    ),
    Column(
        "jabatan",
        True,
        gettext_lazy("Position name; a new name adds the position to the agency."),
        ("JABATAN NAMA", "NAMA JABATAN"),
        ("Kepala Dinas", "Pranata Komputer Ahli Pertama"),
    ),
    Column(
        "jenis_jabatan",
        True,
        gettext_lazy("JPT, Administrator, Pengawas, Pelaksana or Fungsional."),
        ("JENIS JABATAN NAMA",),
        ("JPT", "Fungsional"),
    ),
    Column(
        "jenjang_jabatan",
        False,
        gettext_lazy(
            "JPT: Utama, Madya or Pratama. Fungsional: Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, "
            "Pemula, Terampil, Mahir or Penyelia. Empty for the other types."
        ),
        ("JENJANG",),
        ("Pratama", "Ahli Pertama"),
    ),
    Column(
        "kode_unit",
        True,
        gettext_lazy("Code of a work unit of the agency (import the work units first)."),
        ("UNOR ID", "KODE UNOR"),
        ("DUK", "DUK.1"),
    ),
    Column(
        "nip_atasan",
        False,
        gettext_lazy("NIP of the direct supervisor, in this file or already stored; may be empty."),
        ("ATASAN NIP",),
        ("", "198609262015051001"),
    ),
    Column(
        "email",
        False,
        gettext_lazy("E-mail address for password resets; may be empty."),
        ("E-MAIL",),
        ("rina.marlina@example.org", "budi.santoso@example.org"),
    ),
    Column("telepon", False, gettext_lazy("Phone number."), ("NO HP", "NOMOR HP"), ("081234567890", "")),
    Column(
        "status",
        False,
        gettext_lazy("aktif, mutasi, pensiun or nonaktif; empty means aktif."),
        (),
        ("aktif", "aktif"),
    ),
)

COLUMNS = {ImportKind.STRUCTURE: STRUCTURE_COLUMNS, ImportKind.STAFF: STAFF_COLUMNS}


def _header_key(title):
    return re.sub(r"[\s_.\-]+", "", title.lower())


def _key(text):
    return re.sub(r"[\s_\-]+", "", text.lower())


def _text(value):
    """A cell as text; whole numbers lose the ".0" a spreadsheet may add."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _map_header(cells, kind):
    columns = COLUMNS[kind]
    by_key = {key: column.name for column in columns for key in column.keys}
    headers, positions, unknown, repeated = {}, {}, [], []
    for index, cell in enumerate(cells):
        title = _text(cell)
        if not title:
            continue
        name = by_key.get(_header_key(title))
        if name is None:
            unknown.append(title)
        elif name in headers:
            repeated.append(title)
        else:
            headers[name], positions[index] = title, name
    missing = [column.name for column in columns if column.required and column.name not in headers]
    problems = []
    if missing:
        problems.append(_("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        problems.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    if repeated:
        problems.append(_("Columns given twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    if problems:
        if _fits_other_kind(cells, kind):
            problems.append(_("The columns fit the other kind of file: check the choice of file kind."))
        else:
            problems.append(_("The accepted columns are listed on the import page."))
        raise _file_error(" ".join(problems))
    return headers, positions


def _fits_other_kind(cells, kind):
    other = ImportKind.STAFF if kind == ImportKind.STRUCTURE else ImportKind.STRUCTURE
    keys = {key for column in COLUMNS[other] for key in column.keys}
    titles = [_header_key(_text(cell)) for cell in cells if _text(cell)]
    return bool(titles) and all(title in keys for title in titles)
