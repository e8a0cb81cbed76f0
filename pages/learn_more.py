"""Learn more: about this guide, glossary, questions to ask your care team, and every source."""

from explainer import links
from explainer.ui import frame, learn

c = frame.load_content()
parsed = links.parse_learn(frame.url_params(), c.glossary)
frame.notices(c, parsed.notices)
frame.set_url(parsed.state)
learn.page(c, parsed.state.term)
