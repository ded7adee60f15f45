"""The league table page of a region: reviewers see every plan they may read, the public
published plans only."""

from __future__ import annotations

from ecotrack.accounts.models import Role

ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


def test_public_league_of_the_region_ranks_published_plans(client, demo_plans):
    response = client.get("/plans/league/150000/", **ZH)
    assert response.status_code == 200
    codes = [row.jurisdiction.code for row, _cells in response.context["table"]]
    assert set(codes) == {"150500", "152502"}  # the region's own plan is not ranked
    page = response.content.decode()
    assert "排名表" in page and "<th scope=\"row\">" in page
    ranks = [row.rank for row, _cells in response.context["table"]]
    assert ranks == sorted(ranks)
    # one status cell per shared canonical indicator
    columns = response.context["columns"]
    assert columns and all(len(cells) == len(columns) for _row, cells in response.context["table"])


def test_unpublished_plans_are_for_reviewers_of_the_region(client, demo_plans, make_user):
    tongliao = demo_plans["150500"]
    tongliao.is_published = False
    tongliao.save()
    public = client.get("/plans/league/150000/")
    assert [r.jurisdiction.code for r, _c in public.context["table"]] == ["152502"]
    client.force_login(make_user("xl", Role.EDITOR, "152502"))  # not a reviewer of the region
    assert [r.jurisdiction.code for r, _c in
            client.get("/plans/league/150000/").context["table"]] == ["152502"]
    client.force_login(make_user("rv", Role.REVIEWER, "150000"))
    reviewer = client.get("/plans/league/150000/")
    assert {r.jurisdiction.code for r, _c in reviewer.context["table"]} == {"150500", "152502"}
    assert reviewer.context["reviewer"]


def test_unknown_place_is_404(client, places):
    assert client.get("/plans/league/999999/").status_code == 404
