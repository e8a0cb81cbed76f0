"""What every content schema shares: the error type, the strict base model, ids and texts."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CERTAINTY = ("high", "moderate", "low", "very-low")


class ContentError(Exception):
    """Content that cannot be used; the message names file, entry and field."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Id = Field(pattern=ID_PATTERN, max_length=40)
Text = Field(min_length=1)
