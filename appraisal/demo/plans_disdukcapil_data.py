"""The SKPs of the Disdukcapil data divisions: Pengelolaan Informasi Administrasi Kependudukan and
Pemanfaatan Data dan Inovasi Pelayanan with their teams."""

from appraisal.demo.plan_types import DRAFT, Plan, Result, Work, count, quality

DISDUKCAPIL_DATA_PLANS = (
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
)
