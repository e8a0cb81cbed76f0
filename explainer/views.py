"""Small Streamlit render helpers shared by pages: the frame, notices, sources, stage and treatment panels."""
from __future__ import annotations

import base64
import sys
from collections.abc import Sequence
from urllib.parse import urlencode

import streamlit as st
from streamlit import dataframe_util

from explainer import charts, decision, handout, links, share
from explainer.content import Content, ContentError, Stage, require_text

require_text(
    "urgent.title", "home.next",
    *(f"notice.{p}" for p in ("unknown", "repeated", "too-long", "too-many", "empty", "out-of-range",
                              "unknown-parameter")),
)


# --- chart specs, built once -----------------------------------------------------------------
# Building and validating an Altair chart takes tenths of a second; a rerun must take milliseconds. Each
# spec is built once per content version and arguments, then served from the cache to every session.
# The chosen stage and the compared options are params set on a copy, so they need no build of their own.

_CACHE = {"max_entries": 1000, "show_spinner": False, "hash_funcs": {Content: lambda c: c.version}}


def _arrow(spec: dict) -> dict:
    """The spec with its datasets already in Arrow, the form st.vega_lite_chart sends them in. Given rows,
    it converts them with this same function on every run, a few milliseconds per chart."""
    return {**spec, "datasets": {name: dataframe_util.convert_anything_to_arrow_bytes(rows)
                                 for name, rows in spec.get("datasets", {}).items()}}


@st.cache_data(**_CACHE)
def _pathway_base(content: Content, view: str, treatment: str | None, scale: float) -> dict:
    return _arrow(charts.pathway(content.pathway.stages, content.pathway.connections, view, None,
                                 content.treatments.get(treatment or ""), scale).to_dict())


def pathway_spec(content: Content, view: str, selected: str | None, treatment: str | None,
                 scale: float = 1.0) -> dict:
    return charts.with_selection(_pathway_base(content, view, treatment, scale), selected)


@st.cache_data(**_CACHE)
def _ladder_base(content: Content, scale: float) -> dict:
    return _arrow(charts.ladder(content.ladder(), (), scale).to_dict())


def ladder_spec(content: Content, selected: tuple[str, ...] = (), scale: float = 1.0) -> dict:
    return charts.with_chosen(_ladder_base(content, scale), content.ladder(), selected)


@st.cache_data(**_CACHE)
def windup_spec(repeats: int, brakes: int, chronic: bool) -> dict:
    return _arrow(charts.windup(charts.windup_curve(repeats, brakes / 100), chronic).to_dict())


@st.cache_data(**_CACHE)
def fit_spec(ranked: tuple[tuple[str, int], ...], best: int) -> dict:
    return _arrow(charts.fit(ranked, best).to_dict())


def chart(spec: dict, alt: str, **options):
    """Draw a cached spec; `alt` is its text alternative."""
    return st.vega_lite_chart(spec=spec, width="stretch", alt=alt, **options)


# --- the link contract, Streamlit side -------------------------------------------------------

def url_params() -> dict[str, list[str]]:
    """Every query parameter with all its values, so repeats can be noticed."""
    qp = st.query_params
    return {name: qp.get_all(name) for name in qp.keys()}


def set_url(state) -> None:
    """Make the address bar show exactly this view, so copying it shares the view."""
    wanted = links.to_params(state)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def notices(content: Content, found: Sequence[links.Notice]) -> None:
    """One short line per problem in the link; the value itself is never echoed back."""
    seen = set()
    for notice in found:
        message = content.text(f"notice.{notice.problem}", param=notice.param)
        if message not in seen:
            seen.add(message)
            st.info(message, icon=":material/link_off:")


# --- the frame -------------------------------------------------------------------------------

def broken_content(error: ContentError) -> None:
    """A friendly page when content cannot be loaded; the exact problem goes to the log for staff.
    These few words live here, not in content/, because content/ is what failed to load."""
    print(f"Content problem: {error}", file=sys.stderr, flush=True)
    st.title("This guide is being updated")
    st.write("Please try again in a few minutes. If you need help with pain now, contact your care team. "
             "For new leg weakness, loss of bladder or bowel control, or numbness between the legs, "
             "get urgent medical care.")


def page_intro(content: Content, page_id: str) -> None:
    page = content.pages[page_id]
    st.title(page.meta.title)
    st.markdown(page.body)


def sources(content: Content, ids: Sequence[str]) -> None:
    """A numbered source list: title, who published it, the year, and a link where there is one."""
    lines = []
    for n, sid in enumerate(dict.fromkeys(ids), 1):
        s = content.sources[sid]
        title = f"[{s.title}]({s.url})" if s.url else s.title
        note = f" {s.note}" if s.note else ""
        lines.append(f"{n}. {title}. {s.publisher}, {s.year}.{note}")
    st.markdown("\n".join(lines))


def footer(content: Content, page_id: str, path: str) -> None:
    """Share, disclaimer, review dates and sources; on slides they sit in the sidebar so nothing scrolls."""
    meta = content.pages[page_id].meta
    site = content.site
    place = st.sidebar if page_id == "talk" else st.container()
    with place:
        st.divider()
        share_panel(content, path)
        st.caption(f"**{site.disclaimer}** {site.urgent}")
        st.caption(f"{site.reviewed_label}: {meta.reviewed:%-d %B %Y} · {site.next_review_label}: "
                   f"{meta.next_review:%B %Y}")
        with st.expander(site.sources_label):
            sources(content, meta.sources)


FRAME_CSS = """
<style>
/* Streamlit marks a focused select only by a 1 px border colour; keyboard users need a clear ring. */
[data-testid="stSelectbox"]:focus-within, [data-testid="stMultiSelect"]:focus-within {
  outline: 3px solid #0B5563; outline-offset: 4px; border-radius: 4px;
}
/* The comparison is one table. Each answer starts with its option's name in bold: on wide screens the
   column heading says it already; on phones the table stacks into a block per question and the name
   is shown. */
.st-key-comparison td:not(:first-child) > strong:first-child { display: none; }
.st-key-comparison table { table-layout: fixed; width: 100%; }
.st-key-comparison th:first-child { width: 22%; }
.st-key-comparison td { vertical-align: top; }
@media (max-width: 640px) {
  .st-key-comparison table, .st-key-comparison tbody, .st-key-comparison tr, .st-key-comparison td {
    display: block; width: 100%; border: none;
  }
  .st-key-comparison thead { display: none; }
  .st-key-comparison tr { margin-bottom: 1rem; }
  .st-key-comparison td { padding: 0.2rem 0; }
  .st-key-comparison td:first-child { font-size: 1.15rem; }
  .st-key-comparison td:not(:first-child) > strong:first-child { display: inline; }
}
</style>
"""


def frame_styles() -> None:
    # Fixed CSS from this module, never visitor text.
    st.html(FRAME_CSS)


def sidebar(content: Content) -> None:
    with st.sidebar:
        st.markdown(f"**{content.text('urgent.title')}**")
        st.caption(content.site.urgent)


# --- shared panels ---------------------------------------------------------------------------

def stage_panel(content: Content, stage: Stage, view: str) -> None:
    st.subheader(stage.name)
    st.caption(stage.where)
    st.markdown(f"**{content.text('stage.normal')}** {stage.acute}")
    st.markdown(f"**{content.text('stage.chronic')}** {stage.chronic}")
    acting = content.treatments_at(stage.id)
    if acting:
        st.markdown(f"**{content.text('stage.treatments')}**")
        st.markdown("\n".join(
            f"- [{t.name}]({links.href(links.TreatmentsState((t.id,)))}): {t.acts_at[stage.id]}" for t in acting
        ))


require_text("stage.normal", "stage.chronic", "stage.treatments")



# --- the pathway page's panels ---------------------------------------------------------------

def treatment_overlay(content: Content, treatment) -> None:
    st.markdown(content.text("pathway.overlay_intro", treatment=treatment.name))
    st.markdown("\n".join(
        f"- ◆ **{content.stages[sid].name}**: {sentence}" for sid, sentence in treatment.acts_at.items()
    ))
    st.markdown(f"[{content.text('pathway.compare_link', treatment=treatment.name)}]"
                f"({links.href(links.TreatmentsState((treatment.id,)))})")


@st.fragment
def windup_explainer(content: Content, view: str) -> None:
    """Sliders drive a picture of wind-up; a fragment, so moving them reruns only this part."""
    w = content.pathway.windup
    st.subheader(content.text("windup.title"))
    st.markdown(w.intro)
    chronic = view == "chronic"
    repeats = st.slider(content.text("windup.repeats"), 1, 20, 12 if chronic else 6, key=f"windup_repeats_{view}")
    brakes = st.slider(content.text("windup.brakes"), 0, 100, 30 if chronic else 90, step=10,
                       format="%d%%", key=f"windup_brakes_{view}")
    curve = charts.windup_curve(repeats, brakes / 100)
    first, last = curve["loudness"].iloc[0], curve["loudness"].iloc[-1]
    summary = content.text("windup.summary", repeats=repeats, brakes=brakes, first=f"{first:.1f}",
                           last=f"{last:.1f}")
    chart(windup_spec(repeats, brakes, chronic), summary)
    st.markdown(summary)
    st.caption(w.caveat)
    st.markdown(f"**{content.text('windup.windup_label')}** {w.windup}")
    st.markdown(f"**{content.text('windup.sensitisation_label')}** {w.sensitisation}")


def pathway_text(content: Content, view: str) -> None:
    """The whole pathway as an ordered list: the chart's equal for screen readers and search."""
    field = "chronic" if view == "chronic" else "acute"
    st.markdown("\n".join(
        f"{n}. **{s.name}** ({s.where}): {getattr(s, field)}" for n, s in enumerate(content.pathway.stages, 1)
    ))


require_text(
    "pathway.view", "pathway.chart_hint", "pathway.stage", "pathway.overlay", "pathway.treatment",
    "pathway.no_treatment", "pathway.text_version", "pathway.alt", "pathway.alt_selected", "pathway.alt_treatment",
    "pathway.overlay_intro", "pathway.compare_link", "windup.title", "windup.repeats", "windup.brakes",
    "windup.summary", "windup.windup_label", "windup.sensitisation_label",
)


# --- the treatments page's panels ------------------------------------------------------------

def ladder_text(content: Content) -> None:
    """The ladder as text, a step per tier, each option opening to its full facts."""
    for tier in content.tiers.values():
        st.markdown(f"**{content.text('treatments.step', tier=tier.tier)}: {tier.name}.** {tier.summary}")
        for t in (t for t in content.ladder() if t.tier == tier.tier):
            with st.expander(t.name):
                # One Markdown block per option, sources included: every element costs the server a
                # little and the browser more (a dozen options times ten elements made the page slow).
                st.markdown("\n\n".join([
                    t.summary,
                    *(f"**{content.text(f'row.{row}')}** {handout.cell(content, t, row)}" for row in handout.ROWS),
                    f"[{content.text('treatments.see_pathway')}]({links.href(links.PathwayState(treatment=t.id))})",
                    ":small[" + source_text(content, t.sources).replace("[", "\\[").replace("]", "\\]") + "]",
                ]))


def source_text(content: Content, ids: Sequence[str]) -> str:
    return content.text("sources.inline") + " " + "; ".join(
        f"{content.sources[s].title} ({content.sources[s].year})" for s in ids)


def comparison(content: Content, compare: Sequence[str]) -> None:
    """Option-Grid style: a row per patient question, a column per option, as one Markdown table (one
    element, not dozens). On phones FRAME_CSS stacks it, and every answer carries its option's name."""
    def plain(text: str) -> str:  # one table cell: no line breaks, no column bars
        return " ".join(text.split()).replace("|", "\\|")

    options = [content.treatments[tid] for tid in compare]
    lines = ["| " + " | ".join([plain(content.text("handout.question")), *(plain(o.name) for o in options)]) + " |",
             "|" + " --- |" * (len(options) + 1)]
    lines += ["| " + " | ".join([f"**{plain(content.text(f'row.{row}'))}**", *(
        f"**{plain(o.name)}:** {plain(handout.cell(content, o, row))}" for o in options)]) + " |"
        for row in handout.ROWS]
    with st.container(key="comparison"):
        st.markdown("\n".join(lines))
    with st.container(border=True):
        none = content.no_treatment
        st.markdown("\n\n".join([f"**{content.text('treatments.no_treatment')}**", *(
            f"*{content.text(f'row.{row}')}* {getattr(none, row)}" for row in ("what", "duration", "risks", "evidence"))]))


def share_base() -> str:
    return share.base_url(share.configured_base(), st.context.url)


def current_view_url(path: str) -> str:
    """The full address of what is on screen. Pages keep the query to known ids only (set_url), so
    the link carries nothing but the view."""
    query = urlencode(st.query_params.to_dict(), safe=",")
    return f"{share_base()}/{path}" + (f"?{query}" if query else "")


def light_url(path: str) -> str:
    """The light page that matches an app page: plain text that opens at once on a slow phone."""
    return f"{share_base()}/app/static/light/{share.LIGHT_PAGES.get(path, 'index.html')}"


def share_panel(content: Content, path: str) -> None:
    """The exact link, its QR code and the light page. Built only while open: nearly every choice changes
    the link, and a new QR code costs more than the rest of a typical run."""
    panel = st.expander(content.text("share.title"), icon=":material/share:", key="share_panel",
                        on_change="rerun")
    if not panel.open:
        return
    url = current_view_url(path)
    with panel:
        st.caption(content.text("share.copy"))
        st.code(url, language=None, wrap_lines=True)
        qr_image(share.qr_svg(url, scale=5), content.text("share.qr_alt", url=url))
        st.caption(content.text("share.private"))
        st.markdown(f":material/bolt: [{content.text('share.light')}]({light_url(path)})")


def handout_button(content: Content, compare: Sequence[str]) -> None:
    link = share_base() + links.href(links.TreatmentsState(tuple(compare)))
    st.download_button(
        content.text("treatments.download"), handout.render(content, compare, link),
        file_name="treatment-comparison.html", mime="text/html", icon=":material/print:",
        key="handout", on_click="ignore",
    )
    st.caption(content.text("treatments.download_hint"))


require_text(
    "treatments.ladder", "treatments.compare", "treatments.choose", "treatments.placeholder",
    "treatments.compare_hint", "treatments.alt", "treatments.step", "treatments.see_pathway",
    "sources.inline", "treatments.no_treatment", "treatments.download", "treatments.download_hint",
)


# --- the learn page --------------------------------------------------------------------------

def glossary(content: Content, highlighted: str | None) -> None:
    """Every term, A to Z; a term named in the link is shown first and open."""
    terms = sorted(content.glossary.values(), key=lambda t: t.term.lower())
    if highlighted:
        term = content.glossary[highlighted]
        with st.container(border=True):
            st.markdown(f"**{term.term}**: {term.definition}")
    st.markdown("\n".join(f"- **{t.term}**: {t.definition}" for t in terms))


def questions(content: Content) -> None:
    topics: dict[str, list[str]] = {}
    for q in content.questions:
        topics.setdefault(q.topic, []).append(q.text)
    for topic, texts in topics.items():
        st.markdown(f"**{topic}**")
        st.markdown("\n".join(f"- {text}" for text in texts))


# --- the presenter's slides ------------------------------------------------------------------

SLIDE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.5rem; padding-bottom: 1rem; max-width: 1800px; }
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li { font-size: 28px; line-height: 1.4; }
[data-testid="stMainBlockContainer"] h1 { font-size: 56px; }
</style>
"""


SLIDE_SCALE = 1.5  # charts on a projector: type and marks half as big again


def slide_styles() -> None:
    # Fixed CSS from this module, never visitor text: projector-sized type for the talk page only.
    st.html(SLIDE_CSS)


def slide(content: Content, s) -> None:
    """One slide: a title, a few words, and at most one visual built by the same code as the pages."""
    st.title(s.title)
    if s.visual == "compare":
        st.markdown(s.body)
        slide_comparison(content, s.compare)
        return
    text, visual = (st.columns([2, 3], gap="large") if s.visual != "none" else (st.container(), None))
    text.markdown(s.body)
    if visual is None:
        return
    with visual:
        if s.visual in ("pathway-acute", "pathway-chronic"):
            view = s.visual.removeprefix("pathway-")
            chart(pathway_spec(content, view, None, None, SLIDE_SCALE),
                  charts.pathway_alt(content, view, None, None))
        elif s.visual == "windup":
            chart(windup_spec(12, 30, True), content.pathway.windup.intro)
        elif s.visual == "ladder":
            chart(ladder_spec(content, (), SLIDE_SCALE), charts.ladder_alt(content))
        elif s.visual == "qr-start":
            url = share_base() + "/"
            qr_image(share.qr_svg(url, scale=10), content.text("share.qr_alt", url=url))
            st.markdown(f"**{url}**")
            st.markdown(content.text("talk.light", url=light_url("")))


SLIDE_ROWS = ("invasive", "reversible", "duration", "risks")


def slide_comparison(content: Content, compare: Sequence[str]) -> None:
    """A short grid for a slide: the options as columns, a few of the patients' questions as rows."""
    options = [content.treatments[t] for t in compare]
    for column, option in zip(st.columns(len(options), gap="large"), options, strict=True):
        column.markdown(f"### {option.name}")
        column.markdown(option.summary)
    for row in SLIDE_ROWS:
        for column, option in zip(st.columns(len(options), gap="large"), options, strict=True):
            column.markdown(f"**{content.text(f'row.{row}')}** {getattr(option, row)}")


def qr_image(svg: str | None, alt: str) -> None:
    """An SVG shown as an image whose text alternative screen readers announce; its size is the SVG's own."""
    if svg is None:
        return
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    st.markdown(f"![{alt}](data:image/svg+xml;base64,{data})")


require_text("share.title", "share.copy", "share.private", "share.light", "talk.light", "learn.glossary",
             "learn.questions", "learn.sources",
             "talk.previous", "talk.next", "talk.notes",
             "share.qr_alt")


# --- what matters to me ----------------------------------------------------------------------

def decision_section(content: Content, state: links.TreatmentsState, on_change) -> None:
    """Rate wishes, see the options sorted by them, check SURE, tick questions, download a summary."""
    d = content.decision
    st.header(content.text("decision.title"))
    st.markdown(d.intro)
    for wish in d.wishes:
        st.radio(wish.label, (0, 1, 2), key=f"wish_{wish.id}", horizontal=True,
                 format_func=lambda level: d.levels[level], on_change=on_change)
    ratings = dict(state.matters)
    weights = {w.id: ratings.get(w.id, 0) for w in d.wishes}
    with st.container(border=True):
        st.markdown(f":material/info: **{d.not_advice}**")
    ranked = decision.rank(content, weights)
    if decision.all_neutral(weights):
        st.markdown(content.text("decision.none_yet"))
    else:
        st.subheader(content.text("decision.sorted"))
        pairs = [(f.treatment.name, f.score) for f in ranked]
        order = "; ".join(f"{n}. {name} ({score:+d})" for n, (name, score) in enumerate(pairs, 1))
        chart(fit_spec(tuple(pairs), ranked[0].best), content.text("decision.alt", order=order))
        st.markdown("\n".join(
            f"{n}. **{f.treatment.name}**: {content.text('decision.fits', score=f'{f.score:+d}', best=f.best)}"
            for n, f in enumerate(ranked, 1)))
        with st.expander(content.text("decision.why")):
            names = content.text("decision.fit_levels").split("|")
            for f in ranked:
                fits = d.fit[f.treatment.id]
                st.markdown(f"**{f.treatment.name}**: " + "; ".join(
                    f"{w.label.lower()}: {names[fits[w.id]]}" for w in d.wishes if weights[w.id]))

    st.subheader(content.text("sure.title"))
    st.markdown(content.text("sure.intro"))
    sure = {}
    for q in d.sure:
        sure[q.id] = st.radio(q.question, (True, False), index=None, key=f"sure_{q.id}", horizontal=True,
                              format_func=lambda yes: content.text("sure.yes" if yes else "sure.no"))
        if sure[q.id] is False:
            st.markdown(f"↳ {q.if_no}")
    if all(sure.values()):
        st.success(content.text("sure.ready"))

    st.subheader(content.text("ask.title"))
    st.markdown(content.text("ask.intro"))
    for q in content.questions:
        st.checkbox(q.text, key=f"ask_{q.id}", on_change=on_change)
    own = st.text_area(content.text("ask.own"), key="ask_own", help=content.text("ask.own_hint"))
    st.caption(content.text("ask.own_hint"))

    link = share_base() + links.href(state)
    summary = handout.render_summary(content, state.compare, ratings, [f.treatment.id for f in ranked],
                                     sure, state.ask, own, link)
    st.download_button(content.text("summary.download"), summary, file_name="my-summary.html",
                       mime="text/html", icon=":material/download:", key="summary", on_click="ignore")
    st.caption(content.text("summary.private"))


def decision_widgets(content: Content, state: links.TreatmentsState) -> None:
    """Put the link's answers into the widgets before they are drawn."""
    ratings = dict(state.matters)
    for wish in content.decision.wishes:
        st.session_state[f"wish_{wish.id}"] = ratings.get(wish.id, 0)
    for q in content.questions:
        st.session_state[f"ask_{q.id}"] = q.id in state.ask


def decision_state(content: Content) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...]]:
    """The answers as the widgets hold them now, for the link."""
    matters = tuple((w.id, st.session_state[f"wish_{w.id}"]) for w in content.decision.wishes
                    if st.session_state.get(f"wish_{w.id}"))
    ask = tuple(q.id for q in content.questions if st.session_state.get(f"ask_{q.id}"))
    return matters, ask


require_text("decision.title", "decision.sorted", "decision.none_yet", "decision.fits", "decision.alt",
             "decision.why", "decision.fit_levels", "sure.title", "sure.intro", "sure.yes", "sure.no",
             "sure.ready", "ask.title", "ask.intro", "ask.own", "ask.own_hint", "summary.download",
             "summary.private")
