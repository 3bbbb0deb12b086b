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


def file_error(message):
    """The refusal of a whole file, for one reason."""
    return ImportRejected([RowError(None, "", message)])


class RowErrors:
    """Collects row errors, named by the headers as the file writes them, in the file's order."""

    def __init__(self, table):
        self.headers = table.headers
        self.order = {title: index for index, title in enumerate(table.headers.values())}
        self.items = []

    def add(self, row, column, message):
        self.items.append(RowError(row, self.headers.get(column, column), message))

    def add_repeats(self, rows, column, message, *, value, scope=None):
        """Marks every row that shares its value (within its scope) with another row.

        value(row) is the value shown in the message, or empty for a row not to compare; scope(row),
        when given, limits the comparison to rows of the same scope. The message gets the value and
        the numbers of the other rows.
        """
        numbers = {}
        for row in rows:
            if shown := value(row):
                numbers.setdefault((scope(row) if scope else None, shown), []).append(row.number)
        for (_scope, shown), found in numbers.items():
            if len(found) == 1:
                continue
            for number in found:
                others = ", ".join(str(n) for n in found if n != number)
                self.add(number, column, message % {"value": shown, "rows": others})

    def raise_any(self):
        if self.items:
            raise ImportRejected(
                sorted(self.items, key=lambda error: (error.row, self.order.get(error.column, 0)))
            )
