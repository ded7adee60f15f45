"""The one permission layer: every view, API and command asks these functions.

Rules (issue "Foundation"):
- an editor changes only their own jurisdiction's content;
- a reviewer reads unpublished content of their jurisdiction and every jurisdiction below it;
- an administrator membership does both for its whole subtree;
- approving a submission takes a reviewer or administrator of a jurisdiction strictly above;
- superusers may do everything;
- the public (and every other user) reads published content only.

Content is anything with a `jurisdiction` and an `is_published` flag.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from ecotrack.accounts.models import Membership, Role
from ecotrack.places.models import Jurisdiction


class Content(Protocol):
    jurisdiction: Jurisdiction
    is_published: bool


def _memberships(user: Any) -> list[Membership]:
    """The user's memberships, fetched once per user object (i.e. once per request)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_ecotrack_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("jurisdiction"))
        user._ecotrack_memberships = cached
    return cached


def _is_superuser(user: Any) -> bool:
    return bool(getattr(user, "is_active", False) and getattr(user, "is_superuser", False))


def can_edit(user: Any, jurisdiction: Jurisdiction) -> bool:
    if _is_superuser(user):
        return True
    for m in _memberships(user):
        if m.role == Role.EDITOR and m.jurisdiction_id == jurisdiction.pk:
            return True
        if m.role == Role.ADMINISTRATOR and jurisdiction.is_within(m.jurisdiction):
            return True
    return False


def can_review(user: Any, jurisdiction: Jurisdiction) -> bool:
    """May read unpublished content of `jurisdiction`."""
    if can_edit(user, jurisdiction):
        return True
    return any(
        m.role in (Role.REVIEWER, Role.ADMINISTRATOR) and jurisdiction.is_within(m.jurisdiction)
        for m in _memberships(user)
    )


def can_approve(user: Any, jurisdiction: Jurisdiction) -> bool:
    """May approve (mark reviewed) a submission of `jurisdiction`.

    Needs a reviewer or administrator membership strictly above it: a city does not review itself.
    """
    if _is_superuser(user):
        return True
    return any(
        m.role in (Role.REVIEWER, Role.ADMINISTRATOR)
        and m.jurisdiction_id != jurisdiction.pk
        and jurisdiction.is_within(m.jurisdiction)
        for m in _memberships(user)
    )


def can_manage_members(user: Any, jurisdiction: Jurisdiction) -> bool:
    if _is_superuser(user):
        return True
    return any(
        m.role == Role.ADMINISTRATOR and jurisdiction.is_within(m.jurisdiction)
        for m in _memberships(user)
    )


def can_view(user: Any, content: Content) -> bool:
    return bool(content.is_published) or can_review(user, content.jurisdiction)


def require_edit(user: Any, jurisdiction: Jurisdiction) -> None:
    if not can_edit(user, jurisdiction):
        raise PermissionDenied(f"You may not change the content of {jurisdiction}.")


def require_view(user: Any, content: Content) -> None:
    if not can_view(user, content):
        raise PermissionDenied("This content is not published.")


def reviewable_filter(user: Any, jurisdiction_field: str = "jurisdiction") -> Q:
    """A filter for rows whose jurisdiction the user may review (not counting publication)."""
    if _is_superuser(user):
        return Q()
    q = Q(pk__in=[])
    for m in _memberships(user):
        if m.role == Role.EDITOR:
            q |= Q(**{f"{jurisdiction_field}_id": m.jurisdiction_id})
        else:
            q |= Q(**{f"{jurisdiction_field}__path__startswith": m.jurisdiction.path})
    return q


def visible(
    queryset: QuerySet[Any], user: Any, jurisdiction_field: str = "jurisdiction"
) -> QuerySet[Any]:
    """Restrict a content queryset to what `user` may read."""
    if _is_superuser(user):
        return queryset
    return queryset.filter(Q(is_published=True) | reviewable_filter(user, jurisdiction_field))


def editable_jurisdictions(user: Any) -> QuerySet[Jurisdiction]:
    if _is_superuser(user):
        return Jurisdiction.objects.all()
    q = Q(pk__in=[])
    for m in _memberships(user):
        if m.role == Role.EDITOR:
            q |= Q(pk=m.jurisdiction_id)
        elif m.role == Role.ADMINISTRATOR:
            q |= Q(path__startswith=m.jurisdiction.path)
    return Jurisdiction.objects.filter(q)


def roles_summary(user: Any) -> Iterable[Membership]:
    return _memberships(user)
