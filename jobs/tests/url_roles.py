"""The job list URLs in the URL × role table (see accounts/tests/test_url_roles.py)."""

from accounts.tests.roles import HR_ONLY, ROLES

# HR and the super admin queue a job and are sent back to the list.
HR_QUEUES = {**HR_ONLY, "hr": 302, "other_hr": 302, "superadmin": 302}

TABLE = {
    "jobs:job_list": (None, HR_ONLY, 405),
    "jobs:job_start": (
        lambda org: {"name": "purge-survey-personal-data"},
        dict.fromkeys(ROLES, 405),
        HR_QUEUES,
    ),
}
