"""The national competency framework of PermenPANRB 38/2017 and the default standard levels.

Competencies: the eight managerial competencies (kompetensi manajerial) and the one socio-cultural
competency (kompetensi sosial kultural), each with a one-sentence definition and a short
description of levels 1–5. The definitions and descriptions are our own summary of the meaning of
the regulation, not its text: level 1 applies the competency in one's own work, level 5 shapes the
organisation or the nation with it. Behaviour indicators are left for the super admin to fill in.

Default standard levels per position type (JPT Pratama 4, Administrator 3, Pengawas 2, Pelaksana 1;
functional Ahli Utama 4, Ahli Madya 3, Ahli Muda 2, Ahli Pertama 1, Penyelia 2, Mahir 1,
Terampil 1, Pemula 1): common practice, editable. They were not read in a primary text; an agency
whose practice differs changes the rows (StandardLevelDefault) rather than the code.

Running it again brings these rows back to the values below (update_or_create) and never removes
rows. Reversing it leaves the rows in place: they may have been edited since and standards of
positions may point at them.
"""

from django.db import migrations

MANAGERIAL = "managerial"
SOCIOCULTURAL = "sociocultural"

# (group, code, name, definition, descriptions of levels 1–5)
COMPETENCIES = [
    (
        MANAGERIAL,
        "M.1",
        "Integritas",
        "Bertindak konsisten sesuai nilai, norma, dan etika organisasi, jujur kepada semua pihak, "
        "serta berani menanggung akibat dari tindakan dan keputusannya sendiri.",
        (
            "Bekerja jujur dan taat pada nilai, norma, serta etika organisasi dalam tugasnya sendiri.",
            "Mengingatkan dan mengajak rekan kerja agar bekerja sesuai nilai, norma, dan etika organisasi.",
            "Memastikan tim yang dipimpinnya bekerja sesuai etika organisasi dan menindaklanjuti "
            "penyimpangan di lingkungannya.",
            "Membangun budaya kerja di instansi yang menjadikan kepatuhan pada etika sebagai kebiasaan "
            "bersama, termasuk dalam situasi yang sulit.",
            "Menjadi teladan integritas dan membentuk standar etika yang dianut instansi hingga tingkat "
            "nasional.",
        ),
    ),
    (
        MANAGERIAL,
        "M.2",
        "Kerjasama",
        "Membangun dan memelihara hubungan kerja yang efektif, saling membantu menyelesaikan tugas, "
        "dan memadukan sumber daya bersama untuk mencapai tujuan organisasi.",
        (
            "Berperan aktif dalam kelompok kerja dan menyelesaikan bagian tugasnya tepat waktu.",
            "Mendorong anggota kelompok untuk berpartisipasi dan saling membantu agar tugas bersama selesai.",
            "Membentuk tim kerja yang efektif di unitnya dan menyelesaikan perbedaan pendapat di dalam tim.",
            "Membangun sinergi dan komitmen antarunit sehingga tujuan instansi dicapai bersama.",
            "Menciptakan kemitraan lintas instansi dan pemangku kepentingan demi tujuan strategis nasional.",
        ),
    ),
    (
        MANAGERIAL,
        "M.3",
        "Komunikasi",
        "Menyampaikan gagasan secara jelas dan runtut, lisan maupun tertulis, mendengarkan dengan "
        "sungguh-sungguh, dan meyakinkan orang lain demi tujuan organisasi.",
        (
            "Menyampaikan informasi dengan jelas dan lengkap serta memastikan pesan dipahami dengan benar.",
            "Mendengarkan secara aktif, menanggapi dengan tepat, dan menyusun laporan atau bahan paparan "
            "yang mudah dipahami.",
            "Menyampaikan hal yang rumit atau sensitif secara lugas dan santun kepada berbagai pihak.",
            "Meyakinkan pemangku kepentingan dengan argumentasi yang kuat sehingga tercapai kesepakatan "
            "yang meningkatkan kinerja instansi.",
            "Membangun sistem komunikasi yang terbuka di instansi dan menjadi juru bicara yang dipercaya "
            "publik pada isu strategis.",
        ),
    ),
    (
        MANAGERIAL,
        "M.4",
        "Orientasi pada Hasil",
        "Berkomitmen tinggi menyelesaikan tugas dengan hasil terbaik, dapat diandalkan, dan "
        "memperhitungkan risiko serta peluang dari rencana sampai hasil.",
        (
            "Menyelesaikan tugasnya sesuai standar kerja dan tenggat yang ditetapkan.",
            "Mencari cara kerja yang lebih baik agar hasil kerjanya melampaui standar.",
            "Menetapkan target yang menantang bagi unitnya dan memantau pencapaiannya secara berkala.",
            "Mendorong seluruh unit di instansinya melampaui hasil sebelumnya dengan mengelola risiko "
            "dan peluang.",
            "Menciptakan iklim kinerja tinggi di instansi yang berdampak pada pencapaian sasaran nasional.",
        ),
    ),
    (
        MANAGERIAL,
        "M.5",
        "Pelayanan Publik",
        "Melayani masyarakat secara profesional, transparan, dan adil menurut standar pelayanan, "
        "tanpa diskriminasi dan tanpa dipengaruhi kepentingan pribadi atau golongan.",
        (
            "Melayani masyarakat dengan ramah sesuai standar pelayanan yang berlaku.",
            "Mengawasi dan menjelaskan proses layanan secara terbuka serta menindaklanjuti keluhan "
            "pengguna layanan.",
            "Memperbaiki standar dan prosedur pelayanan di unitnya berdasarkan masukan masyarakat.",
            "Mengantisipasi kebutuhan dan isu jangka panjang pemangku kepentingan dalam merancang "
            "layanan instansi.",
            "Merumuskan kebijakan pelayanan publik yang adil, bebas konflik kepentingan, dan berlaku "
            "luas bagi masyarakat.",
        ),
    ),
    (
        MANAGERIAL,
        "M.6",
        "Pengembangan Diri dan Orang Lain",
        "Terus meningkatkan pengetahuan dan keterampilan diri serta membimbing dan menginspirasi orang "
        "lain untuk berkembang dan belajar sepanjang karier.",
        (
            "Mempelajari sendiri pengetahuan dan keterampilan yang dibutuhkan tugasnya.",
            "Membagikan pengetahuan dan memberi contoh cara kerja kepada rekan atau bawahan.",
            "Memberi umpan balik dan bimbingan yang terarah agar bawahan mengembangkan potensinya.",
            "Menyusun program pengembangan jangka panjang bagi pegawai di lingkungan kerjanya.",
            "Membangun instansi yang terus belajar, dengan pengembangan pegawai sebagai bagian dari "
            "strategi organisasi.",
        ),
    ),
    (
        MANAGERIAL,
        "M.7",
        "Mengelola Perubahan",
        "Menyesuaikan diri dengan situasi baru tanpa terpaku pada cara lama, mendukung dan memimpin "
        "perubahan, serta bertanggung jawab atas keberhasilannya.",
        (
            "Menyadari perlunya perubahan dan menyesuaikan cara kerjanya sendiri.",
            "Proaktif mempelajari dan menerapkan cara kerja baru serta membantu rekan menyesuaikan diri.",
            "Mempersiapkan timnya menghadapi perubahan dan mengatasi hambatan penerapannya di unitnya.",
            "Memimpin perubahan di instansi, dari rencana dan komunikasi sampai evaluasi hasilnya.",
            "Menggagas dan mengarahkan perubahan besar yang berdampak pada instansi lain atau tingkat "
            "nasional.",
        ),
    ),
    (
        MANAGERIAL,
        "M.8",
        "Pengambilan Keputusan",
        "Mengambil keputusan yang tepat waktu dan berhati-hati berdasarkan informasi, alternatif, dan "
        "akibatnya, serta bertanggung jawab atas keputusan itu.",
        (
            "Mengumpulkan informasi yang cukup sebelum bertindak dalam batas kewenangannya.",
            "Menganalisis masalah secara runtut untuk menemukan akar penyebabnya.",
            "Membandingkan beberapa alternatif beserta risikonya sebelum memilih solusi terbaik bagi unitnya.",
            "Memutuskan masalah yang berisiko tinggi dengan mengantisipasi dampaknya dan menyiapkan "
            "langkah pengamanan.",
            "Membuat keputusan strategis atas masalah kompleks yang berdampak luas bagi instansi dan "
            "masyarakat.",
        ),
    ),
    (
        SOCIOCULTURAL,
        "SK.1",
        "Perekat Bangsa",
        "Menghargai keberagaman, mempromosikan toleransi, dan menjaga persatuan masyarakat sebagai "
        "wakil pemerintah di tengah kemajemukan Indonesia.",
        (
            "Memahami dan menerima perbedaan suku, agama, budaya, dan pandangan orang lain.",
            "Bersikap saling menghargai dan menekankan kesamaan serta persatuan dalam bekerja.",
            "Mempromosikan toleransi dan persatuan di lingkungan kerja serta mencegah konflik karena "
            "perbedaan.",
            "Mendayagunakan keberagaman secara konstruktif untuk meningkatkan efektivitas instansi.",
            "Menjadi perekat bangsa yang membangun hubungan erat antara pemerintah dan masyarakat yang "
            "majemuk.",
        ),
    ),
]

# Common practice, editable: (position type, position level, standard level).
STANDARD_DEFAULTS = [
    ("jpt", "pratama", 4),
    ("administrator", "", 3),
    ("pengawas", "", 2),
    ("pelaksana", "", 1),
    ("fungsional", "ahli_utama", 4),
    ("fungsional", "ahli_madya", 3),
    ("fungsional", "ahli_muda", 2),
    ("fungsional", "ahli_pertama", 1),
    ("fungsional", "penyelia", 2),
    ("fungsional", "mahir", 1),
    ("fungsional", "terampil", 1),
    ("fungsional", "pemula", 1),
]


def load_framework(apps, schema_editor):
    Competency = apps.get_model("appraisal", "Competency")
    CompetencyLevel = apps.get_model("appraisal", "CompetencyLevel")
    StandardLevelDefault = apps.get_model("appraisal", "StandardLevelDefault")
    for group, code, name, definition, descriptions in COMPETENCIES:
        competency, _ = Competency.objects.update_or_create(
            agency=None, code=code, defaults={"group": group, "name": name, "definition": definition}
        )
        for level, description in enumerate(descriptions, start=1):
            CompetencyLevel.objects.update_or_create(
                competency=competency, level=level, defaults={"description": description}
            )
    for position_type, level, standard_level in STANDARD_DEFAULTS:
        StandardLevelDefault.objects.update_or_create(
            position_type=position_type, level=level, defaults={"standard_level": standard_level}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("appraisal", "0003_competencies"),
    ]

    operations = [
        migrations.RunPython(load_framework, migrations.RunPython.noop),
    ]
