"""Signed double-submit tokens for the public forms.

The page that shows a form sets a random nonce in a same-site, HTTP-only cookie and puts the
nonce, signed with the site's secret, in the form. A POST is accepted only when the signed
token is genuine, not older than MAX_AGE, and carries the cookie's nonce."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import HTTPException, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from sanchuang.runtime.audit_key import load_key
from sanchuang.settings import Settings
from sanchuang.web.i18n import N_

COOKIE = "sanchuang_csrf"
FIELD = "csrf_token"
MAX_AGE = 2 * 3600


def site_secret(settings: Settings) -> str:
    """SANCHUANG_WEB_SECRET; without it, a key derived from the audit key (so every web
    process of one store agrees, and a restart keeps sessions); without either, a key of
    this process only (a form or session from before a restart is then refused)."""
    if settings.web_secret and settings.web_secret.get_secret_value():  # empty: unset
        return settings.web_secret.get_secret_value()
    audit = load_key(settings)
    if audit:
        return hmac.new(audit, b"sanchuang web secret", hashlib.sha256).hexdigest()
    return secrets.token_hex(32)


def make_signer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(site_secret(settings), salt="sanchuang-form")


def _signer(request: Request) -> URLSafeTimedSerializer:
    signer: URLSafeTimedSerializer = request.app.state.csrf
    return signer


def issue(request: Request) -> tuple[str, str]:
    """(nonce for the cookie, token for the form); reuses the cookie's nonce if present."""
    nonce = request.cookies.get(COOKIE) or secrets.token_urlsafe(24)
    return nonce, _signer(request).dumps(nonce)


def set_cookie(response: Response, nonce: str) -> None:
    response.set_cookie(COOKIE, nonce, max_age=MAX_AGE, httponly=True, samesite="strict")


def check(request: Request, token: str) -> None:
    """Refuse (403) a form without a genuine token matching the cookie."""
    nonce = request.cookies.get(COOKIE, "")
    try:
        signed = _signer(request).loads(token, max_age=MAX_AGE)
    except BadSignature:
        signed = None
    if not nonce or not isinstance(signed, str) or not hmac.compare_digest(signed, nonce):
        raise HTTPException(403, N_("表单已失效，请刷新页面后重新提交"))
