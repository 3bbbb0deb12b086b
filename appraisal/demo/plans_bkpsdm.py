"""The SKPs of BKPSDM: the head, the Sekretariat and the bidang with their teams."""

from appraisal.demo.plan_types import ADDITIONAL, DRAFT, SUBMITTED, Plan, Result, Work, count, quality

BKPSDM_PLANS = (
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
