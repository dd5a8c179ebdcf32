from django.urls import path

from kintrace.cases.views import public, staff

app_name = "cases"

REF = "<str:reference>"

urlpatterns = [
    path("", public.landing, name="landing"),
    path("request/", public.intake, name="intake"),
    path("request/done/", public.intake_done, name="intake_done"),
    path("status/", public.status_lookup, name="status"),
    path("status/leave/", public.family_leave, name="family_leave"),
    path(f"status/{REF}/", public.family_case, name="family_case"),
    path("staff/", staff.dashboard, name="dashboard"),
    path("staff/cases/", staff.case_list, name="case_list"),
    path(f"staff/cases/{REF}/", staff.case_detail, name="case_detail"),
    path(f"staff/cases/{REF}/assign/", staff.case_assign, name="case_assign"),
    path(f"staff/cases/{REF}/status/", staff.case_status, name="case_status"),
    path(f"staff/cases/{REF}/priority/", staff.case_priority, name="case_priority"),
    path(f"staff/cases/{REF}/note/", staff.case_note, name="case_note"),
    path(f"staff/cases/{REF}/message/", staff.case_message, name="case_message"),
    path(f"staff/cases/{REF}/person/", staff.person_edit, name="person_edit"),
    path(f"staff/cases/{REF}/erase/", staff.case_erase, name="case_erase"),
    path(f"staff/cases/{REF}/photo/", staff.person_photo, name="person_photo"),
]
