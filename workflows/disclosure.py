"""The one masking policy. Everything public — pages, PDFs, exports, notifications to third
parties — shows a name and a village as published, and never an ID number, a phone number or
a home address; ID numbers and phones found in free text (deeds, an objection's summary) are
blanked out. Internal lists use one mask: an ID number's first 6 and last 4 characters, a
mobile's first 3 and last 4 digits.

Every masker of the system is here; nothing else masks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

HIDDEN = "［已隐去］"
#: The fields of a published entry that public output may show (no ID, phone or address).
PUBLIC_FIELDS = ("nomination_id", "display_name", "village_name", "programme", "category",
                 "star_level", "deeds", "gender", "age")
_FREE_TEXT = ("display_name", "village_name", "category", "deeds")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_ID_IN_TEXT = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
_MOBILE_IN_TEXT = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])")
_LANDLINE_IN_TEXT = re.compile(r"(?<![0-9])0\d{2,3}-[2-9]\d{6,7}(?![0-9])")


def _all_but_last4(value: str) -> str:
    if len(value) <= 4:
        return "*" * len(value)
    return "*" * (len(value) - 4) + value[-4:]


def mask_id_number(s: str) -> str:
    """Internal lists: first 6 and last 4 characters visible, everything between as ``*``."""
    value = s.strip().upper()
    if len(value) <= 10:
        return _all_but_last4(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(s: str) -> str:
    """Internal lists: ``138****5678`` for a mobile; anything else masked but the last 4."""
    value = s.strip()
    if _MOBILE.fullmatch(value):
        return value[:3] + "****" + value[-4:]
    return _all_but_last4(value)


def _mask_mobile(found: str) -> str:
    digits = re.sub(r"[^0-9]", "", found)[-11:]
    return digits[:3] + "****" + digits[-4:]


def mask_contacts(text: str) -> str:
    """Text read by staff of another office: ID numbers and mobiles in the internal mask
    (full-width digits are read as digits)."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    text = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group()), text)
    return _MOBILE_IN_TEXT.sub(lambda m: _mask_mobile(m.group()), text)


def public_text(text: str) -> str:
    """Text for the public: every ID number, mobile and landline blanked out whole."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    for pattern in (_ID_IN_TEXT, _MOBILE_IN_TEXT, _LANDLINE_IN_TEXT):
        text = pattern.sub(HIDDEN, text)
    return text


def public_entry(entry: Mapping[str, Any]) -> dict[str, Any]:
    """A published entry as public output shows it: only the public fields, free text
    through ``public_text``."""
    shown = {key: entry.get(key) for key in PUBLIC_FIELDS}
    for key in _FREE_TEXT:
        value = shown[key]
        if isinstance(value, str):
            shown[key] = public_text(value)
    return shown


def leaks(text: str) -> list[str]:
    """The ID numbers and mobile numbers in ``text`` (what public output must not contain)."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    return [m.group() for p in (_ID_IN_TEXT, _MOBILE_IN_TEXT) for m in p.finditer(text)]
