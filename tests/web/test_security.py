from __future__ import annotations

from django.contrib.auth.hashers import identify_hasher
from django.test import Client

from ecotrack.accounts.models import Role


def test_security_headers_and_content_security_policy(client, db):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_passwords_are_hashed_with_argon2(make_user, places):
    user = make_user("someone")
    assert identify_hasher(user.password).algorithm == "argon2"


def test_csrf_is_enforced_on_forms(places, make_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("tongliao", Role.EDITOR, "150500"))
    response = client.post("/places/150500/profile/edit/", {"about": "x"})
    assert response.status_code == 403


def test_login_is_rate_limited_after_repeated_failures(client, make_user, places, settings):
    make_user("tongliao", Role.EDITOR, "150500")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/accounts/login/", {"username": "tongliao", "password": "wrong"})
        assert response.status_code == 200
    assert (
        client.post("/accounts/login/", {"username": "tongliao", "password": "wrong"}).status_code
        == 429
    )
    locked = client.post(
        "/accounts/login/", {"username": "tongliao", "password": "correct horse battery"}
    )
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_with_the_right_password_works(client, make_user, places):
    make_user("tongliao", Role.EDITOR, "150500")
    response = client.post(
        "/accounts/login/", {"username": "tongliao", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_language_switch_sets_english_and_chinese(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Jurisdictions" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert "行政区" in client.get("/").content.decode()
