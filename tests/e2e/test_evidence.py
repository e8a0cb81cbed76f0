"""Evidence a patient can trust, as a visitor sees it: numbers out of 100 with pictures, no new treatment
beside every comparison, fits that say why, and the warning signs with the clinic's numbers."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import PROJECTOR, new_context, screenshot, visit


def test_a_comparison_shows_no_new_treatment_and_numbers_as_100_people(page: Page, app_url, content) -> None:
    visit(page, app_url + "/treatments?compare=spinal-cord-stimulation")
    none = content.no_treatment
    # Every question of the comparison is answered for no new treatment too, on the phone's stacked table.
    for row in ("invasive", "reversible", "recovery", "risks", "evidence", "certainty"):
        answers = page.locator(".st-key-comparison tr", has_text=content.text(f"row.{row}")).locator("td")
        expect(answers.last).to_contain_text(f"{none.name}:")
    for number in content.numbers_for("spinal-cord-stimulation"):
        counts = [
            content.text("numbers.count", label=g.label, count=g.out_of_100, outcome=number.outcome)
            for g in number.groups
        ]
        # drawn ahead from the chart's spec (make light), as an image described by the same words
        picture = page.locator(f'[data-testid="stImage"] img[alt*="{counts[0]}"]')
        expect(picture).to_have_count(1)
        for count in counts[1:]:  # the comparison group, when the study had one, is in the same picture
            expect(picture).to_have_attribute("alt", re.compile(re.escape(count)))
        assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), f"{number.id}: not drawn"
        if number.funder:  # a manufacturer that paid is named beside its result
            paid = page.get_by_text(content.text("numbers.funder", funder=number.funder)).filter(visible=True)
            expect(paid.first).to_be_visible()
    why_none = page.get_by_text(content.no_numbers_for("no-treatment") or "").filter(visible=True)
    expect(why_none.first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "evidence-comparison-phone")


def test_numbers_at_projector_size(browser, app_url, content) -> None:
    context = new_context(browser, viewport=PROJECTOR)
    try:
        page = visit(context.new_page(), app_url + "/treatments?compare=spinal-cord-stimulation,spine-surgery")
        expect(
            page.locator(
                '[data-testid="stImage"] img[alt^="' + content.text("numbers.alt", groups="").rstrip(".").strip() + '"]'
            )
        ).to_have_count(len(content.numbers_for("spinal-cord-stimulation")) + len(content.numbers_for("spine-surgery")))
        screenshot(page, "evidence-comparison-projector")
    finally:
        context.close()


def test_relief_alone_never_puts_a_test_or_very_uncertain_option_first(page: Page, app_url, content) -> None:
    visit(page, app_url + "/treatments?matters=fast-relief:2")
    listing = page.locator(
        '[data-testid="stMarkdownContainer"] ol', has_text=content.text("decision.fits", score="+0", best=2)[:4]
    )
    first = listing.first.locator("li").first
    tests = [t.name for t in content.treatments.values() if t.kind == "test"]
    uncertain = [t.name for t in content.treatments.values() if t.profile.certainty == "very-low"]
    expect(first).not_to_have_text(re.compile("|".join(re.escape(n) for n in tests + uncertain)))
    page.get_by_text(content.text("decision.why")).click()
    expect(page.get_by_text(content.decision.test_reason).first).to_be_visible()


def test_every_page_lists_the_warning_signs_with_the_clinic_numbers(page: Page, app_url, content) -> None:
    visit(page, app_url + "/pathway")
    main = page.get_by_test_id("stMain")
    main.get_by_text(content.text("help.more")).click()
    help_, clinic = content.site.help, content.clinic
    for sign in help_.emergency_signs[:3]:
        expect(main.get_by_text(sign.format(emergency=clinic.emergency, crisis=clinic.crisis)).first).to_be_visible()
    expect(main.get_by_text(re.compile(re.escape(clinic.crisis))).first).to_be_visible()
