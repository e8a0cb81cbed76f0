"""Streamlit render helpers: one module per page and one for the shared frame. Pages call these; these
call content, links and charts, never the other way round."""
