"""Staff roles: plain classes with a permission list, kept in step with Django groups."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Role:
    name: str
    label: str
    permissions: tuple[str, ...]


# Inquiries to institutions: draft, send, record answers; the directory is read-only.
INQUIRIES_CASEWORK = (
    "inquiries.view_inquiry",
    "inquiries.add_inquiry",
    "inquiries.change_inquiry",
    "inquiries.view_institution",
)
# The institutions directory, deadline rules and letter templates; the scorecards.
INQUIRIES_COORDINATION = (
    "inquiries.add_institution",
    "inquiries.change_institution",
    "inquiries.add_deadlinerule",
    "inquiries.change_deadlinerule",
    "inquiries.change_lettertemplate",
    "inquiries.view_scorecard",
)
CASEWORKER = Role(
    "caseworker",
    _("Caseworker"),
    (
        "cases.view_case",
        "cases.change_case",
        "cases.view_case_counts",
        "lists.view_sourcelist",
        "matching.view_match",
        "matching.review_match",
        *INQUIRIES_CASEWORK,
    ),
)
# Imports of lists, matching runs and partner API tokens.
LISTS_COORDINATION = ("lists.add_sourcelist", "matching.run_matching", "lists.add_partnertoken")
COORDINATOR = Role(
    "coordinator",
    _("Coordinator"),
    (
        *CASEWORKER.permissions,
        *LISTS_COORDINATION,
        "accounts.view_auditevent",
        "auth.change_user",
        "cases.delete_case",
        "reports.view_reports",
        *INQUIRIES_COORDINATION,
    ),
)
ANALYST = Role(
    "analyst",
    _("Analyst"),
    ("cases.view_case_counts", "reports.view_reports", "inquiries.view_scorecard"),
)

ROLES: dict[str, Role] = {role.name: role for role in (CASEWORKER, COORDINATOR, ANALYST)}


def role_of(user) -> Role | None:
    """The user's role; a user in several groups gets the one with most permissions."""
    if not user.is_authenticated:
        return None
    names = set(user.groups.values_list("name", flat=True))
    held = [role for role in ROLES.values() if role.name in names]
    return max(held, key=lambda role: len(role.permissions), default=None)


def sync_role_groups(**kwargs) -> None:
    """Create a group per role with exactly the role's permissions (run after migrate)."""
    from django.contrib.auth.models import Group, Permission

    wanted = {perm for role in ROLES.values() for perm in role.permissions}
    found = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type")
        if f"{p.content_type.app_label}.{p.codename}" in wanted
    }
    # Each app's post_migrate runs this again, so the last run sees every app's permissions.
    for role in ROLES.values():
        group, _created = Group.objects.get_or_create(name=role.name)
        group.permissions.set([found[perm] for perm in role.permissions if perm in found])
