from django.conf import settings


def site(request) -> dict:
    return {"organisation_name": settings.ORGANISATION_NAME}
