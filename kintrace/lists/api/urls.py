from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from kintrace.lists.api import views

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/assets/<str:name>", views.docs_asset, name="api-docs-asset"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("lists/", views.ListPush.as_view(), name="api-list-push"),
    path("imports/<int:job_id>/", views.ImportStatus.as_view(), name="api-import"),
    path("records/", views.RecordSearch.as_view(), name="api-records"),
    path("cases/", views.CaseReferral.as_view(), name="api-case-refer"),
    path("cases/<str:reference>/", views.CaseStatus.as_view(), name="api-case"),
]
