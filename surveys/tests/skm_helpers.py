"""Test data for the public SKM form: links, signed form nonces and filled-in answers."""

import secrets
import time

from surveys.ikm import ELEMENTS
from surveys.public_forms import answer_field
from surveys.skm import abuse
from surveys.skm.questionnaires import current_questionnaire, link_create
from surveys.tests import factories

CODES = tuple(element.code for element in ELEMENTS)


def unique_address() -> str:
    """A random private address with nothing counted against it, so tests never share a post limit."""
    address = "10.{}.{}.{}".format(*(secrets.randbelow(256) for _ in range(3)))
    abuse.post_rate_reset(address)
    return address


def survey_link(org, *, officer=None, **kw):
    service = factories.service(unit_obj=org.bidang_a)
    return link_create(service=service, by=org.hr, officer=officer, **kw)


def questionnaire(link):
    return current_questionnaire(link.service)


def nonce(link, *, seconds_ago=30, template=None, token=None):
    """A genuine form nonce as the GET would issue it, shown `seconds_ago` seconds ago."""
    template = template or questionnaire(link)
    return abuse.nonce_issue(
        token=token or link.token, template_id=template.pk, issued_at=time.time() - seconds_ago
    )


def answers(value=3, codes=CODES) -> dict:
    return dict.fromkeys(codes, value)


def form_data(link, *, value=3, seconds_ago=30, **extra) -> dict:
    """What the browser posts for a form filled in with `value` everywhere."""
    data = {answer_field(code): str(value) for code in CODES}
    data["nonce"] = nonce(link, seconds_ago=seconds_ago)
    data["website"] = ""
    data.update(extra)
    return data
