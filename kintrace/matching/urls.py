from django.urls import path

from kintrace.matching import views

app_name = "matching"

urlpatterns = [
    path("", views.review_queue, name="queue"),
    path("run/", views.run_all, name="run"),
    path("<int:match_id>/", views.match_detail, name="match"),
    path("<int:match_id>/confirm/", views.match_confirm, name="confirm"),
    path("<int:match_id>/reject/", views.match_reject, name="reject"),
    path("<int:match_id>/tell/", views.match_tell, name="tell"),
]
