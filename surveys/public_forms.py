"""The citizen's SKM form, built from the questionnaire in use."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from surveys.ikm import OFFICER_ELEMENTS
from surveys.models import AgeBand, Education, Occupation, Sex

HONEYPOT = "website"
PROFILE_FIELDS = (
    ("age_band", _("Age"), AgeBand),
    ("sex", _("Sex"), Sex),
    ("education", _("Education"), Education),
    ("occupation", _("Occupation"), Occupation),
)


def answer_field(code: str) -> str:
    return f"q_{code}"


def honeypot_filled(data) -> bool:
    """Something was typed into the field people never see: a bot."""
    return bool(str(data.get(HONEYPOT, "")).strip())


class SurveyForm(forms.Form):
    """One radio group per element (answers 1–4, all required), the optional profile and
    suggestion as the questionnaire asks, the form nonce, and a honeypot people never see."""

    nonce = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        label=_("Website (leave empty)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, template, elements, officer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        self.questions = []
        for element in elements:
            name = answer_field(element.code)
            self.fields[name] = forms.TypedChoiceField(
                label=element.name,
                choices=list(enumerate(element.labels, start=1)),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please choose an answer.")},
            )
            about_officer = officer if element.code in OFFICER_ELEMENTS else None
            self.questions.append((element, name, about_officer))
        self.profile_names = []
        if template.ask_profile:
            for name, label, choices in PROFILE_FIELDS:
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=[("", _("Rather not say"))] + list(choices.choices),
                    required=False,
                )
                self.profile_names.append(name)
        if template.ask_suggestion:
            self.fields["suggestion"] = forms.CharField(
                label=_("Suggestions and feedback"),
                required=False,
                max_length=settings.SKM_SUGGESTION_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    @property
    def question_fields(self):
        """(element, bound field, officer named in the question or None) in the questionnaire's order."""
        return [(element, self[name], officer) for element, name, officer in self.questions]

    @property
    def profile_fields(self):
        return [self[name] for name in self.profile_names]

    @property
    def honeypot_filled(self) -> bool:
        return honeypot_filled(self.data)

    @property
    def suggestion_field(self):
        return self["suggestion"] if "suggestion" in self.fields else None

    @property
    def profile_has_errors(self) -> bool:
        return any(self[name].errors for name in self.profile_names)

    def answer_values(self) -> dict:
        return {element.code: self.cleaned_data[name] for element, name, _officer in self.questions}

    def profile_values(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in self.profile_names}

    def suggestion_text(self) -> str:
        return self.cleaned_data.get("suggestion", "")


def posted_values(data, template, elements) -> dict | None:
    """answers, profile and suggestion as the write service takes them, read straight from a post
    without building the form (the service checks every value as the form would); None when an
    answer is missing or not a number, so that the form shows what is wrong."""
    try:
        answers = {element.code: int(data[answer_field(element.code)]) for element in elements}
    except (KeyError, ValueError):
        return None
    names = [name for name, _label, _choices in PROFILE_FIELDS] if template.ask_profile else []
    return {
        "answers": answers,
        "profile": {name: data.get(name, "") for name in names},
        "suggestion": data.get("suggestion", "") if template.ask_suggestion else "",
    }
