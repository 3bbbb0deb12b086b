from django import forms
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from accounts.forms import AgencyScopedForm
from accounts.models import Agency
from appraisal.models import EvaluationFrequency

WEEKDAY_CHOICES = [(str(number), name) for number, name in sorted(WEEKDAYS.items())]


def _date_field(label, **kwargs):
    # A date input takes ISO dates only, whatever the language of the page.
    widget = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    return forms.DateField(label=label, widget=widget, **kwargs)


class WorkingWeekField(forms.MultipleChoiceField):
    """Checkboxes Monday … Sunday, cleaned to the stored string of weekday numbers ("01234")."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Working days"))
        kwargs.setdefault("choices", WEEKDAY_CHOICES)
        kwargs.setdefault("error_messages", {"required": _("Choose at least one working day.")})
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return list(value) if isinstance(value, str) else value

    def clean(self, value):
        return "".join(sorted(set(super().clean(value))))


def _cutoff_field():
    return forms.IntegerField(
        label=_("Daily report cut-off (working days)"),
        min_value=0,
        max_value=30,
        help_text=_(
            "A daily report may be entered until this many working days after its date; "
            "0 means the same day only."
        ),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class PerformanceYearOpenForm(AgencyScopedForm):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    frequency = forms.ChoiceField(
        label=_("Evaluation periods"),
        choices=EvaluationFrequency.choices,
        initial=EvaluationFrequency.QUARTERLY,
        widget=forms.RadioSelect,
        help_text=_(
            "Quarterly gives Triwulan I–IV; monthly gives twelve periods. Dates can be changed later."
        ),
    )
    plan_deadline = _date_field(
        _("SKP approval deadline"), help_text=_("Between 1 January and 31 March of the year.")
    )
    report_cutoff_days = _cutoff_field()
    working_weekdays = WorkingWeekField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
        self.fields["report_cutoff_days"].initial = 1
        self.fields["working_weekdays"].initial = "01234"


class PerformanceYearForm(AgencyScopedForm):
    plan_deadline = _date_field(
        _("SKP approval deadline"), help_text=_("Between 1 January and 31 March of the year.")
    )
    report_cutoff_days = _cutoff_field()
    working_weekdays = WorkingWeekField()
    objection_days = forms.IntegerField(
        label=_("Objection period (days)"),
        min_value=1,
        max_value=90,
        help_text=_("Days after an appraisal becomes final during which the staff member may object."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    is_open = forms.BooleanField(
        label=_("Open for plans and reports"),
        required=False,
        help_text=_("Close the year when its appraisals are final."),
    )


class EvaluationPeriodForm(AgencyScopedForm):
    name = forms.CharField(label=_("Name"), max_length=40)
    starts_on = _date_field(_("Starts on"))
    ends_on = _date_field(_("Ends on"))
    evaluation_deadline = _date_field(
        _("Evaluation deadline"), help_text=_("The last day for the rater to complete the evaluation.")
    )


class AgencyGoalForm(AgencyScopedForm):
    code = forms.CharField(label=_("Code"), max_length=20, help_text=_("For example SS-1."))
    text = forms.CharField(label=_("Strategic goal"), widget=forms.Textarea(attrs={"rows": 3}))


class HolidayForm(AgencyScopedForm):
    """A day off for one agency; the super admin may also leave the agency empty (national)."""

    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), label=_("Agency"), required=False, empty_label=_("National holiday")
    )
    date = _date_field(_("Date"))
    name = forms.CharField(label=_("Name"), max_length=120, help_text=_("For example HUT Kota Dumai."))

    def __init__(self, *args, allow_national=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        if allow_national:
            field.disabled = False
            field.help_text = _("Leave empty for a holiday of every agency.")
        else:
            field.required = True
            field.empty_label = None


class HolidayFilterForm(forms.Form):
    """Which holidays the list shows: a year, and for the super admin an agency (or national only)."""

    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), label=_("Agency"), required=False, empty_label=_("National only")
    )
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is None:
            del self.fields["agency"]
        else:
            self.fields["agency"].queryset = agencies
