"""Tables as people keep them in a Word document (.docx), an Excel workbook (.xlsx) or a
.csv file, read into rows of cells: what the tracker reader (`interchange/tracker_file.py`)
and the register reader (`interchange/register_file.py`) both read from.

Pure reading: each table comes with the number the secretary sees for each row ("row
12" of a sheet, "table 2, row 3" of a document). A document's tables are one group (a
table a page continues the one before); each visible sheet of a workbook is its own. A
vertically merged cell is blank below its first row; a horizontally merged one is its
text then blanks. A .csv is read as UTF-8, UTF-16 or Windows-1252, its delimiter the one
with which the caller finds a heading row.

The file is read by the careful-file rules of `interchange/reading.py` (a regular file,
at most the caller's size), and a .docx or .xlsx (a zip of XML parts) is refused if its
parts would unpack to more than `MAX_UNPACKED_BYTES`.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Generic, TypeVar

from minutebook.domain.committee import Person, name_key
from minutebook.interchange.reading import FileError, read_bytes

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""What the parts of a .docx or .xlsx may unpack to: far above any real tracker or
register, and a zip made to unpack to gigabytes is refused before it is opened."""

MAX_ROWS = 20_000
"""Rows read from a file: ten years of a busy committee's actions are a few thousand."""

MAX_COLUMNS = 60

KINDS = (".docx", ".xlsx", ".csv")

HEADING_SEARCH = 30
"""How far down a table or sheet the heading row is looked for (below title rows,
seed 003's key, a logo)."""

NEW_PERSON = "_new_person_"
"""The person id of a row whose person (an action's owner, an interest's member) is
someone new, until they are added; no person has this id, so it can never be stored as
it is."""

Value = str | int | float | date | datetime | None
H = TypeVar("H")
K = TypeVar("K")


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be read: its place as the secretary sees it, and why."""

    place: str
    reason: str

    def __str__(self) -> str:
        return f"{self.place}: {self.reason}"


@dataclass
class Table:
    """A table of a document, a sheet of a workbook, or a .csv file: its rows of cells
    with the number the secretary sees for each."""

    label: str
    """What names it in a place: "table 2, ", "sheet 'Closed', ", or ""."""
    rows: list[tuple[int, list[Value]]]
    width: int
    group: int
    """Tables of one group continue each other (a document's tables); a workbook's
    sheets are each their own."""
    serial_dates: bool = False
    """Numbers in date columns are Excel's day numbers (a sheet's cells)."""


@dataclass
class Row(Generic[K]):
    """A row below a heading row: its place as the secretary sees it ("table 2, row 3")
    and its cells by the column their heading names."""

    place: str
    cells: dict[K, Value]
    serial_dates: bool
    """Numbers in date columns are Excel's day numbers (`Table.serial_dates`)."""

    def text(self, column: K) -> str:
        return text_of(self.cells.get(column))


def text_of(value: Value) -> str:
    """A cell as text: a date as dd/mm/yyyy, a whole number without ".0", line ends as
    "\\n", spaces around trimmed."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def heading_key(text: str) -> str:
    """A heading as compared: "Action No." is "action no", "Past deadlines (Since
    Revised)" is "past deadlines", "Decision / Action" is "decision action"."""
    text = re.sub(r"\([^)]*\)", " ", text.casefold()).replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9#]+", " ", text).split())


def cell_date(value: Value, serial_dates: bool) -> date | None:
    """The date a cell holds as a date: an Excel date cell, or (`serial_dates`) one of
    Excel's day numbers, a date cell not formatted as a date. None for anything else
    (text, read by the caller's rules), a year alone (2023 is not 15/07/1905) too."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if serial_dates and isinstance(value, int | float) and 9999 < value < 2958466:
        return date(1899, 12, 30) + timedelta(days=int(value))
    return None


def unheaded_note(table: Table) -> str | None:
    """The note for a table with no heading row, unless it is empty."""
    if not any(text_of(v) for _, cells in table.rows for v in cells):
        return None
    said = f"{table.label}not read: no heading row"
    return said[0].upper() + said[1:]


def find_heading(
    table: Table, heading_of: Callable[[list[Value]], H | None]
) -> tuple[int, H] | None:
    """The heading row of a table (its position in `rows`) within its first
    `HEADING_SEARCH` rows, as `heading_of` reads a row of headings."""
    for position, (_, cells) in enumerate(table.rows[:HEADING_SEARCH]):
        heading = heading_of(cells)
        if heading is not None:
            return position, heading
    return None


def new_names(people: Iterable[Person | None]) -> tuple[str, ...]:
    """The names of the new people a file names, once each, in the order met."""
    found: dict[str, str] = {}
    for person in people:
        if person is not None:
            found.setdefault(name_key(person.name), person.display_name)
    return tuple(found.values())


def read_tables(
    path: Path,
    source: str,
    *,
    max_bytes: int,
    what: str,
    has_heading: Callable[[Table], bool],
    max_unpacked: int = MAX_UNPACKED_BYTES,
) -> list[Table]:
    """The tables of the file at `path` (`source` names it in messages; `what` is "a
    tracker" or "a register"). `has_heading` tells a .csv's delimiter. Raises FileError
    when the file is not a .docx, .xlsx or .csv that can be read."""
    kind = path.suffix.lower()
    if kind not in KINDS:
        hint = {".xls": " (save it from Excel as .xlsx)", ".doc": " (save it from Word as .docx)"}
        raise FileError(source, [f"is not a .docx, .xlsx or .csv file{hint.get(kind, '')}"])
    data = read_bytes(path, source, max_bytes, f"a .docx, .xlsx or .csv {what.split()[-1]}")
    if kind == ".docx":
        return _docx_tables(data, source, what, max_unpacked)
    if kind == ".xlsx":
        return _xlsx_tables(data, source, what, max_unpacked)
    return _csv_tables(data, source, what, has_heading)


def _too_big(source: str, what: str) -> FileError:
    return FileError(source, [f"has more than {MAX_ROWS:,} rows; {what} is shorter"])


def _check_zip(data: bytes, source: str, kind: str, what: str, max_unpacked: int) -> None:
    """A .docx or .xlsx is a zip: refuse one that is not, or would unpack to too much."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    # A damaged zip raises more than BadZipFile: a garbled header can ask for a zip
    # version or a method zipfile does not implement (NotImplementedError), or give
    # lengths it cannot unpack (ValueError, struct.error, EOFError).
    except (zipfile.BadZipFile, NotImplementedError, ValueError, struct.error, EOFError):
        hint = {
            ".docx": "a Word document saved as .docx (an old .doc, or a protected one, "
            "cannot be read)",
            ".xlsx": "an Excel workbook saved as .xlsx (an old .xls, or a password-protected "
            "one, cannot be read)",
        }[kind]
        raise FileError(source, [f"is not {hint}"]) from None
    if len(parts) > 10_000 or sum(p.file_size for p in parts) > max_unpacked:
        raise FileError(source, [f"unpacks to more than {what} could hold; it is not read"])


def _docx_tables(data: bytes, source: str, what: str, max_unpacked: int) -> list[Table]:
    import docx
    from docx.table import _Cell

    _check_zip(data, source, ".docx", what, max_unpacked)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged file
        raise FileError(source, [f"is not a Word document that can be read ({error})"]) from None
    tables: list[Table] = []
    count = 0
    try:
        for number, table in enumerate(document.tables, 1):
            rows: list[tuple[int, list[Value]]] = []
            for index, row in enumerate(table.rows, 1):
                count += 1
                if count > MAX_ROWS:
                    raise _too_big(source, what)
                cells: list[Value] = [None] * min(getattr(row, "grid_cols_before", 0), MAX_COLUMNS)
                for tc in row._tr.tc_lst:
                    span = min(tc.grid_span, MAX_COLUMNS)
                    # The rest of a vertically merged cell is blank here: the rows below
                    # take what they leave blank from the row above (the readers say how).
                    text = None if tc.vMerge == "continue" else _Cell(tc, table).text
                    cells.extend([text, *([None] * (span - 1))])
                    if len(cells) >= MAX_COLUMNS:
                        break
                rows.append((index, cells[:MAX_COLUMNS]))
            width = min(len(table.columns), MAX_COLUMNS)
            tables.append(Table(f"table {number}, ", rows, width, group=0))
    except FileError:
        raise
    except Exception as error:  # a damaged table: python-docx raises many kinds
        raise FileError(source, [f"is not a Word document that can be read ({error})"]) from None
    return tables


def _xlsx_tables(data: bytes, source: str, what: str, max_unpacked: int) -> list[Table]:
    import openpyxl

    _check_zip(data, source, ".xlsx", what, max_unpacked)
    try:
        with warnings.catch_warnings():
            # openpyxl warns of parts it does not read (data validation, slicers).
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise FileError(source, [f"is not an Excel workbook that can be read ({error})"]) from None
    tables: list[Table] = []
    count = 0
    try:
        sheets = [s for s in book.worksheets if getattr(s, "sheet_state", "visible") == "visible"]
        for group, sheet in enumerate(sheets, 1):
            label = f"sheet {sheet.title!r}, " if len(sheets) > 1 else ""
            rows: list[tuple[int, list[Value]]] = []
            width = 0
            for index, values in enumerate(
                sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), 1
            ):
                if all(v is None for v in values):
                    continue  # an empty row (a sheet is a million of them)
                count += 1
                if count > MAX_ROWS:
                    raise _too_big(source, what)
                cells = [_cell_value(v) for v in values]
                width = max(width, len(cells))
                rows.append((index, cells))
            tables.append(Table(label, rows, width, group=group, serial_dates=True))
    except FileError:
        raise
    except Exception as error:  # a damaged sheet: openpyxl reads it only now
        raise FileError(source, [f"is not an Excel workbook that can be read ({error})"]) from None
    finally:
        book.close()
    return tables


def _cell_value(value: Any) -> Value:
    if value is None or isinstance(value, str | int | float | date):
        return value  # datetime is a date
    return str(value)


def _csv_tables(
    data: bytes, source: str, what: str, has_heading: Callable[[Table], bool]
) -> list[Table]:
    text = _decoded(data, source)
    best: list[Table] | None = None
    for delimiter in (",", ";", "\t", "|"):
        try:
            rows = _csv_rows(text, delimiter, source, what)
        except csv.Error as error:
            if delimiter == ",":
                raise FileError(
                    source, [f"is not a .csv file that can be read ({error})"]
                ) from None
            continue
        table = Table("", rows, max((len(r) for _, r in rows), default=0), group=1)
        if has_heading(table):
            return [table]  # the delimiter with which a heading row is found
        best = best or [table]
    return best or []


def _csv_rows(text: str, delimiter: str, source: str, what: str) -> list[tuple[int, list[Value]]]:
    rows: list[tuple[int, list[Value]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for index, row in enumerate(reader, 1):
        if index > MAX_ROWS:
            raise _too_big(source, what)
        cells: list[Value] = list(row[:MAX_COLUMNS])
        rows.append((index, cells))
    return rows


def _decoded(data: bytes, source: str) -> str:
    """A .csv's text: UTF-8 (with or without the mark Excel puts first), UTF-16 (Excel's
    "Unicode text"), else Windows-1252 (Excel's "CSV" on a UK Windows computer)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileError(source, ["is not a text file (UTF-8 or Windows-1252 .csv expected)"])
