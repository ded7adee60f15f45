"""Every asset a page refers to is served by the application itself (no CDN, no 404s)."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("url", ["/", "/places/", "/accounts/login/"])
def test_linked_assets_are_served_locally(client, places, url):
    page = client.get(url).content.decode()
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
    assert any(a.endswith(".css") for a in assets)
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
    assert not re.search(r'(?:href|src)="(?:https?:)?//', page), "external asset referenced"
