from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency
from appraisal.models import CoreValue, DevelopmentKind, FeedbackKind
from appraisal.models.feedback import CORRECTION_MIN_LENGTH

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ResultChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.skp.year.year} · {obj.text[:100]}"


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class FeedbackNoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=FeedbackKind.choices, widget=forms.RadioSelect)
    text = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 4}))
    rhk = ResultChoiceField(
        queryset=None,
        required=False,
        label=_("About a work result (optional)"),
        empty_label=_("— none —"),
    )
    value = forms.ChoiceField(
        label=_("Or about a BerAKHLAK value (optional)"),
        choices=[("", _("— none —")), *CoreValue.choices],
        required=False,
    )

    def __init__(self, *args, results, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rhk"].queryset = results
        self.fields["text"].help_text = gettext(
            "Describe what you saw and its effect. For a correction, say what to do better next time "
            "(at least %(min)s characters)."
        ) % {"min": CORRECTION_MIN_LENGTH}

    def clean(self):
        data = super().clean()
        if data.get("rhk") and data.get("value"):
            self.add_error("value", _("Link the note to a work result or to a BerAKHLAK value, not both."))
        return data


class FeedbackSubjectForm(forms.Form):
    staff = StaffChoiceField(queryset=None, label=_("Colleague"), empty_label=_("— choose —"))

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = colleagues


class FeedbackFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Show"), choices=[("", _("All feedback")), *FeedbackKind.choices], required=False
    )


class MentorshipForm(forms.Form):
    mentee = StaffChoiceField(queryset=None, label=_("Mentee"), empty_label=_("— choose —"))
    mentor = StaffChoiceField(
        queryset=None,
        label=_("Mentor"),
        empty_label=_("— choose —"),
        help_text=_("An experienced colleague of the same agency."),
    )
    goal = forms.CharField(
        label=_("Goal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What the mentee should be able to do at the end, e.g. a weakness found in the appraisal."
        ),
    )
    started_on = forms.DateField(label=_("Starts on"), widget=DATE_INPUT)

    def __init__(self, *args, mentees, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentee"].queryset = mentees
        self.fields["mentor"].queryset = mentors
        self.fields["started_on"].initial = timezone.localdate()


class MentoringSessionForm(forms.Form):
    date = forms.DateField(label=_("Date of the session"), widget=DATE_INPUT)
    notes = forms.CharField(label=_("What was discussed"), widget=forms.Textarea(attrs={"rows": 4}))
    agreed_actions = forms.CharField(
        label=_("Agreed actions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the mentee will try before the next session, and by when."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()


class DevelopmentActivityForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=DevelopmentKind.choices)
    competency = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Target competency (optional)"),
        empty_label=_("— none —"),
        help_text=_("The competency whose gap the activity closes."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    provider = forms.CharField(
        label=_("Provider"), required=False, max_length=200, help_text=_("For example BPSDM Provinsi Riau.")
    )
    duration_hours = forms.IntegerField(
        label=_("Typical duration (hours)"),
        required=False,
        min_value=1,
        max_value=2000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    is_active = forms.BooleanField(
        label=_("Offered"), required=False, initial=True, help_text=_("Untick to keep it out of new plans.")
    )

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = competencies


class DevelopmentActivityAddForm(DevelopmentActivityForm):
    """A new catalogue entry. HR adds to their own agency; the super admin chooses an agency or none
    (a national activity)."""

    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    field_order = ["agency", "title", "kind", "competency"]

    def __init__(self, *args, agencies, national, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        field.queryset = agencies
        if national:
            field.required = False
            field.empty_label = _("National (every agency)")
            field.help_text = _("Leave as national to offer it to every agency.")
        else:
            # HR add to their own agency only; a posted value is ignored.
            field.initial = agencies.first()
            field.disabled = True
