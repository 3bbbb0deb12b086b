"""The SKPs of the Disdukcapil service divisions: Pendaftaran Penduduk and Pencatatan Sipil with
their teams."""

from appraisal.demo.plan_types import (
    ADDITIONAL,
    RETURNED,
    SUBMITTED,
    Plan,
    Result,
    Work,
    count,
    quality,
    timely,
)

DISDUKCAPIL_SERVICE_PLANS = (
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
)
