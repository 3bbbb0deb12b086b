"""The retention of citizens' personal data: the purge_survey_personal_data command."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from surveys.models import SurveyAnswer, SurveyResponse
from surveys.skm import abuse, submission
from surveys.tasks import purge_survey_personal_data
from surveys.tests import skm_helpers as h


def _response(link, *, days_ago, suggestion="Pelayanan ramah", status=None):
    response = submission.response_submit(
        token=link.token,
        template=h.questionnaire(link),
        answers=h.answers(3),
        profile={"age_band": "40-49", "sex": "f", "education": "s1", "occupation": "asn"},
        suggestion=suggestion,
        nonce=h.nonce(link),
        fill_seconds=40,
        ip_hash=abuse.ip_hash("198.51.100.30"),
        today=timezone.localdate(),
    )
    changes = {"submitted_at": timezone.now() - timedelta(days=days_ago)}
    if status:
        changes.update(suggestion_status=status, hr_response="Terima kasih, sudah kami tindak lanjuti.")
    SurveyResponse.objects.filter(pk=response.pk).update(**changes)
    return response


def _purge(*args):
    out = StringIO()
    call_command("purge_survey_personal_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def link(org):
    return h.survey_link(org, officer=org.staff_a)


def test_it_blanks_the_personal_data_of_responses_past_the_retention_and_keeps_the_answers(link, settings):
    settings.SKM_PERSONAL_DATA_DAYS = 365
    old = _response(link, days_ago=400, status="handled")
    old_without_suggestion = _response(link, days_ago=366, suggestion="")
    recent = _response(link, days_ago=364)

    assert "Removed the personal data of 2 survey responses" in _purge()

    for response in (old, old_without_suggestion):
        response.refresh_from_db()
        assert (response.age_band, response.sex, response.education, response.occupation) == ("", "", "", "")
        assert (response.suggestion, response.ip_hash, response.personal_data_purged) == ("", "", True)
        assert response.answers.count() == 9
    assert (old.suggestion_status, old.hr_response) == ("handled", "Terima kasih, sudah kami tindak lanjuti.")
    recent.refresh_from_db()
    assert (recent.sex, recent.suggestion, recent.personal_data_purged) == ("f", "Pelayanan ramah", False)
    assert recent.ip_hash
    assert SurveyAnswer.objects.count() == 27


def test_it_can_run_again_without_changing_anything(link):
    _response(link, days_ago=500)
    assert "of 1 survey" in _purge()
    assert "of 0 survey" in _purge()
    assert SurveyResponse.objects.filter(personal_data_purged=True).count() == 1


def test_it_takes_the_retention_from_the_option_or_the_setting(link, settings):
    settings.SKM_PERSONAL_DATA_DAYS = 30
    _response(link, days_ago=10)
    _response(link, days_ago=40)
    assert "of 1 survey" in _purge()
    assert "of 1 survey" in _purge("--days", "5")
    assert SurveyResponse.objects.filter(personal_data_purged=False).count() == 0


def test_it_purges_in_one_update(link, django_assert_num_queries):
    _response(link, days_ago=400)
    _response(link, days_ago=401)
    with django_assert_num_queries(1):
        _purge()


def test_it_refuses_a_negative_retention(link):
    _response(link, days_ago=400)
    with pytest.raises(CommandError):
        _purge("--days", "-1")
    assert SurveyResponse.objects.filter(personal_data_purged=True).count() == 0


def test_it_purges_every_day_from_the_beat_schedule(link, settings):
    old = _response(link, days_ago=400)
    entry = settings.CELERY_BEAT_SCHEDULE["purge-survey-personal-data"]

    assert entry["task"] == purge_survey_personal_data.name
    assert entry["schedule"] == timedelta(days=1)
    assert purge_survey_personal_data.apply().get() == 1
    assert SurveyResponse.objects.get(pk=old.pk).personal_data_purged
