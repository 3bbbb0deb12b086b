"""The columns each kind of staff-import file has, and the header titles accepted for them."""

from django.utils.translation import gettext_lazy

from accounts.imports.reading import Column
from accounts.models import ImportKind

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
# The columns of the kind of file a user may upload by mistake instead of this one.
OTHER_COLUMNS = {ImportKind.STRUCTURE: STAFF_COLUMNS, ImportKind.STAFF: STRUCTURE_COLUMNS}
