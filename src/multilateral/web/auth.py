"""Who may write: API tokens (header or, for editors in a browser, a session cookie),
a brake on guessing tokens, and CSRF protection for the site's forms."""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request

from multilateral.errors import MultilateralError
from multilateral.kb import KnowledgeBase
from multilateral.model.access import Token

SESSION_COOKIE = "mlt_session"
CSRF_COOKIE = "mlt_csrf"  # its value goes in each form as the field `csrf_token`


class WebError(MultilateralError):
    """An HTTP-level refusal (no token, wrong role, too many failures, CSRF)."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status  # per instance, not per class
        self.code = code
        self.headers = headers or {}


@dataclass
class Throttle:
    """After `allowed` wrong tokens in a row from one client, each further try waits for a
    doubling pause (capped), wrong or right, until the pause is over."""

    allowed: int = 10
    max_pause: float = 300.0
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, int] = field(default_factory=dict)
    _until: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def check(self, client: str) -> None:
        with self._lock:
            left = self._until.get(client, 0.0) - self.clock()
        if left > 0:
            raise WebError(429, "too_many_failures",
                           f"Too many wrong tokens from this address; try again in "
                           f"{int(left) + 1} s.", {"Retry-After": str(int(left) + 1)})

    def failed(self, client: str) -> None:
        with self._lock:
            count = self._failures.get(client, 0) + 1
            self._failures[client] = count
            if count >= self.allowed:
                pause = min(2.0 ** (count - self.allowed), self.max_pause)
                self._until[client] = self.clock() + pause

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)
            self._until.pop(client, None)


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _presented(request: Request, cookie_ok: bool) -> str | None:
    """The token the request carries: the Authorization header, or for the site's own
    pages and forms the session cookie."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get(SESSION_COOKIE) if cookie_ok else None


def check_secret(request: Request, secret: str) -> Token | None:
    """Look a token up, counting failures against the client's address."""
    throttle: Throttle = request.app.state.throttle
    client = _client(request)
    throttle.check(client)
    kb: KnowledgeBase = request.app.state.kb
    token = kb.authenticate(secret)
    if token is None:
        throttle.failed(client)
    else:
        throttle.succeeded(client)
    return token


def current_token(request: Request) -> Token | None:
    """The valid token of the request, if any (pages use it to show editor links)."""
    secret = _presented(request, cookie_ok=True)
    if not secret:
        return None
    return check_secret(request, secret)


def require(role: str, *, cookie_ok: bool = False) -> Callable[[Request], Token]:
    """A dependency: a valid token with `role` or above. The API takes the header only;
    the site's forms (`cookie_ok`) take the session cookie and check their CSRF token."""

    def dependency(request: Request) -> Token:
        secret = _presented(request, cookie_ok)
        if not secret:
            raise WebError(401, "unauthorized",
                           "This needs a token: send 'Authorization: Bearer TOKEN' (make one "
                           "with `multilateral token create --role editor`).",
                           {"WWW-Authenticate": "Bearer"})
        token = check_secret(request, secret)
        if token is None:
            raise WebError(401, "unauthorized", "The token is not valid (unknown or revoked).",
                           {"WWW-Authenticate": "Bearer"})
        if not token.allows(role):
            raise WebError(403, "forbidden",
                           f"A {token.role} token cannot do this: it needs a {role} token.")
        return token

    return dependency


def csrf_token(request: Request) -> str:
    """The CSRF token for this browser (double-submit: a cookie and the same value in each
    form), made on first use; `respond` sets the cookie."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not token:
        token = secrets.token_urlsafe(24)
        request.state.new_csrf = token
    return str(token)


def check_csrf(request: Request, submitted: str | None) -> None:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
        raise WebError(403, "csrf_failed",
                       "The form's CSRF token is missing or does not match: reload the page "
                       "and submit the form again.")
