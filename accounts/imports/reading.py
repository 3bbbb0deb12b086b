"""Reading an uploaded .csv or .xlsx file into a table of rows keyed by column name.

Any import describes its columns with Column and reads the upload with read_table; a bad file is
refused as a whole with ImportRejected.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import PurePath

import openpyxl
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from accounts.imports.errors import file_error

MAX_ROWS = 50_000


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    help: str
    aliases: tuple[str, ...] = ()
    examples: tuple[str, str] = ("", "")

    @property
    def keys(self):
        return {_header_key(self.name), *(_header_key(alias) for alias in self.aliases)}


@dataclass
class Table:
    headers: dict[str, str]  # column name -> the header as written in the file
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)

    def has(self, column):
        return column in self.headers


def cell_text(value):
    """A cell as text; whole numbers lose the ".0" a spreadsheet may add."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header_key(title):
    return re.sub(r"[\s_.\-]+", "", title.lower())


def _map_header(cells, columns, other_columns):
    by_key = {key: column.name for column in columns for key in column.keys}
    headers, positions, unknown, repeated = {}, {}, [], []
    for index, cell in enumerate(cells):
        title = cell_text(cell)
        if not title:
            continue
        name = by_key.get(_header_key(title))
        if name is None:
            unknown.append(title)
        elif name in headers:
            repeated.append(title)
        else:
            headers[name], positions[index] = title, name
    missing = [column.name for column in columns if column.required and column.name not in headers]
    problems = []
    if missing:
        problems.append(_("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        problems.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    if repeated:
        problems.append(_("Columns given twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    if problems:
        if _fits(cells, other_columns):
            problems.append(_("The columns fit the other kind of file: check the choice of file kind."))
        else:
            problems.append(_("The accepted columns are listed on the import page."))
        raise file_error(" ".join(problems))
    return headers, positions


def _fits(cells, columns):
    keys = {key for column in columns for key in column.keys}
    titles = [_header_key(cell_text(cell)) for cell in cells if cell_text(cell)]
    return bool(titles) and all(title in keys for title in titles)


def _read_bytes(upload):
    limit = settings.IMPORT_MAX_BYTES
    too_big = file_error(
        _("The file is larger than %(limit)s. Split it into smaller files.")
        % {"limit": filesizeformat(limit)}
    )
    if upload.size is not None and upload.size > limit:
        raise too_big
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise too_big
    if not data.strip():
        raise file_error(_("The file is empty."))
    return data


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise file_error(_("The CSV file is neither UTF-8 nor Windows-1252 text.")) from None
    if "\x00" in text:
        raise file_error(_("The CSV file holds binary data (NUL characters). Save it again as CSV text."))
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise file_error(_("The CSV file is damaged: %(reason)s") % {"reason": exc}) from None


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
        raise file_error(unreadable) from None
    try:
        sheet = book.worksheets[0]
        # The stored size of a sheet is often wrong; reading without it sees every row.
        sheet.reset_dimensions()
        for row in sheet.iter_rows(values_only=True):
            yield tuple(_xlsx_cell(value) for value in row)
    except Exception:
        raise file_error(unreadable) from None
    finally:
        book.close()


def read_table(upload, columns, *, other_columns=()) -> Table:
    """Reads the first sheet of an .xlsx or a .csv file with these columns; raises ImportRejected.

    other_columns are those of another kind of file the user may pick by mistake: a header that
    fits them says so.
    """
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise file_error(_("Only .csv and .xlsx files can be imported (save older .xls workbooks as .xlsx)."))
    data = _read_bytes(upload)
    rows = _csv_rows(data) if suffix == ".csv" else _xlsx_rows(data)
    header = next(rows, None)
    if header is None:
        raise file_error(_("The file is empty."))
    if not any(cell_text(cell) for cell in header):
        raise file_error(_("The first row must hold the column names."))
    headers, positions = _map_header(header, columns, other_columns)
    table = Table(headers)
    for number, cells in enumerate(rows, start=2):
        values = {name: cells[index] if index < len(cells) else "" for index, name in positions.items()}
        if not any(cell_text(value) for value in values.values()):
            continue
        if len(table.rows) == MAX_ROWS:
            raise file_error(_("The file has more than %(max)d rows. Split it.") % {"max": MAX_ROWS})
        table.rows.append((number, values))
    if not table.rows:
        raise file_error(_("The file has a header row but no data rows."))
    return table
