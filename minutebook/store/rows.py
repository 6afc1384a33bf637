"""Domain models to table rows and back: the JSON columns and 0/1 booleans that SQLite
stores, and the placing columns a row has but its model does not."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from minutebook.domain.base import error_lines
from minutebook.store.errors import StoreError

M = TypeVar("M", bound=BaseModel)

JSON_COLUMNS = {
    "tags",
    "named_deputies",
    "seats",
    "deputy_for",
    "past_deadlines",
    "quorum",
    "exempt_paragraphs",
}


def to_row(model: BaseModel, *, exclude: set[str] | None = None) -> dict[str, Any]:
    row = model.model_dump(mode="json", exclude=exclude)
    for key, value in row.items():
        if key in JSON_COLUMNS:
            row[key] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            row[key] = int(value)
    return row


def from_row(cls: type[M], row: dict[str, Any], **extra: Any) -> M:
    data = {
        k: (_json(cls, k, v) if k in JSON_COLUMNS and isinstance(v, str) else v)
        for k, v in row.items()
    }
    # Columns that place a row (its committee, its position in a list) but are not part
    # of the model itself.
    for column in ("position", "committee", "minute_id", "action_id", "deleted_at", "recorded"):
        if column not in cls.model_fields:
            data.pop(column, None)
    data.update(extra)
    try:
        return cls.model_validate(data)
    except ValidationError as error:  # a hand-edited or damaged row: say which
        raise StoreError(
            f"a stored {cls.__name__} is not valid: {error_lines(error)[0]}"
        ) from error


def _json(cls: type[BaseModel], column: str, text: str) -> Any:
    """A JSON column's value; a damaged one (not JSON, or nested so deep that Python's
    reader runs out of recursion) is a StoreError that says which, like a damaged row."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise StoreError(
            f"a stored {cls.__name__} is not valid: its {column} cannot be read"
        ) from None
