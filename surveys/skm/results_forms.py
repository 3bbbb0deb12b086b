"""Forms of the SKM result screens: people served, the filters of the suggestion list, HR's answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from appraisal.models import EvaluationPeriod
from surveys.models import SuggestionStatus
from surveys.skm.served import PEOPLE_SERVED_MAX
from surveys.skm.suggestions import RESPONSE_MAX


class PeriodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} {obj.year.year}"


class ServedCountForm(forms.Form):
    """Jumlah penerima layanan of one period, typed in or taken from the recorded service requests."""

    period = PeriodChoiceField(queryset=EvaluationPeriod.objects.none(), label=_("Period"))
    people_served = forms.IntegerField(
        label=_("People served"),
        min_value=0,
        max_value=PEOPLE_SERVED_MAX,
        required=False,
        help_text=_("Everyone who received the service in the period (N of the minimum sample)."),
    )
    from_requests = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = EvaluationPeriod.objects.filter(year__agency=agency).select_related(
            "year"
        )

    def clean(self):
        data = super().clean()
        if (
            not data.get("from_requests")
            and data.get("people_served") is None
            and "people_served" not in self.errors
        ):
            self.add_error("people_served", _("Enter the number of people served."))
        return data


class SuggestionFilterForm(forms.Form):
    service = forms.ModelChoiceField(
        queryset=None, label=_("Service"), required=False, empty_label=_("All services")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *[c for c in SuggestionStatus.choices if c[0]]],
    )

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services.select_related("agency").order_by("agency__name", "name")

    def chosen(self):
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get("service"), self.cleaned_data.get("status") or ""
        return None, ""


class SuggestionResponseForm(forms.Form):
    text = forms.CharField(
        label=_("Response"), max_length=RESPONSE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
