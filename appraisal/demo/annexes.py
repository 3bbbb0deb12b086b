"""The annex (lampiran) of every SKP of a demo agency: resource support, accountability scheme and
consequences, by agency code."""

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
