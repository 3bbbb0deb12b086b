"""Forms of the SKP screens: validation of what was typed; the rules live in appraisal.services.skp."""

from decimal import Decimal

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from accounts.models import Staff
from appraisal.models import AgencyGoal, Aspect, CoreValue, Rhk, RhkKind, SkpApproach, SkpStatus

# Behaviour guides of the BerAKHLAK values (SE MenPANRB 20/2021), shown beside each expectation.
BEHAVIOUR_GUIDES = {
    CoreValue.SERVICE: _("Understands and meets public needs; friendly, quick, solution-oriented, reliable."),
    CoreValue.ACCOUNTABLE: _("Honest, responsible, careful, disciplined; uses state assets responsibly."),
    CoreValue.COMPETENT: _("Keeps learning; helps others learn; works to the best quality."),
    CoreValue.HARMONIOUS: _("Respects everyone; helps others; builds a good workplace."),
    CoreValue.LOYAL: _("Upholds Pancasila, UUD 1945, NKRI and lawful government; keeps official secrets."),
    CoreValue.ADAPTIVE: _("Adjusts quickly to change; innovates; proactive."),
    CoreValue.COLLABORATIVE: _(
        "Lets others contribute; open to cooperation; mobilises resources for shared goals."
    ),
}


def _textarea(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class SkpStartForm(forms.Form):
    approach = forms.ChoiceField(
        label=_("Approach"),
        choices=SkpApproach.choices,
        initial=SkpApproach.QUANTITATIVE,
        widget=forms.RadioSelect,
        help_text=_(
            "Quantitative: each indicator has a target value and unit for quantity, quality, time or cost. "
            "Qualitative: indicators and targets are written as text."
        ),
    )


class SupportedResultField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{Truncator(obj.text).chars(140)} — {obj.skp.staff.name}"


class RhkForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=RhkKind.choices, initial=RhkKind.MAIN, widget=forms.RadioSelect
    )
    text = forms.CharField(label=_("Work result (RHK)"), widget=_textarea())
    supports = SupportedResultField(
        queryset=Rhk.objects.none(),
        label=_("Supports this result of your supervisor"),
        required=False,
        blank=True,
        empty_label=_("Not linked yet"),
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("This result is not in your supervisor's plan.")},
        help_text=_(
            "Every main result must support a result of your supervisor before the plan is submitted."
        ),
    )
    goal = forms.ModelChoiceField(
        queryset=AgencyGoal.objects.none(),
        label=_("Agency goal it serves"),
        required=False,
        empty_label=_("Not linked yet"),
        error_messages={"invalid_choice": _("This goal is not in this year's agency plan.")},
    )

    def __init__(self, *args, supervised, rater_results, goals, **kwargs):
        """supervised: the owner has a supervisor, so results link to theirs; else to agency goals."""
        super().__init__(*args, **kwargs)
        if supervised:
            del self.fields["goal"]
            self.fields["supports"].queryset = rater_results
        else:
            del self.fields["supports"]
            self.fields["goal"].queryset = goals


class IndicatorForm(forms.Form):
    text = forms.CharField(label=_("Indicator (IKI)"), widget=_textarea(2))
    aspect = forms.ChoiceField(label=_("Aspect"), choices=[("", "---------"), *Aspect.choices])
    target_value = forms.DecimalField(
        label=_("Target value"),
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0.01"),
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0.01", "inputmode": "decimal"}),
    )
    target_unit = forms.CharField(
        label=_("Unit"), max_length=40, help_text=_("For example: documents, percent, days.")
    )
    target_text = forms.CharField(label=_("Target"), widget=_textarea(2))

    def __init__(self, *args, approach, **kwargs):
        super().__init__(*args, **kwargs)
        if approach == SkpApproach.QUANTITATIVE:
            del self.fields["target_text"]
        else:
            for name in ("aspect", "target_value", "target_unit"):
                del self.fields[name]


class AnnexForm(forms.Form):
    resource_support = forms.CharField(label=_("Resource support"), required=False, widget=_textarea())
    accountability_scheme = forms.CharField(
        label=_("Accountability scheme"), required=False, widget=_textarea()
    )
    consequences = forms.CharField(label=_("Consequences"), required=False, widget=_textarea())


class ExpectationsForm(forms.Form):
    """One text per BerAKHLAK value: the leader's specific expectation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in CoreValue.choices:
            self.fields[value] = forms.CharField(
                label=label, required=False, widget=_textarea(2), help_text=BEHAVIOUR_GUIDES[value]
            )


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("What should change"), widget=_textarea())


class RevisionForm(forms.Form):
    reason = forms.CharField(label=_("Why the approved plan must change"), widget=_textarea(2))


class OwnResultField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_kind_display()}: {Truncator(obj.text).chars(140)}"


class SubordinateField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        status = getattr(obj, "skp_status", None)
        if status is None:
            note = _("no plan yet: a draft will be started")
        elif status in (SkpStatus.SUBMITTED, SkpStatus.APPROVED):
            note = _("plan %(status)s: will be skipped") % {"status": SkpStatus(status).label.lower()}
        else:
            note = _("plan %(status)s") % {"status": SkpStatus(status).label.lower()}
        return f"{obj.full_name} — {obj.position.name} ({note})"


class HandDownForm(forms.Form):
    source_rhk = OwnResultField(
        queryset=Rhk.objects.none(),
        label=_("My result to hand down"),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    subordinates = SubordinateField(
        queryset=Staff.objects.none(), label=_("Direct reports"), widget=forms.CheckboxSelectMultiple
    )
    kind = forms.ChoiceField(
        label=_("Kind in their plans"),
        choices=RhkKind.choices,
        initial=RhkKind.MAIN,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Wording in their plans"),
        required=False,
        widget=_textarea(2),
        help_text=_("Leave empty to use the wording of your result."),
    )

    def __init__(self, *args, own_results, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_rhk"].queryset = own_results
        self.fields["subordinates"].queryset = team
