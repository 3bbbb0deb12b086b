"""Test data builders. Each call makes valid, distinct rows."""

import itertools
from datetime import date

from django.contrib.auth import get_user_model

from accounts.models import Agency, Position, Rank, Staff, Unit

_seq = itertools.count(1)


def make_nip(*, born=date(1986, 9, 26), appointed=(2015, 5), sex=1, serial=None):
    serial = serial if serial is not None else next(_seq) % 999 + 1
    return f"{born:%Y%m%d}{appointed[0]:04d}{appointed[1]:02d}{sex}{serial:03d}"


def make_pppk_ni(*, born=date(2000, 12, 31), year=2024, code=21, sex=1, serial=None):
    serial = serial if serial is not None else next(_seq) % 999 + 1
    return f"{born:%Y%m%d}{year:04d}{code:02d}{sex}{serial:03d}"


def unique_nip():
    """A valid PNS NIP never used before in this test run."""
    n = next(_seq)
    born = date(1960 + n % 35, 1 + n % 12, 1 + n % 28)
    return make_nip(born=born, appointed=(born.year + 25, 1 + n // 12 % 12), serial=1 + n % 999)


def agency(**kw):
    n = next(_seq)
    defaults = {
        "code": f"opd-{n}",
        "name": f"Dinas Uji {n}",
        "short_name": f"Uji{n}",
        "government": "Pemerintah Kota Dumai",
    }
    return Agency.objects.create(**{**defaults, **kw})


def unit(*, agency_obj=None, parent=None, **kw):
    n = next(_seq)
    agency_obj = agency_obj or (parent.agency if parent else agency())
    return Unit.objects.create(
        agency=agency_obj, parent=parent, **{"code": f"U{n}", "name": f"Unit {n}", **kw}
    )


def position(*, agency_obj, position_type="pelaksana", level="", **kw):
    n = next(_seq)
    return Position.objects.create(
        agency=agency_obj, position_type=position_type, level=level, **{"name": f"Jabatan {n}", **kw}
    )


def user(**kw):
    n = next(_seq)
    u = get_user_model().objects.create_user(
        username=kw.pop("username", f"user{n}"), password=kw.pop("password", "rahasia-uji-123"), **kw
    )
    return u


def staff(*, unit_obj=None, supervisor=None, password="rahasia-uji-123", **kw):
    unit_obj = unit_obj or (supervisor.unit if supervisor else unit())
    nip = kw.pop("nip", None) or unique_nip()
    u = get_user_model().objects.create_user(username=nip, password=password, email=f"{nip}@example.test")
    pos = kw.pop("position", None) or position(agency_obj=unit_obj.agency)
    return Staff.objects.create(
        user=u,
        agency=unit_obj.agency,
        unit=unit_obj,
        position=pos,
        rank=kw.pop("rank", Rank.objects.get(code="III/a")),
        nip=nip,
        asn_kind=kw.pop("asn_kind", "pns"),
        name=kw.pop("name", f"Pegawai {nip[-4:]}"),
        supervisor=supervisor,
        **kw,
    )


def hr_admin(agency_obj, **kw):
    return user(hr_agency=agency_obj, **kw)


def superadmin():
    n = next(_seq)
    return get_user_model().objects.create_superuser(
        username=f"root{n}", password="rahasia-uji-123", email=f"root{n}@example.test"
    )
