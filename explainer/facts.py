"""The rows of a comparison, one option's answer to each, and its trial numbers in words: pure text that
the Streamlit views, the handout and the light pages all show the same way."""

from __future__ import annotations

from explainer.content import Content, Facts, Number

ROWS: tuple[str, ...] = (
    "what",
    "invasive",
    "reversible",
    "acts_at",
    "duration",
    "recovery",
    "risks",
    "evidence",
    "certainty",
)


def cell(content: Content, option: Facts, row: str) -> str:
    """One answer of an option to one patient question."""
    if row == "acts_at":
        # "No new treatment" is a Facts without acts_at: it adds nothing anywhere on the pathway.
        acts = getattr(option, "acts_at", None)
        if not acts:
            return content.text("row.acts_at.none")
        return "; ".join(content.stages[sid].name for sid in acts)
    if row == "certainty":
        profile = option.profile
        return f"{content.text(f'certainty.{profile.certainty}')}. {profile.certainty_reason}"
    return str(getattr(option, row))


def short_answer(content: Content, option: Facts, fact: str) -> str:
    """A one-line answer read from the option's profile: the reason "What matters to me" gives for the
    first wish judged by that fact, or, for certainty, the level and its reason."""
    profile = option.profile
    if fact == "certainty":
        return cell(content, option, "certainty")
    wish = next(w for w in content.decision.wishes if w.fact == fact)
    reason = wish.because[str(getattr(profile, fact))]
    return reason[:1].upper() + reason[1:] + "."


def count_line(content: Content, number: Number, index: int) -> str:
    group = number.groups[index]
    return content.text("numbers.count", label=group.label, count=group.out_of_100, outcome=number.outcome)


def number_lines(content: Content, number: Number) -> list[str]:
    """One trial result in words: who and when, each group out of 100, context, how sure, who paid, source."""
    source = content.sources[number.source]
    who = number.who[:1].upper() + number.who[1:]
    found = [f"{content.text(f'numbers.{number.kind}')} {who}, {number.how_long}:"]
    found += [count_line(content, number, i) for i in range(len(number.groups))]
    if number.note:
        found.append(number.note)
    found.append(
        content.text(
            "numbers.sure", level=content.text(f"certainty.{number.certainty}"), reason=number.certainty_reason
        )
    )
    if number.funder:
        found.append(content.text("numbers.funder", funder=number.funder))
    found.append(f"{content.text('sources.inline')} {source.title} ({source.year})")
    return found


def no_numbers(content: Content, option: str) -> str | None:
    """Why an option has no numbers out of 100, in the reader's words, or None when it has some."""
    if content.numbers_for(option):
        return None
    return content.text("numbers.none", why=content.no_numbers_for(option) or "")


def help_blocks(content: Content) -> tuple[list[tuple[str, list[str]]], str]:
    """When to get help fast: (heading, signs) for an emergency and for a same-day call, and the words on
    mood and crisis support, with the clinic's numbers (content/clinic.yaml) filled in."""
    h = content.site.help
    if h is None:
        return [], ""

    def fill(text: str) -> str:
        return text.format(emergency=content.clinic.emergency, crisis=content.clinic.crisis)

    blocks = [
        (fill(h.emergency_intro), [fill(s) for s in h.emergency_signs]),
        (fill(h.urgent_intro), [fill(s) for s in h.urgent_signs]),
    ]
    return blocks, fill(h.mood)


def clinic_lines(content: Content) -> list[tuple[str, str | None]]:
    """Who offers this copy of the guide and how to reach them (content/clinic.yaml), as (sentence, link):
    a line only for each field filled in, and always where to report a mistake."""
    clinic = content.clinic
    lines: list[tuple[str, str | None]] = []
    if clinic.name:
        lines.append((content.text("clinic.by", name=clinic.name), None))
    if clinic.phone:
        lines.append((content.text("clinic.phone", phone=clinic.phone), None))
    if clinic.address:
        lines.append((content.text("clinic.address", address=clinic.address), None))
    if clinic.report_error:
        lines.append((content.text("clinic.report", contact=clinic.report_error), clinic.report_href))
    else:
        lines.append((content.text("clinic.report_none"), None))
    return lines
