from datetime import date

import pytest
from django.utils import translation

from accounts.nip import PNS, PPPK, NipError, NipInfo, parse_number, parse_pns_nip, parse_pppk_ni

TODAY = date(2025, 6, 30)

EMPTY = "The number is empty."
DIGITS_ONLY = "The number may contain digits only."
BAD_BIRTH_DATE = "Digits 1–8 are not a real birth date (YYYYMMDD)."
OLD_BIRTH_YEAR = "The birth year in digits 1–4 is not plausible."
FUTURE_BIRTH = "The birth date in digits 1–8 lies in the future."
SEX_DIGIT = "Digit 15 must be 1 (male) or 2 (female)."
SERIAL = "The serial number in digits 16–18 must start at 001."
MONTH = "Digits 13–14 must be the appointment month (01–12)."
APPOINTED_BEFORE_BIRTH = "The appointment date (digits 9–14) must come after the birth date."
FUTURE_APPOINTMENT = "The appointment year in digits 9–12 lies in the future."
PPPK_YEAR = "Digits 9–12 must be the PPPK appointment year (2019–2026)."
PPPK_BEFORE_BIRTH = "The appointment year (digits 9–12) must come after the birth year."


def _length(count):
    return f"The number must have exactly 18 digits (it has {count})."


def _error(parse, value):
    with translation.override("en"), pytest.raises(NipError) as excinfo:
        parse(value, today=TODAY)
    return str(excinfo.value)


VALID_PNS = [
    pytest.param("198609262015051001", NipInfo(date(1986, 9, 26), 2015, 5, "M", 1), id="example-male"),
    pytest.param("198609262015052001", NipInfo(date(1986, 9, 26), 2015, 5, "F", 1), id="female"),
    pytest.param("198609262015051999", NipInfo(date(1986, 9, 26), 2015, 5, "M", 999), id="serial-999"),
    pytest.param("198802292010121001", NipInfo(date(1988, 2, 29), 2010, 12, "M", 1), id="leap-day-birth"),
    pytest.param("199012312016011007", NipInfo(date(1990, 12, 31), 2016, 1, "M", 7), id="new-year-eve"),
    pytest.param("190001011925011001", NipInfo(date(1900, 1, 1), 1925, 1, "M", 1), id="earliest-birth-year"),
    pytest.param("199001152026011001", NipInfo(date(1990, 1, 15), 2026, 1, "M", 1), id="appointed-next-year"),
    pytest.param("199005152015061001", NipInfo(date(1990, 5, 15), 2015, 6, "M", 1), id="june-appointment"),
    pytest.param(" 198609262015051001 ", NipInfo(date(1986, 9, 26), 2015, 5, "M", 1), id="outer-spaces"),
    pytest.param("200401012025061001", NipInfo(date(2004, 1, 1), 2025, 6, "M", 1), id="young-appointee"),
]

VALID_PPPK = [
    pytest.param("200012312024211001", NipInfo(date(2000, 12, 31), 2024, None, "M", 1), id="example-male"),
    pytest.param("199503152023212045", NipInfo(date(1995, 3, 15), 2023, None, "F", 45), id="female"),
    pytest.param(
        "200002292019001999", NipInfo(date(2000, 2, 29), 2019, None, "M", 999), id="leap-first-year"
    ),
    pytest.param("198001012026991001", NipInfo(date(1980, 1, 1), 2026, None, "M", 1), id="next-year-code-99"),
]

# Faults caught before the number is read as PNS or PPPK: the same message under both rules.
COMMON_FAULTS = [
    pytest.param("", EMPTY, id="empty"),
    pytest.param("   ", EMPTY, id="spaces-only"),
    pytest.param(None, EMPTY, id="none"),
    pytest.param("19860926201505100A", DIGITS_ONLY, id="letter-at-end"),
    pytest.param("NIP198609262015051", DIGITS_ONLY, id="letters-at-start"),
    pytest.param("19860926-201505-1-001", DIGITS_ONLY, id="hyphens-inside"),
    pytest.param("19860926 201505 1 001", DIGITS_ONLY, id="spaces-inside"),
    pytest.param("1986092620150510.1", DIGITS_ONLY, id="dot-inside"),
    pytest.param("１９８６０９２６２０１５０５１００１", DIGITS_ONLY, id="full-width-digits"),
    pytest.param("19860926²015051001", DIGITS_ONLY, id="superscript-digit"),
    pytest.param("19860926201505100", _length(17), id="17-digits"),
    pytest.param("1986092620150510011", _length(19), id="19-digits"),
    pytest.param("1986", _length(4), id="4-digits"),
    pytest.param("198613262015051001", BAD_BIRTH_DATE, id="birth-month-13"),
    pytest.param("198600262015051001", BAD_BIRTH_DATE, id="birth-month-00"),
    pytest.param("198609322015051001", BAD_BIRTH_DATE, id="birth-day-32"),
    pytest.param("198609002015051001", BAD_BIRTH_DATE, id="birth-day-00"),
    pytest.param("198609312015051001", BAD_BIRTH_DATE, id="september-31"),
    pytest.param("198702292015051001", BAD_BIRTH_DATE, id="feb-29-non-leap-1987"),
    pytest.param("190002292015051001", BAD_BIRTH_DATE, id="feb-29-non-leap-1900"),
    pytest.param("000000002015051001", BAD_BIRTH_DATE, id="birth-all-zero"),
    pytest.param("000009262015051001", BAD_BIRTH_DATE, id="birth-year-0000"),
    pytest.param("189912312015051001", OLD_BIRTH_YEAR, id="birth-1899"),
    pytest.param("100001012015051001", OLD_BIRTH_YEAR, id="birth-1000"),
    pytest.param("202507012045051001", FUTURE_BIRTH, id="birth-tomorrow"),
    pytest.param("209901012120011001", FUTURE_BIRTH, id="birth-2099"),
    pytest.param("198609262015050001", SEX_DIGIT, id="sex-digit-0"),
    pytest.param("198609262015053001", SEX_DIGIT, id="sex-digit-3"),
    pytest.param("198609262015059001", SEX_DIGIT, id="sex-digit-9"),
    pytest.param("198609262015051000", SERIAL, id="serial-000"),
]

PNS_FAULTS = [
    pytest.param("198609262015001001", MONTH, id="appointment-month-00"),
    pytest.param("198609262015131001", MONTH, id="appointment-month-13"),
    pytest.param("198609262015991001", MONTH, id="appointment-month-99"),
    pytest.param("200012312024211001", MONTH, id="valid-pppk-number-code-21"),
    pytest.param("198609261985051001", APPOINTED_BEFORE_BIRTH, id="appointed-year-before-birth"),
    pytest.param("198609261986081001", APPOINTED_BEFORE_BIRTH, id="appointed-month-before-birth"),
    pytest.param("198609261986091001", APPOINTED_BEFORE_BIRTH, id="appointed-in-birth-month"),
    pytest.param("199005011990051001", APPOINTED_BEFORE_BIRTH, id="appointed-on-birth-date"),
    pytest.param("198609260000051001", APPOINTED_BEFORE_BIRTH, id="appointment-year-0000"),
    pytest.param("198609262027011001", FUTURE_APPOINTMENT, id="appointed-two-years-ahead"),
    pytest.param("198609269999121001", FUTURE_APPOINTMENT, id="appointed-9999"),
]

PPPK_FAULTS = [
    pytest.param("198609262015051001", PPPK_YEAR, id="valid-pns-nip-of-2015"),
    pytest.param("199001012018211001", PPPK_YEAR, id="year-2018"),
    pytest.param("199001012027211001", PPPK_YEAR, id="year-two-ahead"),
    pytest.param("199001010000211001", PPPK_YEAR, id="year-0000"),
    pytest.param("202401012024211001", PPPK_BEFORE_BIRTH, id="appointed-in-birth-year"),
    pytest.param("202506012024211001", PPPK_BEFORE_BIRTH, id="appointed-before-birth-year"),
]


@pytest.mark.parametrize(("value", "expected"), VALID_PNS)
def test_it_reads_a_valid_pns_nip(value, expected):
    assert parse_pns_nip(value, today=TODAY) == expected
    assert parse_number(value, PNS, today=TODAY) == expected


@pytest.mark.parametrize(("value", "expected"), VALID_PPPK)
def test_it_reads_a_valid_pppk_number(value, expected):
    assert parse_pppk_ni(value, today=TODAY) == expected
    assert parse_number(value, PPPK, today=TODAY) == expected


@pytest.mark.parametrize(("value", "message"), COMMON_FAULTS)
@pytest.mark.parametrize("parse", [parse_pns_nip, parse_pppk_ni], ids=["pns", "pppk"])
def test_it_refuses_a_malformed_number_under_both_rules(parse, value, message):
    assert _error(parse, value) == message


@pytest.mark.parametrize(("value", "message"), PNS_FAULTS)
def test_it_refuses_a_bad_pns_nip_with_the_specific_reason(value, message):
    assert _error(parse_pns_nip, value) == message


@pytest.mark.parametrize(("value", "message"), PPPK_FAULTS)
def test_it_refuses_a_bad_pppk_number_with_the_specific_reason(value, message):
    assert _error(parse_pppk_ni, value) == message


def test_it_names_digits_13_14_when_a_pppk_number_is_checked_as_pns():
    message = _error(parse_pns_nip, "200012312024211001")
    assert "13–14" in message
    assert "month" in message


def test_it_names_the_pppk_year_range_when_a_pns_nip_is_checked_as_pppk():
    message = _error(parse_pppk_ni, "198609262015051001")
    assert "9–12" in message
    assert "2019–2026" in message


@pytest.mark.parametrize(
    ("value", "kind", "message"),
    [
        pytest.param("200012312024211001", PNS, MONTH, id="pppk-number-as-pns"),
        pytest.param("198609262015051001", PPPK, PPPK_YEAR, id="pns-nip-as-pppk"),
        pytest.param("198609262015051000", PNS, SERIAL, id="pns-serial"),
        pytest.param("200012312024211000", PPPK, SERIAL, id="pppk-serial"),
    ],
)
def test_it_checks_a_number_by_the_rule_of_its_asn_kind(value, kind, message):
    with translation.override("en"), pytest.raises(NipError) as excinfo:
        parse_number(value, kind, today=TODAY)
    assert str(excinfo.value) == message


def test_it_moves_the_future_limit_with_today():
    assert parse_pns_nip("198609262026011001", today=date(2025, 1, 1)).appointment_year == 2026
    assert _error(parse_pns_nip, "198609262027011001") == FUTURE_APPOINTMENT
    assert parse_pns_nip("198609262027011001", today=date(2026, 1, 1)).appointment_year == 2027
    assert parse_pppk_ni("199001012027211001", today=date(2026, 1, 1)).appointment_year == 2027


def test_it_accepts_a_birth_on_the_day_itself():
    assert parse_pppk_ni("202506302026211001", today=TODAY).birth_date == TODAY
    assert _error(parse_pppk_ni, "202507012026211001") == FUTURE_BIRTH


def test_it_uses_the_current_date_when_none_is_given():
    assert parse_pns_nip("198609262015051001").birth_date == date(1986, 9, 26)
    assert parse_pppk_ni("200012312024211001").appointment_year == 2024
