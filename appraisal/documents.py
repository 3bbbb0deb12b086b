"""Dokumen evaluasi kinerja pegawai: the official evaluation document of an appraisal.

`evaluation_document(appraisal)` reads what the document shows, in a fixed number of queries;
the printable page renders it as HTML and `render_pdf(document)` lays it out on A4 portrait with
reportlab and returns the PDF bytes. A document that is not final is marked as a draft on every page.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from django.db.models import Q
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from accounts.models import Staff
from appraisal.models import Appraisal, RhkKind
from appraisal.rules.talent import in_talent_pool
from appraisal.selectors.appraisals import AppraisalRows, appraisal_rows, period_span
from appraisal.selectors.development import actions_of

# --- What the document shows ------------------------------------------------------------------------------

LONG_DATE = "j F Y"
_PLACE_PREFIXES = ("pemerintah kota ", "pemerintah kabupaten ", "pemerintah kab. ")


def place_of(government: str) -> str:
    """The town the document is signed in, from the agency's government ("Pemerintah Kota Dumai" →
    "Dumai"); empty when the name does not say it."""
    text = " ".join((government or "").split())
    for prefix in _PLACE_PREFIXES:
        if text.lower().startswith(prefix):
            return text[len(prefix) :]
    return ""


def achievement_parts(row) -> tuple[str, str]:
    """(target, achievement) of one indicator as the document prints them."""
    indicator = row.indicator
    if indicator.target_value is None:
        return indicator.target_text, row.achieved_text
    unit = indicator.target_unit
    target = f"{floatformat(indicator.target_value, '-2g')} {unit}".strip()
    if row.achieved is None:
        return target, ""
    achieved = f"{floatformat(row.achieved, '-2g')} {unit}".strip()
    if row.percent is not None:
        achieved += f" ({floatformat(row.percent, '-1g')}%)"
    return target, achieved


@dataclass(frozen=True)
class Person:
    """Someone the document names and who signs it, as printed."""

    role: str
    name: str = ""
    nip: str = ""
    rank: str = ""
    position: str = ""
    unit: str = ""

    @classmethod
    def of(cls, role: str, staff: Staff | None, user=None) -> "Person":
        if staff is not None:
            return cls(
                role=role,
                name=staff.full_name,
                nip=staff.nip,
                rank=str(staff.rank) if staff.rank_id else "",
                position=staff.position.name,
                unit=staff.unit.name,
            )
        if user is not None:
            return cls(role=role, name=user.get_full_name() or user.get_username())
        return cls(role=role)


@dataclass
class EvaluationDocument:
    appraisal: Appraisal
    rows: AppraisalRows
    actions: list
    staff: Staff
    people: list[Person]

    @property
    def is_final(self) -> bool:
        return self.appraisal.is_final

    @property
    def agency(self):
        return self.staff.agency

    @property
    def year(self) -> int:
        return self.appraisal.skp.year.year

    @property
    def period_label(self) -> str:
        return self.appraisal.period.name if self.appraisal.period_id else _("Annual")

    @property
    def span(self) -> str:
        start, end = period_span(self.appraisal.skp.year, self.appraisal.period)
        return f"{date_format(start, LONG_DATE)} – {date_format(end, LONG_DATE)}"

    @property
    def place(self) -> str:
        return place_of(self.agency.government)

    @property
    def signed_on(self) -> date | None:
        approved_at = self.appraisal.approved_at
        return timezone.localdate(approved_at) if self.is_final and approved_at else None

    @property
    def filename(self) -> str:
        period = slugify(self.appraisal.period.name) if self.appraisal.period_id else "tahunan"
        return f"penilaian-{self.staff.nip}-{period or 'periode'}-{self.year}.pdf"

    @property
    def result_groups(self) -> list[tuple[str, list]]:
        return [
            (RhkKind.MAIN.label, self.rows.main_results),
            (RhkKind.ADDITIONAL.label, self.rows.additional_results),
        ]

    @property
    def results_overridden(self) -> bool:
        a = self.appraisal
        return bool(a.results_rating and a.results_proposed and a.results_rating != a.results_proposed)

    @property
    def in_talent_pool(self) -> bool:
        return self.appraisal.talent_box is not None and in_talent_pool(self.appraisal.talent_box)


def _people(appraisal: Appraisal) -> tuple[Staff, list[Person]]:
    """The staff member, the rater (the one who rated, else the plan's or the current supervisor) and
    the approver (the one who approved, else the rater's supervisor), in one query."""
    skp, owner = appraisal.skp, appraisal.skp.staff
    rater_id = appraisal.rater_id or skp.rater_id or owner.supervisor_id
    scope = Q(pk=owner.pk)
    if rater_id is not None:
        scope |= Q(pk=rater_id)
    if appraisal.approved_by_id is not None:
        scope |= Q(user_id=appraisal.approved_by_id)
    elif rater_id is not None:
        scope |= Q(subordinates=rater_id)
    found = list(Staff.objects.filter(scope).select_related("agency", "position", "unit", "rank").distinct())
    by_pk = {staff.pk: staff for staff in found}
    rater = by_pk.get(rater_id)
    if appraisal.approved_by_id is not None:
        approver = next((s for s in found if s.user_id == appraisal.approved_by_id), None)
        approver_user = appraisal.approved_by if approver is None else None
    else:
        approver = by_pk.get(rater.supervisor_id) if rater is not None and rater.supervisor_id else None
        approver_user = None
    people = [
        Person.of(_("Staff member appraised"), by_pk[owner.pk]),
        Person.of(_("Rater (pejabat penilai kinerja)"), rater),
        Person.of(_("Rater's superior (atasan pejabat penilai)"), approver, approver_user),
    ]
    return by_pk[owner.pk], people


def evaluation_document(appraisal: Appraisal) -> EvaluationDocument:
    """Everything the document shows, in a number of queries that does not grow with its rows."""
    staff, people = _people(appraisal)
    rows = appraisal_rows(appraisal)
    for number, row in enumerate([*rows.main_results, *rows.additional_results], start=1):
        row.number = number
    return EvaluationDocument(
        appraisal=appraisal,
        rows=rows,
        actions=list(actions_of(appraisal)),
        staff=staff,
        people=people,
    )


# --- The PDF ----------------------------------------------------------------------------------------------

FONT = "EvalDocSans"
_FONT_FACES = {
    "": ("DejaVuSans.ttf", "Vera.ttf"),
    "-Bold": ("DejaVuSans-Bold.ttf", "VeraBd.ttf"),
    "-Oblique": ("DejaVuSans-Oblique.ttf", "VeraIt.ttf"),
    "-BoldOblique": ("DejaVuSans-BoldOblique.ttf", "VeraBI.ttf"),
}
_SYSTEM_FONTS = Path("/usr/share/fonts/truetype/dejavu")
_BUNDLED_FONTS = Path(reportlab.__file__).parent / "fonts"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 15 * mm
FRAME_PADDING = 6  # SimpleDocTemplate's frame keeps 6 pt on each side
WIDTH = PAGE_WIDTH - 2 * MARGIN - 2 * FRAME_PADDING
# A row taller than the space left is cut inside the row, when both pieces are at least this high;
# otherwise the table breaks between rows.
MIN_ROW_PIECE = 30
GRID = colors.HexColor("#9a9a9a")
HEAD_BG = colors.HexColor("#ececec")
BAND_BG = colors.HexColor("#f6f6f6")
BRAND = colors.HexColor("#7a1f1f")
DRAFT_RED = colors.HexColor("#b02a37")


@cache
def _fonts() -> str:
    """Registers a Unicode TrueType family: DejaVu Sans where the system has it (wide coverage),
    otherwise the Vera faces that ship with reportlab (same metrics, Latin-1 and typographic marks)."""
    system = all((_SYSTEM_FONTS / names[0]).is_file() for names in _FONT_FACES.values())
    for suffix, (dejavu, vera) in _FONT_FACES.items():
        path = _SYSTEM_FONTS / dejavu if system else _BUNDLED_FONTS / vera
        pdfmetrics.registerFont(TTFont(FONT + suffix, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=f"{FONT}-Bold", italic=f"{FONT}-Oblique", boldItalic=f"{FONT}-BoldOblique"
    )
    return FONT


@cache
def _styles() -> dict[str, ParagraphStyle]:
    font = _fonts()
    base = ParagraphStyle("doc", fontName=font, fontSize=8.5, leading=10.8, splitLongWords=1)
    return {
        "body": base,
        "small": ParagraphStyle(
            "small", parent=base, fontSize=7.5, leading=9.4, textColor=colors.HexColor("#444444")
        ),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontName=f"{font}-Bold"),
        "cell_head_center": ParagraphStyle(
            "cell_head_center", parent=base, fontName=f"{font}-Bold", alignment=TA_CENTER
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "title": ParagraphStyle(
            "title", parent=base, fontName=f"{font}-Bold", fontSize=13, leading=16.5, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=9.5, leading=12.5, alignment=TA_CENTER),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=f"{font}-Bold",
            fontSize=10,
            leading=13,
            spaceBefore=9,
            spaceAfter=4,
            textColor=BRAND,
        ),
        "draft": ParagraphStyle(
            "draft",
            parent=base,
            fontName=f"{font}-Bold",
            fontSize=10,
            leading=13,
            alignment=TA_CENTER,
            textColor=DRAFT_RED,
            borderColor=DRAFT_RED,
            borderWidth=1,
            borderPadding=4,
            spaceBefore=4,
            spaceAfter=8,
        ),
        "predikat": ParagraphStyle("predikat", parent=base, fontName=f"{font}-Bold", fontSize=11, leading=14),
    }


def _text(value) -> str:
    """User text as paragraph markup: escaped, with its line breaks kept."""
    text = escape(str(value or "").strip())
    return "<br/>".join(text.splitlines())


def _heading(text) -> list:
    """A section heading that never ends a page alone: too little room left starts a new page."""
    return [CondPageBreak(40 * mm), _p(text, "heading")]


def _p(value, style="body", *, markup=False) -> Paragraph:
    return Paragraph(str(value) if markup else _text(value), _styles()[style])


def _or_dash(value) -> str:
    return value if value not in (None, "") else "–"


class _ClosedTable(Table):
    """A table whose every piece, also one cut inside a row at a page end, has its bottom rule."""

    def draw(self):
        super().draw()
        self.canv.saveState()
        self.canv.setStrokeColor(GRID)
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 0, self._width, 0)
        self.canv.restoreState()


def _table(data, widths, *, header=True, zebra=False, extra=()) -> Table:
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, BAND_BG]))
    table = _ClosedTable(
        data,
        colWidths=[w * WIDTH for w in widths],
        repeatRows=1 if header else 0,
        splitByRow=0,
        splitInRow=MIN_ROW_PIECE,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle([*commands, *extra]))
    return table


def _heads(*labels) -> list[Paragraph]:
    return [_p(label, "cell_head") for label in labels]


def _pairs(rows) -> Table:
    """A two-column table of label → value (each value a Paragraph or a list of flowables)."""
    data = [[_p(label, "cell_head"), value] for label, value in rows]
    return _table(data, [0.3, 0.7], header=False, extra=[("BACKGROUND", (0, 0), (0, -1), BAND_BG)])


def _title_block(doc: EvaluationDocument) -> list:
    agency = doc.agency
    lines = [
        _p(agency.government.upper(), "subtitle"),
        _p(agency.name.upper(), "subtitle"),
        Spacer(1, 3 * mm),
        _p(_("Employee performance evaluation document").upper(), "title"),
        _p(
            _("Period: %(period)s · Year %(year)s") % {"period": doc.period_label, "year": doc.year},
            "subtitle",
        ),
        _p(_("Appraisal period: %(span)s") % {"span": doc.span}, "subtitle"),
    ]
    if not doc.is_final:
        status = doc.appraisal.get_status_display()
        lines.append(
            _p(f"{_('Draft — not final')} · {_('status')}: {status}".upper(), "draft"),
        )
    else:
        lines.append(Spacer(1, 4 * mm))
    return lines


def _identity(doc: EvaluationDocument) -> list:
    rows = [
        (_("Name"), "name"),
        (_("NIP"), "nip"),
        (_("Rank / grade"), "rank"),
        (_("Position"), "position"),
        (_("Work unit"), "unit"),
    ]
    data = [[_p(""), *_heads(*(person.role for person in doc.people))]]
    for label, field in rows:
        data.append([_p(label, "cell_head"), *(_p(_or_dash(getattr(p, field))) for p in doc.people)])
    return [
        *_heading(_("Identity")),
        _table(data, [0.16, 0.28, 0.28, 0.28], extra=[("BACKGROUND", (0, 1), (0, -1), BAND_BG)]),
    ]


def _indicator_cell(result) -> list:
    cell = []
    for row in result.achievements:
        indicator = row.indicator
        target, achieved = achievement_parts(row)
        aspect = f"[{indicator.get_aspect_display()}] " if indicator.aspect else ""
        cell.append(_p(f"{escape(aspect)}{_text(indicator.text)}", markup=True))
        lines = [(_("Target"), target), (_("Achievement"), achieved)]
        cell.append(
            _p(
                "<br/>".join(f"{_text(label)}: {_text(_or_dash(v))}" for label, v in lines),
                "small",
                markup=True,
            )
        )
    return cell or [_p("–")]


def _results(doc: EvaluationDocument) -> list:
    data = [
        _heads(
            _("No."),
            _("Work result (RHK)"),
            _("Indicators: target and achievement"),
            _("Rating"),
            _("Feedback"),
        )
    ]
    bands = []
    for label, rows in doc.result_groups:
        if not rows:
            continue
        bands.append(len(data))
        data.append([_p(label, "cell_head"), "", "", "", ""])
        for row in rows:
            data.append(
                [
                    _p(row.number, "center"),
                    _p(row.rhk.text),
                    _indicator_cell(row),
                    _p(_or_dash(row.get_rating_display())),
                    _p(_or_dash(row.feedback)),
                ]
            )
    if not doc.rows.results:
        data.append([_p(_("No work result in this appraisal."), "small"), "", "", "", ""])
        bands.append(len(data) - 1)
    extra = []
    for index in bands:
        extra += [("SPAN", (0, index), (-1, index)), ("BACKGROUND", (0, index), (-1, index), BAND_BG)]
    return [
        *_heading(_("Work results (Hasil Kerja)")),
        _table(data, [0.05, 0.27, 0.32, 0.15, 0.21], extra=extra),
    ]


def _behaviour(doc: EvaluationDocument) -> list:
    data = [_heads(_("No."), _("Core value"), _("Leader's expectation"), _("Rater's note"))]
    for number, note in enumerate(doc.rows.notes, start=1):
        data.append(
            [
                _p(number, "center"),
                _p(note.get_value_display()),
                _p(_or_dash(note.expectation)),
                _p(_or_dash(note.note)),
            ]
        )
    appraisal = doc.appraisal
    return [
        *_heading(_("Work behaviour (Perilaku Kerja, BerAKHLAK)")),
        _table(data, [0.05, 0.2, 0.37, 0.38], zebra=True),
        Spacer(1, 2 * mm),
        _pairs(
            [
                (_("Behaviour rating"), _p(_or_dash(appraisal.get_behaviour_rating_display()))),
                (_("Feedback on the behaviour"), _p(_or_dash(appraisal.behaviour_feedback))),
            ]
        ),
    ]


def _competencies(doc: EvaluationDocument) -> list:
    data = [
        [
            *_heads(_("No."), _("Competency")),
            *(
                _p(label, "cell_head_center")
                for label in (_("Standard level"), _("Assessed level"), _("Gap"))
            ),
        ]
    ]
    for number, row in enumerate(doc.rows.competencies, start=1):
        competency = row.competency
        data.append(
            [
                _p(number, "center"),
                [_p(f"{competency.code} {competency.name}"), _p(competency.get_group_display(), "small")],
                _p(row.standard_level, "center"),
                _p(_or_dash(row.level), "center"),
                _p(row.gap or "–", "center"),
            ]
        )
    if len(data) == 1:
        data.append([_p(_("No competency is assessed for this position."), "small"), "", "", "", ""])
    extra = [("SPAN", (0, 1), (-1, 1))] if not doc.rows.competencies else []
    return [
        *_heading(_("Competencies")),
        _table(data, [0.05, 0.56, 0.13, 0.13, 0.13], zebra=True, extra=extra),
    ]


def _results_rating_cell(doc: EvaluationDocument) -> list:
    appraisal = doc.appraisal
    cell = [_p(_or_dash(appraisal.get_results_rating_display()))]
    if doc.results_overridden:
        cell.append(
            _p(
                _("The system proposed %(proposed)s. Reason for the rater's decision: %(reason)s")
                % {
                    "proposed": appraisal.get_results_proposed_display(),
                    "reason": appraisal.results_override_reason,
                },
                "small",
            )
        )
    return cell


def _summary(doc: EvaluationDocument) -> list:
    appraisal = doc.appraisal
    jpm = ""
    if appraisal.jpm is not None:
        jpm = f"{floatformat(appraisal.jpm, 2)}%"
        if appraisal.jpm_band:
            jpm += f" · {appraisal.get_jpm_band_display()}"
    potential = appraisal.get_potential_display()
    if potential and appraisal.potential_source:
        potential += f" ({appraisal.get_potential_source_display()})"
    box = ""
    if appraisal.talent_box is not None:
        box = _("Box %(box)s") % {"box": appraisal.talent_box}
        if doc.in_talent_pool:
            box += f" · {_('talent pool')}"
    return [
        *_heading(_("Results of the appraisal")),
        _pairs(
            [
                (_("Results rating"), _results_rating_cell(doc)),
                (_("Feedback on the results"), _p(_or_dash(appraisal.results_feedback))),
                (_("Behaviour rating"), _p(_or_dash(appraisal.get_behaviour_rating_display()))),
                (_("Predikat kinerja"), _p(_or_dash(appraisal.get_predikat_display()), "predikat")),
                (_("Overall feedback"), _p(_or_dash(appraisal.overall_feedback))),
                (_("Job person match (JPM)"), _p(_or_dash(jpm))),
                (_("Potential"), _p(_or_dash(potential))),
                (_("Talent box"), _p(_or_dash(box))),
            ]
        ),
    ]


def _action_target(action) -> str:
    if action.competency_id:
        return _("Competency gap: %(name)s") % {"name": action.competency.name}
    if action.rhk_id:
        return _("Work result: %(text)s") % {"text": action.rhk.text}
    return ""


def _development(doc: EvaluationDocument) -> list:
    data = [_heads(_("No."), _("Activity"), _("What it should improve"), _("Dates"), _("Status"))]
    for number, action in enumerate(doc.actions, start=1):
        aim = [_p(action.aim)]
        if target := _action_target(action):
            aim.append(_p(target, "small"))
        dates = " – ".join(date_format(day, "SHORT_DATE_FORMAT") for day in (action.starts_on, action.due_on))
        data.append(
            [
                _p(number, "center"),
                [_p(action.activity.title), _p(action.activity.get_kind_display(), "small")],
                aim,
                _p(dates),
                _p(action.get_status_display()),
            ]
        )
    extra = []
    if not doc.actions:
        data.append([_p(_("No development action is planned."), "small"), "", "", "", ""])
        extra = [("SPAN", (0, 1), (-1, 1))]
    return [
        *_heading(_("Development plan")),
        _table(data, [0.05, 0.25, 0.36, 0.2, 0.14], zebra=True, extra=extra),
    ]


def _signatures(doc: EvaluationDocument) -> list:
    place = doc.place or "……………"
    signed = date_format(doc.signed_on, LONG_DATE) if doc.signed_on else "……………………"
    roles = [person.role for person in doc.people]
    names = [f"<u><b>{_text(p.name)}</b></u>" if p.name else "……………………" for p in doc.people]
    nips = [f"{_('NIP')} {p.nip or '……………'}" for p in doc.people]
    data = [
        ["", "", _p(f"{place}, {signed}", "center")],
        [_p(role, "center") for role in roles],
        ["", "", ""],
        [_p(name, "center", markup=True) for name in names],
        [_p(nip, "center") for nip in nips],
    ]
    table = Table(data, colWidths=[WIDTH / 3] * 3, rowHeights=[None, None, 15 * mm, None, None])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    return [Spacer(1, 4 * mm), KeepTogether([table])]


class _Template(SimpleDocTemplate):
    """Draws the footer and, on a document that is not final, the draft mark over each finished page,
    so that no cell background hides the mark."""

    def __init__(self, buffer, *, document: EvaluationDocument, **kwargs):
        super().__init__(buffer, **kwargs)
        self.document = document
        self.footer = (
            f"{_('Employee performance evaluation document')} · {document.staff.name} · "
            f"{_('NIP')} {document.staff.nip}"
        )
        self.draft_mark = "" if document.is_final else _("Draft — not final").upper()

    def afterPage(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN + FRAME_PADDING, 9 * mm, self.footer)
        page = _("Page %(page)s") % {"page": canvas.getPageNumber()}
        canvas.drawRightString(PAGE_WIDTH - MARGIN - FRAME_PADDING, 9 * mm, page)
        if self.draft_mark:
            canvas.setFont(f"{FONT}-Bold", 44)
            canvas.setFillColor(DRAFT_RED)
            canvas.setFillAlpha(0.14)
            canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, 0, self.draft_mark)
        canvas.restoreState()


def render_pdf(doc: EvaluationDocument, *, invariant: bool = False) -> bytes:
    """The document as an A4 portrait PDF. invariant gives byte-identical output for the same input."""
    buffer = BytesIO()
    title = (
        f"{_('Employee performance evaluation document')} · {doc.staff.name} · {doc.period_label} {doc.year}"
    )
    template = _Template(
        buffer,
        document=doc,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=12 * mm,
        bottomMargin=15 * mm,
        title=title,
        author=doc.agency.name,
        subject=_("Draft — not final") if not doc.is_final else title,
        creator="SIKASN",
        invariant=int(invariant),
    )
    template.build(
        [
            *_title_block(doc),
            *_identity(doc),
            *_results(doc),
            *_behaviour(doc),
            *_competencies(doc),
            *_summary(doc),
            *_development(doc),
            *_signatures(doc),
        ]
    )
    return buffer.getvalue()
