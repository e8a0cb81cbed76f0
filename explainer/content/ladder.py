"""The schemas of the options: the treatment ladder, trial numbers as people out of 100, and the rules of
"What matters to me" that read each option's profile."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from explainer.content.base import CERTAINTY, Id, Text, _Model


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
    kind: Literal["benefit", "harm"] = "benefit"
    outcome: str = Text
    who: str = Text
    how_long: str = Text
    groups: tuple[Group, ...]
    certainty: Literal[CERTAINTY]  # type: ignore[valid-type]
    certainty_reason: str = Text
    funder: str | None = None
    source: str = Text
    note: str | None = None

    @model_validator(mode="after")
    def _groups(self) -> Number:
        # A benefit means little without what happened in the comparison group; a harm of one option
        # (such as further operations on a device) may have been counted in that option's group alone.
        if self.kind == "benefit" and len(self.groups) != 2:
            raise ValueError("field 'groups' needs two groups: the option first, then what it was compared with")
        if self.kind == "harm" and len(self.groups) not in (1, 2):
            raise ValueError("field 'groups' needs the option's group, and the comparison group if there was one")
        return self


class NoNumbers(_Model):
    option: str = Id
    why: str = Text


class Evidence(_Model):
    numbers: tuple[Number, ...] = ()
    no_numbers: tuple[NoNumbers, ...] = ()


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
