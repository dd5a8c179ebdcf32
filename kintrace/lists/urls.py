from django.urls import path

from kintrace.lists import views

app_name = "lists"

urlpatterns = [
    path("", views.list_index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("imports/<int:job_id>/", views.import_job, name="import_job"),
    path("<int:list_id>/", views.source_list, name="source_list"),
]
