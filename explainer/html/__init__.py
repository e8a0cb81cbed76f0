"""Light pages and handouts: standalone HTML pages made from Jinja2 templates and the content's Markdown."""
