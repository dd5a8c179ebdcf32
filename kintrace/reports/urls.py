from django.urls import path

from kintrace.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("anonymised/", views.anonymised_page, name="anonymised"),
    path("anonymised/records.<str:fmt>", views.anonymised_export, name="anonymised_export"),
    path("<slug:name>/", views.report_page, name="report"),
    path("<slug:name>/export.<str:fmt>", views.export, name="export"),
    path("<slug:name>/chart.<str:image>", views.chart, name="chart"),
    path("<slug:name>/summary.pdf", views.summary, name="summary"),
]
