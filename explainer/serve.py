"""Start the app: `python -m explainer.serve [streamlit options]`, the way `make run` and the tests do.

Streamlit keeps a legacy mode for apps with a pages/ folder. Until a script has called st.navigation, a
fresh server treats the first visit as such an app, and a first visitor who arrives by a shared link
sees "Page not found" before the right page. Turning that mode off before the server starts means
every visit, the first included, goes through app.py's navigation.

Streamlit's server is wrapped in explainer/web.py's middleware, so every page answers with its own title,
description and picture for link previews and search, and /robots.txt and /sitemap.xml exist.
"""

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli
from streamlit.web.server.starlette import starlette_server

from explainer.web import with_previews

APP = Path(__file__).resolve().parent.parent / "app.py"


def main() -> None:
    PagesManager.uses_pages_directory = False
    # Streamlit builds its server app here and offers no other hook for `streamlit run` to add middleware.
    starlette_server.create_starlette_app = with_previews(starlette_server.create_starlette_app)
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
