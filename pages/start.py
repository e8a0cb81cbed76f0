"""Start here: what the condition is, why surgery can leave pain, and where to go next."""

from explainer import links
from explainer.ui import frame, home

c = frame.load_content()
parsed = links.parse_none(frame.url_params())
frame.notices(c, parsed.notices)
frame.set_url(parsed.state)
frame.page_intro(c, "home")
home.next_steps(c)
