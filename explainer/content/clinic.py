"""The clinic that offers this copy of the guide: content/clinic.yaml, one file for every language.

Names, numbers and addresses are not translated, so the file has no copy in content/es/; the words
around them ("Phone:", "Found a mistake?") are in each language's site.yaml. Only `emergency` and
`crisis` must be given: every other field may be left empty, and every reader shows nothing for it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from explainer.content.base import _Model

_EMAIL = re.compile(r"^[^@\s<>\"'()]+@[^@\s<>\"'()]+\.[A-Za-z]{2,}$")
_NUMBER = re.compile(r"^[0-9+()./ -]+$")


def _web_address(value: str, *, base: bool) -> str:
    """An http(s) address with a plain host; a `base` (which other addresses are built on) also has
    nothing after its path and no trailing slash."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or (base and (parts.query or parts.fragment)):
        example = "https://clinic.example/guide (no ? or # part)" if base else "https://clinic.example/contact"
        raise ValueError(f"must be a web address such as {example}")
    if not re.fullmatch(r"[A-Za-z0-9.-]+(:[0-9]{1,5})?", parts.netloc) or re.search(r"[\s<>\"'\\]", value):
        raise ValueError("must be a plain web address (letters, digits, dots and dashes in the host)")
    return value.rstrip("/") if base else value


class Clinic(_Model):
    name: str | None = Field(default=None, max_length=80)
    public_url: str | None = None  # EXPLAINER_PUBLIC_URL, when set, wins over it (explainer/share.py)
    phone: str | None = Field(default=None, max_length=30)
    address: str | None = Field(default=None, max_length=200)
    emergency: str = Field(min_length=1, max_length=20)
    crisis: str = Field(min_length=1, max_length=20)
    report_error: str | None = None  # an email address or a web address

    @field_validator("name", "phone", "address", "public_url", "report_error", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        return None if value is None else _web_address(value, base=True)

    @field_validator("phone", "emergency", "crisis")
    @classmethod
    def _number(cls, value: str | None) -> str | None:
        if value is not None and not _NUMBER.match(value):
            raise ValueError("must be a phone number: digits, spaces, and + ( ) - . / only")
        return value

    @field_validator("report_error")
    @classmethod
    def _contact(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if _EMAIL.match(value.removeprefix("mailto:")):
            return value.removeprefix("mailto:")
        try:
            return _web_address(value, base=False)
        except ValueError:
            raise ValueError("must be an email address or a web address (https://...)") from None

    @property
    def report_href(self) -> str | None:
        """Where a link to report a mistake points: a mail to the address, or the web address."""
        if self.report_error is None:
            return None
        return self.report_error if "://" in self.report_error else f"mailto:{self.report_error}"
