"""The shared base for every domain model: strict, immutable, and tidy about text.

Secretaries paste from email and PDFs, so text arrives with stray control characters
that Word refuses (python-docx raises on them). They are removed here, once, on the way
in, so the store and every exporter only ever see clean text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cached_property
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails

from minutebook.domain.words import sentence as sentence  # one rule, re-exported

# Characters that are not allowed in an XML 1.0 document (and so in a .docx), apart from
# tab, newline and carriage return which are kept; plus lone surrogates and U+FFFE/FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Return `value` without the characters a Word document cannot hold."""
    return _FORBIDDEN.sub("", value)


class Refused(ValueError):
    """Something the secretary asked for that would make the record wrong; the message
    says why, and what to do instead. Nothing has been changed."""


class DomainModel(BaseModel):
    """Base of all domain models: unknown fields are errors, instances are immutable,
    and every change is validated: a model changed with ``model_copy(update=...)`` is
    built again through its validators, so no path can make an impossible record."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _clean_strings(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: clean_text(v) if isinstance(v, str) else v for k, v in data.items()}
        return data

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with `update`, the changed model, validated as a new one would be.

        Pydantic's own ``model_copy(update=...)`` takes the update on trust: an attendance
        row changed that way could say a member deputises for a seat, be stored, and
        then be refused every time the meeting is read. Raises ``ValidationError``."""
        if not update:
            return super().model_copy(deep=deep)
        fields = {name: getattr(self, name) for name in type(self).model_fields}
        return type(self).model_validate(fields | dict(update))


class DerivingModel(DomainModel):
    """A model that derives values from its fields once (``functools.cached_property``,
    e.g. a meeting's timeline). A copy derives them again from its own fields, rather
    than carrying the original's over."""

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        copied = super().model_copy(update=update, deep=deep)
        for klass in type(self).__mro__:
            for name, value in vars(klass).items():
                if isinstance(value, cached_property):
                    copied.__dict__.pop(name, None)
        return copied


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
"""A short required text such as a person's name or an item title."""

OptionalName = Annotated[str | None, StringConstraints(strip_whitespace=True, max_length=300)]
"""A short text that may be left out; blank counts as left out (see `blank_to_none`)."""

Code = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.\-]+$"
    ),
]
"""An identifier such as a committee code (HCP), seat id (S1) or organisation id (MKCC)."""


def _tag_form(value: Any) -> Any:
    # "Vice Chair" and "vice-chair" are typed by people; the rules speak of vice_chair.
    if isinstance(value, str):
        return "_".join(value.strip().lower().replace("-", " ").split())
    return value


Tag = Annotated[
    str,
    BeforeValidator(_tag_form),
    StringConstraints(min_length=1, max_length=40, pattern=r"^[a-z0-9_]+$"),
]
"""A seat tag such as chair, vice_chair, executive: lower case words joined by underscores."""


def whole_number_bounds(model: type[BaseModel], name: str) -> tuple[int, int]:
    """The lowest and highest whole number a model's field takes (its ``ge`` and ``le``),
    for a form that refuses a number out of range in its own words before the model
    is built: the range is stated once, on the model."""
    lowest = highest = None
    for rule in model.model_fields[name].metadata:
        lowest = getattr(rule, "ge", lowest)
        highest = getattr(rule, "le", highest)
    if lowest is None or highest is None:
        raise LookupError(f"{model.__name__}.{name} states no whole-number range")
    return int(lowest), int(highest)


def blank_to_none(value: Any) -> Any:
    """Treat an empty or all-space string as 'not given'."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


_PLAIN_PATTERNS = {
    r"^[A-Za-z0-9_.\-]+$": "may only hold letters, digits, '.', '_' or '-' (no spaces)",
    r"^[a-z0-9_]+$": "must be a word such as chair or vice_chair",
}


def _plain_message(item: ErrorDetails) -> str:
    """Pydantic's wording, put the way a secretary would say it."""
    kind = item["type"]
    context = item.get("ctx") or {}
    if kind == "string_too_short" and context.get("min_length") == 1:
        return "must be filled in"
    if kind == "missing":
        return "must be filled in"
    if kind == "extra_forbidden":
        if item.get("input") is None:
            # YAML's {a: b, c} reads a comma inside a value as the start of a new key.
            return (
                "is not a known key; if it is the rest of a value, put that value in quotes "
                "(a comma inside { } ends a value)"
            )
        return "is not a known key"
    if kind == "string_too_long":
        return f"is too long (at most {context.get('max_length')} characters)"
    if kind == "string_pattern_mismatch":
        return _PLAIN_PATTERNS.get(str(context.get("pattern")), "is not in the expected form")
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {context.get('le', context.get('lt'))}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {context.get('ge', context.get('gt'))}"
    if kind in ("int_parsing", "int_type"):
        return "must be a whole number"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return "must be a date"
    return item["msg"].removeprefix("Value error, ")


def error_lines(
    error: ValidationError, prefix: str = "", labels: dict[str, str] | None = None
) -> list[str]:
    """A pydantic error as short lines a secretary can read: ``place: what is wrong``.

    `labels` renames the first part of a place to the words a form shows ("title" is
    "Role" on the member form).
    """
    lines = []
    for item in error.errors():
        loc = item["loc"]
        if labels and loc and str(loc[0]) in labels:
            loc = (labels[str(loc[0])], *loc[1:])
        place = _place(prefix, loc)
        message = _plain_message(item)
        lines.append(f"{place}: {message}" if place else message)
    return lines


def _place(prefix: str, loc: tuple[int | str, ...]) -> str:
    # A tagged union repeats its tag in the location ("all", "all", 1, "fraction",
    # "fraction", "den"); people expect the file's own path: all[1].fraction.den.
    text = prefix
    previous: int | str | None = None
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part != previous:
            text += f".{part}" if text else part
        previous = part
    return text


def slug(text: str) -> str:
    """A short lower-case id from a name: "Sarah Whiteman" -> "sarah-whiteman"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:40] or "person"


