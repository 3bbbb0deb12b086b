"""The public SKM form's URLs in the URL × role table (see accounts/tests/test_url_roles.py): the
same page for everyone, signed in or not."""

from accounts.tests.roles import EVERYONE
from surveys.skm import abuse
from surveys.tests import skm_helpers


def _link(org):
    abuse.post_rate_reset("127.0.0.1")  # the test client's address: earlier runs' posts do not count
    return {"token": skm_helpers.survey_link(org, officer=org.staff_a).token}


TABLE = {
    # An empty post gets the form back with the request to send it again: 200.
    "skm:form": (_link, EVERYONE, "same"),
    "skm:thanks": (_link, EVERYONE, 405),
}
