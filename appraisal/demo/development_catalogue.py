"""The demo's development catalogue: activities offered to every agency and those of Disdukcapil."""

from dataclasses import dataclass

from appraisal.models import DevelopmentKind

TRAINING, MENTORING = DevelopmentKind.TRAINING, DevelopmentKind.MENTORING
COACHING, ASSIGNMENT = DevelopmentKind.COACHING, DevelopmentKind.ASSIGNMENT


@dataclass(frozen=True)
class Activity:
    title: str
    kind: str
    competency: str | None  # code of a national competency, None for technical skills
    provider: str
    hours: int
    description: str


NATIONAL = (
    Activity(
        "Pelatihan Pelayanan Prima",
        TRAINING,
        "M.5",
        "BPSDM Provinsi Riau",
        24,
        "Standar pelayanan, etika melayani, penanganan pengaduan dan survei kepuasan masyarakat.",
    ),
    Activity(
        "Coaching Orientasi Hasil",
        COACHING,
        "M.4",
        "Atasan langsung",
        12,
        "Enam sesi bersama atasan: menetapkan target antara, memantau capaian mingguan dan "
        "membahas hambatan sebelum menjadi tunggakan.",
    ),
    Activity(
        "Pelatihan Komunikasi Efektif dan Public Speaking",
        TRAINING,
        "M.3",
        "BKPSDM Kota Dumai",
        16,
        "Menyampaikan informasi dan paparan secara runtut, mendengarkan aktif dan menulis nota dinas "
        "yang jelas.",
    ),
    Activity(
        "Pelatihan Manajemen Perubahan Sektor Publik",
        TRAINING,
        "M.7",
        "LAN RI (ASN Unggul)",
        20,
        "Kelas daring tentang merencanakan, mengomunikasikan dan mengawal perubahan proses layanan.",
    ),
    Activity(
        "Mentoring Pengembangan Diri dan Orang Lain",
        MENTORING,
        "M.6",
        "Pejabat fungsional senior",
        12,
        "Bimbingan bulanan oleh pejabat senior tentang membimbing anggota tim dan memberi umpan "
        "balik atas laporan harian.",
    ),
    Activity(
        "Pelatihan Kepemimpinan Pengawas (PKP)",
        TRAINING,
        "M.8",
        "BPSDM Provinsi Riau",
        300,
        "Pelatihan kepemimpinan klasikal dan aksi perubahan bagi pejabat pengawas.",
    ),
    Activity(
        "Pelatihan Integritas dan Antikorupsi",
        TRAINING,
        "M.1",
        "ACLC KPK",
        10,
        "Kelas daring pencegahan gratifikasi dan konflik kepentingan dalam pelayanan publik.",
    ),
    Activity(
        "Pelatihan Wawasan Kebangsaan",
        TRAINING,
        "SK.1",
        "BPSDM Provinsi Riau",
        16,
        "Wawasan kebangsaan, moderasi beragama dan pelayanan yang adil bagi masyarakat majemuk.",
    ),
)

DISDUKCAPIL = (
    Activity(
        "Magang di Dukcapil Provinsi Riau",
        ASSIGNMENT,
        None,
        "Disdukcapil Provinsi Riau",
        40,
        "Satu minggu bekerja bersama tim provinsi pada konsolidasi dan pembersihan data kependudukan.",
    ),
    Activity(
        "Bimbingan Teknis SIAK Terpusat",
        TRAINING,
        None,
        "Ditjen Dukcapil Kemendagri",
        24,
        "Pengelolaan database SIAK terpusat, penanganan data ganda dan sinkronisasi data.",
    ),
    Activity(
        "Bimtek Penatausahaan Keuangan pada SIPD",
        TRAINING,
        None,
        "BPKAD Kota Dumai",
        16,
        "Input dan verifikasi dokumen penatausahaan belanja pada aplikasi SIPD.",
    ),
    Activity(
        "Pelatihan Pemeliharaan Perangkat Perekaman KTP-el",
        TRAINING,
        None,
        "Ditjen Dukcapil Kemendagri",
        16,
        "Perawatan berkala dan penanganan gangguan alat perekaman, pencetak dan jaringan di kecamatan.",
    ),
    Activity(
        "Pendampingan Layanan Loket oleh Petugas Senior",
        MENTORING,
        "M.5",
        "Bidang Pelayanan Pencatatan Sipil",
        16,
        "Dua minggu bertugas di loket didampingi petugas senior, dengan catatan harian yang dibahas "
        "setiap akhir pekan.",
    ),
    Activity(
        "Coaching Penyusunan Umpan Balik Kinerja",
        COACHING,
        "M.6",
        "Kepala Dinas",
        6,
        "Bagi ketua tim dan kepala subbagian: menulis umpan balik yang menyebut hasil, dampak dan "
        "langkah perbaikan.",
    ),
)
