from django.contrib.auth import views as auth_views
from django.urls import path

from kintrace.accounts import views
from kintrace.accounts.forms import StaffLoginForm

app_name = "accounts"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=StaffLoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("audit/", views.audit_log, name="audit_log"),
    path("second-factor/", views.second_factor_page, name="second_factor"),
    path("second-factor/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("account/", views.account, name="account"),
    path(
        "account/passkeys/<int:passkey_id>/remove/",
        views.passkey_remove,
        name="passkey_remove",
    ),
    path("users/", views.staff_users, name="staff_users"),
    path("users/<int:user_id>/reset-second-factor/", views.reset_factor, name="reset_factor"),
]
