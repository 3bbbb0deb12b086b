from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import AgencyScopedForm
from accounts.models import Agency
from appraisal.models.competencies import LEVEL_MAX, LEVEL_MIN

LEVELS = range(LEVEL_MIN, LEVEL_MAX + 1)


class TechnicalCompetencyForm(AgencyScopedForm):
    """The code, name and definition of one of the agency's technical competencies."""

    code = forms.CharField(label=_("Code"), max_length=20, help_text=_("For example T.01."))
    name = forms.CharField(label=_("Name"), max_length=200)
    definition = forms.CharField(
        label=_("Definition"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences: what the competency is about."),
    )


class TechnicalCompetencyAddForm(TechnicalCompetencyForm):
    """A new technical competency: its agency, and what each of the levels 1–5 means."""

    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    field_order = ["agency", "code", "name", "definition"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in LEVELS:
            self.fields[f"level_{number}"] = forms.CharField(
                label=_("Level %(level)s") % {"level": number},
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("What someone at this level does.") if number == LEVEL_MIN else "",
            )

    @property
    def level_descriptions(self):
        return [self.cleaned_data[f"level_{number}"] for number in LEVELS]


class CompetencyLevelForm(forms.Form):
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}))
    indicators = forms.CharField(
        label=_("Behaviour indicators"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One observable behaviour a line."),
    )


def standard_field_name(competency):
    return f"competency_{competency.pk}"


class PositionStandardsForm(forms.Form):
    """One number 1–5 per competency: required for the national competencies, optional (empty: not
    required by this position) for the agency's technical ones."""

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = list(competencies)
        for competency in self.competencies:
            self.fields[standard_field_name(competency)] = forms.IntegerField(
                label=f"{competency.code} {competency.name}",
                min_value=LEVEL_MIN,
                max_value=LEVEL_MAX,
                required=competency.is_national,
                help_text=""
                if competency.is_national
                else _("Leave empty when the position does not need it."),
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def fields_of(self, national):
        """The bound fields of the national (or the technical) competencies, in order."""
        return [
            self[standard_field_name(competency)]
            for competency in self.competencies
            if competency.is_national == national
        ]

    @property
    def national_fields(self):
        return self.fields_of(True)

    @property
    def technical_fields(self):
        return self.fields_of(False)

    def levels(self):
        """{competency: standard level or None}, from the cleaned data."""
        return {
            competency: self.cleaned_data.get(standard_field_name(competency))
            for competency in self.competencies
        }
