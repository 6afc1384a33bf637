"""Where an export may be written, and writing it there without losing anything
(docs/files.md). The command line and the app both come here.

An export (a Word document, a terms-of-reference file) is written only to a new name or
over a regular file, and never over a database:

- the name must be a file name the system can hold (not empty, not ``.``, at most 255
  characters, not a reserved device name on Windows), in a folder that exists;
- an existing target must be a regular file: never a folder, a device (``/dev/null``), a
  FIFO or a socket, and never a symbolic link (whatever it points to: say the file
  itself);
- never an SQLite database (its first bytes say so), nor the database in use or one of
  its companion files (``-wal``, ``-shm``, ``-journal``, ``.lock``), whatever the name;
- an existing file is replaced only when the secretary said so (``--force``, "replace
  it"), and a name that did not exist is never replaced even if another export takes
  it meanwhile: the finished file is linked in under the new name, which fails if the
  name exists (a hard link; where the disk has none, the name is reserved first with an
  exclusive create).

The document is written to a temporary file beside the target (``.minutebook-….partial``,
a short unique name, so two exports never share it and a long target name does not make
it too long), flushed to the disk, and only then put in place: a failed export leaves
no half file, and an existing file is either the old one or the new one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

MAX_NAME = 255
"""The longest file name the common file systems hold (bytes on Linux and macOS, UTF-16
characters on Windows)."""

DATABASE_HEADERS = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
"""The first bytes of an SQLite database and of its write-ahead log."""

COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")
"""The database file and the files beside it that belong to it."""

WINDOWS_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))]
)
"""Names that are devices in every folder on Windows, whatever their extension."""


class ExportError(Exception):
    """The export cannot be made; the message says exactly why, in one line."""


class TargetExists(ExportError):
    """The target exists (or appeared while the export was made) and replacing it was
    not asked for. Callers say how to ask (``--force``, "replace it")."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} exists; choose another name or allow replacing it")


NO_NAME = "no file name given"


def name_problem(path: Path) -> str | None:
    """Why `path` cannot name a file on this system, in a few words, or None: a ``~user``
    with no home folder, no name (``''``, ``.``), a name longer than the file system
    holds, a path longer than the system takes, a NUL character, a device name on
    Windows. Checked before anything is done with the path (``~`` is expanded here as
    everywhere), so that none of these ends in a traceback."""
    try:
        path = Path(path).expanduser()
    except RuntimeError:  # "~nobody/…": no such user, or no home folder at all
        return f"there is no home folder for {Path(path).parts[0]}"
    name = path.name
    if not name or name in (".", ".."):
        return NO_NAME
    length = len(name) if sys.platform == "win32" else len(os.fsencode(name))
    if length > MAX_NAME:
        return f"the file name is too long ({len(name)} characters; at most {MAX_NAME})"
    if sys.platform == "win32" and name.split(".")[0].rstrip(" ").upper() in WINDOWS_DEVICES:
        return f"{name} is a device name on Windows; choose another name"
    try:
        os.lstat(path)
    except ValueError:
        return "a file name cannot hold a NUL character"
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            return f"the path is too long ({len(str(path))} characters)"
    return None


def export_folder(typed: str) -> Path:
    """The folder a secretary typed for an export, or ExportError saying why it cannot be
    one (it does not exist, "~nobody" has no home folder, the path is too long)."""
    folder = Path(typed)
    try:
        folder = folder.expanduser()
        if not folder.is_dir():
            raise ExportError(f"{folder} does not exist")
    except RuntimeError:  # "~nobody": no such home folder
        raise ExportError(f"there is no home folder for {folder.parts[0]}") from None
    except OSError as error:  # a path longer than the system takes
        raise ExportError(str(error.strerror or error)) from error
    return folder


def check_target(path: Path, *, overwrite: bool, database: Path | None = None) -> Path:
    """`path`, with ``~`` expanded, if an export may be written there (module
    docstring); else ExportError with the reason in one line. `database` is the
    database in use, never to be written over."""
    problem = name_problem(path)
    if problem:
        raise ExportError(f"{problem} for the output" if problem == NO_NAME else problem)
    path = Path(path).expanduser()
    folder = path.parent
    try:
        if not stat.S_ISDIR(os.stat(folder).st_mode):
            raise ExportError(f"{folder} is not a folder")
        found = os.lstat(path)
    except FileNotFoundError:
        if not folder.is_dir():
            raise ExportError(f"the folder {folder} does not exist") from None
        return path  # a new name
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
    if stat.S_ISLNK(found.st_mode):
        raise ExportError(
            f"{path} is a symbolic link; give the name of the file itself, or another name"
        )
    if not stat.S_ISREG(found.st_mode):
        raise ExportError(f"{path} is {_kind(found.st_mode)}, not a file; choose a file name")
    if database is not None and any(
        os.path.samestat(found, other) for other in _companion_stats(database)
    ):
        raise ExportError(f"{path} belongs to the database in use; an export never replaces it")
    if _is_database(path, found):
        raise ExportError(f"{path} is a database; an export never replaces one")
    if not overwrite:
        raise TargetExists(path)
    return path


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _companion_stats(database: Path) -> Iterator[os.stat_result]:
    """The identity of the database file and of each file beside it that exists."""
    with contextlib.suppress(RuntimeError):
        database = Path(database).expanduser()
    spellings = {str(database)}
    with contextlib.suppress(OSError, RuntimeError):
        spellings.add(str(database.resolve()))
    for spelling in spellings:
        for suffix in COMPANIONS:
            try:
                yield os.stat(spelling + suffix)
            except (OSError, ValueError):
                continue


def _is_database(path: Path, found: os.stat_result) -> bool:
    """Whether the regular file at `path` starts as an SQLite database or WAL does.
    A file that cannot be read is not written over either: it cannot be checked."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise ExportError(f"cannot check {path} before replacing it: {error.strerror}") from None
    try:
        if not os.path.samestat(os.fstat(descriptor), found):
            raise ExportError(f"{path} changed while it was checked; try again")
        head = os.read(descriptor, 16)
    finally:
        os.close(descriptor)
    return any(head.startswith(header) for header in DATABASE_HEADERS)


def write_output(
    path: Path,
    write: Callable[[BinaryIO], object],
    *,
    overwrite: bool = False,
    database: Path | None = None,
) -> Path:
    """Write a file by `write(handle)` to `path`, as the module docstring says: checked,
    written beside it under a temporary name, flushed, then put in place. Returns the
    path written; raises ExportError (TargetExists if the name is taken and `overwrite`
    is false), leaving no temporary file behind."""
    path = check_target(path, overwrite=overwrite, database=database)
    temporary = _temporary_beside(path)
    try:
        with temporary.open("wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            # Checked again just before: it may have become something else meanwhile.
            check_target(path, overwrite=True, database=database)
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
        _sync_folder(path.parent)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)
    return path


def write_text(
    path: Path, text: str, *, overwrite: bool = False, database: Path | None = None
) -> Path:
    """`write_output` for a text file (UTF-8)."""
    return write_output(
        path,
        lambda handle: handle.write(text.encode("utf-8")),
        overwrite=overwrite,
        database=database,
    )


def _temporary_beside(path: Path) -> Path:
    """A new, empty file with a short unique name in the target's folder (on the same
    disk, so that putting it in place is a rename, not a copy)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(10):
        temporary = path.with_name(f".minutebook-{secrets.token_hex(6)}.partial")
        try:
            os.close(os.open(temporary, flags, 0o666))
        except FileExistsError:
            continue
        except OSError as error:
            raise ExportError(
                f"cannot write in the folder {path.parent}: {error.strerror or error}"
            ) from None
        return temporary
    raise ExportError(f"cannot make a temporary file in the folder {path.parent}")


def _link_new(temporary: Path, path: Path) -> None:
    """Put the finished file at `path` only if nothing is there, atomically: a hard
    link fails on a name that exists. Where the disk has no hard links (FAT, some
    network shares) the name is reserved by an exclusive create, then replaced."""
    try:
        os.link(temporary, path)
        return
    except FileExistsError:
        raise TargetExists(path) from None
    except (OSError, NotImplementedError, AttributeError):
        pass
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise TargetExists(path) from None
    os.replace(temporary, path)


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable (POSIX; Windows has no folder handles to sync)."""
    if sys.platform == "win32":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the file itself is synced
    finally:
        os.close(descriptor)
