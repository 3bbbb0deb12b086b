from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import AgencyScopedForm
from accounts.models import Agency, Staff, Unit
from surveys.models import Service
from surveys.selectors import this_month
from surveys.service_levels import MAX_TARGET_MINUTES, TARGET_UNIT_CHOICES, TARGET_UNITS

MAX_PERIOD_DAYS = 366


def _datetime_input():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} · {obj.nip}"


class ServiceForm(AgencyScopedForm):
    target_help = _(
        "Counted from complete requirements to completion. For example 1 hour for a KTP-el, "
        "1 day for a Kartu Keluarga, 3 days for a birth certificate."
    )

    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Unit providing the service"))
    code = forms.CharField(
        label=_("Service code"),
        max_length=30,
        help_text=_("A short code, unique in the agency, used in import files, e.g. KTP-EL."),
    )
    name = forms.CharField(label=_("Service name"), max_length=200)
    target_value = forms.IntegerField(
        label=_("Target completion time"),
        min_value=1,
        max_value=MAX_TARGET_MINUTES,
        widget=forms.NumberInput(attrs={"aria-describedby": "target-help"}),
    )
    target_unit = forms.ChoiceField(label=_("Unit of time"), choices=TARGET_UNIT_CHOICES, initial="minutes")
    is_active = forms.BooleanField(
        label=_("Offered"),
        required=False,
        initial=True,
        help_text=_("Services no longer offered stay in the figures but cannot take new requests."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency__in=self.agencies).order_by(
            "agency", "code"
        )

    def clean(self):
        data = super().clean()
        if data.get("target_value") and data.get("target_unit"):
            data["target_minutes"] = data["target_value"] * TARGET_UNITS[data["target_unit"]]
        return data


class ServiceRequestForm(AgencyScopedForm):
    service = forms.ModelChoiceField(queryset=Service.objects.none(), label=_("Service"))
    reference = forms.CharField(label=_("Request number"), required=False, max_length=60)
    officer = OfficerChoiceField(queryset=Staff.objects.none(), label=_("Officer"))
    received_at = forms.DateTimeField(
        label=_("Received (requirements complete)"),
        widget=_datetime_input(),
    )
    completed_at = forms.DateTimeField(
        label=_("Completed"),
        required=False,
        widget=_datetime_input(),
        help_text=_("Leave empty while the request is still open."),
    )
    correct_first_time = forms.BooleanField(
        label=_("Correct the first time"),
        required=False,
        initial=True,
        help_text=_("Untick when the result had to be corrected or redone."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        services = Service.objects.filter(agency__in=self.agencies, is_active=True)
        self.fields["service"].queryset = services.order_by("name", "pk")
        officers = Staff.objects.filter(agency__in=self.agencies).active()
        self.fields["officer"].queryset = officers.order_by("name", "pk")


class RequestImportForm(AgencyScopedForm):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    file = forms.FileField(
        label=_("File (.csv or .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class RequestFilterForm(forms.Form):
    service = forms.ModelChoiceField(
        queryset=Service.objects.none(), label=_("Service"), required=False, empty_label=_("All services")
    )
    officer = forms.CharField(label=_("Officer (name or NIP)"), required=False, max_length=150)
    received_from = forms.DateField(label=_("Received from"), required=False, widget=_date_input())
    received_to = forms.DateField(label=_("Received until"), required=False, widget=_date_input())

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(agency__in=agencies).order_by("name", "pk")


class PeriodForm(forms.Form):
    """A date range, this month unless chosen; HR may also narrow it to a unit and the units below."""

    start = forms.DateField(label=_("From"), required=False, widget=_date_input())
    end = forms.DateField(label=_("Until"), required=False, widget=_date_input())
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=_("Work unit"), required=False, empty_label=_("All units")
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].initial, self.fields["end"].initial = this_month()
        if units is None:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units

    def clean(self):
        data = super().clean()
        first, last = this_month()
        data["start"] = data.get("start") or first
        data["end"] = data.get("end") or last
        if data["end"] < data["start"]:
            self.add_error("end", _("The end date must not be before the start date."))
        elif data["end"] - data["start"] >= timedelta(days=MAX_PERIOD_DAYS):
            self.add_error("end", _("Choose a period of at most one year."))
        return data

    def period(self):
        """The chosen (start, end), or this month when the form has errors or was not filled in."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return this_month()

    def chosen_unit(self):
        if "unit" in self.fields and self.is_bound and self.is_valid():
            return self.cleaned_data["unit"]
        return None
