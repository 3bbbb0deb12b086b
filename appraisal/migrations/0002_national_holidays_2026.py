"""National holidays (hari libur nasional) and cuti bersama of 2026, for every agency.

Dates as published in the SKB (Surat Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan
and Menteri PANRB Nomor 1497, 2 and 5 Tahun 2025). The dates of the lunar holidays (Isra Mikraj,
Idulfitri, Iduladha, Tahun Baru Islam, Maulid Nabi, and Imlek, Nyepi and Waisak) are the
government's estimates and may move after the sidang isbat; HR corrects them on the holidays
screen (national rows through the super admin).

Running it again corrects the names of these dates and adds missing ones; it never removes rows.
Reversing it leaves the rows in place: they may have been corrected by hand since.
"""

from datetime import date

from django.db import migrations

HOLIDAYS_2026 = [
    (date(2026, 1, 1), "Tahun Baru 2026 Masehi"),
    (date(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW"),
    (date(2026, 2, 16), "Cuti bersama Tahun Baru Imlek"),
    (date(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili"),
    (date(2026, 3, 18), "Cuti bersama Hari Suci Nyepi"),
    (date(2026, 3, 19), "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
    (date(2026, 3, 20), "Cuti bersama Idulfitri 1447 H"),
    (date(2026, 3, 21), "Idulfitri 1447 H (hari pertama)"),
    (date(2026, 3, 22), "Idulfitri 1447 H (hari kedua)"),
    (date(2026, 3, 23), "Cuti bersama Idulfitri 1447 H"),
    (date(2026, 3, 24), "Cuti bersama Idulfitri 1447 H"),
    (date(2026, 4, 3), "Wafat Yesus Kristus"),
    (date(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)"),
    (date(2026, 5, 1), "Hari Buruh Internasional"),
    (date(2026, 5, 14), "Kenaikan Yesus Kristus"),
    (date(2026, 5, 15), "Cuti bersama Kenaikan Yesus Kristus"),
    (date(2026, 5, 27), "Iduladha 1447 H"),
    (date(2026, 5, 28), "Cuti bersama Iduladha 1447 H"),
    (date(2026, 5, 31), "Hari Raya Waisak 2570 BE"),
    (date(2026, 6, 1), "Hari Lahir Pancasila"),
    (date(2026, 6, 16), "Tahun Baru Islam 1448 H"),
    (date(2026, 8, 17), "Hari Proklamasi Kemerdekaan RI"),
    (date(2026, 8, 25), "Maulid Nabi Muhammad SAW"),
    (date(2026, 12, 24), "Cuti bersama Kelahiran Yesus Kristus"),
    (date(2026, 12, 25), "Kelahiran Yesus Kristus (Natal)"),
]


def add_holidays(apps, schema_editor):
    Holiday = apps.get_model("appraisal", "Holiday")
    for day, name in HOLIDAYS_2026:
        Holiday.objects.update_or_create(agency=None, date=day, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [
        ("appraisal", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_holidays, migrations.RunPython.noop),
    ]
