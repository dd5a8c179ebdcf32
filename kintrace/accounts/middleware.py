"""Staff pages need a second factor: a signed-in user who has not proved one is sent to do so."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

# Pages a signed-in but unverified user may open: the factor pages themselves and log-out.
OPEN_NAMES = {"accounts:login", "accounts:logout", "accounts:second_factor"}
PROTECTED_PREFIXES = ("/staff/", "/admin/")


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
