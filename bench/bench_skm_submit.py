"""Public SKM submit throughput under gunicorn on PostgreSQL, against a bare one-INSERT view measured
on the same server in the same run.

Run against a PostgreSQL database of its own (it is migrated first):

    createdb -U postgres -h 127.0.0.1 sikasn_bench_skm
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sikasn_bench_skm \\
        .venv/bin/python bench/bench_skm_submit.py

The script migrates, creates its own table bench_insert, and adds a service with a public link (the
nine standard elements, profile and suggestion asked) through the services; each run gets a service
of its own, so that the per-address check of one run never counts the responses of another. It then
starts gunicorn on 127.0.0.1 (a free port, one sync worker per CPU, DEBUG off, connections kept as in
production) with the bench settings bench/skm_settings.py, whose URLconf bench/skm_urls.py adds the
bare view POST /bench/insert/ (CSRF exempt, one INSERT into bench_insert, 204) to the project's URLs.

Load comes from threads of this process, each with one request in flight; the sync worker closes the
connection after every answer, so each request opens its own. What a submit POST carries, as a
browser would: the CSRF cookie and token of one GET of the form, a form nonce, the nine answers, a
random profile and, one time in five, a suggestion. The nonces are issued here with the server's
SECRET_KEY before the measurement and backdated past the minimum fill time, so that the measured
request is the POST alone and the response is stored as counted (not flagged). Each post comes from
an address of its own in X-Forwarded-For (BEHIND_PROXY on), as many citizens, and the per-address post
limit is raised, so no post meets a refusal: the bench measures the write path. Every abuse layer
still runs (CSRF, the limit counted in the cache, honeypot, nonce signature and age, the per-address
count in the database).

After a warm-up of each, the bare view and the submit are loaded in the order bare, submit, submit,
bare, half the duration each time; requests/second and p50/p95 latency are printed for both with the
ratio of the two throughputs. Target: submit throughput at least 0.6 of the bare view's; --strict
exits non-zero on a miss or on any failed check. Checks: every submit answered 302 to the thank-you
page and stored exactly one counted response with its nine answers; every bare post stored one row.
Then 200 requests of each, one at a time in this process (Django's test client, CSRF enforced), give
the time of a request, its queries and transactions and the share of SQL, and EXPLAIN ANALYZE shows
what the per-address count of a submit reads; --profile adds each query with its time, the plans of
the inserts and the functions that cost most.
"""

import argparse
import cProfile
import http.client
import io
import os
import pstats
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.skm_settings"
os.environ.setdefault("CONN_MAX_AGE", "600")  # as in production: one connection kept open per worker
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/13")  # the post limit counts in Redis
os.environ["DEBUG"] = "0"  # a server with DEBUG on keeps every query it runs
os.environ["BEHIND_PROXY"] = "1"  # the client's address from X-Forwarded-For: one citizen per post
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Agency, Unit  # noqa: E402
from surveys.models import (  # noqa: E402
    AgeBand,
    Education,
    Occupation,
    ReviewStatus,
    Sex,
    SurveyAnswer,
    SurveyResponse,
)
from surveys.public_forms import answer_field  # noqa: E402
from surveys.services import service_create  # noqa: E402
from surveys.skm import abuse  # noqa: E402
from surveys.skm.questionnaires import current_questionnaire, link_create  # noqa: E402
from surveys.skm.submission import REPEAT_WINDOW  # noqa: E402

AGENCY_CODE = "bench-skm"
TARGET_RATIO = 0.6
BACKDATE_SECONDS = 60  # the form was shown a minute before the measured POST
INSERT_PATH = "/bench/insert/"
INSERT_BODY = urlencode({"payload": "bench"}).encode()
IN_PROCESS_SAMPLES = 200
SUGGESTIONS = (
    "Antrean di loket pagi hari terlalu panjang, mohon tambah petugas.",
    "Pelayanan cepat dan petugas ramah. Terima kasih.",
    "Informasi persyaratan di papan pengumuman perlu diperbarui.",
)
CREATE_BENCH_INSERT = (
    "CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, at timestamptz, payload text)"
)


# --- Data ------------------------------------------------------------------------------------------------


def prepare():
    """Migrates, creates bench_insert and a new service with its link; returns (link, questionnaire)."""
    call_command("migrate", interactive=False, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(CREATE_BENCH_INSERT)
    agency, _created = Agency.objects.get_or_create(
        code=AGENCY_CODE,
        defaults={"name": "Dinas Bench SKM", "short_name": "Bench SKM", "government": "Bench"},
    )
    unit, _created = Unit.objects.get_or_create(
        agency=agency, code="BSKM", defaults={"name": "Unit Pelayanan Bench"}
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    service = service_create(
        agency=agency, unit=unit, code=f"KTP-{stamp}", name=f"KTP-el bench {stamp}", target_minutes=60
    )
    link = link_create(service=service, by=None, counter="Loket 1")
    return link, current_questionnaire(service)


def bench_insert_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM bench_insert")
        return cursor.fetchone()[0]


# --- Server ----------------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port, workers, log):
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", "sync",
        "--timeout", "30", "--log-level", "warning", "--chdir", str(ROOT),
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT)


def stop_server(server):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def fetch_form(port, path):
    """GET of the form as a browser: (status, CSRF cookie, CSRF form token)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"X-Forwarded-For": "10.255.255.254"})
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    cookies = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or ():
        cookies.load(header)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    cookie = cookies.get(settings.CSRF_COOKIE_NAME)
    return response.status, cookie.value if cookie else "", token.group(1).decode() if token else ""


def wait_until_up(server, port, path, log_path, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited ({server.returncode}):\n{Path(log_path).read_text()[-3000:]}")
        try:
            status, cookie, token = fetch_form(port, path)
        except OSError:
            time.sleep(0.2)
            continue
        if status != 200 or not cookie or not token:
            sys.exit(f"the form answered {status} (CSRF cookie {bool(cookie)}, token {bool(token)})")
        return cookie, token
    sys.exit(f"gunicorn did not answer within {seconds} s:\n{Path(log_path).read_text()[-3000:]}")


# --- Requests --------------------------------------------------------------------------------------------


def raw_post(port, path, body, headers=()):
    head = [
        f"POST {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Content-Type: application/x-www-form-urlencoded",
        f"Content-Length: {len(body)}",
        "Connection: close",
        *headers,
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def exchange(port, payload):
    """Sends one request on a new connection and reads the answer to the end: (status, head, seconds)."""
    began = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(payload)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    elapsed = time.perf_counter() - began
    answer = b"".join(chunks)
    head = answer.split(b"\r\n\r\n", 1)[0]
    try:
        status = int(head[9:12])
    except ValueError:
        status = 0
    return status, head, elapsed


def address(n):
    """The n-th client address (n < 2**24): one citizen per post."""
    return f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"


class Submits:
    """Ready-made submit POSTs, each with a nonce of its own issued before the measurement; when the
    stock runs out a nonce is issued on the spot (counted in `late`)."""

    def __init__(self, port, link, template, csrf_cookie, csrf_token):
        self.port, self.link, self.template = port, link, template
        self.path = reverse("skm:form", kwargs={"token": link.token})
        self.codes = [element.code for element in template.elements.all()]
        self.csrf_cookie = csrf_cookie
        self.cookie_header = f"Cookie: {settings.CSRF_COOKIE_NAME}={csrf_cookie}"
        self.csrf_token = csrf_token
        self.rng = random.Random(20261126)
        self.lock = threading.Lock()
        self.next_address = 1
        self.stock = []
        self.late = 0

    def data(self):
        rng = self.rng
        data = {"csrfmiddlewaretoken": self.csrf_token, "website": ""}
        data["nonce"] = abuse.nonce_issue(
            token=self.link.token, template_id=self.template.pk, issued_at=time.time() - BACKDATE_SECONDS
        )
        for code in self.codes:
            data[answer_field(code)] = str(rng.choices((1, 2, 3, 4), weights=(1, 2, 8, 4))[0])
        if self.template.ask_profile:
            for name, choices in (("age_band", AgeBand), ("sex", Sex), ("education", Education)):
                data[name] = rng.choice(["", *choices.values])
            data["occupation"] = rng.choice(["", *Occupation.values])
        if self.template.ask_suggestion:
            data["suggestion"] = rng.choice(SUGGESTIONS) if rng.random() < 0.2 else ""
        return data

    def make(self):
        with self.lock:
            n = self.next_address
            self.next_address += 1
            body = urlencode(self.data()).encode()
        return raw_post(self.port, self.path, body, (self.cookie_header, f"X-Forwarded-For: {address(n)}"))

    def fill(self, count):
        self.stock = [self.make() for _ in range(count)]

    def take(self):
        try:
            return self.stock.pop()
        except IndexError:
            self.late += 1
            return self.make()

    def check(self, status, head):
        return status == 302 and re.search(rb"\r\nLocation: [^\r]*/thanks/", head) is not None


class BareInserts:
    def __init__(self, port):
        self.payload = raw_post(port, INSERT_PATH, INSERT_BODY)

    def take(self):
        return self.payload

    def check(self, status, head):
        return status == 204


def drive(port, target, seconds, concurrency):
    """`concurrency` threads, each sending its next request as soon as the last is answered, for
    `seconds`. Returns (wall seconds, [(ok, status, seconds)], first failed answer head or None)."""
    results, failed = [], []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def run():
        mine = []
        while time.perf_counter() < deadline:
            status, head, elapsed = exchange(port, target.take())
            ok = target.check(status, head)
            mine.append((ok, status, elapsed))
            if not ok and not failed:
                failed.append(head)
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=run, daemon=True) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began, results, failed[0] if failed else None


class Tally:
    def __init__(self, label):
        self.label, self.wall, self.samples, self.failed, self.sent = label, 0.0, [], {}, 0
        self.first_failure = None

    def add(self, wall, results, first_failure, measured=True):
        self.sent += len(results)
        for ok, status, _elapsed in results:
            if not ok:
                self.failed[status] = self.failed.get(status, 0) + 1
        self.first_failure = self.first_failure or first_failure
        if measured:
            self.wall += wall
            self.samples.extend(elapsed * 1000 for ok, _status, elapsed in results if ok)

    @property
    def ok_sent(self):
        return self.sent - sum(self.failed.values())

    @property
    def rate(self):
        return len(self.samples) / self.wall if self.wall else 0.0

    def line(self):
        timings = sorted(self.samples)
        p50 = statistics.median(timings)
        p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
        figures = f"{self.rate:8.1f}  {p50:7.1f}  {p95:7.1f}  {timings[-1]:7.1f}"
        return f"{self.label:<22} {len(timings):>8,}  {figures}"


# --- In-process look at one request ----------------------------------------------------------------------


class Recorder:
    """Every query of a request with its time and whether it ran in a transaction of its own."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        own = connection.get_autocommit()
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((sql, (time.perf_counter() - began) * 1000, own))

    def transactions(self):
        """Statements in autocommit each make one; consecutive statements in a transaction one."""
        count, inside = 0, False
        for _sql, _ms, own in self.queries:
            if own:
                count, inside = count + 1, False
            elif not inside:
                count, inside = count + 1, True
        return count


def in_process(submits, samples, profile):
    """One bare insert and one submit at a time through Django's test client (CSRF enforced). Returns
    {label: (mean ms, mean SQL ms, queries, transactions, recorder of one request)}."""
    client = Client(HTTP_HOST="127.0.0.1", enforce_csrf_checks=True)
    client.cookies[settings.CSRF_COOKIE_NAME] = submits.csrf_cookie
    form_path = submits.path
    n = [2**23]

    def submit():
        n[0] += 1
        response = client.post(
            form_path,
            urlencode(submits.data()),
            content_type="application/x-www-form-urlencoded",
            HTTP_X_FORWARDED_FOR=address(n[0]),
        )
        if response.status_code != 302:
            sys.exit(f"in-process submit answered {response.status_code}: {response.content[:2000]!r}")

    def bare():
        response = client.post(INSERT_PATH, INSERT_BODY, content_type="application/x-www-form-urlencoded")
        if response.status_code != 204:
            sys.exit(f"in-process insert answered {response.status_code}")

    out = {}
    for label, request in (("bare INSERT view", bare), ("SKM submit POST", submit)):
        for _ in range(20):
            request()
        one = Recorder()
        with connection.execute_wrapper(one):
            request()
        timings, sql = [], []
        for _ in range(samples):
            rec = Recorder()
            began = time.perf_counter()
            with connection.execute_wrapper(rec):
                request()
            timings.append((time.perf_counter() - began) * 1000)
            sql.append(sum(ms for _sql, ms, _own in rec.queries))
        queries, transactions = len(one.queries), one.transactions()
        out[label] = (statistics.mean(timings), statistics.mean(sql), queries, transactions, one)
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(samples):
                request()
            profiler.disable()
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(30)
            out[label] += (text.getvalue(),)
    return out


class _RollBack(Exception):
    pass


def explain_inserts(link):
    """EXPLAIN ANALYZE (foreign keys checked at once) of the two inserts of a submit, repeated on a
    copy of the last response, and of the bare insert; rolled back."""
    last = SurveyResponse.objects.filter(link=link).order_by("-pk").first()
    plans = []
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            fields = [
                f.column
                for f in SurveyResponse._meta.concrete_fields
                if not f.primary_key and f.column != "nonce"
            ]
            columns = ", ".join(f'"{c}"' for c in fields)
            cursor.execute(
                f'EXPLAIN (ANALYZE, BUFFERS) INSERT INTO "surveys_surveyresponse" ({columns}, "nonce") '
                f"SELECT {columns}, 'explain-' || md5(random()::text) FROM \"surveys_surveyresponse\" "
                "WHERE id = %s RETURNING id",
                [last.pk],
            )
            plans.append(("SurveyResponse INSERT (1 row)", [row[0] for row in cursor.fetchall()]))
            cursor.execute("SELECT currval(pg_get_serial_sequence('surveys_surveyresponse', 'id'))")
            copy = cursor.fetchone()[0]
            cursor.execute(
                'EXPLAIN (ANALYZE, BUFFERS) INSERT INTO "surveys_surveyanswer" '
                '("response_id", "element_id", "value") SELECT %s, "element_id", "value" '
                'FROM "surveys_surveyanswer" WHERE response_id = %s RETURNING id',
                [copy, last.pk],
            )
            plans.append(("SurveyAnswer bulk INSERT (9 rows)", [row[0] for row in cursor.fetchall()]))
            cursor.execute(
                "EXPLAIN (ANALYZE, BUFFERS) INSERT INTO bench_insert (at, payload) VALUES (now(), 'bench')"
            )
            plans.append(("bench_insert INSERT (1 row)", [row[0] for row in cursor.fetchall()]))
            raise _RollBack
    except _RollBack:
        pass
    return plans


def explain_repeat_count(link):
    """EXPLAIN ANALYZE of the per-address count of a submit (the query as the service sends it, for a
    new address), with this run's responses in the hour."""
    count = (
        "SELECT count(*) FROM surveys_surveyresponse"
        " WHERE link_id = %s AND ip_hash = %s AND ip_hash <> '' AND submitted_at >= %s"
    )
    since = timezone.now() - REPEAT_WINDOW
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {count}", [link.pk, abuse.ip_hash("10.254.0.1"), since])
        return [row[0] for row in cursor.fetchall()]


def load(server, port, link, template, form_path, log_path, args, concurrency):
    """Warm-up of each target, then the measured halves; returns ({key: Tally}, Submits)."""
    cookie, token = wait_until_up(server, port, form_path, log_path)
    submits = Submits(port, link, template, cookie, token)
    targets = {"bare": BareInserts(port), "skm": submits}
    tallies = {"bare": Tally("bare INSERT view"), "skm": Tally("SKM submit POST")}
    for key in ("bare", "skm"):
        tallies[key].add(*drive(port, targets[key], args.warm_up, concurrency), measured=False)
    ceiling = tallies["bare"].sent / args.warm_up  # a submit is never faster than the bare insert
    submits.fill(int(ceiling * args.seconds) + 1000)
    submits.late = 0
    half = args.seconds / 2
    for key in ("bare", "skm", "skm", "bare"):
        tallies[key].add(*drive(port, targets[key], half, concurrency))
    return tallies, submits


def brief(plan):
    """The access path, rows read and execution time of an EXPLAIN ANALYZE."""
    text = "\n".join(plan)
    indexes = re.findall(r"(?:Index Scan using|Index Only Scan using|Bitmap Index Scan on) (\S+)", text)
    if "Seq Scan" in text:
        indexes.append("sequential scan")
    removed = sum(int(n) for n in re.findall(r"Rows Removed by Filter: (\d+)", text))
    took = re.search(r"Execution Time: ([\d.]+) ms", text)
    ms = took.group(1) if took else "?"
    return f"{' + '.join(indexes) or '?'}, {removed:,} rows read and dropped, {ms} ms"


# --- Main ------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per target")
    parser.add_argument("--warm-up", type=float, default=5.0, help="seconds of warm-up per target")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="gunicorn workers")
    parser.add_argument("--concurrency", type=int, help="requests in flight (default: 2 per worker)")
    parser.add_argument("--strict", action="store_true", help="exit non-zero on a missed target or check")
    parser.add_argument("--profile", action="store_true", help="queries, EXPLAIN and cProfile of a submit")
    args = parser.parse_args()
    concurrency = args.concurrency or 2 * args.workers
    # Stopped from outside, the server is stopped too (the finally below).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database.")

    link, template = prepare()
    form_path = reverse("skm:form", kwargs={"token": link.token})
    inserts_before = bench_insert_rows()
    port = free_port()
    log_path = Path(tempfile.gettempdir()) / f"bench-skm-gunicorn-{port}.log"
    with log_path.open("w") as log:
        server = start_server(port, args.workers, log)
        try:
            tallies, submits = load(server, port, link, template, form_path, log_path, args, concurrency)
        finally:
            stop_server(server)

    # Checks: every request answered as expected and stored exactly what it should.
    problems = []
    for tally in tallies.values():
        if tally.failed:
            problems.append(
                f"{tally.label}: unexpected answers {tally.failed}; first: {tally.first_failure[:400]!r}"
            )
    responses = SurveyResponse.objects.filter(link=link)
    stored = responses.count()
    counted = responses.filter(review_status=ReviewStatus.CLEAN).count()
    answers = SurveyAnswer.objects.filter(response__link=link).count()
    elements = len(submits.codes)
    if stored != tallies["skm"].ok_sent or counted != stored or answers != elements * stored:
        problems.append(
            f"{tallies['skm'].ok_sent} submits accepted but {stored} responses stored ({counted} counted) "
            f"with {answers} answers"
        )
    inserted = bench_insert_rows() - inserts_before
    if inserted != tallies["bare"].ok_sent:
        problems.append(f"{tallies['bare'].ok_sent} bare posts answered but {inserted} rows inserted")

    in_proc = in_process(submits, IN_PROCESS_SAMPLES, args.profile)
    ratio = tallies["skm"].rate / tallies["bare"].rate

    print(
        f"server: gunicorn, {args.workers} sync workers on 127.0.0.1:{port}, DEBUG off, CONN_MAX_AGE "
        f"{settings.DATABASES['default']['CONN_MAX_AGE']} s, cache {settings.CACHES['default']['BACKEND']}"
    )
    print(
        f"driver: {concurrency} Python threads on this machine, one request in flight each, a new "
        "connection per request (the sync worker closes it)"
    )
    print(
        f"form: {form_path} ({elements} elements, profile and suggestion asked, no officer); "
        f"{submits.late} nonces issued during the measurement"
    )
    print(
        "abuse layers all on, none refusing: each post from its own address (X-Forwarded-For, BEHIND_PROXY), "
        f"post limit raised to {settings.SKM_RATE_LIMIT} per address (still counted in the cache), "
        f"nonces issued by the bench before the measurement and backdated {BACKDATE_SECONDS} s past the "
        f"{settings.SKM_MIN_FILL_SECONDS} s minimum fill time; the measured request is the POST alone"
    )
    print(
        f"warm-up {args.warm_up:.0f} s each, then {args.seconds:.0f} s each in halves ordered bare, submit, "
        "submit, bare"
    )
    print(f"{'':<22} {'requests':>8}  {'req/s':>8}  {'p50 ms':>7}  {'p95 ms':>7}  {'max ms':>7}")
    for tally in tallies.values():
        print(tally.line())
    verdict = "ok" if ratio >= TARGET_RATIO else "MISSED"
    print(f"ratio submit / bare: {ratio:.2f} (target >= {TARGET_RATIO}: {verdict})")
    print(
        f"checks: {tallies['skm'].sent:,} submits (warm-up included) -> {stored:,} responses, {counted:,} "
        f"counted, {answers:,} answers; {tallies['bare'].sent:,} bare posts -> {inserted:,} rows; "
        + ("all as expected" if not problems else "PROBLEMS: " + "; ".join(problems))
    )
    print(
        f"in-process, one request at a time ({IN_PROCESS_SAMPLES} each; each request also runs the "
        "connection health check SELECT 1, not counted below):"
    )
    for label, (mean, sql, queries, transactions, _rec, *_rest) in in_proc.items():
        print(
            f"  {label:<20} {mean:5.2f} ms, of which SQL {sql:5.2f} ms; {queries} queries in "
            f"{transactions} transaction{'s' if transactions != 1 else ''}"
        )
    plan = explain_repeat_count(link)
    print(f"  per-address count of a submit, {stored:,} responses of the service in the hour: {brief(plan)}")
    if args.profile:
        print("-- EXPLAIN ANALYZE of the per-address count")
        for line in plan:
            print(f"  {line}")
        for label, (*_numbers, rec, stats) in in_proc.items():
            print(f"-- {label}: queries of one request (ms, own transaction)")
            for sql, ms, own in rec.queries:
                print(f"  {ms:6.2f}  {'auto' if own else 'txn '}  {sql[:220]}")
            print(stats)
        for label, plan in explain_inserts(link):
            print(f"-- EXPLAIN ANALYZE {label}")
            for line in plan:
                print(f"  {line}")
    if args.strict and (problems or ratio < TARGET_RATIO):
        sys.exit("target missed" if not problems else "checks failed")


if __name__ == "__main__":
    main()
