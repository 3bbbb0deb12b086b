"""Forms of the SKM setup screens: the questionnaire editor, a new link and a link's end date."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.db.models import TextChoices
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Staff
from surveys.ikm import ELEMENTS
from surveys.skm.questionnaires import (
    CODE_MAX,
    COUNTER_MAX,
    LABEL_MAX,
    MAX_ELEMENTS,
    NAME_MAX,
    STANDARD,
    WEIGHT_PLACES,
)

MAX_EXTRAS = MAX_ELEMENTS - len(ELEMENTS)
BLANK_EXTRAS = 2
_NUMBER = re.compile(r"^\d+([.,]\d+)?$")


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class WeightsAs(TextChoices):
    PERCENT = "percent", _("Percentages (summing to 100)")
    DECIMAL = "decimal", _("Decimals (summing to 1)")


class WeightField(forms.Field):
    """A weight typed as 11.11, 11,11 or 11.11%: the number as an exact Decimal (None when empty)."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "maxlength": "20"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = "".join(str(value or "").split()).rstrip("%")
        if not text:
            return None
        if len(text) > 20 or not _NUMBER.match(text):
            raise forms.ValidationError(_("Enter a number, e.g. 11.11."), code="invalid")
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise forms.ValidationError(_("Enter a number, e.g. 11.11."), code="invalid") from None


def _percent_text(weight):
    return f"{(Decimal(weight) * 100).normalize():f}"


def _weight_of(value, weights_as):
    """The weight as a fraction of 1 from what was typed."""
    return value / 100 if weights_as == WeightsAs.PERCENT else value


class QuestionnaireForm(forms.Form):
    """The nine standard elements' weights and the optional parts of the questionnaire."""

    weights_as = forms.ChoiceField(
        label=_("Weights are given as"),
        choices=WeightsAs.choices,
        initial=WeightsAs.PERCENT,
        widget=forms.RadioSelect,
    )
    ask_profile = forms.BooleanField(
        label=_("Ask the respondent's profile"),
        required=False,
        help_text=_("Age band, sex, education and occupation; every question optional."),
    )
    ask_suggestion = forms.BooleanField(label=_("Ask for a suggestion (open text)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for element in ELEMENTS:
            self.fields[f"weight_{element.code}"] = WeightField(label=f"{element.code} · {element.name}")

    def standard_weight_fields(self):
        return [(element, self[f"weight_{element.code}"]) for element in ELEMENTS]


class ExtraElementForm(forms.Form):
    """An element the agency adds: its code, question and the labels of answers 1–4."""

    code = forms.CharField(label=_("Code"), max_length=CODE_MAX, help_text=_("E.g. U10."))
    name = forms.CharField(label=_("Element"), max_length=NAME_MAX)
    label_1 = forms.CharField(label=_("Answer 1 (worst)"), max_length=LABEL_MAX)
    label_2 = forms.CharField(label=_("Answer 2"), max_length=LABEL_MAX)
    label_3 = forms.CharField(label=_("Answer 3"), max_length=LABEL_MAX)
    label_4 = forms.CharField(label=_("Answer 4 (best)"), max_length=LABEL_MAX)
    weight = WeightField(label=_("Weight"))

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if code in STANDARD:
            raise forms.ValidationError(_("U1–U9 are the standard elements: choose another code."))
        return code


class BaseExtraElementFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Remove this element")

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.kept_forms():
            code = form.cleaned_data["code"]
            if code in seen:
                form.add_error("code", gettext("Every element needs a code of its own."))
            seen.add(code)

    def kept_forms(self):
        """The elements kept: the existing ones not marked for removal and the blank rows filled in."""
        initial = self.initial_form_count()
        return [
            form
            for index, form in enumerate(self.forms)
            if (index < initial or form.has_changed())
            and form.cleaned_data
            and not form.cleaned_data.get("DELETE")
        ]


ExtraElementFormSet = forms.formset_factory(
    ExtraElementForm,
    formset=BaseExtraElementFormSet,
    extra=BLANK_EXTRAS,
    can_delete=True,
    max_num=MAX_EXTRAS,
    validate_max=True,
    absolute_max=MAX_EXTRAS + BLANK_EXTRAS,
)


class QuestionnaireEditor:
    """The questionnaire form and the formset of extra elements, checked together: either every
    weight is empty (equal weights) or every weight is given and they sum to exactly 1 (100%)."""

    prefix = "extra"

    def __init__(self, data=None, *, template=None, elements=()):
        elements = list(elements)
        weighted = any(element.weight is not None for element in elements)
        initial = {
            "weights_as": WeightsAs.PERCENT,
            "ask_profile": template.ask_profile if template else True,
            "ask_suggestion": template.ask_suggestion if template else True,
        }
        extras = []
        for element in elements:
            weight = _percent_text(element.weight) if weighted else ""
            if element.code in STANDARD:
                initial[f"weight_{element.code}"] = weight
            else:
                labels = dict(zip(("label_1", "label_2", "label_3", "label_4"), element.labels, strict=True))
                extras.append({"code": element.code, "name": element.name, "weight": weight, **labels})
        self.form = QuestionnaireForm(data, initial=initial)
        self.extras = ExtraElementFormSet(data, initial=extras, prefix=self.prefix)
        self.extras.extra = max(0, min(BLANK_EXTRAS, MAX_EXTRAS - len(extras)))

    def is_valid(self):
        valid = self.form.is_valid() & self.extras.is_valid()
        return valid and self._weights_valid()

    def _weighted_fields(self):
        rows = [(self.form, f"weight_{element.code}") for element in ELEMENTS]
        return rows + [(form, "weight") for form in self.extras.kept_forms()]

    def _weights_valid(self):
        weights_as = self.form.cleaned_data["weights_as"]
        fields = self._weighted_fields()
        given = [form.cleaned_data.get(name) for form, name in fields]
        if all(value is None for value in given):
            return True
        places = WEIGHT_PLACES - 2 if weights_as == WeightsAs.PERCENT else WEIGHT_PLACES
        whole = Decimal(100) if weights_as == WeightsAs.PERCENT else Decimal(1)
        for (form, name), value in zip(fields, given, strict=True):
            if value is None:
                form.add_error(name, gettext("Give every element a weight, or leave them all empty."))
            elif value <= 0 or value > whole:
                message = gettext("A weight must be above 0 and at most %(max)s.") % {"max": whole}
                form.add_error(name, message)
            elif -value.as_tuple().exponent > places:
                form.add_error(name, gettext("At most %(places)d decimals.") % {"places": places})
        if not self.form.is_valid() or any(form.errors for form in self.extras.kept_forms()):
            return False
        total = sum(given)
        if total != whole:
            if weights_as == WeightsAs.PERCENT:
                message = gettext("The weights must sum to exactly 100%%; they now sum to %(total)s%%.")
            else:
                message = gettext("The weights must sum to exactly 1; they now sum to %(total)s.")
            self.form.add_error(None, message % {"total": f"{total.normalize():f}"})
            return False
        return True

    def elements(self):
        """The questionnaire's elements for questionnaire_publish: the nine standard ones, then the
        extra ones, each weight a fraction of 1 (None everywhere for equal weights)."""
        weights_as = self.form.cleaned_data["weights_as"]

        def weight(value):
            return None if value is None else _weight_of(value, weights_as)

        rows = [
            {"code": element.code, "weight": weight(self.form.cleaned_data[f"weight_{element.code}"])}
            for element in ELEMENTS
        ]
        for form in self.extras.kept_forms():
            data = form.cleaned_data
            labels = [data["label_1"], data["label_2"], data["label_3"], data["label_4"]]
            rows.append(
                {
                    "code": data["code"],
                    "name": data["name"],
                    "labels": labels,
                    "weight": weight(data["weight"]),
                }
            )
        return rows


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} · {obj.nip}"


class LinkForm(forms.Form):
    counter = forms.CharField(
        label=_("Counter"),
        required=False,
        max_length=COUNTER_MAX,
        help_text=_("For example Loket 2. Leave empty for a link of the whole service."),
    )
    officer = OfficerChoiceField(
        queryset=Staff.objects.none(),
        label=_("Officer"),
        required=False,
        empty_label=_("No officer"),
        help_text=_("Citizens may then rate this officer's competence and courtesy (U6, U7)."),
    )
    ends_on = forms.DateField(
        label=_("Open until"),
        required=False,
        widget=_date_input(),
        help_text=_("The last day the link takes answers. Leave empty to keep it open."),
    )

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        officers = Staff.objects.filter(agency_id=service.agency_id).active()
        self.fields["officer"].queryset = officers.order_by("name", "pk")


class LinkEndForm(forms.Form):
    ends_on = forms.DateField(
        label=_("Open until"),
        required=False,
        widget=_date_input(),
        help_text=_("The last day the link takes answers. Leave empty to keep it open."),
    )
