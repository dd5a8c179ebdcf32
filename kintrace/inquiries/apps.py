from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    name = "kintrace.inquiries"
    label = "inquiries"
    verbose_name = "Inquiries to institutions"
