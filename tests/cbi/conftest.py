"""Helpers for the CBI app's tests: an assessment started through the real views."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ecotrack.accounts.models import Role
from ecotrack.cbi.models import Assessment


def component_post(component_fields: dict[str, dict[str, str]]) -> dict[str, str]:
    """{"natural_areas": {"natural_area_ha": "12"}} → {"natural_areas-natural_area_ha": "12"}."""
    return {
        f"{key}-{name}": value
        for key, fields in component_fields.items()
        for name, value in fields.items()
    }


@pytest.fixture
def tongliao_editor(places: Any, make_user: Callable[..., Any]) -> Any:
    return make_user("tongliao-editor", Role.EDITOR, "150500")


@pytest.fixture
def start_assessment(client: Any) -> Callable[..., Assessment]:
    """Start an assessment through the start page as the logged-in user."""

    def start(code: str, year: int, edition: str = "2021") -> Assessment:
        response = client.post(f"/cbi/{code}/start/", {"year": str(year), "edition": edition})
        assert response.status_code == 302, response.content.decode()[:2000]
        return Assessment.objects.get(jurisdiction__code=code, year=year)

    return start


@pytest.fixture
def enter(client: Any) -> Callable[..., Any]:
    """Post Part II inputs of one component; returns the response."""

    def post(assessment: Assessment, component: str, fields: dict[str, dict[str, str]]) -> Any:
        url = f"/cbi/{assessment.jurisdiction.code}/{assessment.year}/inputs/{component}/"
        return client.post(url, component_post(fields), HTTP_ACCEPT_LANGUAGE="en")

    return post
