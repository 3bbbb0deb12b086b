"""The feedback around the demo appraisals: continuous feedback notes, one mentorship with its
sessions, and two 360° requests (one answered by everyone, one still collecting answers).

A note is keyed by its author, subject and text, a mentorship by its mentor and mentee, a session by
its mentorship and date, and a request by its subject and period. All are written through the
feedback services; what exists is left as it is.
"""

from datetime import date, timedelta

from django.utils import timezone

from appraisal.demo.year import YEAR
from appraisal.models import (
    CoreValue,
    FeedbackInvitation,
    FeedbackKind,
    FeedbackNote,
    FeedbackRequest,
    MentoringSession,
    Mentorship,
    RaterGroup,
    Rhk,
)
from appraisal.services.feedback import feedback_note_create, mentoring_session_log, mentorship_create
from appraisal.services.peer_feedback import feedback_answer_submit, feedback_request_create

PRAISE, CORRECTION = FeedbackKind.PRAISE, FeedbackKind.CORRECTION
V = CoreValue

# (author, subject, kind, text, the subject's main result by index or a BerAKHLAK value)
NOTES = (
    (
        "Rina Marlina",
        "Fajar Ramadhan",
        PRAISE,
        "Terima kasih sudah menyiapkan perangkat perekaman mobile untuk jemput bola di SMA Negeri 2 Dumai; "
        "seluruh 212 siswa terekam dalam sehari.",
        1,
    ),
    (
        "Dian Permata Sari",
        "Fajar Ramadhan",
        PRAISE,
        "Cepat membantu saat data ganda menghambat pencetakan KK di loket.",
        V.COLLABORATIVE,
    ),
    (
        "Armansyah Putra",
        "Rina Marlina",
        PRAISE,
        "Layanan akhir pekan KTP-el untuk pemilih pemula berjalan tertib dan tanpa keluhan.",
        V.SERVICE,
    ),
    (
        "Syamsul Bahri",
        "Taufik Hidayat",
        CORRECTION,
        "Berkas permohonan akta perkawinan yang belum lengkap agar dikonfirmasi ke pemohon hari itu juga dan "
        "dicatat di buku kendali loket, jangan menunggu akhir pekan.",
        0,
    ),
    (
        "Novia Rahayu",
        "Putri Ayu Lestari",
        PRAISE,
        "Perbaikan formulir daring akta kelahiran selesai sebelum tenggat; keluhan pemohon turun jelas.",
        0,
    ),
    (
        "Syafrizal Nasution",
        "Hendrik Simanjuntak",
        CORRECTION,
        "Gangguan jaringan SIAK di kecamatan agar dilaporkan kepada saya pada hari yang sama dengan "
        "perkiraan waktu pulihnya, supaya camat dapat memberi tahu warga.",
        V.ACCOUNTABLE,
    ),
    (
        "Yessi Tanjung",
        "Siti Aisyah Nasution",
        CORRECTION,
        "Saat aktivasi IKD gagal, catat NIK dan penyebabnya di lembar kendali agar bisa ditindaklanjuti "
        "esok harinya, jangan hanya meminta warga datang lagi.",
        0,
    ),
)

MENTOR, MENTEE, PAIRED_BY = "Arif Rahman Hakim", "Putri Ayu Lestari", "Novia Rahayu"
MENTORING_GOAL = (
    "Putri mampu mengelola server aplikasi layanan adminduk daring secara mandiri, termasuk pencadangan "
    "data dan penanganan insiden keamanan."
)
# (weeks after the start, logged by, what was discussed, agreed actions)
SESSIONS = (
    (
        2,
        MENTEE,
        "Membahas arsitektur server aplikasi layanan daring dan jadwal pencadangan harian.",
        "Putri menyusun daftar periksa pencadangan dan mencobanya selama dua minggu.",
    ),
    (
        6,
        MENTOR,
        "Meninjau daftar periksa pencadangan; simulasi pemulihan data dari cadangan berhasil dalam 40 menit.",
        "Putri menulis SOP penanganan insiden; Arif mendampingi uji coba pada server cadangan.",
    ),
)

# The 360° requests: subject, requester, raters by group, those who answer, and a note to the raters.
SETTLED = (
    "Rina Marlina",
    "Armansyah Putra",
    {
        RaterGroup.PEER: ("Joko Susilo", "Erni Susanti", "Novia Rahayu"),
        RaterGroup.SUBORDINATE: ("Fajar Ramadhan", "Dian Permata Sari", "Yulia Anggraini"),
    },
    None,
    "Masukan untuk penilaian kinerja Rina sebagai ketua tim Identitas Penduduk.",
)
COLLECTING = (
    "Fajar Ramadhan",
    "Rina Marlina",
    {RaterGroup.PEER: ("Dian Permata Sari", "Yulia Anggraini", "Putri Ayu Lestari", "Reza Fahlevi")},
    ("Dian Permata Sari", "Yulia Anggraini"),
    "Mohon masukan tentang kerja sama Fajar dalam layanan jemput bola dan penanganan data ganda.",
)
# Scores per rater in the order of CoreValue, and their comments by value.
SCORES = {
    "Joko Susilo": "4544454",
    "Erni Susanti": "5444445",
    "Novia Rahayu": "4454544",
    "Fajar Ramadhan": "5555454",
    "Dian Permata Sari": "4442443",
    "Yulia Anggraini": "5444344",
}
COMMENTS = {
    ("Joko Susilo", V.COLLABORATIVE): "Selalu siap berbagi petugas saat antrean pindah datang menumpuk.",
    ("Novia Rahayu", V.ADAPTIVE): "Cepat memakai fitur baru SIAK dan mengajarkannya ke loket.",
    ("Fajar Ramadhan", V.COMPETENT): "Sabar menjelaskan penanganan data ganda kepada anggota tim baru.",
    ("Dian Permata Sari", V.HARMONIOUS): "Pembagian tugas loket saat antrean panjang sering mendadak; "
    "mohon diumumkan sejak pagi.",
    ("Yulia Anggraini", V.LOYAL): "Menjaga kerahasiaan data penduduk dengan disiplin.",
}
PEER_SCORES = {
    "Dian Permata Sari": "5454444",
    "Yulia Anggraini": "4445454",
}
PEER_COMMENTS = {
    ("Dian Permata Sari", V.COLLABORATIVE): "Tidak pernah menolak membantu loket saat SIAK bermasalah.",
    (
        "Yulia Anggraini",
        V.SERVICE,
    ): "Menjelaskan status perekaman KTP-el kepada warga dengan bahasa yang mudah.",
}


def _results_of(subject):
    skp = subject.skps.filter(year__year=YEAR).first()
    return list(Rhk.objects.filter(skp=skp, kind="main").order_by("order", "pk")) if skp else []


def _sync_notes(run, summary):
    existing = set(
        FeedbackNote.objects.filter(subject__in=run.by_pk.values()).values_list(
            "author_id", "subject_id", "text"
        )
    )
    created = 0
    for author, subject, kind, text, about in NOTES:
        author, subject = run.by_name[author], run.by_name[subject]
        if (author.pk, subject.pk, text) in existing:
            continue
        rhk = value = None
        if isinstance(about, int):
            rhk = _results_of(subject)[about]
        else:
            value = about
        feedback_note_create(author=author, subject=subject, kind=kind, text=text, rhk=rhk, value=value or "")
        created += 1
    summary.add(FeedbackNote, rows=len(NOTES), created=created, updated=0)


def _sync_mentoring(run, summary):
    mentor, mentee = run.by_name[MENTOR], run.by_name[MENTEE]
    mentorship = Mentorship.objects.filter(mentor=mentor, mentee=mentee).order_by("-started_on").first()
    created = 0
    if mentorship is None:
        started_on = max(date(YEAR, 1, 5), run.today - timedelta(weeks=10))
        mentorship = mentorship_create(
            mentor=mentor,
            mentee=mentee,
            goal=MENTORING_GOAL,
            started_on=started_on,
            by=run.by_name[PAIRED_BY].user,
        )
        created = 1
    summary.add(Mentorship, rows=1, created=created, updated=0)
    logged = set(mentorship.sessions.values_list("date", flat=True)) if not created else set()
    last_day = min(run.today - timedelta(days=1), timezone.localdate())
    rows = new = 0
    for weeks, by, notes, agreed in SESSIONS:
        day = mentorship.started_on + timedelta(weeks=weeks)
        if day > last_day:
            continue
        rows += 1
        if day not in logged:
            mentoring_session_log(
                mentorship=mentorship, by=run.by_name[by], date=day, notes=notes, agreed_actions=agreed
            )
            new += 1
    summary.add(MentoringSession, rows=rows, created=new, updated=0)


def _answers(scores, comments, rater):
    return {
        value.value: (int(score), comments.get((rater, value), ""))
        for value, score in zip(CoreValue, scores[rater], strict=True)
    }


def _sync_requests(run, periods, summary):
    last, running = periods
    plans = (
        (SETTLED, last or running, 7, SCORES, COMMENTS),
        (COLLECTING, running or last, 14, PEER_SCORES, PEER_COMMENTS),
    )
    subjects = [run.by_name[plan[0]] for plan, *_ in plans]
    existing = set(
        FeedbackRequest.objects.filter(subject__in=subjects).values_list("subject_id", "period_id")
    )
    created = 0
    for (subject, requester, raters, answering, note), period, days, scores, comments in plans:
        subject = run.by_name[subject]
        if (subject.pk, period.pk) in existing:
            continue
        request = feedback_request_create(
            subject=subject,
            period=period,
            raters_by_group={group: [run.by_name[n] for n in names] for group, names in raters.items()},
            requested_by=run.by_name[requester].user,
            closes_on=max(run.today, timezone.localdate()) + timedelta(days=days),
            note=note,
        )
        created += 1
        invitations = FeedbackInvitation.objects.filter(request=request).select_related("rater")
        for invitation in invitations:
            name = invitation.rater.name
            if answering is None or name in answering:
                feedback_answer_submit(
                    invitation=invitation, rater=invitation.rater, answers=_answers(scores, comments, name)
                )
    summary.add(FeedbackRequest, rows=len(plans), created=created, updated=0)


def sync_feedback(*, run, periods, summary):
    _sync_notes(run, summary)
    _sync_mentoring(run, summary)
    _sync_requests(run, periods, summary)
