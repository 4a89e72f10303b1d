"""SMS channel: the text split into segments and posted to an HTTP SMS gateway.

Segments (UCS-2, the coding every Chinese text is sent in):

- length is counted in UTF-16 code units: a character outside the BMP (an emoji, a rare
  汉字 of CJK Extension B) counts 2;
- a text of at most 70 units goes as one message of one segment;
- a longer text goes as concatenated parts of at most 67 units each (each part gives 3 units
  to the concatenation header); a surrogate pair is never cut in two;
- the signature (``【新坪镇文明办】``) is part of the text and counts: it goes in front once,
  in place of the 【…】 the text begins with, if any (carriers show the registered one only).

The gateway gets one ``POST`` per notification: JSON ``{"to", "sign", "reference", "text",
"segments"}``, ``Authorization: Bearer <token>`` when a token is set. ``reference`` is the
same for every attempt at one notification, so the gateway can drop a repeat. 2xx: sent;
5xx, 429, a timeout or no connection: try again later; any other answer: refused for good.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

SINGLE, PART = 70, 67
_SIGNATURE = re.compile(r"^【[^】]{1,20}】")


class SmsError(Exception):
    """Base class of SMS delivery failures."""


class TransientSmsError(SmsError):
    """Worth trying again later: a 5xx or 429 answer, a timeout, no connection."""


class PermanentSmsError(SmsError):
    """Trying again will not help: the gateway refused the message (4xx), or no gateway."""


@dataclass(frozen=True)
class OutgoingSms:
    to: str
    text: str
    reference: str


class Texter(Protocol):
    """What delivery needs of an SMS channel; :class:`HttpSmsGateway` fits."""

    def send(self, sms: OutgoingSms) -> None: ...


def units(text: str) -> int:
    """The text's length in UTF-16 code units, as the gateway and the handset count it."""
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)


def segments(text: str) -> list[str]:
    """One segment up to 70 units; otherwise parts of at most 67 units each."""
    if units(text) <= SINGLE:
        return [text]
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in text:
        width = units(char)
        if size + width > PART:
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return parts


def signed(text: str, signature: str) -> str:
    """One line, beginning with the signature (in place of the 【…】 it began with)."""
    line = " ".join(text.split())
    return signature + _SIGNATURE.sub("", line, count=1) if signature else line


class HttpSmsGateway:
    """Posts each message as JSON to the gateway's URL."""

    def __init__(self, url: str, token: str = "", signature: str = "",
                 timeout: float = 10.0) -> None:
        if urlsplit(url).scheme not in ("http", "https"):
            raise ValueError(f"短信网关地址须以 http:// 或 https:// 开头：{url!r}")
        self.url, self.token, self.signature, self.timeout = url, token, signature, timeout

    def body(self, sms: OutgoingSms) -> dict[str, object]:
        text = signed(sms.text, self.signature)
        return {"to": sms.to, "sign": self.signature, "reference": sms.reference,
                "text": text, "segments": segments(text)}

    def send(self, sms: OutgoingSms) -> None:
        data = json.dumps(self.body(sms), ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(self.url, data=data, method="POST", headers={  # noqa: S310
            "Content-Type": "application/json; charset=utf-8", **self._auth()})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                answer.read()
        except urllib.error.HTTPError as error:
            raise self._refused(error.code, _answer_text(error)) from error
        except (urllib.error.URLError, OSError) as error:
            raise TransientSmsError(
                f"短信发送失败：无法连接短信网关 {self._where()}（{error!r}），稍后重试。"
                f" SMS delivery failed: cannot reach the gateway {self._where()}; retrying."
            ) from error

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def _where(self) -> str:
        return urlsplit(self.url).netloc or self.url

    def _refused(self, status: int, answer: str) -> SmsError:
        said = f"短信网关 {self._where()} 答复 {status}：{answer}"
        if status >= 500 or status == 429:
            return TransientSmsError(f"短信发送暂时失败：{said}，稍后重试。")
        return PermanentSmsError(f"短信发送失败：{said}。请检查号码、签名和网关设置。")


def _answer_text(error: urllib.error.HTTPError) -> str:
    try:
        return " ".join(error.read(300).decode("utf-8", "replace").split())
    except OSError:
        return ""
