"""Example files: the columns of an import and two example rows, as .csv or .xlsx."""

import csv
import io

import openpyxl
from openpyxl.utils import get_column_letter

from accounts.imports.columns import COLUMNS


def columns_example_file(columns, fmt):
    """A .csv or .xlsx file with these columns and the two example rows they give."""
    header = [column.name for column in columns]
    rows = [[column.examples[i] for column in columns] for i in (0, 1)]
    return _example_csv(header, rows) if fmt == "csv" else _example_xlsx(header, rows)


def example_file(kind, fmt):
    """A .csv or .xlsx file with the columns of this kind of staff import and two example rows."""
    return columns_example_file(COLUMNS[kind], fmt)


def _example_csv(header, rows):
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    # The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def _example_xlsx(header, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for index, title in enumerate(header, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, len(title) + 4)
        if title.startswith("nip"):
            # Text format keeps the 18 digits exact when more rows are typed in.
            sheet.column_dimensions[letter].number_format = "@"
            for cell in sheet[letter]:
                cell.number_format = "@"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
