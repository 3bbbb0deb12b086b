"""Performance demo for Kota Dumai: the 2026 performance year, SKPs down the cascade and daily reports.

Runs after accounts.demo.build_demo(), on its agencies and staff. Every row has a natural key: the
agency and year for a performance year, the year and code for a goal, the staff member and year for
an SKP, the SKP and text for a work result, the result and text for an indicator, and the staff
member, date, result and activity for a daily report. Missing rows are added; rows that exist are
left as they are, so a plan approved or a report reviewed in the demo since stays so, and running it
again changes nothing.

The plans follow the unit tree: the heads' results take up the agency goals, and every other
result supports one of the results of the owner's direct supervisor (their rater). The Kabid
Pencatatan Sipil retired in September 2026, so his plan, agreed in January, stays the one his team
leads support. The heads' plans stay drafts: nobody above the head of an agency is recorded, so
no one could approve them.

Plans are written in bulk, with the same content, history and snapshots the SKP services would
write; the query count does not depend on the number of staff or days.
"""

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.demo import AGENCIES, DemoSummary, placements
from accounts.models import ActingAssignment, Agency, Staff
from appraisal import calendar
from appraisal.models import (
    AgencyGoal,
    Aspect,
    BehaviourExpectation,
    CoreValue,
    DailyReport,
    EvaluationPeriod,
    Holiday,
    Indicator,
    PerformanceYear,
    ReportStatus,
    Rhk,
    RhkKind,
    Skp,
    SkpApproach,
    SkpEvent,
    SkpEventKind,
    SkpStatus,
)
from appraisal.services.calendar import agency_goal_add, performance_year_open

YEAR = 2026
PLAN_DEADLINE = date(YEAR, 1, 31)
REPORT_CUTOFF_DAYS = 1
# Reports cover at least this many working days up to the clock, and the whole current evaluation
# period, so that the compliance of the period shown next to the reports means something.
REPORT_DAYS = 20
# The plans were agreed in January; an earlier clock would put their history in the future.
EARLIEST_CLOCK = date(YEAR, 2, 2)
EVIDENCE_HOST = "https://drive.dumaikota.go.id/s/"

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


GOALS = {
    "disdukcapil": (
        ("SS-1", "Meningkatnya kualitas pelayanan administrasi kependudukan"),
        ("SS-2", "Meningkatnya cakupan kepemilikan dokumen kependudukan"),
        ("SS-3", "Meningkatnya pemanfaatan data kependudukan untuk pembangunan daerah"),
    ),
    "bkpsdm": (
        ("SS-1", "Meningkatnya profesionalitas ASN"),
        ("SS-2", "Meningkatnya kualitas manajemen ASN berbasis sistem merit"),
        ("SS-3", "Meningkatnya akuntabilitas kinerja ASN"),
    ),
}

ANNEX = {
    "disdukcapil": (
        "Sarana loket pelayanan, perangkat perekaman KTP-el, blangko dokumen kependudukan, aplikasi SIAK "
        "dan layanan online, serta anggaran DPA Disdukcapil Tahun 2026.",
        "Capaian dilaporkan melalui laporan harian di SIKASN dan dievaluasi setiap triwulan bersama "
        "pejabat penilai kinerja.",
        "Capaian kinerja menjadi dasar pemberian Tambahan Penghasilan Pegawai (TPP), pengembangan "
        "kompetensi dan karier sesuai ketentuan.",
    ),
    "bkpsdm": (
        "Aplikasi SIASN, SIMPEG dan SIKASN, ruang layanan kepegawaian, serta anggaran DPA BKPSDM Tahun 2026.",
        "Capaian dilaporkan melalui laporan harian di SIKASN dan dievaluasi setiap triwulan bersama "
        "pejabat penilai kinerja.",
        "Capaian kinerja menjadi dasar pemberian Tambahan Penghasilan Pegawai (TPP), pengembangan "
        "kompetensi dan karier sesuai ketentuan.",
    ),
}

# Ekspektasi khusus pimpinan: each rater picks one wording per BerAKHLAK value.
EXPECTATIONS = {
    CoreValue.SERVICE: (
        "Melayani pemohon dengan ramah dan tuntas sesuai standar waktu layanan, tanpa pungutan apa pun.",
        "Memahami dan memenuhi kebutuhan unit kerja lain yang memerlukan data dan dukungan.",
        "Cepat menanggapi keluhan dan pengaduan masyarakat serta melaporkan tindak lanjutnya.",
    ),
    CoreValue.ACCOUNTABLE: (
        "Melaporkan kegiatan harian tepat waktu dengan bukti dukung yang dapat diperiksa.",
        "Menggunakan kewenangan dan data pribadi hanya untuk kepentingan kedinasan.",
        "Jujur, bertanggung jawab dan cermat dalam mengelola anggaran serta barang milik daerah.",
    ),
    CoreValue.COMPETENT: (
        "Mengikuti paling sedikit 20 JP pengembangan kompetensi dan membagikan hasilnya kepada tim.",
        "Meningkatkan penguasaan aplikasi kerja untuk mempercepat penyelesaian tugas.",
        "Membimbing rekan kerja yang baru bergabung memahami prosedur kerja.",
    ),
    CoreValue.HARMONIOUS: (
        "Menghargai setiap orang apa pun latar belakangnya dan menjaga suasana kerja yang kondusif.",
        "Ringan tangan membantu rekan kerja saat antrean layanan sedang tinggi.",
        "Menyelesaikan perbedaan pendapat dalam tim secara musyawarah.",
    ),
    CoreValue.LOYAL: (
        "Menjaga rahasia jabatan dan kerahasiaan data pribadi penduduk.",
        "Menjaga nama baik instansi, termasuk dalam bermedia sosial.",
        "Memegang teguh Pancasila dan UUD 1945 serta setia kepada NKRI dan pemerintahan yang sah.",
    ),
    CoreValue.ADAPTIVE: (
        "Cepat menyesuaikan diri dengan perubahan aplikasi dan kebijakan dari pemerintah pusat.",
        "Terus berinovasi untuk mempermudah layanan, misalnya melalui layanan jemput bola.",
        "Proaktif mengusulkan perbaikan proses kerja kepada atasan.",
    ),
    CoreValue.COLLABORATIVE: (
        "Terbuka bekerja sama lintas bidang dan memberi kesempatan rekan kerja berkontribusi.",
        "Aktif berkoordinasi dengan kelurahan, kecamatan dan mitra kerja di luar instansi.",
        "Menggerakkan pemanfaatan sumber daya bersama untuk mencapai target tim.",
    ),
}

REVIEW_COMMENTS = (
    "Mohon lampirkan tangkapan layar atau daftar berkas sebagai bukti dukung.",
    "Rincikan jumlah berkas yang selesai dan yang masih tertunda.",
    "Baik, pertahankan. Sisa berkas agar dikoordinasikan dengan tim pencetakan.",
    "Waktu yang dicatat cukup lama untuk output ini; mohon dicek kembali.",
    "Kegiatan ini lebih tepat dicatat pada RHK yang lain; perhatikan untuk laporan berikutnya.",
)

# Working days a rater usually takes to review daily reports; None: this rater has not reviewed any.
REVIEW_DELAY = {
    "Syafrizal Nasution": 2,
    "Armansyah Putra": 2,
    "Hendrik Simanjuntak": 3,
    "Wahyu Setiawan": None,
    "Muhammad Nasir": 2,
    "Darmawan Sitompul": 4,
}

PLANS = (
    # --- Disdukcapil -------------------------------------------------------------------------------
    Plan(
        "Syafrizal Nasution",
        (
            Result(
                "Meningkatnya kualitas pelayanan administrasi kependudukan yang cepat, tepat dan tanpa biaya",
                "SS-1",
                (
                    quality("Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan adminduk", 85, "nilai"),
                    quality("Persentase permohonan yang selesai sesuai standar waktu layanan", 95, "%"),
                ),
                (
                    Work("Memimpin rapat evaluasi kinerja pelayanan adminduk", "rapat", 1, 1),
                    Work("Meninjau pelayanan di loket dan ruang tunggu pemohon", "kegiatan", 1, 1),
                ),
            ),
            Result(
                "Meningkatnya kepemilikan dokumen kependudukan oleh penduduk Kota Dumai",
                "SS-2",
                (
                    quality("Persentase penduduk wajib KTP yang memiliki KTP-el", 98.5, "%"),
                    quality("Persentase anak usia 0-18 tahun yang memiliki akta kelahiran", 96, "%"),
                ),
                (
                    Work(
                        "Memimpin rapat percepatan kepemilikan akta kelahiran bersama Dinas Kesehatan",
                        "rapat",
                        1,
                        1,
                    ),
                    Work("Memantau pelayanan jemput bola di kelurahan", "kegiatan", 1, 1),
                ),
            ),
            Result(
                "Meningkatnya pemanfaatan data kependudukan oleh perangkat daerah dan lembaga pengguna",
                "SS-3",
                (count("Jumlah lembaga pengguna yang memanfaatkan data kependudukan", 25, "lembaga"),),
                (
                    Work(
                        "Menandatangani perjanjian kerja sama pemanfaatan data kependudukan", "dokumen", 1, 1
                    ),
                    Work(
                        "Memaparkan data kependudukan pada rapat perencanaan pembangunan daerah",
                        "kegiatan",
                        1,
                        1,
                    ),
                ),
            ),
        ),
        status=DRAFT,
        reporting=0.7,
    ),
    Plan(
        "Yusnidar Chaniago",
        (
            Result(
                "Terkelolanya administrasi umum, kepegawaian dan sarana pelayanan Dinas secara tertib",
                0,
                (
                    quality(
                        "Persentase layanan administrasi umum dan kepegawaian yang selesai tepat waktu",
                        100,
                        "%",
                    ),
                ),
                (
                    Work("Memimpin rapat koordinasi kesekretariatan", "rapat", 1, 1),
                    Work("Memaraf dan meneruskan naskah dinas kepada Kepala Dinas", "naskah", 5, 20),
                ),
            ),
            Result(
                "Tersusunnya dokumen perencanaan, keuangan dan laporan kinerja Dinas yang akuntabel",
                0,
                (
                    count(
                        "Jumlah dokumen perencanaan dan laporan kinerja yang disahkan tepat waktu",
                        8,
                        "dokumen",
                    ),
                ),
                (
                    Work("Mereviu rancangan dokumen perencanaan dan laporan kinerja", "dokumen", 1, 1, 0),
                    Work("Mengendalikan realisasi anggaran bersama PPTK", "laporan", 1, 1),
                ),
            ),
        ),
    ),
    Plan(
        "Dedi Kurniawan",
        (
            Result(
                "Terlaksananya pengelolaan administrasi kepegawaian Dinas",
                0,
                (
                    count(
                        "Jumlah usulan layanan kepegawaian (kenaikan pangkat, KGB, cuti) yang diproses",
                        120,
                        "berkas",
                    ),
                ),
                (
                    Work("Memverifikasi usulan kenaikan gaji berkala pegawai", "berkas", 1, 3, 0),
                    Work("Memeriksa dan memaraf permohonan cuti pegawai", "berkas", 1, 3, 0),
                ),
            ),
            Result(
                "Terkelolanya persuratan, kearsipan dan barang milik daerah Dinas",
                0,
                (
                    timely("Waktu pendisposisian surat masuk", 1, "hari"),
                    count("Jumlah laporan barang milik daerah yang disusun", 4, "laporan"),
                ),
                (
                    Work("Mengendalikan agenda surat masuk dan surat keluar", "surat", 10, 35),
                    Work("Memeriksa kartu inventaris barang ruangan", "ruangan", 1, 4),
                ),
            ),
        ),
    ),
    Plan(
        "Fitri Handayani",
        (
            Result(
                "Termutakhirkannya data kepegawaian Dinas pada SIASN",
                0,
                (count("Jumlah data pegawai yang dimutakhirkan pada SIASN", 60, "pegawai"),),
                (
                    Work("Memutakhirkan riwayat jabatan dan pangkat pegawai pada SIASN", "pegawai", 1, 3, 0),
                    Work("Menyusun rekap kehadiran pegawai", "rekap", 1, 1),
                ),
            ),
            Result(
                "Terprosesnya usulan layanan kepegawaian pegawai Dinas",
                0,
                (count("Jumlah usulan kenaikan pangkat, KGB dan cuti yang diproses", 90, "berkas"),),
                (
                    Work("Menyiapkan berkas usulan kenaikan gaji berkala", "berkas", 1, 2, 0),
                    Work("Menginput usulan cuti pegawai pada aplikasi kepegawaian", "berkas", 1, 2, 0),
                ),
            ),
        ),
    ),
    Plan(
        "Ahmad Fauzi",
        (
            Result(
                "Teradministrasikannya surat masuk dan surat keluar Dinas",
                1,
                (count("Jumlah surat yang diagendakan", 2400, "surat"),),
                (
                    Work("Mengagendakan surat masuk dan mendistribusikan disposisi", "surat", 6, 16, 0),
                    Work("Mengirim surat keluar ke instansi tujuan", "surat", 2, 8, 0),
                ),
            ),
            Result(
                "Terkelolanya barang persediaan kantor",
                1,
                (count("Jumlah laporan persediaan yang disusun", 12, "laporan"),),
                (
                    Work("Mencatat penerimaan dan pengeluaran barang persediaan", "transaksi", 3, 10),
                    Work("Menyusun laporan persediaan bulanan", "laporan", 1, 1, 0),
                ),
            ),
        ),
        reporting=0.8,
    ),
    Plan(
        "Sri Wahyuni",
        (
            Result(
                "Tertatanya arsip inaktif Dinas sesuai klasifikasi arsip",
                1,
                (count("Jumlah berkas arsip yang ditata dan didaftar", 1500, "berkas"),),
                (
                    Work("Memilah dan memberkaskan arsip inaktif", "berkas", 6, 15, 0),
                    Work("Menginput daftar arsip inaktif pada aplikasi SRIKANDI", "berkas", 5, 15, 0),
                ),
            ),
            Result(
                "Terlayaninya peminjaman arsip bagi bidang",
                1,
                (quality("Persentase permintaan peminjaman arsip yang dilayani", 100, "%"),),
                (
                    Work(
                        "Melayani peminjaman arsip akta dan biodata penduduk oleh bidang", "permintaan", 1, 4
                    ),
                ),
            ),
        ),
    ),
    Plan(
        "Nurhasanah Siregar",
        (
            Result(
                "Tersusunnya dokumen perencanaan dan penganggaran Dinas tepat waktu",
                1,
                (
                    count(
                        "Jumlah dokumen perencanaan (Renja, RKA, DPA dan perubahannya) yang disusun",
                        6,
                        "dokumen",
                    ),
                ),
                (
                    Work("Membahas rancangan RKA perubahan bersama bidang", "rapat", 1, 1),
                    Work("Mereviu rancangan dokumen perencanaan", "dokumen", 1, 1, 0),
                ),
            ),
            Result(
                "Terlaksananya penatausahaan keuangan dan pelaporan kinerja Dinas",
                1,
                (count("Jumlah laporan keuangan dan kinerja yang disampaikan tepat waktu", 16, "laporan"),),
                (
                    Work("Memverifikasi SPJ belanja kegiatan", "berkas", 3, 12),
                    Work("Menyusun laporan realisasi anggaran", "laporan", 1, 1, 0),
                ),
            ),
        ),
    ),
    Plan(
        "Rizky Ananda Putra",
        (
            Result(
                "Tersusunnya rancangan Renja dan RKA Dinas",
                0,
                (count("Jumlah rancangan dokumen perencanaan yang disusun", 4, "dokumen"),),
                (
                    Work("Menginput rencana sub kegiatan pada SIPD", "sub kegiatan", 2, 6),
                    Work("Menyusun bab rancangan Renja 2027", "bab", 1, 2),
                ),
            ),
            Result(
                "Tersusunnya laporan capaian kinerja Dinas",
                0,
                (count("Jumlah laporan capaian kinerja triwulanan", 4, "laporan"),),
                (
                    Work("Mengumpulkan data capaian indikator kinerja dari bidang", "indikator", 3, 10),
                    Work("Menyusun draf laporan capaian kinerja triwulan", "halaman", 2, 6),
                ),
            ),
        ),
    ),
    Plan(
        "Desi Ratnasari",
        (
            Result(
                "Terkelolanya penatausahaan belanja Dinas",
                1,
                (
                    count("Jumlah dokumen SPP dan SPM yang diproses", 360, "dokumen"),
                    timely("Waktu penyelesaian pembayaran sejak SPJ lengkap", 3, "hari"),
                ),
                (
                    Work("Menyiapkan dokumen SPP-LS dan SPM", "dokumen", 1, 3, 0),
                    Work("Membukukan transaksi pada buku kas umum", "transaksi", 5, 20),
                ),
            ),
            Result(
                "Tersusunnya laporan pertanggungjawaban bendahara",
                1,
                (count("Jumlah laporan pertanggungjawaban bendahara yang disampaikan", 12, "laporan"),),
                (
                    Work("Menyusun laporan pertanggungjawaban fungsional", "laporan", 1, 1, 0),
                    Work("Merekonsiliasi kas dengan BPKAD", "kegiatan", 1, 1),
                ),
            ),
        ),
    ),
    Plan(
        "Muhammad Ilham",
        (
            Result(
                "Terinputnya dokumen keuangan pada aplikasi SIPD",
                1,
                (count("Jumlah dokumen keuangan yang diinput", 600, "dokumen"),),
                (
                    Work("Menginput SPJ belanja pada SIPD", "dokumen", 2, 6, 0),
                    Work("Memindai bukti pembayaran untuk arsip digital", "dokumen", 5, 15, 0),
                ),
            ),
            Result(
                "Tersedianya bahan rapat perencanaan dan penganggaran",
                0,
                (count("Jumlah paket bahan rapat yang disiapkan", 24, "paket"),),
                (
                    Work("Menyiapkan bahan dan daftar hadir rapat perencanaan", "paket", 1, 1, 0),
                    Work("Menggandakan dokumen perencanaan untuk bidang", "eksemplar", 5, 15),
                ),
            ),
        ),
        reporting=0.7,
    ),
    Plan(
        "Armansyah Putra",
        (
            Result(
                "Meningkatnya cakupan kepemilikan KTP-el dan Kartu Keluarga",
                1,
                (
                    count("Jumlah KTP-el yang diterbitkan", 18000, "keping"),
                    quality("Persentase penduduk wajib KTP yang telah merekam KTP-el", 99, "%"),
                ),
                (
                    Work("Memantau stok blangko dan capaian perekaman KTP-el", "laporan", 1, 1),
                    Work("Menandatangani secara elektronik KTP-el dan KK yang terbit", "keping", 40, 120, 0),
                ),
            ),
            Result(
                "Terselenggaranya pelayanan pendaftaran penduduk yang tepat waktu",
                0,
                (quality("Persentase layanan pendaftaran penduduk yang selesai sesuai SOP", 95, "%"),),
                (
                    Work("Mengevaluasi antrean dan waktu layanan di loket pendaftaran", "kegiatan", 1, 1),
                    Work("Memimpin layanan jemput bola perekaman KTP-el", "kegiatan", 1, 1),
                ),
            ),
        ),
    ),
    Plan(
        "Rina Marlina",
        (
            Result(
                "Terlaksananya perekaman dan pencetakan KTP-el bagi penduduk wajib KTP",
                0,
                (
                    count("Jumlah KTP-el yang dicetak", 15000, "keping"),
                    quality("Persentase penduduk pemula usia 17 tahun yang merekam KTP-el", 95, "%"),
                ),
                (
                    Work("Mengoordinasikan pencetakan KTP-el dan pengambilan blangko", "keping", 40, 110, 0),
                    Work("Memverifikasi data perekaman yang gagal karena duplicate record", "data", 3, 12),
                ),
            ),
            Result(
                "Terselenggaranya penerbitan Kartu Keluarga dan KIA tepat waktu",
                1,
                (
                    count("Jumlah Kartu Keluarga yang diterbitkan", 9000, "dokumen"),
                    timely("Waktu penerbitan KK sejak berkas lengkap", 1, "hari"),
                ),
                (
                    Work(
                        "Memverifikasi dan menyetujui permohonan perubahan KK pada SIAK", "dokumen", 20, 50, 0
                    ),
                    Work("Membina petugas loket identitas penduduk", "kegiatan", 1, 1),
                ),
            ),
            Result(
                "Terselenggaranya layanan KTP-el jemput bola di sekolah dan bagi penduduk rentan",
                0,
                (count("Jumlah kegiatan layanan jemput bola", 24, "kegiatan"),),
                (
                    Work("Memimpin perekaman KTP-el jemput bola di SMA/SMK", "kegiatan", 1, 1, 0),
                    Work("Merekam KTP-el lansia dan penyandang disabilitas di rumah", "orang", 2, 6),
                ),
            ),
        ),
    ),
    Plan(
        "Dian Permata Sari",
        (
            Result(
                "Terlayaninya permohonan penerbitan Kartu Keluarga di loket",
                1,
                (count("Jumlah permohonan KK yang dilayani", 2400, "berkas"),),
                (
                    Work("Melayani dan memverifikasi berkas permohonan KK di loket", "berkas", 8, 20, 0),
                    Work("Mencetak dan menyerahkan KK kepada pemohon", "dokumen", 8, 20),
                ),
            ),
            Result(
                "Terlayaninya penerbitan Kartu Identitas Anak (KIA)",
                1,
                (count("Jumlah KIA yang diterbitkan", 1200, "keping"),),
                (
                    Work("Menginput permohonan KIA pada SIAK", "berkas", 3, 8),
                    Work("Mencetak KIA", "keping", 3, 10, 0),
                ),
            ),
            Result(
                "Terlayaninya penerbitan KIA jemput bola di sekolah dasar",
                None,
                (count("Jumlah sekolah dasar yang dilayani", 12, "sekolah"),),
                (Work("Melayani penerbitan KIA di sekolah dasar", "sekolah", 1, 1, 0),),
                kind=ADDITIONAL,
                in_revision=True,
            ),
        ),
        status=SUBMITTED,
        revision_reason="Penambahan layanan KIA jemput bola di sekolah dasar mulai Triwulan IV.",
    ),
    Plan(
        "Fajar Ramadhan",
        (
            Result(
                "Terkelolanya data perekaman KTP-el dan penyelesaian data ganda",
                0,
                (
                    count("Jumlah data perekaman KTP-el yang dikirim dan dikonsolidasi", 3000, "data"),
                    count("Jumlah kasus duplicate record yang diselesaikan", 150, "kasus"),
                ),
                (
                    Work(
                        "Mengirim data perekaman KTP-el ke server pusat dan memantau statusnya",
                        "data",
                        12,
                        35,
                        0,
                    ),
                    Work("Menganalisis dan mengajukan penyelesaian duplicate record", "kasus", 1, 3, 1),
                ),
            ),
            Result(
                "Terdukungnya layanan jemput bola dengan perangkat perekaman mobile",
                2,
                (count("Jumlah kegiatan jemput bola yang didukung perangkat perekaman", 20, "kegiatan"),),
                (
                    Work("Menyiapkan dan menguji perangkat perekaman KTP-el mobile", "perangkat", 1, 2),
                    Work("Mendampingi perekaman KTP-el jemput bola", "kegiatan", 1, 1, 0),
                ),
            ),
        ),
    ),
    Plan(
        "Yulia Anggraini",
        (
            Result(
                "Terlaksananya perekaman biometrik KTP-el di loket pelayanan",
                0,
                (count("Jumlah penduduk yang direkam biometriknya", 3500, "orang"),),
                (
                    Work("Merekam foto, sidik jari dan iris penduduk wajib KTP", "orang", 10, 28, 0),
                    Work("Mengarsipkan formulir perekaman KTP-el", "berkas", 10, 28),
                ),
            ),
            Result(
                "Terlaksananya perekaman KTP-el pemula di sekolah",
                2,
                (count("Jumlah siswa pemula yang direkam", 1200, "orang"),),
                (
                    Work("Merekam KTP-el siswa pemula di sekolah", "orang", 15, 40, 0),
                    Work("Mendata siswa wajib KTP bersama pihak sekolah", "sekolah", 1, 2),
                ),
            ),
            Result(
                "Terlaksananya perekaman KTP-el pada layanan malam hari Jumat",
                None,
                (count("Jumlah layanan malam yang dilaksanakan", 8, "kegiatan"),),
                (Work("Merekam KTP-el pada layanan malam", "kegiatan", 1, 1, 0),),
                kind=ADDITIONAL,
                in_revision=True,
            ),
        ),
        status=SUBMITTED,
        revision_reason="Penugasan tambahan perekaman KTP-el pada layanan malam mulai November 2026.",
    ),
    Plan(
        "Joko Susilo",
        (
            Result(
                "Terselenggaranya pelayanan pindah datang penduduk sesuai standar waktu",
                1,
                (
                    count("Jumlah surat keterangan pindah yang diterbitkan", 2200, "dokumen"),
                    timely("Waktu penerbitan surat keterangan pindah", 1, "hari"),
                ),
                (
                    Work("Memverifikasi dan menyetujui permohonan pindah keluar", "dokumen", 5, 14, 0),
                    Work("Menangani pengaduan layanan pindah datang", "pengaduan", 1, 3),
                ),
            ),
            Result(
                "Terdatanya penduduk non permanen dan penduduk rentan administrasi kependudukan",
                0,
                (count("Jumlah penduduk rentan yang didata", 600, "orang"),),
                (
                    Work("Mengoordinasikan pendataan penduduk rentan adminduk", "orang", 3, 10, 0),
                    Work("Rapat koordinasi pendataan penduduk bersama kelurahan", "rapat", 1, 1),
                ),
            ),
        ),
    ),
    Plan(
        "Mutiara Hasibuan",
        (
            Result(
                "Terlayaninya permohonan surat pindah keluar dan kedatangan penduduk",
                0,
                (count("Jumlah permohonan pindah datang yang diproses", 900, "berkas"),),
                (
                    Work("Menelaah kelengkapan berkas permohonan pindah", "berkas", 4, 12, 0),
                    Work("Menerbitkan surat keterangan pindah melalui SIAK", "dokumen", 4, 12),
                ),
            ),
            Result(
                "Terdatanya penduduk rentan di panti sosial dan lembaga pemasyarakatan",
                1,
                (count("Jumlah penduduk rentan yang didata dan diterbitkan dokumennya", 300, "orang"),),
                (
                    Work("Mendata penduduk rentan di panti sosial dan lapas", "orang", 3, 10, 0),
                    Work("Menyusun telaahan pendataan penduduk non permanen", "dokumen", 1, 1),
                ),
            ),
            Result(
                "Terverifikasinya kedatangan penduduk dari luar daerah melalui layanan online",
                None,
                (count("Jumlah permohonan kedatangan online yang diverifikasi", 200, "berkas"),),
                (Work("Memverifikasi permohonan kedatangan online", "berkas", 2, 6, 0),),
                kind=ADDITIONAL,
                in_revision=True,
            ),
        ),
        status=RETURNED,
        revision_reason="Pelimpahan verifikasi kedatangan penduduk dari layanan online.",
        return_comment="Target 900 berkas terlalu rendah dibanding realisasi 2025 (1.150 berkas). Naikkan "
        "targetnya dan tambahkan indikator waktu penerbitan surat pindah.",
    ),
    Plan(
        "Zainal Abidin",
        (
            Result(
                "Meningkatnya kepemilikan akta pencatatan sipil oleh penduduk",
                1,
                (
                    count("Jumlah akta pencatatan sipil yang diterbitkan", 12000, "akta"),
                    quality("Persentase anak usia 0-18 tahun yang memiliki akta kelahiran", 96, "%"),
                ),
            ),
            Result(
                "Terselenggaranya pelayanan pencatatan sipil yang tepat waktu dan akurat",
                0,
                (quality("Persentase akta yang terbit sesuai standar waktu layanan", 95, "%"),),
            ),
        ),
    ),
    Plan(
        "Erni Susanti",
        (
            Result(
                "Terlaksananya penerbitan akta kelahiran",
                0,
                (
                    count("Jumlah akta kelahiran yang diterbitkan", 5200, "akta"),
                    timely("Waktu penerbitan akta kelahiran sejak berkas lengkap", 3, "hari"),
                ),
                (
                    Work("Memverifikasi dan menandatangani register akta kelahiran", "akta", 12, 35, 0),
                    Work(
                        "Berkoordinasi dengan rumah sakit dan puskesmas tentang pelaporan kelahiran",
                        "kegiatan",
                        1,
                        1,
                    ),
                ),
            ),
            Result(
                "Terlaksananya pencatatan kematian dan penerbitan akta kematian",
                1,
                (count("Jumlah akta kematian yang diterbitkan", 1100, "akta"),),
                (
                    Work("Memverifikasi permohonan akta kematian", "akta", 2, 8, 0),
                    Work("Memantau laporan kematian dari kelurahan", "laporan", 1, 3),
                ),
            ),
        ),
    ),
    Plan(
        "Reza Fahlevi",
        (
            Result(
                "Terinputnya data kelahiran pada database SIAK",
                0,
                (count("Jumlah data kelahiran yang diinput dan divalidasi", 2600, "data"),),
                (
                    Work("Menginput dan memvalidasi data kelahiran pada SIAK", "data", 8, 22, 0),
                    Work("Memperbaiki data kelahiran yang tidak sinkron", "data", 1, 5),
                ),
            ),
            Result(
                "Termutakhirkannya data kematian dalam database kependudukan",
                1,
                (count("Jumlah data kematian yang dimutakhirkan", 900, "data"),),
                (
                    Work("Memutakhirkan status kematian pada database SIAK", "data", 2, 8, 0),
                    Work("Mencocokkan data kematian dengan laporan pengelola TPU", "data", 2, 8),
                ),
            ),
        ),
    ),
    Plan(
        "Winda Lestari",
        (
            Result(
                "Terlayaninya permohonan akta kelahiran di loket",
                0,
                (count("Jumlah berkas akta kelahiran yang dilayani", 2400, "berkas"),),
                (
                    Work("Menerima dan memeriksa berkas permohonan akta kelahiran", "berkas", 5, 16, 0),
                    Work("Menyerahkan akta kelahiran kepada pemohon", "akta", 5, 16),
                ),
            ),
            Result(
                "Terlayaninya permohonan akta kematian",
                1,
                (count("Jumlah berkas akta kematian yang dilayani", 500, "berkas"),),
                (
                    Work("Menerima berkas permohonan akta kematian", "berkas", 1, 4, 0),
                    Work("Menginput pelaporan kematian dari layanan online", "berkas", 1, 4, 0),
                ),
            ),
            Result(
                "Terdampinginya layanan akta kelahiran terintegrasi di RSUD Kota Dumai",
                None,
                (count("Jumlah kegiatan pendampingan layanan di RSUD", 12, "kegiatan"),),
                (Work("Mendampingi layanan akta kelahiran di RSUD Kota Dumai", "kegiatan", 1, 1, 0),),
                kind=ADDITIONAL,
                in_revision=True,
            ),
        ),
        status=SUBMITTED,
        revision_reason="Penugasan pendampingan layanan akta kelahiran terintegrasi di RSUD Kota Dumai.",
    ),
    Plan(
        "Syamsul Bahri",
        (
            Result(
                "Terlaksananya pencatatan perkawinan dan perceraian",
                0,
                (count("Jumlah akta perkawinan dan perceraian yang diterbitkan", 450, "akta"),),
                (
                    Work("Memverifikasi permohonan akta perkawinan", "akta", 1, 4, 0),
                    Work("Menyusun kutipan akta perceraian berdasarkan putusan pengadilan", "akta", 1, 2, 0),
                ),
            ),
            Result(
                "Terlaksananya pencatatan perubahan status anak dan perubahan nama",
                1,
                (count("Jumlah catatan pinggir yang diterbitkan", 180, "dokumen"),),
                (
                    Work("Menelaah permohonan pengakuan dan pengesahan anak", "berkas", 1, 3),
                    Work("Memberikan konsultasi hukum pencatatan sipil kepada pemohon", "orang", 1, 5),
                ),
            ),
            Result(
                "Terselenggaranya pencatatan perkawinan di luar kantor",
                None,
                (count("Jumlah kegiatan pencatatan perkawinan di luar kantor", 6, "kegiatan"),),
                (Work("Mencatat perkawinan di tempat pemberkatan", "kegiatan", 1, 1, 0),),
                kind=ADDITIONAL,
                in_revision=True,
            ),
        ),
        status=SUBMITTED,
        revision_reason="Penambahan layanan pencatatan perkawinan di luar kantor mulai Triwulan IV.",
    ),
    Plan(
        "Indah Permatasari",
        (
            Result(
                "Terinputnya data perkawinan dan perceraian pada SIAK",
                0,
                (count("Jumlah data perkawinan dan perceraian yang diinput", 450, "data"),),
                (
                    Work("Menginput data perkawinan dan perceraian pada SIAK", "data", 1, 4, 0),
                    Work("Mencetak register akta perkawinan", "akta", 1, 4),
                ),
            ),
            Result(
                "Termutakhirkannya data perubahan status anak",
                1,
                (count("Jumlah data perubahan status anak yang dimutakhirkan", 180, "data"),),
                (
                    Work("Memutakhirkan data pengakuan dan pengesahan anak", "data", 1, 3, 0),
                    Work("Memvalidasi catatan pinggir pada database", "data", 1, 4),
                ),
            ),
        ),
    ),
    Plan(
        "Taufik Hidayat",
        (
            Result(
                "Terlayaninya permohonan akta perkawinan dan perceraian di loket",
                0,
                (count("Jumlah berkas perkawinan dan perceraian yang dilayani", 400, "berkas"),),
                (
                    Work("Menerima dan memeriksa berkas permohonan akta perkawinan", "berkas", 1, 4, 0),
                    Work("Menyerahkan kutipan akta kepada pemohon", "akta", 1, 4),
                ),
            ),
            Result(
                "Teradministrasikannya arsip akta pencatatan sipil",
                1,
                (count("Jumlah berkas akta yang diarsipkan", 3000, "berkas"),),
                (
                    Work("Mengarsipkan berkas akta kelahiran dan perkawinan", "berkas", 10, 30, 0),
                    Work("Melayani permintaan salinan akta dari arsip", "berkas", 1, 4),
                ),
            ),
        ),
        reporting=0.55,
    ),
    Plan(
        "Hendrik Simanjuntak",
        (
            Result(
                "Terjaminnya operasional SIAK dan jaringan komunikasi data yang andal",
                0,
                (quality("Persentase ketersediaan (uptime) layanan SIAK", 99, "%"),),
                (
                    Work("Memantau ketersediaan server dan jaringan SIAK", "laporan", 1, 1),
                    Work("Memimpin rapat evaluasi keamanan data kependudukan", "rapat", 1, 1),
                ),
            ),
            Result(
                "Tersajikannya data kependudukan yang akurat dan mutakhir",
                2,
                (
                    count("Jumlah publikasi data agregat kependudukan", 2, "publikasi"),
                    count("Jumlah data anomali hasil konsolidasi yang ditindaklanjuti", 5000, "data"),
                ),
                (
                    Work("Mereviu rancangan publikasi data agregat kependudukan", "dokumen", 1, 1),
                    Work("Menyetujui perbaikan data anomali hasil konsolidasi", "data", 20, 60, 1),
                ),
            ),
        ),
    ),
    Plan(
        "Novia Rahayu",
        (
            Result(
                "Terkelolanya SIAK dan aplikasi layanan adminduk online",
                0,
                (
                    quality("Persentase ketersediaan SIAK dan aplikasi layanan online", 99, "%"),
                    count("Jumlah permohonan layanan online yang diproses", 8000, "permohonan"),
                ),
                (
                    Work(
                        "Memantau antrean permohonan online dan membaginya kepada operator",
                        "permohonan",
                        25,
                        70,
                        1,
                    ),
                    Work("Mengoordinasikan perbaikan gangguan aplikasi", "gangguan", 1, 2),
                ),
            ),
            Result(
                "Terjaganya keamanan data dan jaringan komunikasi data kependudukan",
                0,
                (count("Jumlah pemeliharaan perangkat dan jaringan yang dilaksanakan", 48, "kegiatan"),),
                (
                    Work("Memeriksa log akses dan hak akses pengguna SIAK", "akun", 10, 40),
                    Work("Memimpin pemeliharaan rutin server", "kegiatan", 1, 1, 0),
                ),
            ),
        ),
    ),
    Plan(
        "Arif Rahman Hakim",
        (
            Result(
                "Terkelolanya database SIAK terpusat dan sinkronisasi data",
                0,
                (count("Jumlah sinkronisasi dan konsolidasi database yang dilaksanakan", 240, "kali"),),
                (
                    Work("Menyinkronkan database SIAK dengan data center Ditjen Dukcapil", "kali", 1, 2, 0),
                    Work("Mencadangkan (backup) database harian", "kali", 1, 1),
                ),
            ),
            Result(
                "Terlaksananya pengelolaan hak akses dan keamanan database",
                1,
                (count("Jumlah akun pengguna yang dikelola", 150, "akun"),),
                (
                    Work("Membuat dan menonaktifkan akun pengguna SIAK", "akun", 1, 3, 0),
                    Work("Memeriksa kerentanan server aplikasi", "server", 1, 2),
                ),
            ),
        ),
    ),
    Plan(
        "Putri Ayu Lestari",
        (
            Result(
                "Terpeliharanya aplikasi layanan adminduk online",
                0,
                (
                    count("Jumlah tiket perbaikan aplikasi yang diselesaikan", 240, "tiket"),
                    count("Jumlah fitur baru yang dikembangkan", 6, "fitur"),
                ),
                (
                    Work("Menyelesaikan tiket perbaikan aplikasi layanan online", "tiket", 1, 3, 0),
                    Work("Menguji fitur unggah dokumen persyaratan", "skenario uji", 3, 10),
                ),
            ),
            Result(
                "Terlayaninya verifikasi permohonan layanan online",
                0,
                (count("Jumlah permohonan online yang diverifikasi", 3000, "permohonan"),),
                (
                    Work(
                        "Memverifikasi permohonan layanan online (KK, akta, pindah)", "permohonan", 10, 25, 0
                    ),
                ),
            ),
        ),
    ),
    Plan(
        "Rudi Hartono",
        (
            Result(
                "Terpeliharanya perangkat keras dan jaringan pelayanan",
                1,
                (count("Jumlah perangkat yang dipelihara atau diperbaiki", 300, "unit"),),
                (
                    Work("Memperbaiki printer dan perangkat perekaman di loket", "unit", 1, 3, 0),
                    Work("Memeriksa koneksi VPN kantor kecamatan", "lokasi", 1, 7),
                ),
            ),
            Result(
                "Terdukungnya layanan teknologi informasi di tujuh kecamatan",
                1,
                (count("Jumlah kunjungan dukungan teknis ke kecamatan", 80, "kunjungan"),),
                (Work("Memberikan dukungan teknis di kantor kecamatan", "kunjungan", 1, 2, 0),),
            ),
        ),
        reporting=0.75,
    ),
    Plan(
        "Wahyu Setiawan",
        (
            Result(
                "Tersusunnya data agregat dan profil perkembangan kependudukan",
                1,
                (count("Jumlah dokumen data agregat kependudukan yang diterbitkan", 4, "dokumen"),),
                (
                    Work("Mengolah data agregat kependudukan per kelurahan", "tabel", 3, 10),
                    Work("Menyusun narasi profil perkembangan kependudukan", "halaman", 2, 6),
                ),
            ),
            Result(
                "Terlaksananya pemutakhiran dan pembersihan data kependudukan",
                1,
                (count("Jumlah data anomali yang ditindaklanjuti", 2500, "data"),),
                (Work("Menganalisis data anomali hasil konsolidasi", "data", 10, 30, 0),),
            ),
        ),
    ),
    Plan(
        "Annisa Rahmadani",
        (
            Result(
                "Tersedianya tabel statistik kependudukan semesteran",
                0,
                (count("Jumlah tabel statistik yang disusun", 120, "tabel"),),
                (
                    Work("Menyusun tabel penduduk menurut kelompok umur dan jenis kelamin", "tabel", 1, 3, 0),
                    Work("Memvalidasi data agregat dengan data konsolidasi pusat", "kelurahan", 3, 11),
                ),
            ),
            Result(
                "Terlaksananya pemutakhiran data kependudukan berbasis anomali",
                1,
                (count("Jumlah data anomali yang dianalisis", 1500, "data"),),
                (Work("Menganalisis data penduduk tanpa NIK ayah atau ibu", "data", 8, 20, 0),),
            ),
        ),
    ),
    # A plan just begun: its only result is not linked to the supervisor's plan yet.
    Plan(
        "Irfan Maulana",
        (
            Result(
                "Terlaksananya pemutakhiran data kependudukan hasil verifikasi kelurahan",
                None,
                (count("Jumlah data penduduk yang dimutakhirkan", 1800, "data"),),
                (
                    Work("Memutakhirkan data penduduk hasil verifikasi lapangan kelurahan", "data", 6, 15, 0),
                    Work("Mengentri formulir biodata penduduk (F-1.01)", "formulir", 5, 15),
                ),
            ),
        ),
        status=DRAFT,
        reporting=0.8,
    ),
    Plan(
        "Elvi Syahrina",
        (
            Result(
                "Meningkatnya pemanfaatan data kependudukan melalui kerja sama dengan lembaga pengguna",
                2,
                (count("Jumlah perjanjian kerja sama pemanfaatan data yang ditandatangani", 10, "PKS"),),
                (
                    Work("Membahas rancangan PKS bersama lembaga pengguna", "rapat", 1, 1),
                    Work("Memaraf naskah PKS pemanfaatan data", "dokumen", 1, 1),
                ),
            ),
            Result(
                "Terselenggaranya inovasi pelayanan administrasi kependudukan",
                0,
                (count("Jumlah inovasi pelayanan yang diterapkan", 3, "inovasi"),),
                (Work("Mengevaluasi pelaksanaan inovasi layanan", "kegiatan", 1, 1),),
            ),
        ),
    ),
    Plan(
        "Ridwan Harahap",
        (
            Result(
                "Terfasilitasinya kerja sama pemanfaatan data kependudukan",
                0,
                (count("Jumlah dokumen kerja sama yang difasilitasi", 20, "dokumen"),),
                (
                    Work("Menyiapkan bahan pembahasan PKS dengan lembaga pengguna", "dokumen", 1, 1, 0),
                    Work("Memfasilitasi rapat PKS pemanfaatan data dengan perbankan", "rapat", 1, 1),
                ),
            ),
            Result(
                "Terkembangnya inovasi layanan adminduk",
                1,
                (count("Jumlah inovasi yang dikembangkan", 3, "inovasi"),),
                (
                    Work("Menyusun SOP inovasi layanan keliling", "dokumen", 1, 1),
                    Work("Mengevaluasi pelaksanaan layanan keliling", "kegiatan", 1, 1),
                ),
            ),
        ),
    ),
    Plan(
        "Nadia Safitri",
        (
            Result(
                "Tersusunnya kajian kebutuhan akses data lembaga pengguna",
                0,
                (count("Jumlah kajian kebijakan kerja sama yang disusun", 4, "kajian"),),
                (
                    Work("Menyusun kajian kebutuhan akses data lembaga pengguna", "halaman", 2, 6),
                    Work("Menginventarisasi hak akses lembaga pengguna", "lembaga", 1, 5),
                ),
            ),
            Result(
                "Tersosialisasikannya Identitas Kependudukan Digital (IKD) dan inovasi layanan",
                1,
                (count("Jumlah kegiatan sosialisasi layanan adminduk", 12, "kegiatan"),),
                (
                    Work("Menyiapkan materi sosialisasi aktivasi IKD", "materi", 1, 2),
                    Work("Melaksanakan sosialisasi IKD di kelurahan", "kegiatan", 1, 1, 0),
                ),
            ),
        ),
    ),
    Plan(
        "Yessi Tanjung",
        (
            Result(
                "Terlaksananya pelayanan pemanfaatan data bagi lembaga pengguna",
                0,
                (count("Jumlah permintaan data dan verifikasi NIK yang dilayani", 600, "permintaan"),),
                (
                    Work("Memverifikasi permintaan data dari perangkat daerah", "permintaan", 2, 6, 0),
                    Work("Menyetujui pemberian hak akses data kepada lembaga", "lembaga", 1, 2),
                ),
            ),
            Result(
                "Meningkatnya aktivasi Identitas Kependudukan Digital (IKD)",
                0,
                (count("Jumlah penduduk yang mengaktivasi IKD", 6000, "orang"),),
                (
                    Work("Memantau capaian aktivasi IKD per kecamatan", "laporan", 1, 1),
                    Work("Memimpin layanan aktivasi IKD di kantor dinas", "orang", 10, 35, 0),
                ),
            ),
        ),
    ),
    Plan(
        "Dodi Firmansyah",
        (
            Result(
                "Terlayaninya verifikasi NIK dan akses data bagi lembaga pengguna",
                0,
                (count("Jumlah verifikasi NIK yang dilayani", 4000, "NIK"),),
                (
                    Work("Melayani verifikasi NIK bagi perangkat daerah dan BPJS", "NIK", 15, 45, 0),
                    Work("Mengelola akun akses web service lembaga pengguna", "akun", 1, 3),
                ),
            ),
            Result(
                "Terbantunya aktivasi IKD penduduk",
                1,
                (count("Jumlah aktivasi IKD yang dibantu", 1500, "orang"),),
                (Work("Membantu aktivasi IKD di loket pelayanan", "orang", 5, 15, 0),),
            ),
        ),
    ),
    Plan(
        "Siti Aisyah Nasution",
        (
            Result(
                "Terlayaninya aktivasi IKD penduduk",
                1,
                (count("Jumlah penduduk yang diaktivasi IKD", 2500, "orang"),),
                (
                    Work("Melayani aktivasi IKD di loket", "orang", 6, 20, 0),
                    Work("Melayani aktivasi IKD jemput bola di kantor kelurahan", "orang", 10, 35, 0),
                ),
            ),
            Result(
                "Teradministrasikannya permintaan data kependudukan",
                0,
                (count("Jumlah permintaan data yang diregister", 600, "permintaan"),),
                (Work("Meregister surat permintaan data dari lembaga pengguna", "permintaan", 1, 5, 0),),
            ),
        ),
    ),
    # --- BKPSDM ------------------------------------------------------------------------------------
    Plan(
        "Muhammad Nasir",
        (
            Result(
                "Meningkatnya kompetensi dan profesionalitas ASN Pemerintah Kota Dumai",
                "SS-1",
                (
                    quality("Indeks Profesionalitas ASN", 72, "nilai"),
                    quality("Persentase ASN yang memenuhi 20 JP pengembangan kompetensi", 80, "%"),
                ),
                (
                    Work("Memimpin rapat evaluasi pengembangan kompetensi ASN", "rapat", 1, 1),
                    Work("Membuka pelatihan teknis bagi ASN", "kegiatan", 1, 1),
                ),
            ),
            Result(
                "Terwujudnya manajemen ASN berbasis sistem merit",
                "SS-2",
                (quality("Nilai penerapan sistem merit", 325, "poin"),),
                (
                    Work("Menandatangani keputusan mutasi dan kenaikan pangkat", "SK", 10, 40),
                    Work("Memimpin sidang Badan Pertimbangan Jabatan dan Kepangkatan", "rapat", 1, 1),
                ),
            ),
            Result(
                "Meningkatnya akuntabilitas kinerja ASN",
                "SS-3",
                (quality("Persentase ASN yang SKP-nya dievaluasi tepat waktu", 95, "%"),),
                (Work("Memantau capaian penilaian kinerja ASN perangkat daerah", "laporan", 1, 1),),
            ),
        ),
        status=DRAFT,
        reporting=0.65,
    ),
    Plan(
        "Rosnaini Harahap",
        (
            Result(
                "Terselenggaranya dukungan perencanaan dan keuangan Badan yang akuntabel",
                1,
                (
                    count(
                        "Jumlah dokumen perencanaan dan laporan Badan yang disahkan tepat waktu", 8, "dokumen"
                    ),
                ),
                (
                    Work("Mereviu dokumen perencanaan dan laporan keuangan Badan", "dokumen", 1, 1, 0),
                    Work("Memimpin rapat pengendalian anggaran", "rapat", 1, 1),
                ),
            ),
            Result(
                "Terkelolanya administrasi umum dan kepegawaian Badan",
                1,
                (quality("Persentase layanan administrasi umum yang selesai tepat waktu", 100, "%"),),
                (Work("Memaraf naskah dinas untuk Kepala Badan", "naskah", 5, 20),),
            ),
        ),
    ),
    Plan(
        "Heri Susanto",
        (
            Result(
                "Terlaksananya administrasi persuratan, kearsipan dan rumah tangga Badan",
                1,
                (count("Jumlah surat yang diadministrasikan", 3000, "surat"),),
                (
                    Work("Mengendalikan agenda dan disposisi surat", "surat", 10, 30, 0),
                    Work("Mengatur pemeliharaan kendaraan dinas dan gedung kantor", "kegiatan", 1, 1),
                ),
            ),
            Result(
                "Terkelolanya administrasi kepegawaian internal Badan",
                1,
                (count("Jumlah layanan kepegawaian internal yang diproses", 80, "berkas"),),
                (
                    Work(
                        "Memverifikasi usulan cuti dan kenaikan gaji berkala pegawai Badan", "berkas", 1, 3, 0
                    ),
                ),
            ),
        ),
    ),
    Plan(
        "Eka Putri Wulandari",
        (
            Result(
                "Tertatanya arsip kepegawaian dan arsip dinamis Badan",
                0,
                (count("Jumlah berkas arsip yang ditata", 2000, "berkas"),),
                (
                    Work("Menata berkas arsip kepegawaian ASN", "berkas", 6, 18, 0),
                    Work("Melayani peminjaman arsip kepegawaian", "permintaan", 1, 4),
                ),
            ),
            Result(
                "Teralihmedianya arsip kepegawaian ke bentuk digital",
                0,
                (count("Jumlah lembar arsip yang dialihmediakan", 5000, "lembar"),),
                (Work("Memindai arsip kepegawaian untuk alih media", "lembar", 20, 45, 0),),
            ),
        ),
    ),
    Plan(
        "Agus Salim",
        (
            Result(
                "Teradministrasikannya surat masuk dan surat keluar Badan",
                0,
                (count("Jumlah surat yang diagendakan", 2500, "surat"),),
                (
                    Work("Mengagendakan surat masuk dan keluar", "surat", 6, 16, 0),
                    Work("Mengantar surat ke perangkat daerah", "surat", 3, 10, 0),
                ),
            ),
            Result(
                "Terdukungnya layanan kepegawaian internal Badan",
                1,
                (count("Jumlah berkas kepegawaian internal yang disiapkan", 60, "berkas"),),
                (Work("Menyiapkan berkas usulan cuti pegawai Badan", "berkas", 1, 2, 0),),
            ),
        ),
        reporting=0.6,
    ),
    Plan(
        "Lili Suryani",
        (
            Result(
                "Tersusunnya dokumen perencanaan dan anggaran Badan",
                0,
                (count("Jumlah dokumen perencanaan yang disusun", 6, "dokumen"),),
                (
                    Work("Menyusun rancangan RKA perubahan Badan", "dokumen", 1, 1, 0),
                    Work("Membahas usulan anggaran bersama bidang", "rapat", 1, 1),
                ),
            ),
            Result(
                "Terlaksananya penatausahaan keuangan dan pelaporan kinerja Badan",
                0,
                (count("Jumlah laporan keuangan dan kinerja yang disampaikan tepat waktu", 16, "laporan"),),
                (
                    Work("Memverifikasi SPJ belanja Badan", "berkas", 3, 10),
                    Work("Menyusun laporan realisasi anggaran bulanan", "laporan", 1, 1, 0),
                ),
            ),
        ),
    ),
    Plan(
        "Hafiz Alfarisi",
        (
            Result(
                "Tersusunnya rancangan Renja, RKA dan laporan kinerja Badan",
                0,
                (count("Jumlah rancangan dokumen yang disusun", 5, "dokumen"),),
                (
                    Work("Menyusun bab rancangan Renja 2027 Badan", "bab", 1, 2),
                    Work("Menginput rencana sub kegiatan pada SIPD", "sub kegiatan", 2, 6),
                ),
            ),
            Result(
                "Terkelolanya data capaian kinerja dan realisasi anggaran",
                1,
                (count("Jumlah laporan capaian yang disusun", 12, "laporan"),),
                (
                    Work("Merekap capaian indikator kinerja bidang", "indikator", 3, 10),
                    Work("Menyusun laporan capaian kinerja bulanan", "laporan", 1, 1, 0),
                ),
            ),
        ),
    ),
    Plan(
        "Afrizal Tanjung",
        (
            Result(
                "Terselenggaranya pengadaan ASN dan layanan pemberhentian yang tepat waktu",
                1,
                (
                    quality("Persentase usulan pensiun yang diproses sebelum TMT pensiun", 100, "%"),
                    count("Jumlah keputusan pensiun yang diterbitkan", 120, "SK"),
                ),
                (
                    Work("Memaraf keputusan pensiun ASN", "SK", 1, 4, 1),
                    Work("Memimpin rapat persiapan pengangkatan PPPK", "rapat", 1, 1),
                ),
            ),
            Result(
                "Tersedianya data dan sistem informasi kepegawaian yang mutakhir",
                2,
                (quality("Persentase data ASN pada SIASN yang valid", 98, "%"),),
                (Work("Memantau progres pemutakhiran data ASN", "laporan", 1, 1),),
            ),
        ),
    ),
    Plan(
        "Maya Sari Dewi",
        (
            Result(
                "Terprosesnya usulan pensiun dan pemberhentian ASN",
                0,
                (count("Jumlah usulan pensiun yang diproses", 120, "berkas"),),
                (
                    Work("Memverifikasi berkas usulan pensiun", "berkas", 1, 3, 0),
                    Work("Menginput usulan pensiun pada SIASN", "berkas", 1, 3, 0),
                ),
            ),
            Result(
                "Tersusunnya analisis kebutuhan formasi ASN",
                0,
                (count("Jumlah jabatan yang dianalisis kebutuhannya", 150, "jabatan"),),
                (Work("Menganalisis beban kerja jabatan perangkat daerah", "jabatan", 1, 4, 0),),
            ),
        ),
    ),
    Plan(
        "Bayu Aji Nugroho",
        (
            Result(
                "Termutakhirkannya data ASN pada SIASN",
                1,
                (count("Jumlah data ASN yang divalidasi", 3000, "data"),),
                (Work("Memvalidasi data riwayat ASN pada SIASN", "data", 10, 28, 0),),
            ),
            Result(
                "Terkelolanya aplikasi kepegawaian daerah (SIMPEG dan SIKASN)",
                1,
                (count("Jumlah tiket dukungan aplikasi yang diselesaikan", 300, "tiket"),),
                (
                    Work("Menyelesaikan tiket dukungan pengguna SIMPEG dan SIKASN", "tiket", 1, 4, 0),
                    Work("Mencadangkan basis data kepegawaian", "kali", 1, 1),
                ),
            ),
        ),
    ),
    Plan(
        "Rahmi Yulianti",
        (
            Result(
                "Terprosesnya usulan pengangkatan PPPK",
                0,
                (count("Jumlah berkas pengangkatan PPPK yang diproses", 400, "berkas"),),
                (Work("Memverifikasi berkas pengangkatan PPPK", "berkas", 2, 6, 0),),
            ),
            Result(
                "Terlayaninya pemutakhiran data mandiri (PDM) ASN",
                1,
                (count("Jumlah usulan PDM yang diverifikasi", 1200, "usulan"),),
                (Work("Memverifikasi usulan PDM pada SIASN", "usulan", 4, 12, 0),),
            ),
            Result(
                "Terverifikasinya berkas pengangkatan PPPK paruh waktu",
                None,
                (count("Jumlah berkas PPPK paruh waktu yang diverifikasi", 300, "berkas"),),
                (Work("Memverifikasi berkas PPPK paruh waktu", "berkas", 3, 10, 0),),
                kind=ADDITIONAL,
                in_revision=True,
            ),
        ),
        status=SUBMITTED,
        revision_reason="Penugasan verifikasi berkas pengangkatan PPPK paruh waktu.",
    ),
    Plan(
        "Darmawan Sitompul",
        (
            Result(
                "Terlaksananya mutasi, promosi dan kenaikan pangkat ASN sesuai sistem merit",
                1,
                (quality("Persentase usulan kenaikan pangkat yang ditetapkan tepat waktu", 98, "%"),),
                (
                    Work("Memaraf keputusan kenaikan pangkat periode Desember", "SK", 10, 30),
                    Work("Memimpin rapat pertimbangan mutasi ASN", "rapat", 1, 1),
                ),
            ),
            Result(
                "Terselenggaranya seleksi terbuka dan uji kompetensi jabatan",
                1,
                (
                    count(
                        "Jumlah jabatan yang diisi melalui seleksi terbuka atau uji kompetensi", 20, "jabatan"
                    ),
                ),
                (Work("Menyiapkan pelaksanaan uji kompetensi jabatan administrator", "kegiatan", 1, 1),),
            ),
        ),
    ),
    Plan(
        "Lusiana Purba",
        (
            Result(
                "Terverifikasinya usulan kenaikan pangkat ASN",
                0,
                (count("Jumlah usulan kenaikan pangkat yang diverifikasi", 900, "berkas"),),
                (Work("Memverifikasi usulan kenaikan pangkat pada SIASN", "berkas", 5, 12, 0),),
            ),
            Result(
                "Teradministrasikannya seleksi terbuka dan uji kompetensi",
                1,
                (count("Jumlah peserta seleksi yang diadministrasikan", 150, "orang"),),
                (
                    Work("Memeriksa berkas pendaftaran peserta seleksi terbuka", "orang", 2, 8, 0),
                    Work("Menyusun jadwal dan daftar peserta uji kompetensi", "dokumen", 1, 1),
                ),
            ),
        ),
    ),
    Plan(
        "Rizal Efendi",
        (
            Result(
                "Terdistribusikannya keputusan kenaikan pangkat dan mutasi",
                0,
                (count("Jumlah SK yang disiapkan dan didistribusikan", 800, "SK"),),
                (Work("Mencetak dan mendistribusikan SK kenaikan pangkat", "SK", 5, 12, 0),),
            ),
            Result(
                "Terlayaninya konsultasi layanan mutasi ASN",
                0,
                (count("Jumlah ASN yang dilayani konsultasinya", 400, "orang"),),
                (Work("Melayani konsultasi persyaratan mutasi di loket BKPSDM", "orang", 2, 6, 0),),
            ),
        ),
    ),
    Plan(
        "Yenny Marlinda",
        (
            Result(
                "Meningkatnya kompetensi ASN melalui pendidikan dan pelatihan",
                0,
                (
                    count("Jumlah ASN yang mengikuti pengembangan kompetensi", 1500, "orang"),
                    quality("Persentase ASN yang memenuhi 20 JP", 80, "%"),
                ),
                (
                    Work("Memantau pelaksanaan pelatihan teknis", "kegiatan", 1, 1),
                    Work("Membahas kerja sama pelatihan dengan BPSDM Provinsi Riau", "rapat", 1, 1),
                ),
            ),
            Result(
                "Terfasilitasinya tugas belajar, izin belajar dan ujian dinas",
                0,
                (count("Jumlah izin dan tugas belajar yang diproses", 120, "berkas"),),
                (Work("Memaraf surat izin belajar", "berkas", 1, 3, 0),),
            ),
        ),
    ),
    Plan(
        "Teguh Wibowo",
        (
            Result(
                "Terselenggaranya pelatihan teknis dan manajerial bagi ASN",
                0,
                (
                    count("Jumlah kelas pelatihan yang difasilitasi", 24, "kelas"),
                    count("Jumlah peserta pelatihan", 900, "orang"),
                ),
                (
                    Work("Menyiapkan peserta dan bahan pelatihan", "orang", 10, 30, 1),
                    Work("Menyusun laporan penyelenggaraan pelatihan", "laporan", 1, 1),
                ),
            ),
            Result(
                "Terprosesnya izin belajar dan ujian penyesuaian kenaikan pangkat",
                1,
                (count("Jumlah berkas izin belajar yang ditelaah", 120, "berkas"),),
                (Work("Menelaah berkas permohonan izin belajar", "berkas", 1, 3, 0),),
            ),
        ),
    ),
    Plan(
        "Suci Ramadhani",
        (
            Result(
                "Teradministrasikannya data pengembangan kompetensi ASN",
                0,
                (count("Jumlah sertifikat pelatihan yang diinput", 2500, "sertifikat"),),
                (Work("Menginput sertifikat pelatihan ke data JP ASN", "sertifikat", 8, 20, 0),),
            ),
            Result(
                "Terlayaninya administrasi izin belajar",
                1,
                (count("Jumlah berkas izin belajar yang diregister", 120, "berkas"),),
                (Work("Meregister berkas permohonan izin belajar", "berkas", 1, 3, 0),),
            ),
        ),
    ),
    Plan(
        "Ismail Tambunan",
        (
            Result(
                "Terselenggaranya manajemen kinerja ASN berbasis elektronik",
                2,
                (quality("Persentase ASN yang menyusun SKP tepat waktu", 95, "%"),),
                (
                    Work("Memantau penyusunan SKP perangkat daerah di SIKASN", "laporan", 1, 1),
                    Work("Memimpin bimbingan teknis penilaian kinerja", "kegiatan", 1, 1),
                ),
            ),
            Result(
                "Terlaksananya pemberian penghargaan dan pembinaan disiplin ASN",
                0,
                (count("Jumlah usulan Satyalancana Karya Satya yang diproses", 150, "berkas"),),
                (Work("Memaraf usulan Satyalancana Karya Satya", "berkas", 2, 8, 0),),
            ),
        ),
    ),
    Plan(
        "Fadilla Rahma",
        (
            Result(
                "Terdampinginya perangkat daerah dalam penyusunan dan penilaian SKP",
                0,
                (count("Jumlah perangkat daerah yang didampingi", 35, "perangkat daerah"),),
                (
                    Work("Mendampingi operator kinerja perangkat daerah", "perangkat daerah", 1, 2, 0),
                    Work("Menjawab konsultasi penilaian kinerja melalui helpdesk", "konsultasi", 2, 8),
                ),
            ),
            Result(
                "Terprosesnya usulan penghargaan dan kasus disiplin ASN",
                1,
                (count("Jumlah berkas penghargaan dan disiplin yang diproses", 180, "berkas"),),
                (
                    Work("Memverifikasi usulan Satyalancana Karya Satya", "berkas", 2, 6, 0),
                    Work("Menyusun telaahan kasus disiplin ASN", "dokumen", 1, 1),
                ),
            ),
        ),
    ),
    Plan(
        "Gilang Permana",
        (
            Result(
                "Terimplementasinya SIKASN di seluruh perangkat daerah",
                0,
                (
                    count("Jumlah perangkat daerah yang menggunakan SIKASN", 35, "perangkat daerah"),
                    count("Jumlah tiket dukungan pengguna yang diselesaikan", 400, "tiket"),
                ),
                (
                    Work("Menyelesaikan tiket dukungan pengguna SIKASN", "tiket", 2, 5, 1),
                    Work(
                        "Melatih admin kepegawaian perangkat daerah menggunakan SIKASN",
                        "perangkat daerah",
                        1,
                        1,
                        0,
                    ),
                ),
            ),
            Result(
                "Tersusunnya rekapitulasi capaian kinerja ASN",
                0,
                (count("Jumlah laporan rekapitulasi kinerja yang disusun", 12, "laporan"),),
                (
                    Work("Mengolah data capaian kinerja ASN per perangkat daerah", "perangkat daerah", 3, 10),
                    Work("Menyusun laporan rekapitulasi kinerja bulanan", "laporan", 1, 1, 0),
                ),
            ),
        ),
    ),
)


@dataclass
class PerformanceSummary(DemoSummary):
    """What build_performance_demo did, on top of the rows per model."""

    today: date | None = None
    skp_statuses: Counter = field(default_factory=Counter)
    without_skp: list = field(default_factory=list)
    report_days: list = field(default_factory=list)


def plans_by_nip():
    """{NIP: Plan}; raises KeyError when a plan names someone who is not in the demo."""
    nips = {p.person.name: p.person.nip for p in placements()}
    return {nips[plan.name]: plan for plan in PLANS}


@dataclass
class _Calendar:
    """An agency's working days of the demo year: its working week and holidays."""

    weekdays: set
    holidays: set

    def working_days(self, start, end):
        return calendar.working_days(start, end, self.weekdays, self.holidays)

    def shift(self, day, n):
        """The working day n working days after day (n >= 0)."""
        while n > 0:
            day += timedelta(days=1)
            if calendar.is_working_day(day, self.weekdays, self.holidays):
                n -= 1
        return day


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _sync_years(agencies, summary):
    existing = {
        y.agency_id: y for y in PerformanceYear.objects.filter(agency__in=agencies.values(), year=YEAR)
    }
    years, created = {}, 0
    for code, agency in agencies.items():
        year = existing.get(agency.pk)
        if year is None:
            year = performance_year_open(
                agency=agency, year=YEAR, plan_deadline=PLAN_DEADLINE, report_cutoff_days=REPORT_CUTOFF_DAYS
            )
            created += 1
        years[code] = year
    summary.add(PerformanceYear, rows=len(years), created=created, updated=0)
    return years


def _sync_goals(years, summary):
    existing = {(g.year_id, g.code): g for g in AgencyGoal.objects.filter(year__in=years.values())}
    goals, created = {}, 0
    for code, year in years.items():
        for goal_code, text in GOALS[code]:
            goal = existing.get((year.pk, goal_code))
            if goal is None:
                goal = agency_goal_add(year=year, code=goal_code, text=text)
                created += 1
            goals[code, goal_code] = goal
    summary.add(AgencyGoal, rows=len(goals), created=created, updated=0)
    return goals


def _calendars(agencies, years):
    """{agency code: _Calendar} from one query for the national and the agencies' own holidays."""
    rows = Holiday.objects.filter(
        Q(agency__isnull=True) | Q(agency__in=agencies.values()),
        date__range=(date(YEAR, 1, 1), date(YEAR + 1, 3, 31)),
    ).values_list("agency_id", "date")
    national, own = set(), defaultdict(set)
    for agency_id, day in rows:
        (national if agency_id is None else own[agency_id]).add(day)
    return {
        code: _Calendar(calendar.parse_weekdays(years[code].working_weekdays), national | own[agency.pk])
        for code, agency in agencies.items()
    }


class _Rater:
    """Who rates a staff member on a day: the direct supervisor, or the Plt/Plh acting for them."""

    def __init__(self, staff_by_pk, acting):
        self.staff_by_pk = staff_by_pk
        self.acting = acting

    def on(self, member, day):
        supervisor = self.staff_by_pk.get(member.supervisor_id)
        if supervisor is None:
            return None
        if supervisor.is_active:
            return supervisor
        for assignment in self.acting:
            if assignment.replaces_id == supervisor.pk and assignment.starts_on <= day <= assignment.ends_on:
                return self.staff_by_pk.get(assignment.acting_id)
        return None


@dataclass
class _Book:
    """Rows of the plans as keyed for the run: existing ones and those written now."""

    skps: dict  # staff id -> Skp
    rhks: dict  # (skp id, text) -> Rhk
    indicators: dict  # (rhk id, text) -> Indicator


def _load_book(years, staff_ids):
    skps = {s.staff_id: s for s in Skp.objects.filter(year__in=years, staff_id__in=staff_ids)}
    rhks = {(r.skp_id, r.text): r for r in Rhk.objects.filter(skp__in=list(skps.values()))}
    indicators = {(i.rhk_id, i.text): i for i in Indicator.objects.filter(rhk__skp__in=list(skps.values()))}
    return _Book(skps, rhks, indicators)


def _expectation_texts(nip):
    pick = int(nip[-4:])
    return {value: texts[(pick + n) % len(texts)] for n, (value, texts) in enumerate(EXPECTATIONS.items())}


def _timeline(plan, member, level, rater, cal, today):
    """The workflow of a plan: (status, revision, submitted_at, approved_at, [(kind, by, at, comment)]).

    Plans were sent in January, the higher levels first, and approved within a few working days before
    the deadline. A reopened plan was opened again a week ago and sent again this week.
    """
    if plan.status == DRAFT:
        return DRAFT, 0, None, None, []
    rng = random.Random(f"plan|{member.nip}")
    january = cal.working_days(date(YEAR, 1, 5), PLAN_DEADLINE - timedelta(days=1))
    sent_day = january[min(len(january) - 4, 3 * level - 2 + rng.randint(0, 2))]
    approved_day = min(cal.shift(sent_day, rng.randint(1, 3)), january[-1])
    sent_at = _at(sent_day, rng.randint(8, 15), rng.randrange(0, 60, 5))
    approved_at = _at(approved_day, rng.randint(8, 15), rng.randrange(0, 60, 5))
    supervisor_user = rater.staff_by_pk[member.supervisor_id].user_id
    events = [
        (SkpEventKind.SUBMITTED, member.user_id, sent_at, "", 0),
        (SkpEventKind.APPROVED, supervisor_user, approved_at, "", 0),
    ]
    if not plan.revision_reason:
        return APPROVED, 0, sent_at, approved_at, events
    recent = cal.working_days(today - timedelta(days=30), today - timedelta(days=1))
    opened, resent, answered = recent[-7], recent[-3], recent[-1]
    resent_at = _at(resent, rng.randint(9, 15), rng.randrange(0, 60, 5))
    events.append((SkpEventKind.REVISION, member.user_id, _at(opened, 10, 15), plan.revision_reason, 1))
    events.append((SkpEventKind.SUBMITTED, member.user_id, resent_at, "", 1))
    if plan.status == RETURNED:
        now_rater = rater.on(member, answered)
        events.append(
            (SkpEventKind.RETURNED, now_rater.user_id, _at(answered, 14, 20), plan.return_comment, 1)
        )
    return plan.status, 1, resent_at, approved_at, events


def _drafted_at(level, cal, today):
    """When a draft was last changed: the heads wrote theirs in the first week of January, anyone
    else is still at it."""
    if level == 0:
        return _at(cal.working_days(date(YEAR, 1, 5), PLAN_DEADLINE)[1], 10, 0)
    return _at(cal.working_days(today - timedelta(days=30), today - timedelta(days=1))[-2], 11, 0)


def _snapshot(skp, member, revision, rows, owners, expectations, annex):
    """The plan's content as skp_snapshot() reads it, from the rows just written."""

    def supports(rhk):
        if rhk.supports is None:
            return None
        return {
            "id": rhk.supports.pk,
            "text": rhk.supports.text,
            "staff": owners[rhk.supports.skp_id].full_name,
        }

    return {
        "revision": revision,
        "year": YEAR,
        "approach": skp.approach,
        "staff": {"id": member.pk, "nip": member.nip, "name": member.full_name},
        "results": [
            {
                "id": rhk.pk,
                "kind": rhk.kind,
                "text": rhk.text,
                "order": rhk.order,
                "supports": supports(rhk),
                "goal": rhk.goal and {"id": rhk.goal.pk, "code": rhk.goal.code, "text": rhk.goal.text},
                "indicators": [
                    {
                        "id": ind.pk,
                        "text": ind.text,
                        "aspect": ind.aspect,
                        "target_value": str(ind.target_value),
                        "target_unit": ind.target_unit,
                        "target_text": ind.target_text,
                    }
                    for ind in indicators
                ],
            }
            for rhk, indicators in rows
        ],
        "expectations": [{"value": value, "expectation": expectations[value]} for value in CoreValue.values],
        "annex": dict(zip(("resource_support", "accountability_scheme", "consequences"), annex, strict=True)),
    }


def _sync_plans(*, people, staff, years, goals, cals, rater, today, summary):
    """Writes the SKPs missing for the year with their results, indicators, expectations and history."""
    plans = plans_by_nip()
    book = _load_book(list(years.values()), [staff[nip].pk for nip in plans])
    staff_by_pk = {m.pk: m for m in staff.values()}
    owners = {skp.pk: staff_by_pk[skp.staff_id] for skp in book.skps.values()}
    new = [nip for nip in plans if staff[nip].pk not in book.skps]

    def parent_text(nip, result):
        """The text of the supervisor's result this one supports, when it exists or is written now."""
        if not isinstance(result.up, int):
            return None
        supervisor = people[nip].supervisor
        above = plans.get(supervisor.nip) if supervisor else None
        if above is None or result.up >= len(above.results):
            return None
        text = above.results[result.up].text
        above_skp = book.skps.get(staff[supervisor.nip].pk)
        if supervisor.nip in new or (above_skp is not None and (above_skp.pk, text) in book.rhks):
            return text
        return None

    def complete(nip):
        """Whether every main result is linked, so that the plan may have left the draft."""
        for result in plans[nip].results:
            if result.kind == MAIN and parent_text(nip, result) is None and not isinstance(result.up, str):
                return False
        return True

    skps, timelines = [], {}
    for nip in new:
        plan, member, placement = plans[nip], staff[nip], people[nip]
        code = placement.agency.code
        cal = cals[code]
        draft = plan.status == DRAFT or not complete(nip)
        timeline = _timeline(
            Plan(plan.name, plan.results, DRAFT) if draft else plan,
            member,
            placement.level,
            rater,
            cal,
            today,
        )
        status, revision, submitted_at, approved_at, events = timeline
        timelines[nip] = timeline
        resource, scheme, consequences = ANNEX[code]
        skps.append(
            Skp(
                staff=member,
                year=years[code],
                approach=SkpApproach.QUANTITATIVE,
                status=status,
                rater_id=member.supervisor_id,
                revision=revision,
                resource_support=resource,
                accountability_scheme=scheme,
                consequences=consequences,
                submitted_at=submitted_at,
                approved_at=approved_at,
            )
        )
    Skp.objects.bulk_create(skps)
    for skp in skps:
        book.skps[skp.staff_id] = skp
        owners[skp.pk] = staff_by_pk[skp.staff_id]
    summary.add(Skp, rows=len(book.skps), created=len(skps), updated=0)

    expectations = []
    for nip in new:
        skp = book.skps[staff[nip].pk]
        texts = _expectation_texts(nip) if skp.approved_at else dict.fromkeys(CoreValue.values, "")
        expectations += [
            BehaviourExpectation(skp=skp, value=v, expectation=texts[v]) for v in CoreValue.values
        ]
    BehaviourExpectation.objects.bulk_create(expectations)

    # Results level by level, so that the supervisor's result exists before the one supporting it.
    written = {}  # nip -> [(Rhk, [Indicator])] in the plan's order
    for level in sorted({people[nip].level for nip in new}):
        batch = []
        for nip in (n for n in new if people[n].level == level):
            skp, placement = book.skps[staff[nip].pk], people[nip]
            rows = written[nip] = []
            for order, result in enumerate(plans[nip].results, start=1):
                text = parent_text(nip, result)
                parent = None
                if text is not None:
                    parent = book.rhks[book.skps[staff[placement.supervisor.nip].pk].pk, text]
                goal = goals.get((placement.agency.code, result.up)) if isinstance(result.up, str) else None
                rhk = Rhk(
                    skp=skp, kind=result.kind, text=result.text, supports=parent, goal=goal, order=order
                )
                rows.append((rhk, []))
                batch.append(rhk)
        Rhk.objects.bulk_create(batch)
        for rhk in batch:
            book.rhks[rhk.skp_id, rhk.text] = rhk
    indicators = []
    for nip in new:
        for (rhk, targets), result in zip(written[nip], plans[nip].results, strict=True):
            for target in result.targets:
                indicator = Indicator(
                    rhk=rhk,
                    text=target.text,
                    aspect=target.aspect,
                    target_value=target.value,
                    target_unit=target.unit,
                )
                targets.append(indicator)
                indicators.append(indicator)
    Indicator.objects.bulk_create(indicators)
    for indicator in indicators:
        book.indicators[indicator.rhk_id, indicator.text] = indicator
    summary.add(Rhk, rows=len(book.rhks), created=sum(len(rows) for rows in written.values()), updated=0)
    summary.add(Indicator, rows=len(book.indicators), created=len(indicators), updated=0)

    events = []
    for nip in new:
        skp, member = book.skps[staff[nip].pk], staff[nip]
        *_, steps = timelines[nip]
        code = people[nip].agency.code
        first_version = [
            (rhk, targets)
            for (rhk, targets), result in zip(written[nip], plans[nip].results, strict=True)
            if not result.in_revision
        ]
        for kind, by, at, comment, revision in steps:
            snapshot = None
            if kind == SkpEventKind.APPROVED:
                rows = first_version if revision == 0 else written[nip]
                snapshot = _snapshot(
                    skp, member, revision, rows, owners, _expectation_texts(nip), ANNEX[code]
                )
            events.append(
                SkpEvent(
                    skp=skp,
                    kind=kind,
                    actor_id=by,
                    at=at,
                    comment=comment,
                    revision=revision,
                    snapshot=snapshot,
                )
            )
    SkpEvent.objects.bulk_create(events)
    # updated_at is set on insert; the demo shows when each plan last changed.
    for nip in new:
        *_, steps = timelines[nip]
        placement = people[nip]
        changed = steps[-1][2] if steps else _drafted_at(placement.level, cals[placement.agency.code], today)
        book.skps[staff[nip].pk].updated_at = changed
    Skp.objects.bulk_update([book.skps[staff[nip].pk] for nip in new], ["updated_at"])
    stored = SkpEvent.objects.filter(skp__in=list(book.skps.values())).count()
    summary.add(SkpEvent, rows=stored, created=len(events), updated=0)

    summary.skp_statuses = Counter(skp.status for skp in book.skps.values())
    summary.without_skp = sorted(m.full_name for m in staff.values() if m.is_active and m.pk not in book.skps)
    return plans, book


def _report_days(cal, year, today):
    """The working days with demo reports: at least REPORT_DAYS up to the clock (today included), and
    every working day of the current evaluation period."""
    end = min(today, date(YEAR, 12, 31))
    days = cal.working_days(max(date(YEAR, 1, 1), end - timedelta(days=120)), end)
    period = (
        EvaluationPeriod.objects.filter(year=year, starts_on__lte=end, ends_on__gte=end)
        .order_by("starts_on")
        .first()
    )
    first = days[-REPORT_DAYS] if len(days) >= REPORT_DAYS else days[0]
    if period is not None:
        first = min(first, max(period.starts_on, days[0]))
    return [day for day in days if day >= first]


def _reportable(plan, skp, book):
    """(result, RHK, indicators by target) for the plan's results that are stored and have activities."""
    rows = []
    for result in plan.results:
        rhk = book.rhks.get((skp.pk, result.text))
        if rhk is None or not result.work or result.in_revision:
            continue
        indicators = [book.indicators.get((rhk.pk, target.text)) for target in result.targets]
        rows.append((result, rhk, indicators))
    return rows


def _day_reports(*, member, plan, rows, day, today, cal, rater, now):
    """The reports a staff member sent for one day, each with the time it was sent (deterministic).

    On the clock's day, which is not over, only the early reporters have sent the first of their
    reports; a later clock adds the rest of that day.
    """
    rng = random.Random(f"report|{member.nip}|{day.isoformat()}")
    if rng.random() >= plan.reporting:
        return []
    wanted = 2 if rng.random() < 0.45 else 1
    choices = [(result, rhk, indicators, work) for result, rhk, indicators in rows for work in result.work]
    weights = [3 if result.kind == MAIN else 1 for result, *_ in choices]
    picked = []
    while choices and len(picked) < wanted:
        k = rng.choices(range(len(choices)), weights)[0]
        picked.append(choices.pop(k))
        weights.pop(k)

    next_day = cal.shift(day, 1)
    late = rng.random() < 0.15
    sent = _at(day, 15, 0) + timedelta(minutes=rng.randrange(0, 100, 5))
    if day == today:
        early = random.Random(f"early|{member.nip}|{day.isoformat()}")
        if early.random() >= 0.45:
            return []
        picked = picked[:1]
        sent = _at(day, 7, 30) + timedelta(minutes=early.randrange(0, 150, 5))
    elif late and next_day <= today:
        sent = _at(next_day, 7, 30) + timedelta(minutes=rng.randrange(0, 60, 5))
    sent = min(sent, now)

    reviewer = rater.on(member, day)
    delay = REVIEW_DELAY.get(reviewer.name, 1) if reviewer is not None else None
    review_day = cal.shift(day, delay) if delay is not None else None
    hour, minute = rng.randint(9, 15), rng.randrange(0, 60, 5)  # drawn always: the rest stays the same
    reviewed_at = None
    if review_day is not None and review_day < today:
        reviewed_at = min(_at(review_day, hour, minute), now)

    reports = []
    for n, (_result, rhk, indicators, work) in enumerate(picked):
        report = DailyReport(
            staff=member,
            date=day,
            activity=work.text,
            rhk=rhk,
            indicator=indicators[work.target] if work.target is not None else None,
            output_quantity=Decimal(rng.randint(work.low, work.high)),
            output_unit=work.unit,
            minutes_spent=rng.randrange(30, 241, 15),
            evidence_link=f"{EVIDENCE_HOST}{rng.getrandbits(40):010x}" if rng.random() < 0.03 else "",
        )
        if reviewed_at is not None:
            report.reviewed_by, report.reviewed_at = reviewer, reviewed_at
            if rng.random() < 0.08:
                report.status = ReportStatus.COMMENTED
                report.review_comment = rng.choice(REVIEW_COMMENTS)
            else:
                report.status = ReportStatus.ACKNOWLEDGED
        reports.append((report, sent + timedelta(minutes=n)))
    return reports


def _sync_reports(*, people, staff, plans, book, years, cals, rater, today, summary):
    """Adds the daily reports of the report days that are not stored yet, with two bulk writes."""
    now = timezone.now()
    days = {code: _report_days(cals[code], years[code], today) for code in years}
    members = [staff[nip] for nip in plans if staff[nip].is_active and staff[nip].pk in book.skps]
    first = min(d[0] for d in days.values())
    stored = set(
        DailyReport.objects.filter(staff__in=members, date__range=(first, today)).values_list(
            "staff_id", "date", "rhk_id", "activity"
        )
    )
    planned, new = 0, []
    for member in members:
        plan, code = plans[member.nip], people[member.nip].agency.code
        rows = _reportable(plan, book.skps[member.pk], book)
        for day in days[code]:
            reports = _day_reports(
                member=member,
                plan=plan,
                rows=rows,
                day=day,
                today=today,
                cal=cals[code],
                rater=rater,
                now=now,
            )
            planned += len(reports)
            new += [
                pair for pair in reports if (member.pk, day, pair[0].rhk.pk, pair[0].activity) not in stored
            ]
    DailyReport.objects.bulk_create([report for report, _ in new])
    # created_at is set on insert; the demo shows when each report was sent.
    for report, sent in new:
        report.created_at = sent
    DailyReport.objects.bulk_update([report for report, _ in new], ["created_at"])
    summary.add(DailyReport, rows=planned, created=len(new), updated=0)
    summary.report_days = sorted(set().union(*days.values()))


@transaction.atomic
def build_performance_demo(*, today: date | None = None) -> PerformanceSummary:
    """Creates what is missing of the 2026 performance year of the demo agencies, as of `today`.

    Needs the agencies and staff of accounts.demo.build_demo(). `today` is the demo's clock: the daily
    reports end on it and the workflow steps of the last weeks are dated before it.
    """
    today = today or timezone.localdate()
    if today < EARLIEST_CLOCK:
        raise ValueError(f"The demo plans were agreed in January {YEAR}; choose a day from {EARLIEST_CLOCK}.")
    summary = PerformanceSummary(today=today)
    people = {p.person.nip: p for p in placements()}
    staff = Staff.objects.in_bulk(list(people), field_name="nip")
    agencies = Agency.objects.in_bulk([a.code for a in AGENCIES], field_name="code")
    years = _sync_years(agencies, summary)
    goals = _sync_goals(years, summary)
    cals = _calendars(agencies, years)
    staff_by_pk = {m.pk: m for m in staff.values()}
    rater = _Rater(staff_by_pk, list(ActingAssignment.objects.filter(replaces__in=list(staff_by_pk))))
    plans, book = _sync_plans(
        people=people,
        staff=staff,
        years=years,
        goals=goals,
        cals=cals,
        rater=rater,
        today=today,
        summary=summary,
    )
    _sync_reports(
        people=people,
        staff=staff,
        plans=plans,
        book=book,
        years=years,
        cals=cals,
        rater=rater,
        today=today,
        summary=summary,
    )
    return summary
