"""Sort options by what a person said matters to them: plain arithmetic on facts the page shows, never advice.

Each wish names one fact of an option's profile (content/treatments.yaml) and says, in
content/decision.yaml, how well each value of that fact fits the wish and why. Two rules hold for every
wish for relief: a test (such as a diagnostic block) is not a treatment and never fits, and an option
whose benefit is very uncertain fits at most partly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from explainer.content import NO_TREATMENT, Content, Facts, Profile
from explainer.content.models import Wish

CERTAINTY_ORDER = {"high": 0, "moderate": 1, "low": 2, "very-low": 3}


@dataclass(frozen=True)
class Option:
    """Something a person can choose: a treatment on the ladder, or no new treatment."""

    id: str
    name: str
    facts: Facts
    profile: Profile
    is_test: bool
    order: int  # ladder position; no new treatment comes first, as the least invasive


@dataclass(frozen=True)
class Reason:
    wish: Wish
    fit: int
    because: str


@dataclass(frozen=True)
class Fit:
    option: Option
    score: int
    best: int  # the highest score any option could reach with these answers, for "x of y"
    reasons: tuple[Reason, ...]  # one per wish the person rated


def options(content: Content) -> list[Option]:
    """No new treatment, then the ladder from least to most invasive."""
    none = content.no_treatment
    found = [Option(NO_TREATMENT, none.name, none, none.profile, False, 0)]
    found += [Option(t.id, t.name, t, t.profile, t.kind == "test", n) for n, t in enumerate(content.ladder(), 1)]
    return found


def evidence(profile: Profile) -> str:
    """How good the evidence is that it helps: good needs moderate or high certainty that it likely helps."""
    if profile.certainty == "very-low" or profile.helps in ("unlikely", "unknown"):
        return "poor"
    if profile.certainty in ("high", "moderate") and profile.helps == "likely":
        return "good"
    return "some"


def fact_value(profile: Profile, fact: str) -> str:
    return evidence(profile) if fact == "evidence" else str(getattr(profile, fact))


def judge(content: Content, option: Option, wish: Wish) -> Reason:
    """How well one option fits one wish, and the reason in the content's words."""
    value = fact_value(option.profile, wish.fact)
    fit, because = wish.fits[value], wish.because[value]
    if wish.relief and option.is_test:
        return Reason(wish, 0, content.decision.test_reason)
    if wish.relief and fit == 2 and evidence(option.profile) == "poor":
        return Reason(wish, 1, f"{because}; {content.decision.uncertain_reason}")
    return Reason(wish, fit, because)


def score(fits: Mapping[str, int], weights: Mapping[str, int]) -> int:
    """Each wish counts as much as it matters (0-2); an option gains where it fits (2), loses where it
    does not (0), and is neutral where it partly fits (1)."""
    return sum(weight * (fits[wish] - 1) for wish, weight in weights.items())


def rank(content: Content, weights: Mapping[str, int]) -> list[Fit]:
    """All options, best fit first; equal fits go by how sure the evidence is, then least invasive first."""
    rated = [w for w in content.decision.wishes if weights.get(w.id)]
    best = sum(weights.values())
    fits = []
    for option in options(content):
        reasons = tuple(judge(content, option, w) for w in rated)
        total = score({r.wish.id: r.fit for r in reasons}, {w.id: weights[w.id] for w in rated})
        fits.append(Fit(option, total, best, reasons))

    # With nothing rated there is nothing to sort by: the ladder order stands.
    def certainty(f: Fit) -> int:
        return CERTAINTY_ORDER[f.option.profile.certainty] if rated else 0

    return sorted(fits, key=lambda f: (-f.score, certainty(f), f.option.order))


def all_neutral(weights: Mapping[str, int]) -> bool:
    return not any(weights.values())
