"""How the Disdukcapil appraisals of the demo go: the ratings per quarter, how far each appraisal of
the last quarter that has ended has come, the competency levels, the development actions, and the
texts the staff and their raters write."""

from dataclasses import dataclass

from appraisal.models import CoreValue
from appraisal.rules.ratings import Rating
from appraisal.rules.talent import Potential

ABOVE, MEETS, BELOW = Rating.ABOVE, Rating.MEETS, Rating.BELOW


@dataclass(frozen=True)
class Grade:
    """The rater's view of one quarter: the rating of each main result in the plan's order (the last
    one repeats for longer plans) and of the behaviour. `override` says why the results are rated
    above the proposal; `below` is the feedback on what is below expectations."""

    results: tuple
    behaviour: str = MEETS
    override: str = ""
    below: str = ""


GOOD = Grade((MEETS,))
SERVICE_MINDED = Grade((MEETS,), ABOVE)
STRONG = Grade((ABOVE,))
EXCELLENT = Grade((ABOVE,), ABOVE)

# By name and period number; everyone else meets expectations.
GRADES = {
    "Rina Marlina": {1: EXCELLENT, 2: EXCELLENT, 3: STRONG},
    "Novia Rahayu": {1: EXCELLENT, 2: EXCELLENT, 3: EXCELLENT},
    "Reza Fahlevi": {
        1: STRONG,
        2: Grade(
            (ABOVE, MEETS),
            ABOVE,
            override=(
                "Di luar target triwulan, Reza menuntaskan input 420 data kelahiran tunggakan tahun 2025 "
                "sehingga seluruh akta kelahiran baru dapat terbit dari SIAK tanpa koreksi."
            ),
        ),
    },
    "Yessi Tanjung": {1: STRONG, 2: STRONG, 3: STRONG},
    "Nadia Safitri": {2: EXCELLENT, 3: EXCELLENT},
    "Arif Rahman Hakim": {2: STRONG},
    "Fitri Handayani": {1: SERVICE_MINDED, 2: SERVICE_MINDED},
    "Siti Aisyah Nasution": {3: SERVICE_MINDED},
    "Muhammad Ilham": {
        1: Grade(
            (BELOW, MEETS),
            below=(
                "Sebagian dokumen SPJ diinput ke SIPD lebih dari seminggu setelah diterima dan beberapa "
                "dikembalikan karena salah kode rekening. Ikuti bimtek SIPD, gunakan daftar periksa dari "
                "Bendahara sebelum menginput, dan selesaikan setiap dokumen paling lambat dua hari kerja."
            ),
        )
    },
    "Taufik Hidayat": {
        2: Grade(
            (MEETS, BELOW),
            below=(
                "Baru sekitar separuh target penataan arsip akta triwulan ini yang selesai. Susun jadwal "
                "harian (paling sedikit 40 berkas per hari), catat kemajuannya di laporan harian dan "
                "laporkan sisa tunggakan kepada ketua tim setiap Jumat."
            ),
        )
    },
    "Rudi Hartono": {
        2: Grade(
            (BELOW, MEETS),
            below=(
                "Dua alat perekaman di Kecamatan Bukit Kapur dan Medang Kampai rusak lebih dari seminggu "
                "sebelum dilaporkan. Jalankan jadwal pemeliharaan bulanan di tujuh kecamatan dan catat "
                "setiap gangguan di buku log pada hari yang sama."
            ),
        )
    },
}

# How far each appraisal of the last quarter that has ended has come; everyone else's is final.
NOT_STARTED, SELF_STARTED, SELF_SAVED = "not_started", "self_started", "self_saved"
WITH_RATER, RATER_DRAFT, SUBMITTED, RETURNED, FINAL = (
    "with_rater",
    "rater_draft",
    "submitted",
    "returned",
    "final",
)
STAGES = (NOT_STARTED, SELF_STARTED, SELF_SAVED, WITH_RATER, RATER_DRAFT, SUBMITTED, RETURNED, FINAL)

LAST_QUARTER = {
    "Muhammad Ilham": NOT_STARTED,
    "Sri Wahyuni": NOT_STARTED,
    "Rudi Hartono": NOT_STARTED,
    "Annisa Rahmadani": SELF_STARTED,
    "Dodi Firmansyah": SELF_STARTED,
    "Desi Ratnasari": SELF_SAVED,
    "Ahmad Fauzi": SELF_SAVED,
    "Rina Marlina": WITH_RATER,
    "Hendrik Simanjuntak": WITH_RATER,
    "Elvi Syahrina": WITH_RATER,
    "Arif Rahman Hakim": WITH_RATER,
    "Siti Aisyah Nasution": WITH_RATER,
    "Fajar Ramadhan": RATER_DRAFT,
    "Putri Ayu Lestari": RATER_DRAFT,
    "Nurhasanah Siregar": SUBMITTED,
    "Dedi Kurniawan": SUBMITTED,
    "Wahyu Setiawan": SUBMITTED,
    "Novia Rahayu": SUBMITTED,
    "Joko Susilo": SUBMITTED,
    "Indah Permatasari": SUBMITTED,
    "Reza Fahlevi": SUBMITTED,
    "Armansyah Putra": SUBMITTED,
    "Yusnidar Chaniago": SUBMITTED,
    "Rizky Ananda Putra": SUBMITTED,
    "Fitri Handayani": SUBMITTED,
    "Ridwan Harahap": RETURNED,
}
RETURN_COMMENT = (
    "Umpan balik untuk RHK inovasi layanan belum menyebut apa yang perlu diperbaiki dan kapan. "
    "Mohon dilengkapi, lalu ajukan kembali."
)

# Who has already begun the self-assessment of the quarter that is still running.
CURRENT_QUARTER = {
    "Fajar Ramadhan": (
        "Realisasi sejauh ini sesuai laporan harian; sisanya saya lengkapi di akhir triwulan."
    ),
}

# Competency levels that differ from the position's standard, the same every quarter: (change, evidence).
LEVELS = {
    "Wahyu Setiawan": {
        "M.6": (
            -1,
            "Laporan harian tim belum pernah ditanggapi; bimbingan statistisi belum terjadwal.",
        ),
        "M.3": (
            -1,
            "Paparan data agregat di rapat bidang sulit diikuti; perlu ringkasan yang sederhana.",
        ),
    },
    "Joko Susilo": {
        "M.7": (-1, "Peralihan layanan pindah datang ke aplikasi daring di timnya berjalan lambat."),
    },
    "Nurhasanah Siregar": {
        "M.3": (-1, "Nota dinas usulan anggaran beberapa kali dikembalikan karena kurang jelas."),
    },
    "Hendrik Simanjuntak": {
        "M.6": (-1, "Belum ada rencana pengembangan bagi pranata komputer di bidangnya."),
    },
    "Rina Marlina": {
        "M.5": (1, "Memimpin layanan jemput bola KTP-el di sekolah dan bagi penduduk rentan."),
        "M.2": (1, "Menggerakkan tim identitas dan tim pindah datang dalam layanan akhir pekan."),
    },
    "Novia Rahayu": {"M.7": (1, "Memimpin peralihan layanan adminduk ke aplikasi daring tanpa gangguan.")},
    "Reza Fahlevi": {"M.4": (1, "Menuntaskan tunggakan input data kelahiran tanpa diminta.")},
    "Nadia Safitri": {"M.7": (1, "Menggagas sosialisasi IKD dari kelurahan ke kelurahan.")},
}


@dataclass(frozen=True)
class Action:
    """A development action the rater proposes with the assessment of one quarter. It starts
    `after` weeks after the quarter ends plus two weeks, and runs `weeks` weeks."""

    name: str
    period: int
    activity: str
    aim: str
    competency: str | None = None
    rhk: int | None = None  # index of the main result below expectations
    agreed: bool = True
    weeks: int = 8
    after: int = 0


ACTIONS = (
    Action(
        "Muhammad Ilham",
        1,
        "Bimtek Penatausahaan Keuangan pada SIPD",
        "Dokumen SPJ diinput benar sejak pertama dan selesai paling lambat dua hari kerja.",
        rhk=0,
    ),
    Action(
        "Wahyu Setiawan",
        1,
        "Mentoring Pengembangan Diri dan Orang Lain",
        "Menanggapi laporan harian tim setiap minggu dan menyusun rencana bimbingan bagi statistisi.",
        competency="M.6",
        weeks=12,
    ),
    Action(
        "Hendrik Simanjuntak",
        1,
        "Coaching Penyusunan Umpan Balik Kinerja",
        "Umpan balik triwulanan kepada ketua tim yang menyebut hasil, dampak dan langkah perbaikan.",
        competency="M.6",
        weeks=6,
    ),
    Action(
        "Wahyu Setiawan",
        2,
        "Pelatihan Komunikasi Efektif dan Public Speaking",
        "Paparan data agregat yang ringkas dan mudah dipahami pimpinan.",
        competency="M.3",
        weeks=10,
    ),
    Action(
        "Joko Susilo",
        2,
        "Pelatihan Manajemen Perubahan Sektor Publik",
        "Seluruh permohonan pindah datang di timnya diterima melalui aplikasi daring.",
        competency="M.7",
        weeks=22,
    ),
    Action(
        "Nurhasanah Siregar",
        2,
        "Pelatihan Komunikasi Efektif dan Public Speaking",
        "Nota dinas usulan anggaran yang jelas sehingga disetujui tanpa dikembalikan.",
        competency="M.3",
        after=20,
    ),
    Action(
        "Rudi Hartono",
        2,
        "Pelatihan Pemeliharaan Perangkat Perekaman KTP-el",
        "Tidak ada alat perekaman kecamatan yang rusak lebih dari dua hari kerja.",
        rhk=0,
        weeks=22,
    ),
    Action(
        "Taufik Hidayat",
        2,
        "Coaching Orientasi Hasil",
        "Tunggakan penataan arsip akta selesai dengan target mingguan yang dipantau bersama ketua tim.",
        rhk=1,
        agreed=False,
        after=20,
    ),
    Action(
        "Fajar Ramadhan",
        2,
        "Bimbingan Teknis SIAK Terpusat",
        "Menangani sendiri kasus data ganda perekaman KTP-el tanpa eskalasi ke pusat.",
        weeks=22,
    ),
    Action(
        "Wahyu Setiawan",
        3,
        "Magang di Dukcapil Provinsi Riau",
        "Belajar konsolidasi data agregat semesteran bersama tim provinsi.",
        agreed=False,
        after=8,
    ),
)
DONE_NOTE = "Sudah diikuti; sertifikat dan catatan hasilnya diserahkan ke Subbagian Umum dan Kepegawaian."
PROGRESS_NOTE = "Sedang berjalan sesuai jadwal; hasil sementara dibahas dengan atasan setiap bulan."

# The objection pending on the latest final appraisal of this staff member, and the potential HR
# entered on another's.
OBJECTION = (
    "Taufik Hidayat",
    "Penataan arsip tertunda karena ruang arsip direnovasi pada Mei–Juni 2026 dan berkas dipindahkan "
    "sementara ke gudang. Mohon capaian triwulan ini dinilai dengan memperhitungkan renovasi tersebut.",
)
POTENTIAL = ("Joko Susilo", Potential.MEDIUM, "Hasil asesmen kompetensi BKPSDM Kota Dumai, Juni 2026.")

# --- Texts -----------------------------------------------------------------------------------------

CHANGE_REASON = "Laporan harian triwulan ini belum lengkap di SIKASN; realisasi sesuai rekap bulanan bidang."
EVIDENCE_HOST = "https://drive.dumaikota.go.id/s/"

SELF_COMMENTS = (
    "Seluruh kegiatan triwulan ini terlaksana; bukti dukung terlampir pada tautan.",
    "Target triwulan tercapai. Kendala jaringan SIAK pada awal bulan sempat memperlambat layanan.",
    "Realisasi sesuai rekap bulanan bidang.",
    "Sebagian pekerjaan dibantu rekan tim saat layanan jemput bola; rinciannya ada di laporan harian.",
)

SELF_COMMENT_SHORT = (
    "Sebagian target belum tercapai; kendalanya saya uraikan kepada ketua tim dan saya susun rencana "
    "penyelesaiannya."
)

RESULT_FEEDBACK = {
    ABOVE: (
        "Capaian melampaui target triwulan dengan kualitas terjaga; bagikan cara kerjanya kepada tim.",
        "Di atas target dan selesai lebih cepat dari jadwal. Pertahankan.",
    ),
    MEETS: (
        "Sesuai target triwulan.",
        "Capaian sesuai rencana; lengkapi bukti dukung di laporan harian agar rekap lebih mudah.",
        "",
        "",
    ),
}

BEHAVIOUR_NOTES = {
    CoreValue.SERVICE: "Ramah dan cepat menanggapi pertanyaan pemohon, juga di luar jam loket.",
    CoreValue.ACCOUNTABLE: "Laporan harian lengkap dan tepat waktu.",
    CoreValue.COMPETENT: "Aktif mengikuti pembaruan aplikasi SIAK dan mengajarkannya kepada rekan.",
    CoreValue.HARMONIOUS: "Membantu rekan tim saat antrean loket panjang.",
    CoreValue.ADAPTIVE: "Cepat menyesuaikan diri dengan layanan daring yang baru.",
    CoreValue.COLLABORATIVE: "Terbuka bekerja sama dengan kelurahan dan sekolah untuk layanan jemput bola.",
}

OVERALL_FEEDBACK = {
    "sangat_baik": "Triwulan yang sangat baik. Terima kasih atas teladan bagi tim.",
    "baik": "Kinerja baik dan sesuai ekspektasi. Pertahankan konsistensinya.",
    "butuh_perbaikan": "Kita bahas rencana perbaikan bersama; saya dampingi sampai target triwulan depan.",
}
