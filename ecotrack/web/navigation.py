"""Main navigation, assembled from the apps: an app that has pages says so in its AppConfig.

    class PlansConfig(AppConfig):
        nav_items = [("plans:index", _("Plans"))]   # (URL name, label), in menu order
        nav_order = 30

Keeping this in each app means adding an app never means editing the shared layout.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


def navigation(request: HttpRequest) -> dict[str, Any]:
    items = []
    configs = sorted(apps.get_app_configs(), key=lambda c: getattr(c, "nav_order", 100))
    for config in configs:
        for url_name, label in getattr(config, "nav_items", ()):
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue  # the app's pages are not routed on this installation
            items.append({"url": url, "label": label, "active": request.path.startswith(url)})
    return {"nav_items": items}
