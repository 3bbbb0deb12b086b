"""The cascade page in the URL × role table: every signed-in role reads its own view; GET only."""

from accounts.tests.roles import SIGNED_IN

TABLE = {
    "appraisal:cascade": (None, SIGNED_IN, 405),
}
