"""Forms of the daily-report screens: validation of what was typed; the rules live in the services."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from appraisal.services.reports import EVIDENCE_TYPES, MAX_ACTIVITY, MAX_COMMENT

EVIDENCE_ACCEPT = ",".join(f".{ext}" for ext in EVIDENCE_TYPES)


class TargetSelect(forms.Select):
    """A select whose options carry the indicator's target unit, for the unit to follow the choice."""

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if unit := self.units.get(str(value)):
            option["attrs"]["data-unit"] = unit
        return option


def target_value(rhk_id, indicator_id=None):
    """The value of one choice of the result/indicator select: "<rhk>" or "<rhk>-<indicator>"."""
    return f"{rhk_id}-{indicator_id}" if indicator_id else str(rhk_id)


class DailyReportForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    activity = forms.CharField(
        label=_("Activity"),
        max_length=MAX_ACTIVITY,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What did you do? One activity per report."),
    )
    target = forms.ChoiceField(
        label=_("Work result (RHK) and indicator"),
        help_text=_("From your SKP."),
    )
    output_quantity = forms.DecimalField(
        label=_("Output"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
        error_messages={
            "invalid": _("The output must be a number, for example 5 or 2.5."),
            "min_value": _("The output cannot be negative."),
            "max_decimal_places": _("Use at most two decimals for the output."),
            "max_digits": _("The output is too large."),
            "max_whole_digits": _("The output is too large."),
        },
    )
    output_unit = forms.CharField(
        label=_("Unit"),
        max_length=40,
        required=False,
        help_text=_("Empty: the unit of the indicator's target."),
    )
    minutes_spent = forms.IntegerField(
        label=_("Minutes spent"),
        min_value=1,
        max_value=1440,
        error_messages={
            "invalid": _("The time spent must be a whole number of minutes."),
            "min_value": _("The time spent must be between 1 and 1440 minutes (one day)."),
            "max_value": _("The time spent must be between 1 and 1440 minutes (one day)."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": EVIDENCE_ACCEPT}),
    )
    evidence_link = forms.URLField(
        label=_("Evidence link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Or a link to the evidence, for example a shared folder."),
    )

    def __init__(self, *args, rhks, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].widget.attrs["max"] = today.isoformat()
        self.fields["evidence_file"].help_text = _("PDF, JPG, PNG, DOCX or XLSX, at most %(limit)s MB.") % {
            "limit": f"{self._max_mb():g}"
        }
        self._rhks, self._indicators = {}, {}
        years = {rhk.skp.year.year for rhk in rhks}
        choices, units = [("", _("— choose —"))], {}
        for rhk in rhks:
            self._rhks[rhk.pk] = rhk
            label = rhk.text if len(years) < 2 else f"[{rhk.skp.year.year}] {rhk.text}"
            indicators = list(rhk.indicators.all())
            if not indicators:
                choices.append((target_value(rhk.pk), label))
                continue
            options = []
            for indicator in indicators:
                self._indicators[indicator.pk] = indicator
                value = target_value(rhk.pk, indicator.pk)
                options.append((value, indicator.text))
                if indicator.target_unit:
                    units[value] = indicator.target_unit
            choices.append((label, options))
        target = self.fields["target"]
        target.choices = choices
        target.widget = TargetSelect(choices=choices, units=units)

    @staticmethod
    def _max_mb():
        return settings.EVIDENCE_MAX_BYTES / 1024 / 1024

    def clean_target(self):
        value = self.cleaned_data["target"]
        rhk_part, _sep, indicator_part = value.partition("-")
        try:
            rhk = self._rhks[int(rhk_part)]
            indicator = self._indicators[int(indicator_part)] if indicator_part else None
        except (KeyError, ValueError):
            raise forms.ValidationError(_("Choose a work result from your SKP.")) from None
        self.cleaned_data["rhk"], self.cleaned_data["indicator"] = rhk, indicator
        return value

    def service_values(self):
        data = self.cleaned_data
        return {
            "date": data["date"],
            "activity": data["activity"],
            "rhk": data["rhk"],
            "indicator": data["indicator"],
            "output_quantity": data["output_quantity"],
            "output_unit": data["output_unit"],
            "minutes_spent": data["minutes_spent"],
            "evidence_file": data.get("evidence_file") or None,
            "evidence_link": data["evidence_link"],
        }


class DailyReportEditForm(DailyReportForm):
    remove_evidence_file = forms.BooleanField(label=_("Remove the current evidence file"), required=False)

    def __init__(self, *args, has_file=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence_file"].widget = forms.FileInput(attrs={"accept": EVIDENCE_ACCEPT})
        if has_file:
            self.fields["evidence_file"].label = _("Replace the evidence file")
        else:
            del self.fields["remove_evidence_file"]

    def service_values(self):
        return {
            **super().service_values(),
            "remove_evidence_file": self.cleaned_data.get("remove_evidence_file", False),
        }


SCOPE_CHOICES = (("day", _("Day")), ("week", _("Week")))


class TeamFilterForm(forms.Form):
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    scope = forms.ChoiceField(label=_("Show"), choices=SCOPE_CHOICES, required=False)


class ReportIdsField(forms.Field):
    """Report ids from checkboxes named alike."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": _("Choose at least one report."),
        "invalid": _("Choose the reports to review."),
    }

    def to_python(self, value):
        if not value:
            return []
        try:
            return sorted({int(item) for item in value})
        except (TypeError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class ReviewForm(forms.Form):
    report = ReportIdsField(label=_("Reports"))
    action = forms.ChoiceField(
        label=_("Action"), choices=(("acknowledge", _("Acknowledge")), ("comment", _("Comment")))
    )
    comment = forms.CharField(label=_("Comment"), required=False, max_length=MAX_COMMENT)
    date = forms.DateField(required=False)
    scope = forms.ChoiceField(choices=SCOPE_CHOICES, required=False)
