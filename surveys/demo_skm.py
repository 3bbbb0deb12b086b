"""SKM demo for Kota Dumai: the Disdukcapil questionnaires, their public links, a year of citizens'
answers with suggestions and flagged responses, and the people served per period.

Runs at the end of surveys.demo.build_service_demo(), on its services and counter officers, and needs
the agency's 2026 performance year (its Triwulan I–IV): without it only the questionnaires and links
are made. Everything goes through the SKM services as HR and the public form would: the default
questionnaire (questionnaire_publish), the links (link_create, link_pause), every answer
(response_submit, with a form nonce issued as the form page does), the replies to suggestions and the
review of flagged answers. The services stamp the time they run, so the demo then dates each row on
the demo's calendar: when the questionnaire was published, when a citizen answered.

The citizens are the counter requests of each working day since 2 January, drawn as the service demo
draws them (the same officer and time for the days whose requests are stored), and a service's share
of them answers: nearly every family collecting a death certificate at the counter tablet, about one
in eight for a KTP-el. What they answer follows the service's quality (mutu A for birth certificates,
C for family cards, B for the rest), the element (fees are nil: U4 is nearly always "Gratis"), the
officer who served them, a small improvement over the year and their mood. Most answer through their
officer's link or the service's general one; KTP-el also had a self-service kiosk, paused since
September, and Kartu Keluarga an outreach link for the kelurahan that ended on 30 June. KTP-el's
questionnaire gained a tenth element, with weights of its own, from Triwulan III. A few answers are
sent within seconds and flagged: HR reviews them after their quarter, so the running quarter's wait.

An answer is keyed by its service and the moment it was sent, which follow from the day alone: running
it again adds only what is missing (the days since the last run), and a reply or a review falls due
only when its day has come. The numbers of people served are the service demo's request counts over
each period's working days up to the clock, and are put back to them when they differ.
"""

import math
import random
import time as clock
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.demo import ACCOUNTS
from appraisal.demo.year import YEAR
from appraisal.models import EvaluationPeriod
from surveys.ikm import ELEMENTS
from surveys.models import (
    AgeBand,
    Education,
    Occupation,
    ReviewStatus,
    ServedCount,
    Sex,
    SuggestionStatus,
    SurveyLink,
    SurveyResponse,
    SurveyTemplate,
)
from surveys.skm import abuse
from surveys.skm.questionnaires import link_create, link_pause, questionnaire_publish
from surveys.skm.review import response_review
from surveys.skm.served import served_count_set
from surveys.skm.submission import link_is_open, response_submit
from surveys.skm.suggestions import suggestion_mark_handled, suggestion_respond

PUBLISHED_ON = date(YEAR, 1, 2)  # the questionnaires and links, and the first answers
STANDARD_CODES = tuple(e.code for e in ELEMENTS)
FLAG_SHARE = 0.03  # sent within seconds of opening the form
PROFILE_SHARE = 0.6
OFFICER_LINK_SHARE = 0.6  # of the answers not sent through a counter's own link


@dataclass(frozen=True)
class ServiceSurvey:
    quality: float  # the mean answer of an element without its own shift
    response_rate: float  # share of the people served who answer


SURVEYS = {
    "KTP-EL": ServiceSurvey(3.28, 0.12),
    "KK": ServiceSurvey(2.92, 0.14),
    "AKTA-LAHIR": ServiceSurvey(3.66, 0.16),
    "PINDAH": ServiceSurvey(3.24, 0.32),
    "AKTA-MATI": ServiceSurvey(3.40, 0.95),
}

#: How far an element's answers lie from the service's quality. U4 (fees) follows FEE_ANSWERS.
ELEMENT_SHIFT = {
    "U1": 0.05,
    "U2": 0.0,
    "U3": -0.15,
    "U5": 0.05,
    "U6": 0.1,
    "U7": 0.15,
    "U8": -0.2,
    "U9": -0.1,
    "U10": -0.05,
}
#: The services are free: "Gratis" nearly always, now and then a citizen who paid a broker.
FEE_ANSWERS = ((1, 0.005), (2, 0.01), (3, 0.045), (4, 0.94))
#: Competence and courtesy (U6, U7) of the officer who served, against the service's quality.
OFFICER_SHIFT = {"Yulia Anggraini": 0.2, "Taufik Hidayat": -0.35, "Mutiara Hasibuan": -0.1}
QUARTER_TREND = 0.03  # the answers improve a little each quarter


@dataclass(frozen=True)
class CounterLink:
    """A link of one counter of a service, open from `opens` to `last_day`: afterwards paused, or
    ended on that day."""

    service: str
    counter: str
    opens: date
    last_day: date
    share: float  # of the service's answers while it is open
    paused: bool


KIOSK = CounterLink("KTP-EL", "Anjungan Layanan Mandiri", PUBLISHED_ON, date(YEAR, 9, 11), 0.2, paused=True)
OUTREACH = CounterLink("KK", "Jemput Bola Kelurahan", date(YEAR, 2, 2), date(YEAR, 6, 30), 0.25, paused=False)
COUNTER_LINKS = {link.service: link for link in (KIOSK, OUTREACH)}

#: Version 2 of one questionnaire, from Triwulan III: an element of the agency's own and weights.
VERSION_2_SERVICE = "KTP-EL"
VERSION_2_ON = date(YEAR, 7, 13)
VERSION_2_WEIGHTS = {
    "U1": "0.10",
    "U2": "0.10",
    "U3": "0.12",
    "U4": "0.08",
    "U5": "0.10",
    "U6": "0.10",
    "U7": "0.10",
    "U8": "0.10",
    "U9": "0.10",
    "U10": "0.10",
}
U10 = ("U10", "Informasi Pelayanan", ("Tidak jelas", "Kurang jelas", "Jelas", "Sangat jelas"))

AGE_BANDS = (
    (AgeBand.UNDER_20, 4),
    (AgeBand.FROM_20, 24),
    (AgeBand.FROM_30, 30),
    (AgeBand.FROM_40, 21),
    (AgeBand.FROM_50, 13),
    (AgeBand.FROM_60, 8),
)
EDUCATION = (
    (Education.PRIMARY, 6),
    (Education.JUNIOR, 11),
    (Education.SENIOR, 44),
    (Education.DIPLOMA, 10),
    (Education.BACHELOR, 24),
    (Education.POSTGRADUATE, 5),
)
OCCUPATIONS = (
    (Occupation.CIVIL_SERVANT, 10),
    (Occupation.PRIVATE, 30),
    (Occupation.ENTREPRENEUR, 24),
    (Occupation.STUDENT, 8),
    (Occupation.HOMEMAKER, 16),
    (Occupation.OTHER, 12),
)

#: Suggestions by the element the citizen rated lowest (2 or less), each with HR's reply (None: the
#: general one).
SUGGESTIONS = {
    "U1": (
        (
            "Persyaratan di papan informasi berbeda dengan yang diminta petugas, mohon diseragamkan.",
            "Terima kasih. Papan persyaratan sudah kami perbarui sesuai ketentuan terbaru.",
        ),
        ("Mohon daftar persyaratan juga diumumkan di website dan Instagram Disdukcapil.", None),
    ),
    "U2": (
        (
            "Alur antrean membingungkan, sebaiknya ada petugas yang mengarahkan di pintu masuk.",
            "Terima kasih. Sejak minggu ini petugas informasi berjaga di pintu masuk pukul 08.00–12.00.",
        ),
        ("Pendaftaran online sering gagal saat unggah berkas, akhirnya harus datang ke kantor.", None),
    ),
    "U3": (
        (
            "Antrean pagi terlalu panjang, mohon tambah loket pada jam sibuk.",
            "Terima kasih atas masukannya. Loket tambahan kini dibuka pukul 08.00–10.00 pada hari Senin "
            "dan Selasa.",
        ),
        ("Dokumen dijanjikan selesai tiga hari tetapi baru bisa diambil seminggu kemudian.", None),
        ("Mohon ada pemberitahuan lewat WhatsApp kalau dokumen sudah selesai dicetak.", None),
    ),
    "U5": (("Ada salah ketik nama di dokumen, jadi harus datang lagi untuk perbaikan.", None),),
    "U6": (
        ("Petugas belum bisa menjelaskan syarat perubahan data, saya disuruh bertanya ke loket lain.", None),
    ),
    "U7": (("Petugas loket kurang ramah waktu ditanya, mohon lebih sabar melayani warga.", None),),
    "U8": (
        (
            "Nomor pengaduan di brosur tidak aktif waktu saya hubungi.",
            "Terima kasih, nomor pengaduan sudah kami perbaiki. Pengaduan juga dapat disampaikan melalui "
            "SP4N-LAPOR!.",
        ),
        ("Kotak saran di ruang tunggu sepertinya tidak pernah dibuka.", None),
    ),
    "U9": (
        (
            "Kursi di ruang tunggu kurang, banyak warga berdiri saat antre.",
            "Terima kasih, kursi tambahan untuk ruang tunggu sudah diusulkan dan segera dipasang.",
        ),
        (
            "AC ruang tunggu mati, panas sekali di siang hari.",
            "Terima kasih, AC ruang tunggu sudah diperbaiki.",
        ),
        ("Mohon disediakan ruang laktasi dan tempat bermain anak.", None),
        ("Parkir motor sempit dan menghalangi jalan masuk.", None),
    ),
}
PRAISE = tuple(
    (text, "Terima kasih atas apresiasinya, kami akan terus menjaga kualitas pelayanan.")
    for text in (
        "Pelayanan sudah cepat dan petugasnya ramah, terima kasih.",
        "Terima kasih, dokumen saya selesai tepat waktu dan tanpa biaya.",
        "Pertahankan pelayanan yang gratis dan tanpa calo.",
        "Sudah bagus, semoga jam layanan bisa diperpanjang sampai sore.",
    )
)
SERVICE_SUGGESTIONS = {
    "KTP-EL": ("Blangko KTP-el sempat kosong, mohon info stok blangko diumumkan di media sosial.", None),
    "KK": ("Cetak KK sebaiknya bisa di kantor kecamatan supaya tidak jauh.", None),
    "AKTA-LAHIR": ("Mohon akta kelahiran bisa langsung diurus di rumah sakit tempat melahirkan.", None),
    "PINDAH": ("Surat pindah sebaiknya bisa diurus online tanpa datang ke kantor.", None),
    "AKTA-MATI": ("Mohon syarat surat keterangan kematian dari kelurahan dipermudah.", None),
}
REPLY = (
    "Terima kasih atas saran Bapak/Ibu. Masukan ini sudah kami teruskan kepada bidang terkait "
    "untuk ditindaklanjuti."
)


@dataclass
class Planned:
    """One citizen's answer as the demo plans it."""

    service: str
    at: datetime  # when it was sent
    link: tuple  # (officer staff id or None, counter)
    seed: str
    fill_seconds: int
    address: str
    answers: dict
    profile: dict = field(default_factory=dict)
    suggestion: str = ""
    reply: tuple | None = None  # (when, text)
    handled_at: datetime | None = None
    review: tuple | None = None  # (when, accept)


@dataclass
class SkmSummary:
    """The planned answers stored, per period name, and how many of them wait for HR's review."""

    responses_per_period: Counter = field(default_factory=Counter)
    waiting: int = 0


def _at(day, minutes, seconds=0):
    return timezone.make_aware(datetime.combine(day, time.min)) + timedelta(minutes=minutes, seconds=seconds)


def _weekday(day):
    """The day, or the Monday after it when it falls on a weekend."""
    return day + timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 5 else day


def _office_time(rng, day):
    """A moment of HR's working day."""
    return _at(_weekday(day), rng.randint(9 * 60, 15 * 60), rng.randint(0, 59))


def _pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _answer(rng, mean):
    """An answer 1–4 whose expected value is `mean`: mostly 3 and 4, a few 2s, seldom a 1."""
    mean = min(3.95, max(1.3, mean))
    p1 = 0.005 + max(0.0, 2.8 - mean) * 0.25
    p2 = 0.03 + max(0.0, 3.2 - mean) * 0.5
    p4 = min(max(0.0, mean - 3 + 2 * p1 + p2), 1 - p1 - p2)
    u = rng.random()
    return 1 if u < p1 else 2 if u < p1 + p2 else 4 if u < p1 + p2 + p4 else 3


def _answers(rng, code, day, officer_name):
    """Answers to U1–U9 and U10: the service's quality, the element, the officer, the quarter and the
    citizen's mood."""
    mood = rng.gauss(0, 0.2) - (0.8 if rng.random() < 0.05 else 0)
    base = SURVEYS[code].quality + QUARTER_TREND * ((day.month - 1) // 3) - 0.045 + mood
    answers = {}
    for element in (*STANDARD_CODES, U10[0]):
        if element == "U4":
            answers[element] = _pick(rng, FEE_ANSWERS)
            continue
        shift = ELEMENT_SHIFT[element]
        if element in ("U6", "U7"):
            shift += OFFICER_SHIFT.get(officer_name, 0)
        answers[element] = _answer(rng, base + shift)
    return answers


def _suggestion(rng, code, answers):
    """A suggestion in Indonesian about what the citizen rated lowest, or praise; with HR's reply."""
    rated = [(answers[c], c) for c in STANDARD_CODES if c != "U4"]
    lowest, element = min(rated)
    if lowest <= 2 and element in SUGGESTIONS:
        text, reply = rng.choice(SUGGESTIONS[element])
    elif sum(v for v, _c in rated) / len(rated) >= 3.5:
        text, reply = rng.choice(PRAISE)
    else:
        text, reply = SERVICE_SUGGESTIONS[code] if rng.random() < 0.5 else rng.choice(SUGGESTIONS["U9"])
    return text, reply or REPLY


def _planned(rng, seed, code, day, request, officer_name, periods):
    """The answer of the citizen of one request: through which link, when and what."""
    counter = COUNTER_LINKS.get(code)
    open_counter = counter is not None and counter.opens <= day <= counter.last_day
    via_counter = rng.random() < (counter.share if open_counter else 0)
    via_officer = rng.random() < OFFICER_LINK_SHARE
    link = (None, counter.counter) if via_counter else (request.officer_id if via_officer else None, "")
    if via_counter or rng.random() < 0.75:  # at the counter, once served
        at = request.received_at + timedelta(minutes=rng.randint(12, 80), seconds=rng.randint(0, 59))
    else:  # at home in the evening, from the QR code on the receipt
        later = day + timedelta(days=rng.randint(0, 2))
        at = _at(later, rng.randint(18 * 60 + 30, 21 * 60 + 45), rng.randint(0, 59))
    item = Planned(
        service=code,
        at=at,
        link=link,
        seed=seed,
        fill_seconds=0,
        address="",
        answers={},
    )
    if via_counter and counter.paused:  # the kiosk's own address
        item.address = "103.147.8.21"
    else:
        item.address = "{}.{}.{}.{}".format(
            rng.choice((36, 110, 114, 180, 182)), *(rng.randint(1, 254) for _ in range(3))
        )
    if rng.random() < FLAG_SHARE:
        value = 4 if rng.random() < 0.7 else 1
        item.fill_seconds = rng.randint(1, 2)
        item.answers = dict.fromkeys((*STANDARD_CODES, U10[0]), value)
        period = next((p for p in periods if p.starts_on <= timezone.localdate(at) <= p.ends_on), None)
        if period is not None:
            accept = rng.random() < (0.75 if value == 4 else 0.25)
            item.review = (_office_time(rng, period.ends_on + timedelta(days=rng.randint(3, 8))), accept)
        return item
    item.fill_seconds = min(1500, max(25, round(rng.lognormvariate(math.log(150), 0.45))))
    item.answers = _answers(rng, code, day, officer_name)
    if rng.random() < PROFILE_SHARE:
        for name, choices in (
            ("age_band", AGE_BANDS),
            ("sex", ((Sex.FEMALE, 1), (Sex.MALE, 1))),
            ("education", EDUCATION),
            ("occupation", OCCUPATIONS),
        ):
            value = _pick(rng, choices)
            item.profile[name] = "" if rng.random() < 0.05 else value
    rated_low = min(v for c, v in item.answers.items() if c in STANDARD_CODES and c != "U4") <= 2
    if rng.random() < (0.2 if rated_low else 0.08):
        item.suggestion, text = _suggestion(rng, code, item.answers)
        local_day = timezone.localdate(at)
        u = rng.random()
        if u < 0.3:
            item.reply = (_office_time(rng, local_day + timedelta(days=rng.randint(1, 6))), text)
            if u < 0.1:
                item.handled_at = _office_time(rng, local_day + timedelta(days=rng.randint(10, 20)))
        elif u < 0.35:
            item.handled_at = _office_time(rng, local_day + timedelta(days=rng.randint(2, 10)))
    return item


def _plan(*, catalogue, officers, day_requests, days, periods, start_of_today):
    """Every answer up to the clock, and the people served per service and day."""
    names = {member.pk: officer.name for officer, member in officers}
    last = max(p.ends_on for p in periods)
    plans, served, taken = [], Counter(), set()
    for demo in catalogue:
        rate = SURVEYS[demo.code].response_rate
        for day in days:
            requests = day_requests(demo, day)
            served[demo.code, day] = len(requests)
            for n, request in enumerate(requests):
                seed = f"skm|{demo.code}|{day.isoformat()}|{n}"
                rng = random.Random(seed)
                if rng.random() >= rate:
                    continue
                item = _planned(rng, seed, demo.code, day, request, names.get(request.officer_id), periods)
                while (item.service, item.at) in taken:  # one answer per service and moment
                    item.at += timedelta(seconds=1)
                taken.add((item.service, item.at))
                if item.at < start_of_today and timezone.localdate(item.at) <= last:
                    plans.append(item)
    plans.sort(key=lambda item: item.at)
    return plans, served


# Questionnaires and links ---------------------------------------------------------------------------


class _Run:
    """What one run works on: the agency's services, the clock and the agency's HR, who writes."""

    def __init__(self, *, agency, services, today, start_of_today):
        self.agency = agency
        self.services = services  # {code: Service}
        self.codes = {service.pk: code for code, service in services.items()}
        self.today = today
        self.start_of_today = start_of_today
        self._hr = None

    @property
    def hr(self):
        """The agency's HR account, looked up on the first write."""
        if self._hr is None:
            username = next(a.username for a in ACCOUNTS if a.hr_agency == self.agency.code)
            self._hr = [get_user_model().objects.filter(username=username).first()]
        return self._hr[0]

    def due(self, moment):
        return moment is not None and moment < self.start_of_today


def _backdate(model, pk, **values):
    """Dates a row written by a service (which stamps the time it runs) on the demo's calendar."""
    now = timezone.now()
    model.objects.filter(pk=pk).update(**{name: min(value, now) for name, value in values.items()})


def _sync_questionnaires(run, templates):
    """Version 1 (the nine elements, equal weights) for every service without a questionnaire."""
    have = {service_id for service_id, _version in templates}
    for service in run.services.values():
        if service.pk not in have:
            template = questionnaire_publish(service=service, by=run.hr)
            _backdate(SurveyTemplate, template.pk, created_at=_at(PUBLISHED_ON, 7 * 60 + 30))
            templates.append((service.pk, template.version))


def _version_2(run, templates):
    """Publishes version 2 of VERSION_2_SERVICE once its day has passed, unless it has one. True when
    published."""
    service = run.services[VERSION_2_SERVICE]
    if run.today <= VERSION_2_ON or any(s == service.pk and v >= 2 for s, v in templates):
        return False
    elements = [{"code": code, "weight": Decimal(VERSION_2_WEIGHTS[code])} for code in STANDARD_CODES]
    code, name, labels = U10
    weight = Decimal(VERSION_2_WEIGHTS[code])
    elements.append({"code": code, "name": name, "labels": labels, "weight": weight})
    template = questionnaire_publish(service=service, by=run.hr, elements=elements)
    _backdate(SurveyTemplate, template.pk, created_at=_at(VERSION_2_ON, 7 * 60 + 30))
    templates.append((service.pk, template.version))
    return True


def _wanted_links(run, officers):
    """(service code, officer staff id or None, counter) of every demo link: a general one, one for
    each officer who serves the service at the counter, and the counter links of COUNTER_LINKS."""
    wanted = []
    for code in run.services:
        wanted.append((code, None, ""))
        wanted += [(code, member.pk, "") for officer, member in officers if code in officer.services]
        if code in COUNTER_LINKS:
            wanted.append((code, None, COUNTER_LINKS[code].counter))
    return wanted


def _sync_links(run, officers, stored):
    """The links by (code, officer id, counter), the missing ones added; and the new links to pause
    once their answers are in."""
    links = {}
    for link in stored:
        link.service = run.services[run.codes[link.service_id]]
        links.setdefault((run.codes[link.service_id], link.officer_id, link.counter), link)
    staff = {member.pk: member for _officer, member in officers}
    created, to_pause = 0, []
    for key in _wanted_links(run, officers):
        code, officer_id, counter = key
        service, officer = run.services[code], staff.get(officer_id)
        if key in links or not service.is_active:  # a service no longer offered gets no new links
            continue
        special = COUNTER_LINKS[code] if counter else None
        link = link_create(service=service, by=run.hr, officer=officer, counter=counter)
        values = {"created_at": _at(special.opens if special else PUBLISHED_ON, 7 * 60 + 45)}
        _backdate(SurveyLink, link.pk, **values)
        if special is not None and not special.paused:
            # Set when it was made; today the screens and link_set_end refuse a day in the past.
            SurveyLink.objects.filter(pk=link.pk).update(ends_on=special.last_day)
            link.ends_on = special.last_day
        elif special is not None and run.today > special.last_day:
            to_pause.append(link)
        links[key] = link
        created += 1
    return links, created, to_pause


# Answers ----------------------------------------------------------------------------------------------


def _link_for(item, links, day):
    """The planned link when it takes answers that day, else the service's general link."""
    for key in ((item.service, *item.link), (item.service, None, "")):
        link = links.get(key)
        if link is not None and link_is_open(link, day):
            return link
    return None


def _current_templates(run):
    templates = SurveyTemplate.objects.filter(service__in=run.services.values(), is_current=True)
    return {t.service_id: t for t in templates.prefetch_related("elements").order_by()}


def _submit(item, template, link):
    """Sends the answers through the public form's write service, then dates them."""
    rng = random.Random(f"{item.seed}|other")
    answers = {
        e.code: item.answers.get(e.code) or _answer(rng, SURVEYS[item.service].quality)
        for e in template.elements.all()
    }
    response = response_submit(
        token=link.token,
        template=template,
        answers=answers,
        profile=item.profile if template.ask_profile else {},
        suggestion=item.suggestion if template.ask_suggestion else "",
        nonce=abuse.nonce_issue(
            token=link.token, template_id=template.pk, issued_at=clock.time() - item.fill_seconds
        ),
        fill_seconds=item.fill_seconds,
        ip_hash=abuse.ip_hash(item.address),
        today=timezone.localdate(item.at),
    )
    _backdate(SurveyResponse, response.pk, submitted_at=item.at)
    response.submitted_at = item.at
    return response


def _steps(run, item, review, suggestion):
    """What HR does with the answer by now, given its review and suggestion status."""
    steps = []
    if item.review and run.due(item.review[0]) and review == ReviewStatus.FLAGGED:
        steps.append("review")
    if item.reply and run.due(item.reply[0]) and suggestion == SuggestionStatus.NEW:
        steps.append("reply")
        suggestion = SuggestionStatus.RESPONDED
    if run.due(item.handled_at) and (
        suggestion == SuggestionStatus.RESPONDED or (suggestion == SuggestionStatus.NEW and not item.reply)
    ):
        steps.append("handle")
    return steps


def _follow_up(run, item, response, steps):
    """HR reviews the flagged answer, replies to the suggestion or marks it handled, on their day."""
    if "review" in steps:
        at, accept = item.review
        response = response_review(response=response, by=run.hr, accept=accept)
        _backdate(SurveyResponse, response.pk, reviewed_at=at)
    if "reply" in steps:
        at, text = item.reply
        response = suggestion_respond(response=response, by=run.hr, text=text)
        _backdate(SurveyResponse, response.pk, responded_at=at)
    if "handle" in steps:
        first = response.responded_at is None
        response = suggestion_mark_handled(response=response, by=run.hr)
        if first:
            _backdate(SurveyResponse, response.pk, responded_at=item.handled_at)
    return response


def _sync_responses(run, plans, links, templates):
    """Sends the planned answers not stored yet, in the order they were given (version 2 of the
    questionnaire is published when its day comes), and HR's follow-up that has fallen due.
    [(item, review status)] of the planned answers stored, with the numbers created and updated."""
    stored = {
        (service_id, at): (pk, review, suggestion)
        for pk, service_id, at, review, suggestion in SurveyResponse.objects.filter(
            service__in=run.services.values(),
            submitted_at__gte=_at(PUBLISHED_ON, 0),
            submitted_at__lt=_at(date(YEAR + 1, 1, 8), 0),
        ).values_list("pk", "service_id", "submitted_at", "review_status", "suggestion_status")
    }
    version_2_from = _at(VERSION_2_ON, 7 * 60 + 30)
    current, created, statuses, later = None, 0, [], {}
    for item in plans:
        service = run.services[item.service]
        found = stored.get((service.pk, item.at))
        if found is not None:
            pk, review, suggestion = found
            if _steps(run, item, review, suggestion):
                later[pk] = item
            statuses.append((item, pk, review))
            continue
        if item.service == VERSION_2_SERVICE and item.at >= version_2_from and _version_2(run, templates):
            current = None
        current = current or _current_templates(run)
        link = _link_for(item, links, timezone.localdate(item.at))
        if link is None:
            continue
        response = _submit(item, current[service.pk], link)
        steps = _steps(run, item, response.review_status, response.suggestion_status)
        response = _follow_up(run, item, response, steps)
        statuses.append((item, response.pk, response.review_status))
        created += 1
    reviewed = {}
    for response in SurveyResponse.objects.filter(pk__in=list(later)) if later else ():
        item = later[response.pk]
        steps = _steps(run, item, response.review_status, response.suggestion_status)
        reviewed[response.pk] = _follow_up(run, item, response, steps).review_status
    statuses = [(item, reviewed.get(pk, review)) for item, pk, review in statuses]
    return statuses, created, len(later)


# People served ----------------------------------------------------------------------------------------


def _sync_served(run, periods, served_per_day, stored):
    """N of every service and begun period: the requests of its working days up to the clock."""
    wanted = {}
    for period in periods:
        if period.starts_on >= run.today:
            continue
        end = min(period.ends_on, run.today - timedelta(days=1))
        for code, service in run.services.items():
            wanted[service.pk, period.pk] = sum(
                n for (c, day), n in served_per_day.items() if c == code and period.starts_on <= day <= end
            )
    changes = {key: n for key, n in wanted.items() if stored.get(key) != n}
    if changes:
        by_pk = EvaluationPeriod.objects.select_related("year").in_bulk({p for _s, p in changes})
        by_service = {service.pk: service for service in run.services.values()}
        for (service_id, period_id), n in changes.items():
            served_count_set(service=by_service[service_id], period=by_pk[period_id], people_served=n)
    created = sum(1 for key in changes if key not in stored)
    return len(wanted), created, len(changes) - created


@dataclass(frozen=True)
class _Period:
    pk: int
    name: str
    starts_on: date
    ends_on: date


def _periods(run):
    """The periods of the agency's demo year and the people served stored for them, in one query."""
    rows = (
        EvaluationPeriod.objects.filter(year__agency=run.agency, year__year=YEAR)
        .order_by("sequence")
        .values_list(
            "pk", "name", "starts_on", "ends_on", "served_counts__service_id", "served_counts__people_served"
        )
    )
    periods, served = {}, {}
    for pk, name, starts_on, ends_on, service_id, n in rows:
        periods[pk] = _Period(pk, name, starts_on, ends_on)
        if service_id in run.codes:
            served[service_id, pk] = n
    return list(periods.values()), served


# The demo -----------------------------------------------------------------------------------------------


def sync_skm(*, agency, services, officers, catalogue, day_requests, days, today, start_of_today, summary):
    """Adds what is missing of the SKM demo of `services` ({code: Service}) as of `today`.

    officers: [(demo.Officer, Staff)] who serve at the counters; catalogue: the service demo's
    DemoService rows; day_requests(demo_service, day): the requests of a day as the service demo draws
    them; days: the working days from PUBLISHED_ON to the day before the clock. Adds the rows per model
    to `summary` and returns the answers per period and the flagged ones waiting for review."""
    # Never ahead of the real day, as the service demo's requests.
    today = min(today, timezone.localdate(start_of_today))
    run = _Run(agency=agency, services=services, today=today, start_of_today=start_of_today)
    result = SkmSummary()
    periods, served = _periods(run)
    templates = list(
        SurveyTemplate.objects.filter(service__in=services.values())
        .order_by()
        .values_list("service_id", "version")
    )
    stored_templates = len(templates)
    _sync_questionnaires(run, templates)
    links, links_created, to_pause = _sync_links(
        run, officers, SurveyLink.objects.filter(service__in=services.values()).order_by("pk")
    )
    statuses, responses_created, responses_updated = [], 0, 0
    served_rows = served_created = served_updated = 0
    if periods:
        plans, served_per_day = _plan(
            catalogue=catalogue,
            officers=officers,
            day_requests=day_requests,
            days=[day for day in days if day.year == YEAR],
            periods=periods,
            start_of_today=start_of_today,
        )
        statuses, responses_created, responses_updated = _sync_responses(run, plans, links, templates)
        served_rows, served_created, served_updated = _sync_served(run, periods, served_per_day, served)
    _version_2(run, templates)
    for link in to_pause:  # once the answers it took are in
        link_pause(link=link, by=run.hr)

    summary.add(SurveyTemplate, rows=len(templates), created=len(templates) - stored_templates, updated=0)
    summary.add(SurveyLink, rows=len(links), created=links_created, updated=0)
    summary.add(SurveyResponse, rows=len(statuses), created=responses_created, updated=responses_updated)
    summary.add(ServedCount, rows=served_rows, created=served_created, updated=served_updated)
    for item, review in statuses:
        day = timezone.localdate(item.at)
        result.responses_per_period[next(p.name for p in periods if p.starts_on <= day <= p.ends_on)] += 1
        result.waiting += review == ReviewStatus.FLAGGED
    return result
