"""Reading an uploaded .csv or .xlsx file into a table of rows keyed by column name."""

import csv
import io
from dataclasses import dataclass, field
from pathlib import PurePath

import openpyxl
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from accounts.imports.columns import _map_header, _text
from accounts.imports.errors import _file_error

MAX_ROWS = 50_000


@dataclass
class Table:
    headers: dict[str, str]  # column name -> the header as written in the file
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)

    def has(self, column):
        return column in self.headers


def _read_bytes(upload):
    limit = settings.IMPORT_MAX_BYTES
    too_big = _file_error(
        _("The file is larger than %(limit)s. Split it into smaller files.")
        % {"limit": filesizeformat(limit)}
    )
    if upload.size is not None and upload.size > limit:
        raise too_big
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise too_big
    if not data.strip():
        raise _file_error(_("The file is empty."))
    return data


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _file_error(_("The CSV file is neither UTF-8 nor Windows-1252 text.")) from None
    if "\x00" in text:
        raise _file_error(_("The CSV file holds binary data (NUL characters). Save it again as CSV text."))
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise _file_error(_("The CSV file is damaged: %(reason)s") % {"reason": exc}) from None


def _xlsx_cell(value):
    # Floats stay floats so that a NIP column can tell a number that lost its last digits.
    if isinstance(value, str):
        return value.strip()
    if value is None or isinstance(value, float):
        return value
    return str(value)


def _xlsx_rows(data):
    unreadable = _("The file could not be opened as an Excel workbook (.xlsx).")
    # A damaged workbook fails in many ways inside the zip and XML parsers; all mean the same here.
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise _file_error(unreadable) from None
    try:
        sheet = book.worksheets[0]
        # The stored size of a sheet is often wrong; reading without it sees every row.
        sheet.reset_dimensions()
        for row in sheet.iter_rows(values_only=True):
            yield tuple(_xlsx_cell(value) for value in row)
    except Exception:
        raise _file_error(unreadable) from None
    finally:
        book.close()


def read_table(upload, kind) -> Table:
    """Reads the first sheet of an .xlsx or a .csv file; raises ImportRejected for a bad file."""
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise _file_error(
            _("Only .csv and .xlsx files can be imported (save older .xls workbooks as .xlsx).")
        )
    data = _read_bytes(upload)
    rows = _csv_rows(data) if suffix == ".csv" else _xlsx_rows(data)
    header = next(rows, None)
    if header is None:
        raise _file_error(_("The file is empty."))
    if not any(_text(cell) for cell in header):
        raise _file_error(_("The first row must hold the column names."))
    headers, positions = _map_header(header, kind)
    table = Table(headers)
    for number, cells in enumerate(rows, start=2):
        values = {name: cells[index] if index < len(cells) else "" for index, name in positions.items()}
        if not any(_text(value) for value in values.values()):
            continue
        if len(table.rows) == MAX_ROWS:
            raise _file_error(_("The file has more than %(max)d rows. Split it.") % {"max": MAX_ROWS})
        table.rows.append((number, values))
    if not table.rows:
        raise _file_error(_("The file has a header row but no data rows."))
    return table
