from django.contrib import admin
from django.urls import include, path

from kintrace.cases.views.public import healthz

urlpatterns = [
    path("", include("kintrace.cases.urls")),
    path("staff/", include("kintrace.accounts.urls")),
    path("staff/passkeys/", include("kintrace.accounts.passkey_urls")),
    path("staff/reports/", include("kintrace.reports.urls")),
    path("staff/lists/", include("kintrace.lists.urls")),
    path("staff/matches/", include("kintrace.matching.urls")),
    path("api/", include("kintrace.lists.api.urls")),
    path("staff/", include("kintrace.inquiries.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]
