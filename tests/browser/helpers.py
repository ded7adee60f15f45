"""Steps shared by the browser tests."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

PASSWORD = "correct horse battery"  # the password tests/conftest.py's make_user gives


def log_in(page: Any, username: str, *, has_roles: bool = False) -> None:
    """Log in through the form with the keyboard, as an officer would.

    With `has_roles`, also wait for the home page to list the user's roles, which proves the
    login took effect.
    """
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.keyboard.press("Enter")
    if has_roles:
        expect(page.get_by_text("您的角色")).to_be_visible()
