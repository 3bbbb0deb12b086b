"""Forms of the 360° feedback screens; the rules live in appraisal.services.peer_feedback."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Staff
from accounts.selectors import subordinates_of
from appraisal.forms.skp import BEHAVIOUR_GUIDES
from appraisal.models import CoreValue, EvaluationPeriod, RaterGroup
from appraisal.models.peer_feedback import SCORE_MAX, SCORE_MIN
from appraisal.services.peer_feedback import (
    COMMENT_MAX_LENGTH,
    COMMENT_REQUIRED_AT_OR_BELOW,
    MIN_RATERS,
    supervisor_ids_of,
)

# What each score means: how often the rater sees the behaviour the value describes.
SCORE_LABELS = {
    1: _("Rarely"),
    2: _("Sometimes"),
    3: _("Often"),
    4: _("Usually"),
    5: _("Always"),
}


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} — {obj.unit.name}"


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} — {obj.unit.name}"


class SubjectForm(forms.Form):
    """Step one of a new request: whom the feedback is about (sent with GET)."""

    subject = StaffChoiceField(queryset=Staff.objects.none(), label=_("Person to be rated"))

    def __init__(self, *args, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = subjects.order_by("name")


class FeedbackRequestForm(forms.Form):
    """Step two: the period, the closing date and the raters of each group."""

    period = forms.ModelChoiceField(queryset=EvaluationPeriod.objects.none(), label=_("Evaluation period"))
    closes_on = forms.DateField(
        label=_("Closes on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day raters can answer."),
    )
    supervisors = StaffMultipleChoiceField(
        queryset=Staff.objects.none(),
        label=RaterGroup.SUPERVISOR.label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    peers = StaffMultipleChoiceField(
        queryset=Staff.objects.none(),
        label=RaterGroup.PEER.label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Colleagues who work with this person, from anywhere in the agency."),
    )
    subordinates = StaffMultipleChoiceField(
        queryset=Staff.objects.none(),
        label=RaterGroup.SUBORDINATE.label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Note to the raters"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    GROUP_FIELDS = {
        RaterGroup.SUPERVISOR: "supervisors",
        RaterGroup.PEER: "peers",
        RaterGroup.SUBORDINATE: "subordinates",
    }

    def __init__(self, *args, subject, **kwargs):
        super().__init__(*args, **kwargs)
        agency_staff = Staff.objects.active().filter(agency_id=subject.agency_id).select_related("unit")
        supervisor_ids = supervisor_ids_of(subject)
        subordinate_ids = list(subordinates_of(subject).values_list("pk", flat=True))
        self.fields["period"].queryset = (
            EvaluationPeriod.objects.filter(year__agency_id=subject.agency_id, year__is_open=True)
            .select_related("year")
            .order_by("year__year", "sequence")
        )
        self.fields["period"].label_from_instance = lambda p: f"{p.name} {p.year.year}"
        self.fields["supervisors"].queryset = agency_staff.filter(pk__in=supervisor_ids).order_by("name")
        self.fields["peers"].queryset = agency_staff.exclude(
            pk__in=[subject.pk, *supervisor_ids, *subordinate_ids]
        ).order_by("unit__code", "name")
        if subordinate_ids:
            self.fields["subordinates"].queryset = agency_staff.filter(pk__in=subordinate_ids).order_by(
                "name"
            )
        else:
            del self.fields["subordinates"]
        self.fields["supervisors"].help_text = _(
            "Choose at least %(min)d raters in all. Each group's results are shown only once %(min)d of "
            "its raters have answered; smaller groups are combined."
        ) % {"min": MIN_RATERS}

    def raters_by_group(self):
        return {
            group: list(self.cleaned_data.get(name) or [])
            for group, name in self.GROUP_FIELDS.items()
            if name in self.fields
        }


def score_field(name):
    return f"{name}_score"


def comment_field(name):
    return f"{name}_comment"


class FeedbackAnswerForm(forms.Form):
    """One score (1–5) and one comment for each of the seven BerAKHLAK values."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in CoreValue.choices:
            self.fields[score_field(value)] = forms.TypedChoiceField(
                label=label,
                choices=[(n, f"{n} · {SCORE_LABELS[n]}") for n in range(SCORE_MIN, SCORE_MAX + 1)],
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                error_messages={"required": _("Choose a score.")},
            )
            self.fields[comment_field(value)] = forms.CharField(
                label=_("Comment on %(value)s") % {"value": label},
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
            )

    def clean(self):
        data = super().clean()
        for value in CoreValue.values:
            score = data.get(score_field(value))
            if (
                score is not None
                and score <= COMMENT_REQUIRED_AT_OR_BELOW
                and not data.get(comment_field(value))
            ):
                self.add_error(comment_field(value), _("A low score needs a comment on what could improve."))
        return data

    def rows(self):
        """(label, behaviour guide, score field, comment field) for each value, in BerAKHLAK order."""
        return [
            (label, BEHAVIOUR_GUIDES[value], self[score_field(value)], self[comment_field(value)])
            for value, label in CoreValue.choices
        ]

    def answers(self):
        return {
            value: (self.cleaned_data[score_field(value)], self.cleaned_data.get(comment_field(value), ""))
            for value in CoreValue.values
        }
