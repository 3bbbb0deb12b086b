"""The wordings of the leader's expectations (ekspektasi khusus pimpinan) per BerAKHLAK value."""

from appraisal.models import CoreValue

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
