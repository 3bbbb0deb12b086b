"""Form pages of every app: GET shows the form, a valid POST calls the service and redirects, and the
service's refusal (a ValidationError) shows on the form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from accounts.access import administered_agencies


def apply_validation_error(form, error):
    """Shows a service's ValidationError on the form fields it names, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_page(request, form, *, save, success, done, template, context=None):
    """save(cleaned_data) calls the service. success is the message shown and done is where to go next
    (a URL or URL name); either may instead be a function of what save returned."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, success(saved) if callable(success) else success)
            return redirect(done(saved) if callable(done) else done)
    return render(request, template, {"form": form, **(context or {})})


def agency_form_page(
    request, *, form_class, template, save, success, done, agencies=None, initial=None, obj=None
):
    """A form page whose form chooses among agencies: by default those the user administers."""
    if agencies is None:
        agencies = administered_agencies(request.user)
    form = form_class(request.POST or None, agencies=agencies, initial=initial)
    return form_page(
        request, form, save=save, success=success, done=done, template=template, context={"object": obj}
    )
