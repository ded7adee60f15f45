"""Dashboard filters: area (领域) and attribute (约束性/预期性/参考性) next to status, kept in
the status links."""

from __future__ import annotations

from html import unescape
from urllib.parse import parse_qs, urlsplit

ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


def test_filter_by_area_and_attribute(client, demo_plans):
    plan = demo_plans["150000"]
    everything = client.get(f"/plans/{plan.pk}/").context
    category = everything["categories"][0]
    expected = plan.indicators.filter(category=category)
    response = client.get(f"/plans/{plan.pk}/", {"category": category})
    shown = {r.indicator.pk for r in response.context["rows"]}
    assert shown == set(expected.values_list("pk", flat=True))
    assert 0 < len(shown) < everything["total"]

    binding = client.get(f"/plans/{plan.pk}/", {"attribute": "binding"}).context["rows"]
    assert binding and all(r.indicator.attribute == "binding" for r in binding)
    assert len(binding) == plan.indicators.filter(attribute="binding").count()

    both = client.get(f"/plans/{plan.pk}/", {"category": category, "attribute": "binding"})
    assert {r.indicator.pk for r in both.context["rows"]} == set(
        expected.filter(attribute="binding").values_list("pk", flat=True))


def test_unknown_filter_values_are_ignored(client, demo_plans):
    plan = demo_plans["150000"]
    response = client.get(f"/plans/{plan.pk}/", {"category": "不存在", "attribute": "x"})
    assert response.context["category"] == "" and response.context["attribute"] == ""
    assert len(response.context["rows"]) == response.context["total"]


def test_status_links_keep_the_other_filters(client, demo_plans):
    plan = demo_plans["150000"]
    category = plan.indicators.filter(attribute="binding").exclude(category="").first().category
    response = client.get(f"/plans/{plan.pk}/", {"category": category, "attribute": "binding"},
                          **ZH)
    links = response.context["status_links"]
    assert links
    for value, _label, _n, query in links:
        params = parse_qs(query)
        assert params["category"] == [category] and params["attribute"] == ["binding"]
        assert params["status"] == [value]
        narrowed = client.get(f"/plans/{plan.pk}/?{query}").context["rows"]
        assert narrowed and all(r.status == value and r.indicator.category == category
                                for r in narrowed)
    page = response.content.decode()
    assert '<label for="filter-category">' in page and '<label for="filter-attribute">' in page
    href = unescape(page.split('class="status-links">')[1].split('href="')[1].split('"')[0])
    assert parse_qs(urlsplit(href).query)["category"] == [category]
