"""The shape of every content file: one pydantic schema each, and the Content object pages read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from explainer.content.base import ID_PATTERN, ContentError, Id, Text, _Model
from explainer.content.clinic import Clinic
from explainer.content.ladder import (
    FACT_VALUES,
    Decision,
    Evidence,
    Facts,
    MedicineClass,
    Number,
    Profile,
    Tier,
    Treatment,
    Treatments,
    Wish,
)
from explainer.content.quiz import Quiz, QuizQuestion

STAGE_IDS = (
    "nociceptors",
    "peripheral-nerve",
    "nerve-root",
    "dorsal-horn",
    "spinothalamic-tract",
    "thalamus",
    "cortex",
    "descending-pathway",
)
# The pieces of the body drawing under the pathway, in the order they are drawn: filled shapes (outline,
# operated, brain), then lines (spine, nerve, detail).
BODY_KINDS = ("outline", "operated", "brain", "spine", "nerve", "detail")
SHAPES = frozenset({"outline", "operated", "brain"})
# The pictures a slide can show; each is drawn by the presenter view.
VISUALS = ("none", "pathway-acute", "pathway-chronic", "windup", "ladder", "compare", "qr-start", "quiz")
NO_TREATMENT = "no-treatment"  # how evidence.yaml and the decision name the "no new treatment" option

__all__ = [
    "BODY_KINDS",
    "FACT_VALUES",
    "ID_PATTERN",
    "NO_TREATMENT",
    "STAGE_IDS",
    "VISUALS",
    "Clinic",
    "ContentError",
    "Decision",
    "Evidence",
    "Facts",
    "MedicineClass",
    "Number",
    "Profile",
    "Quiz",
    "QuizQuestion",
    "Tier",
    "Treatment",
    "Treatments",
    "Wish",
]


class Source(_Model):
    id: str = Id
    title: str = Text
    publisher: str = Text
    year: int = Field(ge=1900, le=2100)
    url: str | None = Field(default=None, pattern=r"^https://")
    note: str | None = None


class Stage(_Model):
    id: str = Id
    name: str = Field(min_length=1, max_length=40)
    label: str = Field(min_length=1, max_length=18)
    x: float = Field(ge=0, le=100)
    y: float = Field(ge=0, le=100)
    where: str = Text
    acute: str = Text
    chronic: str = Text
    sources: tuple[str, ...] = Field(min_length=1)


Grid = Annotated[float, Field(ge=0, le=100)]


class BodyPart(_Model):
    """A piece of the person seen from behind that the stages sit on: a shape (closed through its points)
    or a line, on the stages' grid, where a unit across is as long as a unit up."""

    id: str = Id
    kind: Literal[BODY_KINDS]  # type: ignore[valid-type]
    points: tuple[tuple[Grid, Grid], ...] = Field(min_length=2, max_length=120)

    @field_validator("points")
    @classmethod
    def _enough_for_a_shape(cls, points: tuple[tuple[float, float], ...], info: Any) -> tuple[tuple[float, float], ...]:
        if info.data.get("kind") in SHAPES and len(points) < 3:
            raise ValueError("needs at least 3 points for a shape")
        return points

    def contains(self, x: float, y: float) -> bool:
        """Whether a shape holds the point (even-odd rule); a line holds nothing."""
        if self.kind not in SHAPES:
            return False
        inside = False
        for (ax, ay), (bx, by) in zip(self.points, self.points[1:] + self.points[:1], strict=True):
            if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
                inside = not inside
        return inside


class Connection(_Model):
    from_: str = Field(alias="from")
    to: str
    kind: Literal["up", "down"]


class ViewText(_Model):
    title: str = Text
    summary: str = Text


class Windup(_Model):
    intro: str = Text
    caveat: str = Text
    windup: str = Text
    sensitisation: str = Text


class Pathway(_Model):
    stages: tuple[Stage, ...] = Field(min_length=1)
    connections: tuple[Connection, ...] = Field(min_length=1)
    views: dict[str, ViewText]  # "acute" and "chronic", checked below
    windup: Windup
    body: tuple[BodyPart, ...] = Field(min_length=1)  # drawn under the stages, kind by kind (BODY_KINDS)

    @field_validator("body")
    @classmethod
    def _has_an_outline(cls, body: tuple[BodyPart, ...]) -> tuple[BodyPart, ...]:
        if not any(part.kind == "outline" for part in body):
            raise ValueError("needs a part of kind 'outline' (the person the stages sit on)")
        return body

    @field_validator("views")
    @classmethod
    def _both_views(cls, views: dict[str, ViewText]) -> dict[str, ViewText]:
        missing = {"acute", "chronic"} - set(views)
        if missing:
            raise ValueError(f"needs both 'acute' and 'chronic' (missing {', '.join(sorted(missing))})")
        extra = set(views) - {"acute", "chronic"}
        if extra:
            raise ValueError(f"has only 'acute' and 'chronic' (found '{sorted(extra)[0]}')")
        return views


class Term(_Model):
    id: str = Id
    term: str = Text
    definition: str = Text


class Question(_Model):
    id: str = Id
    topic: str = Text
    text: str = Text


class Slide(_Model):
    id: str = Id
    title: str = Text
    body: str = ""
    visual: Literal[VISUALS] = "none"  # type: ignore[valid-type]
    compare: tuple[str, ...] = ()
    quiz: str | None = None  # a quiz question's id, for a `quiz` slide the room answers by show of hands
    reveal: bool = False  # a quiz slide that shows the answer (the slide after the question)
    notes: str = Text


class PageMeta(_Model):
    title: str = Text
    nav: str = Text
    # One or two sentences of the page's own words, shown in search results and in a shared link's card.
    description: str = Field(min_length=1, max_length=200)
    reviewed: dt.date
    next_review: dt.date
    sources: tuple[str, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Page:
    id: str
    meta: PageMeta
    body: str


class Help(_Model):
    """When to get help fast: the signs to act on; the numbers to call are the clinic's (clinic.yaml)."""

    emergency_intro: str = Text
    emergency_signs: tuple[str, ...] = Field(min_length=1)
    urgent_intro: str = Text
    urgent_signs: tuple[str, ...] = Field(min_length=1)
    mood: str = Text


class Site(_Model):
    """Words of the frame and controls: everything a visitor reads that is not page prose."""

    name: str = Text
    disclaimer: str = Text
    urgent: str = Text
    reviewed_label: str = Text
    next_review_label: str = Text
    sources_label: str = Text
    help: Help | None = None
    text: dict[str, str]


@dataclass(frozen=True)
class Content:
    site: Site
    pages: dict[str, Page]
    sources: dict[str, Source]
    pathway: Pathway
    tiers: dict[int, Tier]
    treatments: dict[str, Treatment]
    no_treatment: Facts
    glossary: dict[str, Term]
    questions: tuple[Question, ...]
    slides: tuple[Slide, ...]
    decision: Decision
    evidence: Evidence
    quiz: Quiz
    clinic: Clinic
    lang: str = "en"  # the language of every word in this object
    version: str = ""  # changes whenever a content file changes; keys caches built from content

    @property
    def stages(self) -> dict[str, Stage]:
        return {stage.id: stage for stage in self.pathway.stages}

    def ladder(self) -> list[Treatment]:
        """Treatments from least to most invasive, in content order within a tier."""
        return sorted(self.treatments.values(), key=lambda t: t.tier)

    def treatments_at(self, stage_id: str) -> list[Treatment]:
        return [t for t in self.ladder() if stage_id in t.acts_at]

    def numbers_for(self, option: str) -> list[Number]:
        return [n for n in self.evidence.numbers if n.option == option]

    def no_numbers_for(self, option: str) -> str | None:
        return next((n.why for n in self.evidence.no_numbers if n.option == option), None)

    def text(self, key: str, **values: Any) -> str:
        return self.site.text[key].format(**values)

    def decimal(self, value: float) -> str:
        """A number to one decimal place, written as this language writes it: "2.3", "2,3"."""
        return f"{value:.1f}".replace(".", self.text("number.decimal_mark"))

    def months(self) -> list[str]:
        """The twelve months' names, January first (site.yaml `date.months`)."""
        return [m for m in self.text("date.months").split(", ") if m.strip()]

    def month(self, day: dt.date) -> str:
        return self.months()[day.month - 1]

    def long_date(self, day: dt.date) -> str:
        """A day as this language writes it: "28 November 2026", "28 de noviembre de 2026"."""
        return self.text("date.long", day=day.day, month=self.month(day), year=day.year)

    def month_year(self, day: dt.date) -> str:
        return self.text("date.month_year", month=self.month(day), year=day.year)
