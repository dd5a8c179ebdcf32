from django.urls import path

from kintrace.lists import tokens, views

app_name = "lists"

urlpatterns = [
    path("", views.list_index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("imports/<int:job_id>/", views.import_job, name="import_job"),
    path("<int:list_id>/", views.source_list, name="source_list"),
    path("<int:list_id>/export/<str:fmt>/", views.export_list, name="export"),
    path("tokens/", tokens.token_list, name="tokens"),
    path("tokens/<int:token_id>/revoke/", tokens.token_revoke, name="token_revoke"),
]
