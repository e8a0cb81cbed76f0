"""Sort options by what a person said matters to them: plain arithmetic, open to inspection, never advice."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from explainer.content import Content, Treatment


@dataclass(frozen=True)
class Fit:
    treatment: Treatment
    score: int
    best: int  # the highest score any option could reach with these answers, for "x of y"


def score(fits: Mapping[str, int], weights: Mapping[str, int]) -> int:
    """Each wish counts as much as it matters (0-2); an option gains where it fits (2), loses where it
    does not (0), and is neutral where it partly fits (1)."""
    return sum(weight * (fits[wish] - 1) for wish, weight in weights.items())


def rank(content: Content, weights: Mapping[str, int]) -> list[Fit]:
    """All options, best fit first; equal fits keep ladder order, least invasive first."""
    ladder = content.ladder()
    best = sum(weights.values())
    scored = [Fit(t, score(content.decision.fit[t.id], weights), best) for t in ladder]
    order = {t.id: n for n, t in enumerate(ladder)}
    return sorted(scored, key=lambda f: (-f.score, order[f.treatment.id]))


def all_neutral(weights: Mapping[str, int]) -> bool:
    return not any(weights.values())
