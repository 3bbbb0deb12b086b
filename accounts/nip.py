"""NIP (PNS) and NI PPPK rules: pure functions, no database.

PNS NIP, 18 digits: YYYYMMDD birth date, YYYYMM start of CPNS appointment, sex digit (1 male,
2 female), three-digit serial from 001. The NI PPPK keeps the birth date, sex digit and serial, but
digits 9–14 are a year followed by two digits that are not a month, so it has its own rule.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

PNS = "pns"
PPPK = "pppk"
EARLIEST_BIRTH_YEAR = 1900
PPPK_FIRST_YEAR = 2019


class NipError(ValueError):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class NipInfo:
    birth_date: date
    appointment_year: int
    appointment_month: int | None
    sex: str
    serial: int


def _birth_date(digits):
    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise NipError(_("Digits 1–8 are not a real birth date (YYYYMMDD).")) from None
    if born.year < EARLIEST_BIRTH_YEAR:
        raise NipError(_("The birth year in digits 1–4 is not plausible."))
    return born


def _common(value, today):
    if not isinstance(value, str) or not value.strip():
        raise NipError(_("The number is empty."))
    digits = value.strip()
    if not (digits.isascii() and digits.isdigit()):
        raise NipError(_("The number may contain digits only."))
    if len(digits) != 18:
        raise NipError(
            _("The number must have exactly 18 digits (it has %(count)d).") % {"count": len(digits)}
        )
    born = _birth_date(digits)
    if born > today:
        raise NipError(_("The birth date in digits 1–8 lies in the future."))
    sex_digit = digits[14]
    if sex_digit not in "12":
        raise NipError(_("Digit 15 must be 1 (male) or 2 (female)."))
    serial = int(digits[15:18])
    if serial < 1:
        raise NipError(_("The serial number in digits 16–18 must start at 001."))
    return digits, born, "M" if sex_digit == "1" else "F", serial


def parse_pns_nip(value, *, today=None):
    """Checks a PNS NIP and returns what it encodes; raises NipError with a readable message."""
    today = today or date.today()
    digits, born, sex, serial = _common(value, today)
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        raise NipError(_("Digits 13–14 must be the appointment month (01–12)."))
    if (year, month) <= (born.year, born.month):
        raise NipError(_("The appointment date (digits 9–14) must come after the birth date."))
    if year > today.year + 1:
        raise NipError(_("The appointment year in digits 9–12 lies in the future."))
    return NipInfo(born, year, month, sex, serial)


def parse_pppk_ni(value, *, today=None):
    """Checks a NI PPPK (digits 13–14 are not a month) and returns what it encodes."""
    today = today or date.today()
    digits, born, sex, serial = _common(value, today)
    year = int(digits[8:12])
    if not PPPK_FIRST_YEAR <= year <= today.year + 1:
        raise NipError(
            _("Digits 9–12 must be the PPPK appointment year (%(first)d–%(last)d).")
            % {"first": PPPK_FIRST_YEAR, "last": today.year + 1}
        )
    if year <= born.year:
        raise NipError(_("The appointment year (digits 9–12) must come after the birth year."))
    return NipInfo(born, year, None, sex, serial)


def parse_number(value, asn_kind, *, today=None):
    """Checks a staff number by the rule of its ASN kind."""
    if asn_kind == PPPK:
        return parse_pppk_ni(value, today=today)
    return parse_pns_nip(value, today=today)
