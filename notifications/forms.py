from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from notifications.models import EmailFrequency


class EmailPreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Reminders by e-mail"),
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_("Reminders always show in the bell at the top of every page."),
    )
    language = forms.ChoiceField(
        label=_("Language of reminders"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=_("Reminders in the bell and by e-mail are written in this language."),
    )
