"""Staff pages need a second factor, and a staff log-in ends when idle or too old.

SecondFactorMiddleware sends a signed-in user who has not proved a factor to do so;
SessionTimeoutMiddleware logs out a staff member idle for STAFF_IDLE_MINUTES, or signed in
longer than SESSION_COOKIE_AGE however active (Django renews the cookie's age on every
save, so that age alone is no limit).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

# Pages a signed-in but unverified user may open: the factor pages themselves and log-out.
# The passkey ceremonies check the factor themselves: registering one needs a verified
# session unless it is the user's first factor.
OPEN_NAMES = {
    "accounts:login",
    "accounts:logout",
    "accounts:second_factor",
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
}
PROTECTED_PREFIXES = ("/staff/", "/admin/")
# Seconds since the epoch, kept in the session.
SIGNED_IN_AT = "kintrace_signed_in_at"
LAST_SEEN_AT = "kintrace_last_seen_at"
# The last-seen time is rewritten at most this often, so that a busy page does not save the
# session on every request (the idle timeout is counted in minutes anyway).
LAST_SEEN_STEP = 60


class SecondFactorMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if not request.path.startswith(PROTECTED_PREFIXES):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_NAMES:
            return None
        target = reverse("accounts:second_factor")
        return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def mark_signed_in(request: HttpRequest) -> None:
    """Start the clocks of a new log-in (called when a user logs in)."""
    now = int(timezone.now().timestamp())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN_AT] = now


def expiry_reason(request: HttpRequest) -> str | None:
    """Why this log-in has ended ("idle" or "too_old"), or None while it lasts."""
    session = request.session
    now = int(timezone.now().timestamp())
    signed_in = session.get(SIGNED_IN_AT)
    last_seen = session.get(LAST_SEEN_AT)
    if signed_in is None or last_seen is None:
        mark_signed_in(request)  # a log-in from before these clocks: they start now
        return None
    if now - signed_in > settings.SESSION_COOKIE_AGE:
        return "too_old"
    if now - last_seen > settings.STAFF_IDLE_MINUTES * 60:
        return "idle"
    return None


class SessionTimeoutMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        reason = expiry_reason(request)
        if reason is None:
            now = int(timezone.now().timestamp())
            if now - request.session[LAST_SEEN_AT] >= LAST_SEEN_STEP:
                request.session[LAST_SEEN_AT] = now
            return self.get_response(request)
        request.logout_reason = reason  # read by the audit receiver of the log-out signal
        logout(request)
        minutes = (
            settings.STAFF_IDLE_MINUTES if reason == "idle" else settings.SESSION_COOKIE_AGE // 60
        )
        if reason == "idle":
            message = ngettext(
                "You were logged out because you were away for more than %(minutes)d minute.",
                "You were logged out because you were away for more than %(minutes)d minutes.",
                minutes,
            )
        else:
            message = ngettext(
                "You were logged out because a log-in lasts at most %(minutes)d minute.",
                "You were logged out because a log-in lasts at most %(minutes)d minutes.",
                minutes,
            )
        messages.info(request, message % {"minutes": minutes})
        login = reverse("accounts:login")
        if request.method != "GET":  # a form sent after the log-out is not sent again
            return HttpResponseRedirect(login)
        return HttpResponseRedirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
