"""HR onboarding: work units and staff imported from a CSV or XLSX file.

Every row is checked before anything is written, and one bad row rejects the whole file. The
writes are bulk operations in one transaction, so the number of queries does not grow with the
number of rows. A column left out of the file leaves that field of existing rows unchanged.

reading (Column, read_table), errors (ImportRejected, RowErrors) and examples (columns_example_file)
serve any import of a .csv or .xlsx file, not only this one.
"""

from accounts.imports.columns import COLUMNS, STAFF_COLUMNS, STRUCTURE_COLUMNS
from accounts.imports.errors import ImportRejected
from accounts.imports.examples import example_file
from accounts.imports.writing import import_file

__all__ = ["COLUMNS", "STAFF_COLUMNS", "STRUCTURE_COLUMNS", "ImportRejected", "example_file", "import_file"]
