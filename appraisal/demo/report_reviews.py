"""How the raters of the demo review daily reports: their comments and how long they take."""

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
