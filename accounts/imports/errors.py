"""How an import reports problems: per row and column, or for the whole file."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    """One problem: the row as numbered in the spreadsheet (None for the whole file) and column."""

    row: int | None
    column: str
    message: str


class ImportRejected(Exception):
    """The file was refused; nothing was stored."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} import error(s)")
        self.errors = errors

    @property
    def file_errors(self):
        return [error for error in self.errors if error.row is None]

    @property
    def row_errors(self):
        return [error for error in self.errors if error.row is not None]

    @property
    def rows_with_errors(self):
        return len({error.row for error in self.row_errors})


def _file_error(message):
    return ImportRejected([RowError(None, "", message)])


class _Errors:
    """Collects row errors, named by the headers as the file writes them, in the file's order."""

    def __init__(self, table):
        self.headers = table.headers
        self.order = {title: index for index, title in enumerate(table.headers.values())}
        self.items = []

    def add(self, row, column, message):
        self.items.append(RowError(row, self.headers.get(column, column), message))

    def raise_any(self):
        if self.items:
            raise ImportRejected(
                sorted(self.items, key=lambda error: (error.row, self.order.get(error.column, 0)))
            )
