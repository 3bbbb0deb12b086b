from django.db import migrations

PNS_RANKS = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]
PPPK_GRADES = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]


def load_ranks(apps, schema_editor):
    Rank = apps.get_model("accounts", "Rank")
    for order, (code, name) in enumerate(PNS_RANKS, start=1):
        Rank.objects.update_or_create(code=code, defaults={"name": name, "asn_kind": "pns", "order": order})
    for order, code in enumerate(PPPK_GRADES, start=1):
        Rank.objects.update_or_create(code=code, defaults={"name": "", "asn_kind": "pppk", "order": order})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load_ranks, migrations.RunPython.noop)]
