from __future__ import annotations

from ecotrack.accounts.models import Membership, Role


def test_administrator_gives_and_removes_roles_below_their_jurisdiction(client, places, make_user):
    client.force_login(make_user("xl-admin", Role.ADMINISTRATOR, "152500"))
    officer = make_user("officer")
    response = client.post(
        "/members/152500/",
        {"username": "officer", "role": Role.EDITOR, "jurisdiction_code": "152502"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=officer)
    assert (membership.jurisdiction.code, membership.role) == ("152502", Role.EDITOR)
    page = client.get("/members/152500/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "officer" in page and "Xilinhot" in page

    client.post(f"/members/152500/{membership.pk}/remove/")
    assert not Membership.objects.filter(user=officer).exists()


def test_roles_outside_the_subtree_are_refused_with_the_field_named(client, places, make_user):
    client.force_login(make_user("xl-admin", Role.ADMINISTRATOR, "152500"))
    make_user("officer")
    response = client.post(
        "/members/152500/",
        {"username": "officer", "role": Role.EDITOR, "jurisdiction_code": "150500"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"jurisdiction_code"}
    unknown = client.post(
        "/members/152500/",
        {"username": "nobody", "role": Role.EDITOR, "jurisdiction_code": "152502"},
    )
    assert set(unknown.context["form"].errors) == {"username"}
    assert not Membership.objects.filter(user__username="officer").exists()


def test_editors_and_other_administrators_get_403(client, places, make_user):
    tongliao_admin = make_user("tl-admin", Role.ADMINISTRATOR, "150500")
    target = make_user("xl-editor", Role.EDITOR, "152502")
    membership = Membership.objects.get(user=target)
    client.force_login(tongliao_admin)
    assert client.get("/members/152500/").status_code == 403
    assert client.post(f"/members/152500/{membership.pk}/remove/").status_code == 403
    client.force_login(make_user("editor", Role.EDITOR, "152500"))
    assert client.get("/members/152500/").status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()
