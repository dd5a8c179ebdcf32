from django.urls import path

from kintrace.inquiries import views

app_name = "inquiries"

urlpatterns = [
    path("inquiries/", views.inquiry_list, name="list"),
    path("inquiries/<int:inquiry_id>/", views.inquiry_detail, name="detail"),
    path("inquiries/<int:inquiry_id>/edit/", views.inquiry_edit, name="edit"),
    path("inquiries/<int:inquiry_id>/send/", views.inquiry_send, name="send"),
    path("inquiries/<int:inquiry_id>/register/", views.inquiry_register, name="register"),
    path("inquiries/<int:inquiry_id>/extend/", views.inquiry_extend, name="extend"),
    path("inquiries/<int:inquiry_id>/response/", views.inquiry_response, name="response"),
    path(
        "inquiries/<int:inquiry_id>/letter.<str:letter_format>", views.inquiry_letter, name="letter"
    ),
    path("cases/<str:reference>/inquiries/new/", views.inquiry_new, name="new"),
    path("institutions/", views.institution_list, name="institutions"),
    path("institutions/new/", views.institution_edit, name="institution_new"),
    path("institutions/<int:institution_id>/", views.institution_edit, name="institution_edit"),
    path("rules/new/", views.rule_edit, name="rule_new"),
    path("rules/<int:rule_id>/", views.rule_edit, name="rule_edit"),
    path("letter-templates/<int:template_id>/", views.template_edit, name="template_edit"),
    path("scorecards/", views.scorecard, name="scorecard"),
]
