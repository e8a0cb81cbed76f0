"""The explainer's logic: content, links, charts and HTML, importable and testable without a browser."""
