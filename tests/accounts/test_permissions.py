from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from ecotrack.accounts import permissions
from ecotrack.accounts.models import Role
from ecotrack.places.models import Profile


def test_editor_edits_only_their_own_jurisdiction(places, make_user):
    editor = make_user("tl", Role.EDITOR, "150500")
    assert permissions.can_edit(editor, places["150500"])
    assert not permissions.can_edit(editor, places["152500"])
    assert not permissions.can_edit(editor, places["150502"])  # a county below is its own editor's
    assert not permissions.can_edit(editor, places["150000"])


def test_reviewer_reads_everything_below_but_edits_nothing(places, make_user):
    reviewer = make_user("nm", Role.REVIEWER, "150000")
    assert permissions.can_review(reviewer, places["152502"])
    assert permissions.can_review(reviewer, places["150000"])
    assert not permissions.can_review(reviewer, places["100000"])
    assert not permissions.can_edit(reviewer, places["152502"])


def test_administrator_edits_and_manages_their_subtree(places, make_user):
    admin = make_user("xl-admin", Role.ADMINISTRATOR, "152500")
    assert permissions.can_edit(admin, places["152502"])
    assert permissions.can_manage_members(admin, places["152502"])
    assert not permissions.can_edit(admin, places["150500"])
    assert set(permissions.editable_jurisdictions(admin).values_list("code", flat=True)) == {
        p.code for p in places.values() if p.is_within(places["152500"])
    }


def test_public_reads_published_content_only(places, make_user):
    draft = Profile.objects.create(jurisdiction=places["150500"], about="草稿")
    published = Profile.objects.create(
        jurisdiction=places["152502"], about="公开", is_published=True
    )
    public = AnonymousUser()
    assert not permissions.can_view(public, draft)
    assert permissions.can_view(public, published)
    assert list(permissions.visible(Profile.objects.all(), public)) == [published]

    reviewer = make_user("nm", Role.REVIEWER, "150000")
    assert set(permissions.visible(Profile.objects.all(), reviewer)) == {draft, published}
    other_editor = make_user("xl", Role.EDITOR, "152502")
    assert list(permissions.visible(Profile.objects.all(), other_editor)) == [published]


def test_superuser_may_do_everything(places, make_user):
    root = make_user("root", is_superuser=True)
    assert permissions.can_edit(root, places["100000"])
    assert permissions.can_review(root, places["152502"])


def test_approval_takes_a_reviewer_strictly_above(places, make_user):
    region = make_user("nm", Role.REVIEWER, "150000")
    league = make_user("xl", Role.REVIEWER, "152500")
    assert permissions.can_approve(region, places["152500"])
    assert permissions.can_approve(league, places["152502"])
    assert not permissions.can_approve(league, places["152500"])  # not its own submissions
    assert not permissions.can_approve(make_user("ed", Role.EDITOR, "150000"), places["150500"])
