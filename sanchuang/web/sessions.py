"""Who is signed in: a signed, HTTP-only, same-site session cookie for people, a bearer
token for integrations on the API.

The cookie holds the username and the login's epoch, signed with the site secret and dated;
a session ends after MAX_AGE, on logout, and when the login is disabled or its password is
changed (the epoch moves on)."""

from __future__ import annotations

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from sanchuang.accounts import Logins, User
from sanchuang.settings import Settings
from sanchuang.web.csrf import site_secret

COOKIE = "sanchuang_session"
MAX_AGE = 12 * 3600


def bearer_token(request: Request) -> str:
    """The token of ``Authorization: Bearer <token>``, or "" (the session cookie is not one)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


class Sessions:
    def __init__(self, settings: Settings, logins: Logins) -> None:
        self.signer = URLSafeTimedSerializer(site_secret(settings), salt="sanchuang-session")
        self.logins = logins
        self.secure = settings.site_url.startswith("https://")

    def start(self, response: Response, user: User) -> None:
        value = self.signer.dumps({"u": user.username, "e": user.epoch})
        response.set_cookie(COOKIE, value, max_age=MAX_AGE, httponly=True, samesite="lax",
                            secure=self.secure)

    def end(self, response: Response) -> None:
        response.delete_cookie(COOKIE, httponly=True, samesite="lax", secure=self.secure)

    def user(self, request: Request, api: bool) -> User | None:
        """The signed-in user of this request: the API also takes ``Authorization: Bearer``."""
        token = bearer_token(request) if api else ""
        if token:
            return self.logins.token_user(token)
        raw = request.cookies.get(COOKIE)
        if not raw:
            return None
        try:
            data = self.signer.loads(raw, max_age=MAX_AGE)
        except BadSignature:
            return None
        if not isinstance(data, dict):
            return None
        username, epoch = data.get("u"), data.get("e")
        if not isinstance(username, str) or not isinstance(epoch, int):
            return None
        return self.logins.session_user(username, epoch)
