"""The shape of every content file: one pydantic schema each, and the Content object pages read."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
STAGE_IDS = (
    "nociceptors", "peripheral-nerve", "nerve-root", "dorsal-horn",
    "spinothalamic-tract", "thalamus", "cortex", "descending-pathway",
)
# The pictures a slide can show; each is drawn by the presenter view.
VISUALS = ("none", "pathway-acute", "pathway-chronic", "windup", "ladder", "compare", "qr-start")
NO_TREATMENT = "no-treatment"  # how evidence.yaml and the decision name the "no new treatment" option
CERTAINTY = ("high", "moderate", "low", "very-low")


class ContentError(Exception):
    """Content that cannot be used; the message names file, entry and field."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Id = Field(pattern=ID_PATTERN, max_length=40)
Text = Field(min_length=1)


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
    views: dict[Literal["acute", "chronic"], ViewText]
    windup: Windup

    @field_validator("views")
    @classmethod
    def _both_views(cls, views: dict) -> dict:
        missing = {"acute", "chronic"} - set(views)
        if missing:
            raise ValueError(f"needs both 'acute' and 'chronic' (missing {', '.join(sorted(missing))})")
        return views


class Tier(_Model):
    tier: int = Field(ge=1, le=6)
    name: str = Text
    summary: str = Text


class Profile(_Model):
    """The facts "What matters to me" derives its fits from; each one is also said in the option's rows."""

    body: Literal["none", "needle", "implant", "operation"]
    undo: Literal["yes", "partly", "no"]
    starts: Literal["days", "weeks", "months", "none"]
    lasts: Literal["short", "months", "long", "while-used", "unknown"]
    harms: Literal["few", "some", "serious"]
    effort: Literal["low", "some", "high"]
    helps: Literal["likely", "possible", "unlikely", "unknown"]
    certainty: Literal[CERTAINTY]  # type: ignore[valid-type]
    certainty_reason: str = Text

    @field_validator("undo", mode="before")
    @classmethod
    def _yaml_booleans(cls, value: Any) -> Any:
        # YAML reads a bare yes/no as a boolean; staff should not have to know that.
        return {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value


class Facts(_Model):
    """The questions patients ask of every option, the rows of a comparison."""

    name: str = Field(min_length=1, max_length=40)
    what: str = Text
    invasive: str = Text
    reversible: str = Text
    duration: str = Text
    recovery: str = Text
    risks: str = Text
    evidence: str = Text
    sources: tuple[str, ...] = Field(min_length=1)
    profile: Profile


class MedicineClass(_Model):
    id: str = Id
    name: str = Text
    what: str = Text
    helps: str = Text
    risks: str = Text
    sources: tuple[str, ...] = Field(min_length=1)


class Treatment(Facts):
    id: str = Id
    short: str = Field(min_length=1, max_length=22)
    tier: int
    kind: Literal["treatment", "test"] = "treatment"
    summary: str = Text
    acts_at: dict[str, str] = Field(min_length=1)
    classes: tuple[MedicineClass, ...] = ()

    @field_validator("tier")
    @classmethod
    def _tier_range(cls, tier: int) -> int:
        if not 1 <= tier <= 6:
            raise ValueError("must be 1-6")
        return tier


class Treatments(_Model):
    tiers: tuple[Tier, ...] = Field(min_length=6, max_length=6)
    treatments: tuple[Treatment, ...] = Field(min_length=1)
    no_treatment: Facts


class Group(_Model):
    label: str = Text
    out_of_100: int = Field(ge=0, le=100)


class Number(_Model):
    """One trial result as people out of 100, with everything a reader needs to weigh it."""

    id: str = Id
    option: str = Id
    outcome: str = Text
    who: str = Text
    how_long: str = Text
    groups: tuple[Group, ...]
    certainty: Literal[CERTAINTY]  # type: ignore[valid-type]
    certainty_reason: str = Text
    funder: str | None = None
    source: str = Text
    note: str | None = None


    @field_validator("groups")
    @classmethod
    def _two_groups(cls, groups: tuple[Group, ...]) -> tuple[Group, ...]:
        if len(groups) != 2:
            raise ValueError("needs two groups: the option first, then what it was compared with")
        return groups


class NoNumbers(_Model):
    option: str = Id
    why: str = Text


class Evidence(_Model):
    numbers: tuple[Number, ...] = ()
    no_numbers: tuple[NoNumbers, ...] = ()


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
    notes: str = Text


# The facts of an option's profile that a wish can be judged by, and the values each can take. "evidence"
# is not written in content: it is read from `helps` and `certainty` (see explainer/decision.py).
FACT_VALUES: dict[str, tuple[str, ...]] = {
    "body": ("none", "needle", "implant", "operation"),
    "undo": ("yes", "partly", "no"),
    "starts": ("days", "weeks", "months", "none"),
    "lasts": ("short", "months", "long", "while-used", "unknown"),
    "harms": ("few", "some", "serious"),
    "effort": ("low", "some", "high"),
    "evidence": ("good", "some", "poor"),
}


class Wish(_Model):
    """Something a person may want, and how each option fits it, read from one fact of its profile."""

    id: str = Id
    label: str = Text
    fact: Literal[tuple(FACT_VALUES)]  # type: ignore[valid-type]
    fits: dict[str, Literal[0, 1, 2]]  # fact value -> 0 fits poorly, 1 partly, 2 well
    because: dict[str, str]  # fact value -> the reason shown under "Why is an option where it is?"
    relief: bool = False  # a wish for relief: a test never fits it, and very uncertain benefit fits at most partly


class SureQuestion(_Model):
    id: str = Id
    question: str = Text
    if_no: str = Text


class Decision(_Model):
    """What matters to me: wishes to rate, the rules that fit options to them, the SURE check."""

    intro: str = Text
    not_advice: str = Text
    levels: tuple[str, str, str]
    fit_words: tuple[str, str, str]
    test_reason: str = Text
    uncertain_reason: str = Text
    wishes: tuple[Wish, ...] = Field(min_length=1)
    sure: tuple[SureQuestion, ...] = Field(min_length=4, max_length=4)


class PageMeta(_Model):
    title: str = Text
    nav: str = Text
    reviewed: dt.date
    next_review: dt.date
    sources: tuple[str, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Page:
    id: str
    meta: PageMeta
    body: str


class Help(_Model):
    """When to get help fast: the clinic's emergency and crisis numbers and the signs to act on."""

    emergency: str = Field(min_length=1, max_length=20)
    crisis: str = Field(min_length=1, max_length=20)
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
