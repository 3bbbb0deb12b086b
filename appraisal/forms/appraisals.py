"""Forms of the appraisal screens. They check the scale and the feedback a low rating needs, so that
the person filling them sees each problem at its field; appraisal.services.appraisals checks again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from appraisal.forms.skp import BEHAVIOUR_GUIDES
from appraisal.models import ActionStatus, DevelopmentActivity
from appraisal.models.competencies import LEVEL_MAX, LEVEL_MIN
from appraisal.rules.ratings import Rating
from appraisal.rules.talent import Potential
from appraisal.services.appraisals import OVERALL_FIELDS

RATING_CHOICES = [(value, label) for value, label in Rating.choices]
BELOW_NEEDS_FEEDBACK = _("Below expectations: write feedback on how to improve.")


def _date_field(label, **kwargs):
    return forms.DateField(
        label=label, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}), **kwargs
    )


def _text(label, rows=2, required=False, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": rows, "class": "form-control"}),
        **kwargs,
    )


def _rating_field(label, required=False):
    return forms.ChoiceField(
        label=label,
        choices=RATING_CHOICES,
        required=required,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": _("Choose above, meets or below expectations.")},
    )


class VersionedForm(forms.Form):
    """Carries the version of the appraisal the form was read at, so a later save can tell whether
    someone else saved in between."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class SelfAssessmentForm(VersionedForm):
    """Per indicator: the achievement (pre-filled from the daily reports), a reason where it differs,
    and an evidence link; then a comment."""

    comment = _text(_("Comment for your rater"), rows=3)

    def __init__(self, *args, achievements, **kwargs):
        super().__init__(*args, **kwargs)
        self.achievements = achievements
        for row in achievements:
            prefix = f"ach_{row.pk}"
            if row.indicator.target_value is not None:
                self.fields[f"{prefix}_achieved"] = forms.DecimalField(
                    label=_("Achievement (%(unit)s)") % {"unit": row.indicator.target_unit},
                    min_value=0,
                    max_digits=14,
                    decimal_places=2,
                    required=False,
                    initial=row.achieved,
                    widget=forms.NumberInput(
                        attrs={"step": "0.01", "inputmode": "decimal", "class": "form-control"}
                    ),
                )
            else:
                self.fields[f"{prefix}_text"] = _text(_("Achievement"), initial=row.achieved_text)
            self.fields[f"{prefix}_reason"] = _text(
                _("Why it differs from the daily reports"), rows=1, initial=row.change_reason
            )
            self.fields[f"{prefix}_link"] = forms.URLField(
                label=_("Evidence link"),
                required=False,
                max_length=500,
                assume_scheme="https",
                initial=row.evidence_link,
                widget=forms.URLInput(attrs={"class": "form-control"}),
            )

    def clean(self):
        data = super().clean()
        for row in self.achievements:
            achieved = data.get(f"ach_{row.pk}_achieved")
            if (
                row.reported is not None
                and achieved is not None
                and achieved != row.reported
                and not data.get(f"ach_{row.pk}_reason")
            ):
                self.add_error(
                    f"ach_{row.pk}_reason",
                    _("The daily reports add up to %(total)s; say why the achievement differs.")
                    % {"total": row.reported},
                )
        return data

    def rows(self):
        """(achievement row, achievement field, reason field, link field) in the plan's order."""
        out = []
        for row in self.achievements:
            prefix = f"ach_{row.pk}"
            name = f"{prefix}_achieved" if f"{prefix}_achieved" in self.fields else f"{prefix}_text"
            out.append((row, self[name], self[f"{prefix}_reason"], self[f"{prefix}_link"]))
        return out

    def achievements_data(self):
        data = self.cleaned_data
        return {
            row.indicator_id: {
                "achieved": data.get(f"ach_{row.pk}_achieved"),
                "achieved_text": data.get(f"ach_{row.pk}_text", ""),
                "change_reason": data.get(f"ach_{row.pk}_reason", ""),
                "evidence_link": data.get(f"ach_{row.pk}_link", ""),
            }
            for row in self.achievements
        }


class AssessmentForm(VersionedForm):
    """The rater's form: every work result, the BerAKHLAK values, the competencies, the overall ratings."""

    results_rating = _rating_field(_("Results rating (Hasil Kerja)"))
    results_override_reason = _text(
        _("Why you rate otherwise than proposed"),
        help_text=_("Needed only when your rating differs from the proposal."),
    )
    results_feedback = _text(_("Feedback on the results"), rows=3)
    behaviour_rating = _rating_field(_("Behaviour rating (Perilaku Kerja)"))
    behaviour_feedback = _text(_("Feedback on the behaviour"), rows=3)
    overall_feedback = _text(_("Overall feedback (umpan balik)"), rows=3)

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows_ = rows
        for row in rows.results:
            self.fields[f"rhk_{row.rhk_id}_rating"] = _rating_field(_("Rating"))
            self.fields[f"rhk_{row.rhk_id}_feedback"] = _text(_("Feedback"))
        for note in rows.notes:
            self.fields[f"value_{note.value}_note"] = _text(note.get_value_display())
        for row in rows.competencies:
            self.fields[f"comp_{row.competency_id}_level"] = forms.TypedChoiceField(
                label=_("Assessed level"),
                choices=[("", "–")] + [(n, str(n)) for n in range(LEVEL_MIN, LEVEL_MAX + 1)],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.Select(attrs={"class": "form-select"}),
                error_messages={
                    "invalid_choice": _("Choose a level from %(min)s to %(max)s.")
                    % {"min": LEVEL_MIN, "max": LEVEL_MAX}
                },
            )
            self.fields[f"comp_{row.competency_id}_evidence"] = _text(_("Evidence"), rows=1)

    def clean(self):
        data = super().clean()
        for row in self.rows_.results:
            if data.get(f"rhk_{row.rhk_id}_rating") == Rating.BELOW and not data.get(
                f"rhk_{row.rhk_id}_feedback"
            ):
                self.add_error(f"rhk_{row.rhk_id}_feedback", BELOW_NEEDS_FEEDBACK)
        for rating, feedback in (
            ("results_rating", "results_feedback"),
            ("behaviour_rating", "behaviour_feedback"),
        ):
            if data.get(rating) == Rating.BELOW and not data.get(feedback):
                self.add_error(feedback, BELOW_NEEDS_FEEDBACK)
        return data

    def result_rows(self):
        """(result row, rating field, feedback field) in the plan's order."""
        return [
            (row, self[f"rhk_{row.rhk_id}_rating"], self[f"rhk_{row.rhk_id}_feedback"])
            for row in self.rows_.results
        ]

    def value_rows(self):
        """(behaviour note row, behaviour guide, note field) in BerAKHLAK order."""
        return [
            (note, BEHAVIOUR_GUIDES[note.value], self[f"value_{note.value}_note"])
            for note in self.rows_.notes
        ]

    def competency_rows(self):
        """(competency row, level field, evidence field) in the framework's order."""
        return [
            (row, self[f"comp_{row.competency_id}_level"], self[f"comp_{row.competency_id}_evidence"])
            for row in self.rows_.competencies
        ]

    def service_data(self):
        data = self.cleaned_data
        return {
            "results": {
                row.rhk_id: (data[f"rhk_{row.rhk_id}_rating"], data[f"rhk_{row.rhk_id}_feedback"])
                for row in self.rows_.results
            },
            "behaviour": {note.value: data[f"value_{note.value}_note"] for note in self.rows_.notes},
            "competencies": {
                row.competency_id: (
                    data[f"comp_{row.competency_id}_level"],
                    data[f"comp_{row.competency_id}_evidence"],
                )
                for row in self.rows_.competencies
            },
            **{name: data[name] for name in OVERALL_FIELDS},
        }


def initial_assessment(appraisal, rows):
    initial = {name: getattr(appraisal, name) for name in OVERALL_FIELDS}
    initial["version"] = appraisal.version
    for row in rows.results:
        initial[f"rhk_{row.rhk_id}_rating"] = row.rating
        initial[f"rhk_{row.rhk_id}_feedback"] = row.feedback
    for note in rows.notes:
        initial[f"value_{note.value}_note"] = note.note
    for row in rows.competencies:
        initial[f"comp_{row.competency_id}_level"] = row.level
        initial[f"comp_{row.competency_id}_evidence"] = row.evidence
    return initial


class SkipSelfAssessmentForm(VersionedForm):
    reason = _text(_("Why go on without the self-assessment"), required=True)


class ReviewForm(forms.Form):
    comment = _text(
        _("Comment"), rows=3, help_text=_("Needed when you return the appraisal: say what should change.")
    )


class ObjectionForm(forms.Form):
    reason = _text(_("What you object to, and why"), rows=5, required=True)


class ObjectionDecisionForm(forms.Form):
    grant = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Grant: change the ratings")), ("0", _("Reject: the ratings stay"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    decision = _text(_("Reasons for the decision"), rows=4, required=True)
    results_rating = _rating_field(_("New results rating"))
    behaviour_rating = _rating_field(_("New behaviour rating"))
    feedback = _text(_("Feedback, for a rating below expectations"))

    def clean(self):
        data = super().clean()
        if data.get("grant"):
            for name in ("results_rating", "behaviour_rating"):
                if not data.get(name):
                    self.add_error(name, _("Choose the rating the objection leads to."))
        return data


class PotentialForm(forms.Form):
    potential = forms.ChoiceField(
        label=_("Potential"),
        choices=[("", _("From the competency assessment (JPM band)"))] + list(Potential.choices),
        required=False,
    )
    note = _text(_("Source of the potential"), help_text=_("For example an assessment centre report."))


class DevelopmentActionForm(forms.Form):
    target = forms.ChoiceField(label=_("Aimed at"), required=False)
    activity = forms.ModelChoiceField(queryset=DevelopmentActivity.objects.none(), label=_("Activity"))
    aim = _text(_("What it should improve"), rows=2, required=True)
    starts_on = _date_field(_("Starts on"))
    due_on = _date_field(_("Due on"))

    def __init__(self, *args, catalogue, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = catalogue
        self.fields["activity"].label_from_instance = lambda a: f"{a.title} · {a.get_kind_display()}"
        choices = [("", _("The staff member's development in general"))]
        choices += [
            (f"c{row.competency_id}", _("Competency gap: %(name)s") % {"name": row.competency.name})
            for row in rows.gaps
        ]
        choices += [
            (f"r{row.rhk_id}", _("Result below expectations: %(text)s") % {"text": row.rhk.text[:70]})
            for row in rows.results
            if row.rating == Rating.BELOW
        ]
        self.fields["target"].choices = choices

    def service_data(self):
        data = dict(self.cleaned_data)
        target = data.pop("target") or ""
        data["competency_id"] = int(target[1:]) if target.startswith("c") else None
        data["rhk_id"] = int(target[1:]) if target.startswith("r") else None
        return data


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[c for c in ActionStatus.choices if c[0] != ActionStatus.PLANNED]
    )
    note = _text(_("Progress note"))
