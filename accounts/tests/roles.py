"""The roles of the URL × role table and the status patterns they share."""

ROLES = ("anonymous", "staff", "supervisor", "hr", "other_hr", "superadmin", "outsider")
LOGIN = "login"  # a redirect to the sign-in page

# Statuses for roles in ROLES order.
EVERYONE = dict.fromkeys(ROLES, 200)
SIGNED_IN = {**EVERYONE, "anonymous": LOGIN}
HR_ONLY = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 403,
    "hr": 200,
    "other_hr": 200,
    "superadmin": 200,
    "outsider": 403,
}
# An object of agency A that same-agency staff may read but only A's HR may change.
AGENCY_OBJECT_EDIT = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 403,
    "hr": 200,
    "other_hr": 404,
    "superadmin": 200,
    "outsider": 404,
}
