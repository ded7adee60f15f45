"""Demo accounts: an administrator and one account per role, with generated passwords.

Each password is generated once, printed once, and kept in a file under var/ (mode 600) so the
person who ran `make run` can find it again. Running the demo again leaves accounts untouched.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from ecotrack.accounts.models import Membership, Role
from ecotrack.places.models import Jurisdiction


@dataclass(frozen=True)
class DemoAccount:
    username: str
    superuser: bool = False
    role: str | None = None
    jurisdiction_code: str | None = None


DEMO_ACCOUNTS = (
    DemoAccount("admin", superuser=True),
    DemoAccount("tongliao-editor", role=Role.EDITOR, jurisdiction_code="150500"),
    DemoAccount("xilinhot-editor", role=Role.EDITOR, jurisdiction_code="152502"),
    DemoAccount("region-reviewer", role=Role.REVIEWER, jurisdiction_code="150000"),
)


def password_file(username: str) -> Path:
    return Path(settings.VAR_DIR) / "demo-passwords" / f"{username}.txt"


def ensure_account(account: DemoAccount) -> str | None:
    """Create the account if missing; return the new password, or None if it existed."""
    User = get_user_model()
    user = User.objects.filter(username=account.username).first()
    new_password = None
    if user is None:
        new_password = secrets.token_urlsafe(12)
        user = User(
            username=account.username, is_staff=account.superuser, is_superuser=account.superuser
        )
        user.set_password(new_password)
        user.save()
        path = password_file(account.username)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new_password + "\n")
        path.chmod(0o600)
    if account.role and account.jurisdiction_code:
        place = Jurisdiction.objects.get(code=account.jurisdiction_code)
        Membership.objects.get_or_create(user=user, jurisdiction=place, role=account.role)
    return new_password
