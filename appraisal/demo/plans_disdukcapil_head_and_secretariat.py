"""The SKPs of the head of Disdukcapil and of the Sekretariat with its two subbagian."""

from appraisal.demo.plan_types import DRAFT, Plan, Result, Work, count, quality, timely

DISDUKCAPIL_HEAD_AND_SECRETARIAT_PLANS = (
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
)
