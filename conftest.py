import os
import subprocess
import sys
import uuid
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import connection

from accounts.models import ActingAssignment
from accounts.tests import factories


@pytest.fixture
def org(db):
    """Head → two unit heads → staff; kabid A acts (Plt) for the retired kabid B; HR; an outsider."""
    agency = factories.agency(
        code="disdukcapil", name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Disdukcapil"
    )
    root = factories.unit(agency_obj=agency, code="DUK", name="Disdukcapil")
    bidang_a = factories.unit(parent=root, code="DUK.1", name="Bidang Pelayanan Pendaftaran Penduduk")
    bidang_b = factories.unit(parent=root, code="DUK.2", name="Bidang Pencatatan Sipil")
    head = factories.staff(unit_obj=root, name="Kepala Dinas")
    kabid_a = factories.staff(unit_obj=bidang_a, supervisor=head, name="Kabid A")
    kabid_b = factories.staff(unit_obj=bidang_b, supervisor=head, name="Kabid B", status="retired")
    staff_a = factories.staff(unit_obj=bidang_a, supervisor=kabid_a, name="Staf A")
    staff_a2 = factories.staff(unit_obj=bidang_a, supervisor=kabid_a, name="Staf A2")
    staff_b = factories.staff(unit_obj=bidang_b, supervisor=kabid_b, name="Staf B")
    hr = factories.hr_admin(agency, username="hr-duk")

    other_agency = factories.agency(
        code="diskominfo", name="Dinas Komunikasi dan Informatika", short_name="Diskominfo"
    )
    other_root = factories.unit(agency_obj=other_agency, code="KOM", name="Diskominfo")
    outsider = factories.staff(unit_obj=other_root, name="Orang Luar")
    other_hr = factories.hr_admin(other_agency, username="hr-kom")
    acting = ActingAssignment.objects.create(
        acting=kabid_a,
        replaces=kabid_b,
        kind="plt",
        starts_on=date.today() - timedelta(days=10),
        ends_on=date.today() + timedelta(days=60),
    )
    return SimpleNamespace(
        agency=agency,
        root=root,
        bidang_a=bidang_a,
        bidang_b=bidang_b,
        head=head,
        kabid_a=kabid_a,
        kabid_b=kabid_b,
        staff_a=staff_a,
        staff_a2=staff_a2,
        staff_b=staff_b,
        hr=hr,
        acting=acting,
        other_agency=other_agency,
        other_root=other_root,
        outsider=outsider,
        other_hr=other_hr,
        superadmin=factories.superadmin(),
    )


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def worker():
    """A worker on a queue of its own, on the test database; stopped after the test."""
    queue = f"test-{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "DATABASE_URL": _database_url()}
    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "--queues", queue,
        "--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel", "WARNING",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    yield queue
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
