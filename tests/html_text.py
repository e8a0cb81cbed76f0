"""The one HTML reader the tests share: a generated page's text, its tags, its attributes, its table headers."""

from html.parser import HTMLParser


class Html(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.parts: list[str] = []
        self.headers: list[str] = []
        self._in_th = False
        self.feed(html)

    @property
    def text(self) -> str:
        return " ".join(self.parts)

    @property
    def words(self) -> str:
        """The text with every run of whitespace as one space, as a reader sees it."""
        return " ".join(self.text.split())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_th = tag == "th"

    def handle_endtag(self, tag: str) -> None:
        self._in_th = False

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self._in_th:
            self.headers.append(data.strip())
