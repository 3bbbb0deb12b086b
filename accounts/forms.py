from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from accounts.models import (
    ActingAssignment,
    Agency,
    AsnKind,
    ImportKind,
    Position,
    PositionLevel,
    PositionType,
    Rank,
    Staff,
    StaffStatus,
    Unit,
)
from accounts.services import nip_error


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("NIP or username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "inputmode": "text"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "The NIP/username or password is wrong. After %(limit)s failed attempts, sign-in "
            "from this device is locked for 15 minutes."
        ),
        "inactive": _("This account is inactive. Please contact your HR administrator."),
    }

    def get_invalid_login_error(self):
        return forms.ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={"limit": settings.AXES_FAILURE_LIMIT},
        )


class AgencyScopedForm(forms.Form):
    """A form whose choices are limited to the agencies the user administers."""

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies = agencies
        if "agency" in self.fields:
            self.fields["agency"].queryset = agencies
            if agencies.count() == 1:
                # An HR admin works in their own agency only; a posted value is ignored.
                self.fields["agency"].initial = agencies.first()
                self.fields["agency"].disabled = True


class StaffForm(AgencyScopedForm):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    asn_kind = forms.ChoiceField(label=_("ASN kind"), choices=AsnKind.choices)
    nip = forms.CharField(
        label=_("NIP / NI PPPK"),
        max_length=18,
        min_length=1,
        help_text=_("18 digits, no spaces."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    front_title = forms.CharField(label=_("Title before name"), required=False, max_length=40)
    name = forms.CharField(label=_("Name"), max_length=150)
    back_title = forms.CharField(label=_("Title after name"), required=False, max_length=60)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=30)
    rank = forms.ModelChoiceField(queryset=Rank.objects.all(), label=_("Grade / rank"), required=False)
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Work unit"))
    position = forms.ModelChoiceField(queryset=Position.objects.none(), label=_("Position"))
    supervisor = forms.ModelChoiceField(
        queryset=Staff.objects.none(), label=_("Direct supervisor"), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=StaffStatus.choices, initial=StaffStatus.ACTIVE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency__in=self.agencies)
        self.fields["position"].queryset = Position.objects.filter(agency__in=self.agencies)
        self.fields["supervisor"].queryset = Staff.objects.filter(agency__in=self.agencies).active()

    def clean_nip(self):
        return self.cleaned_data["nip"].strip()

    def clean(self):
        data = super().clean()
        message = data.get("nip") and data.get("asn_kind") and nip_error(data["nip"], data["asn_kind"])
        if message:
            self.add_error("nip", message)
        return data


class UnitForm(AgencyScopedForm):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    code = forms.CharField(label=_("Unit code"), max_length=40)
    name = forms.CharField(label=_("Name"), max_length=200)
    parent = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Parent unit"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Unit.objects.filter(agency__in=self.agencies)


class PositionForm(AgencyScopedForm):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    name = forms.CharField(label=_("Position name"), max_length=200)
    position_type = forms.ChoiceField(label=_("Position type"), choices=PositionType.choices)
    level = forms.ChoiceField(label=_("Level"), choices=PositionLevel.choices, required=False)


class ActingAssignmentForm(AgencyScopedForm):
    acting = forms.ModelChoiceField(queryset=Staff.objects.none(), label=_("Acting official"))
    replaces = forms.ModelChoiceField(queryset=Staff.objects.none(), label=_("On behalf of"))
    kind = forms.ChoiceField(label=_("Kind"), choices=ActingAssignment._meta.get_field("kind").choices)
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    ends_on = forms.DateField(
        label=_("Ends on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    decree_number = forms.CharField(label=_("Decree number"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        staff = Staff.objects.filter(agency__in=self.agencies)
        self.fields["acting"].queryset = staff.active()
        self.fields["replaces"].queryset = staff


class StaffFilterForm(forms.Form):
    q = forms.CharField(label=_("Search name or NIP"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + list(StaffStatus.choices)
    )


class ImportForm(AgencyScopedForm):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    kind = forms.ChoiceField(
        label=_("The file holds"),
        choices=ImportKind.choices,
        initial=ImportKind.STAFF,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("File (.csv or .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
