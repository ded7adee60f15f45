from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ecotrack.accounts.models import Membership
from ecotrack.places.loading import load_bundled
from ecotrack.places.models import Jurisdiction


@pytest.fixture(autouse=True)
def _isolated_var_dir(settings: Any, tmp_path: Any) -> None:
    """Files a test writes under var/ (demo passwords, uploads) go to a temporary folder."""
    settings.VAR_DIR = tmp_path / "var"
    settings.MEDIA_ROOT = tmp_path / "var" / "media"


@pytest.fixture
def places(db: Any) -> dict[str, Jurisdiction]:
    """The bundled reference tree (China → Inner Mongolia → its cities and leagues → counties)."""
    load_bundled()
    return {j.code: j for j in Jurisdiction.objects.all()}


@pytest.fixture
def make_user(db: Any, django_user_model: Any) -> Callable[..., Any]:
    def make(username: str, role: str | None = None, code: str | None = None, **extra: Any) -> Any:
        user = django_user_model.objects.create_user(
            username=username, password="correct horse battery", **extra
        )
        if role and code:
            Membership.objects.create(
                user=user, jurisdiction=Jurisdiction.objects.get(code=code), role=role
            )
        return user

    return make
