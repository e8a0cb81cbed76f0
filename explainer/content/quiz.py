"""The schema of "Check what you learned": a few questions per page, with kind feedback and a link back."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from explainer.content.base import ID_PATTERN, Id, Text, _Model


class Choice(_Model):
    id: str = Field(pattern=ID_PATTERN, max_length=40)
    text: str = Text


class QuizQuestion(_Model):
    """One question of "Check what you learned", its kind feedback, and the view that explains it."""

    id: str = Id
    question: str = Text
    options: tuple[Choice, ...] = Field(min_length=2, max_length=4)
    answer: str = Text
    right: str = Text
    not_yet: str = Text
    read_again: str = Field(pattern=r"^/")

    @field_validator("options", mode="before")
    @classmethod
    def _yaml_booleans(cls, options: Any) -> Any:
        # yes/no option ids that YAML read as booleans
        if isinstance(options, list):
            return [
                {**o, "id": {True: "yes", False: "no"}.get(o["id"], o["id"])}
                if isinstance(o, dict) and isinstance(o.get("id"), bool)
                else o
                for o in options
            ]
        return options

    @field_validator("answer", mode="before")
    @classmethod
    def _yaml_boolean(cls, answer: Any) -> Any:
        return {True: "yes", False: "no"}.get(answer, answer) if isinstance(answer, bool) else answer


class Quiz(_Model):
    intro: str = Text
    pages: dict[str, tuple[QuizQuestion, ...]]

    def questions(self) -> dict[str, QuizQuestion]:
        return {q.id: q for questions in self.pages.values() for q in questions}
