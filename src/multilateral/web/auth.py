"""Who may write: API tokens (in the Authorization header) or, for editors in a browser, a
session (its cookie holds a random session id, never the token), a brake on guessing
tokens, and CSRF protection for the site's forms."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request
from fastapi.responses import Response

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


def _presented(request: Request) -> str | None:
    """The token in the Authorization header, if any."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


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
    secret = _presented(request)
    if secret:
        return check_secret(request, secret)
    return _session(request)


def _session(request: Request) -> Token | None:
    """The token the browser's session stands for. Session ids are 256 random bits, so a
    stale cookie (after logout or expiry) is not counted as a guess."""
    session = request.cookies.get(SESSION_COOKIE)
    if not session:
        return None
    kb: KnowledgeBase = request.app.state.kb
    return kb.session(session)


def log_in(request: Request, response: Response, token: Token) -> None:
    """Open a session for `token` and give the browser its id in an HttpOnly,
    SameSite=Strict cookie (Secure when the site is served over HTTPS)."""
    settings = request.app.state.settings
    kb: KnowledgeBase = request.app.state.kb
    lifetime = dt.timedelta(hours=settings.session_hours)
    session = kb.open_session(token, lifetime)
    response.set_cookie(SESSION_COOKIE, session, max_age=int(lifetime.total_seconds()),
                        httponly=True, samesite="strict", secure=settings.https)


def log_out(request: Request, response: Response) -> None:
    """End the session in the store, so that its cookie opens nothing even if kept."""
    session = request.cookies.get(SESSION_COOKIE)
    if session:
        kb: KnowledgeBase = request.app.state.kb
        kb.close_session(session)
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="strict",
                           secure=request.app.state.settings.https)


def require(role: str, *, cookie_ok: bool = False) -> Callable[[Request], Token]:
    """A dependency: a valid token with `role` or above. The API takes the header only;
    the site's forms (`cookie_ok`) take the session cookie and check their CSRF token."""

    def dependency(request: Request) -> Token:
        secret = _presented(request)
        if secret:
            token = check_secret(request, secret)
            if token is None:
                raise WebError(401, "unauthorized",
                               "The token is not valid (unknown or revoked).",
                               {"WWW-Authenticate": "Bearer"})
        elif cookie_ok and request.cookies.get(SESSION_COOKIE):
            token = _session(request)
            if token is None:
                raise WebError(401, "unauthorized",
                               "Your session has ended (logged out, expired or its token "
                               "revoked): log in again at /login.")
        else:
            raise WebError(401, "unauthorized",
                           "This needs a token: send 'Authorization: Bearer TOKEN' (make one "
                           "with `multilateral token create --role editor`).",
                           {"WWW-Authenticate": "Bearer"})
        if not token.allows(role):
            raise WebError(403, "forbidden",
                           f"A {token.role} token cannot do this: it needs a {role} token.")
        return token

    return dependency


def csrf_token(request: Request) -> str:
    """The CSRF token for this browser's forms: an HMAC, under the server's key, of its
    session id, or before login of a random value in a cookie of its own (made on first
    use; `html` sets the cookie). A cookie planted with a field of the same value does not
    pass, and a token from one session is no good in another."""
    binding = _binding(request)
    if binding is None:
        request.state.new_csrf = secrets.token_urlsafe(24)
        binding = _binding(request)
        assert binding is not None
    return _sign(request, binding)


def check_csrf(request: Request, submitted: str | None) -> None:
    binding = _binding(request, made_now=False)
    if not binding or not submitted or not hmac.compare_digest(
            _sign(request, binding), submitted):
        raise WebError(403, "csrf_failed",
                       "The form's CSRF token is missing or does not match: reload the page "
                       "and submit the form again.")


def _binding(request: Request, made_now: bool = True) -> str | None:
    session = request.cookies.get(SESSION_COOKIE)
    if session:
        return f"session:{session}"
    browser = request.cookies.get(CSRF_COOKIE) or (
        getattr(request.state, "new_csrf", None) if made_now else None)
    return f"browser:{browser}" if browser else None


def _sign(request: Request, binding: str) -> str:
    key: bytes = request.app.state.csrf_key
    digest = hmac.new(key, binding.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
