"""Who may write: API tokens (in the Authorization header) or, for editors in a browser, a
session (its cookie holds a random session id, never the token), a brake on guessing
tokens, and CSRF protection for the site's forms."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import ipaddress
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import Response
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

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


# A wrong token is counted against the first characters it shows ("mlt_" and 8 more, so
# a mistyped or revoked copy of one token counts as that token) and against the client's
# address, each its own brake.
PREFIX_CHARS = 12


@dataclass
class Throttle:
    """After `allowed` wrong tokens in a row under one key (a client address, a token
    prefix), each further wrong token under it is refused with 429 until a doubling pause
    (capped) is over. A right token is never delayed: it is looked up first, so neither a
    guesser behind the same proxy nor one trying the same prefix can lock an editor out."""

    allowed: int = 10
    max_pause: float = 300.0
    max_keys: int = 100_000  # memory stays bounded whatever a guesser sends
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, int] = field(default_factory=dict)
    _until: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def check(self, keys: Sequence[str]) -> None:
        with self._lock:
            left = max(self._until.get(key, 0.0) for key in keys) - self.clock()
        if left > 0:
            raise WebError(429, "too_many_failures",
                           f"Too many wrong tokens from this address or for this token; "
                           f"try again in {int(left) + 1} s.",
                           {"Retry-After": str(int(left) + 1)})

    def failed(self, keys: Sequence[str]) -> None:
        with self._lock:
            for key in keys:
                count = self._failures.pop(key, 0) + 1
                self._failures[key] = count  # re-inserted: the oldest keys go first
                if count >= self.allowed:
                    pause = min(2.0 ** (count - self.allowed), self.max_pause)
                    self._until[key] = self.clock() + pause
            while len(self._failures) > self.max_keys:
                oldest = next(iter(self._failures))
                self._failures.pop(oldest)
                self._until.pop(oldest, None)

    def succeeded(self, keys: Sequence[str]) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
                self._until.pop(key, None)


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_proxies(text: str | None) -> tuple[Network, ...]:
    """The `trusted_proxies` setting: addresses or networks, separated by commas."""
    networks = []
    for item in (text or "").split(","):
        if item.strip():
            try:
                networks.append(ipaddress.ip_network(item.strip(), strict=False))
            except ValueError:
                raise ValueError(
                    f"MULTILATERAL_TRUSTED_PROXIES: '{item.strip()}' is not an IP address or "
                    "network; give them separated by commas (127.0.0.1, 10.0.0.0/8).") from None
    return tuple(networks)


def _trusted(address: str, proxies: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(request: Request) -> str:
    """The client's address: the peer's, or, when the peer is a trusted proxy, the last
    address in X-Forwarded-For that is not one of the trusted proxies (the ones before it
    could be written by anybody)."""
    peer = request.client.host if request.client else "unknown"
    proxies: tuple[Network, ...] = request.app.state.trusted_proxies
    if not proxies or not _trusted(peer, proxies):
        return peer
    forwarded = [a.strip() for a in ",".join(
        request.headers.getlist("x-forwarded-for")).split(",") if a.strip()]
    for address in reversed(forwarded):
        if not _trusted(address, proxies):
            return address
    return forwarded[0] if forwarded else peer


def _presented(request: Request) -> str | None:
    """The token in the Authorization header, if any."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


def check_secret(request: Request, secret: str) -> Token | None:
    """Look a token up; a wrong one counts against the client's address and the token's
    prefix, and under a pause is refused with 429. A right one always goes through."""
    throttle: Throttle = request.app.state.throttle
    keys = (f"address:{client_address(request)}", f"prefix:{secret[:PREFIX_CHARS]}")
    kb: KnowledgeBase = request.app.state.kb
    token = kb.authenticate(secret)
    if token is not None:
        throttle.succeeded(keys)
        return token
    throttle.check(keys)
    throttle.failed(keys)
    return None


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


# The schemes as the OpenAPI document shows them (and /docs's "Authorize" sends); the
# dependencies below read the header and the cookie themselves.
BEARER = HTTPBearer(scheme_name="bearer", auto_error=False,
                    description="An API token: `multilateral token create --role editor`.")
SESSION = APIKeyCookie(name=SESSION_COOKIE, scheme_name="session", auto_error=False,
                       description="An editor's browser session, opened at /login.")
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]
Session = Annotated[str | None, Depends(SESSION)]


def require(role: str, *, cookie_ok: bool = False) -> Callable[..., Token]:
    """A dependency: a valid token with `role` or above. The API takes the header only;
    the site's forms (`cookie_ok`) take the session cookie and check their CSRF token."""

    def checked(request: Request) -> Token:
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

    def by_header(request: Request, _bearer: Bearer) -> Token:
        return checked(request)

    def by_header_or_session(request: Request, _bearer: Bearer, _session: Session) -> Token:
        return checked(request)

    return by_header_or_session if cookie_ok else by_header


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
