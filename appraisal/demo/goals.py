"""The strategic goals (sasaran strategis) of the demo agencies for the year, by agency code."""

GOALS = {
    "disdukcapil": (
        ("SS-1", "Meningkatnya kualitas pelayanan administrasi kependudukan"),
        ("SS-2", "Meningkatnya cakupan kepemilikan dokumen kependudukan"),
        ("SS-3", "Meningkatnya pemanfaatan data kependudukan untuk pembangunan daerah"),
    ),
    "bkpsdm": (
        ("SS-1", "Meningkatnya profesionalitas ASN"),
        ("SS-2", "Meningkatnya kualitas manajemen ASN berbasis sistem merit"),
        ("SS-3", "Meningkatnya akuntabilitas kinerja ASN"),
    ),
}
