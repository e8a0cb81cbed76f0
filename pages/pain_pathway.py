"""How chronic pain works: the interactive pathway, acute and chronic views, wind-up, and where treatments act."""

from explainer import links
from explainer.ui import frame, pathway, quiz

c = frame.load_content()
parsed = links.parse_pathway(frame.url_params(), c.stages, c.treatments)
frame.notices(c, parsed.notices)
frame.set_url(parsed.state)

frame.page_intro(c, "pathway")
pathway.controls(c, parsed.state)
pathway.windup_explainer(c, parsed.state.view)

pathway.pathway_text(c, parsed.state.view)

quiz.section(c, "pathway")
