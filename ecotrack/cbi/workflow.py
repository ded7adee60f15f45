"""Who may do what to an assessment, and the state changes: submit, mark reviewed, return.

Editing and publishing follow the shared permission layer (ecotrack.accounts.permissions).
Marking reviewed needs more than `can_review`, which editors also pass: the reviewer must hold a
reviewer or administrator membership of a jurisdiction *above* the assessed one (a city does not
review itself), and must not be the person who submitted it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecotrack.accounts import permissions
from ecotrack.cbi.models import Assessment, Status


def can_approve(user: Any, assessment: Assessment) -> bool:
    """A reviewer (or administrator) of a jurisdiction strictly above the assessed one."""
    return permissions.can_approve(user, assessment.jurisdiction)


def can_change_inputs(user: Any, assessment: Assessment) -> bool:
    return assessment.is_editable_state and permissions.can_edit(user, assessment.jurisdiction)


def require_change_inputs(user: Any, assessment: Assessment) -> None:
    permissions.require_edit(user, assessment.jurisdiction)
    if not assessment.is_editable_state:
        raise PermissionDenied(
            _(
                "This assessment is %(status)s and can no longer be changed; "
                "a reviewer can return it for changes."
            )
            % {"status": assessment.get_status_display()}
        )


def available_actions(user: Any, assessment: Assessment) -> list[str]:
    """The transitions `user` may perform now, for showing the right buttons."""
    actions = []
    editor = permissions.can_edit(user, assessment.jurisdiction)
    if editor and assessment.status == Status.IN_PROGRESS:
        actions.append("submit")
    if assessment.status == Status.SUBMITTED and can_approve(user, assessment):
        if assessment.submitted_by_id != getattr(user, "pk", None):
            actions.append("review")
        actions.append("return")
    if assessment.status == Status.REVIEWED and can_approve(user, assessment):
        actions.append("return")
    if editor:
        actions.append("unpublish" if assessment.is_published else "publish")
    return actions


@transaction.atomic
def perform(user: Any, assessment: Assessment, action: str) -> None:
    """Do `action` or raise PermissionDenied naming why; nothing changes on refusal."""
    if action not in available_actions(user, assessment):
        raise PermissionDenied(_("You may not do this to this assessment in its current state."))
    if action == "submit":
        assessment.status = Status.SUBMITTED
        assessment.submitted_by = user
        assessment.submitted_at = timezone.now()
    elif action == "review":
        assessment.status = Status.REVIEWED
        assessment.reviewed_by = user
        assessment.reviewed_at = timezone.now()
    elif action == "return":
        assessment.status = Status.IN_PROGRESS
        assessment.reviewed_by = None
        assessment.reviewed_at = None
    elif action == "publish":
        assessment.is_published = True
    elif action == "unpublish":
        assessment.is_published = False
    assessment.save()
