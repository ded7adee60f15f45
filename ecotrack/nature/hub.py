"""The tools & resources hub: the public list with search and filters, a resource's page,
and the only way to get an uploaded file (the permission layer is asked first)."""

from __future__ import annotations

from pathlib import PurePath

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ecotrack.accounts import permissions
from ecotrack.nature import reference
from ecotrack.nature.models import Resource, ResourceKind, Tag
from ecotrack.nature.uploads import KINDS


def search(queryset: QuerySet[Resource], query: str) -> QuerySet[Resource]:
    """Every word of the query must occur in the title or description.

    `icontains` is a plain substring match on both SQLite (LIKE) and PostgreSQL (UPPER …
    LIKE), so Chinese works without word segmentation: 湿地 finds 科尔沁湿地保护.
    """
    for word in query.split():
        queryset = queryset.filter(Q(title__icontains=word) | Q(description__icontains=word))
    return queryset


def resources(request: HttpRequest) -> HttpResponse:
    found = permissions.visible(Resource.objects.all(), request.user)
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind", "")
    language = request.GET.get("language", "")
    tag = request.GET.get("tag", "")
    if query:
        found = search(found, query)
    if kind in ResourceKind.values:
        found = found.filter(kind=kind)
    if language in dict(reference.LANGUAGE_CHOICES) and language:
        found = found.filter(language=language)
    if tag:
        found = found.filter(tags__name=tag)
    found = found.select_related("jurisdiction").prefetch_related("tags").order_by(
        "-updated_at", "pk"
    )
    listing = Paginator(found.distinct(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "nature/resources.html",
        {
            "page": listing,
            "query": query,
            "kind": kind,
            "language": language,
            "tag": tag,
            "kinds": ResourceKind.choices,
            "languages": [c for c in reference.LANGUAGE_CHOICES if c[0]],
            "tags": Tag.objects.filter(
                resources__in=permissions.visible(Resource.objects.all(), request.user)
            ).distinct(),
        },
    )


def resource(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Resource.objects.select_related("jurisdiction"), pk=pk)
    permissions.require_view(request.user, found)
    return render(
        request,
        "nature/resource.html",
        {
            "resource": found,
            "place": found.jurisdiction,
            "steps": [reference.step(k) for k in found.step_keys if reference.step(k)],
            "can_edit": permissions.can_edit(request.user, found.jurisdiction),
            "can_review": permissions.can_review(request.user, found.jurisdiction),
        },
    )


def download(request: HttpRequest, pk: int) -> FileResponse:
    found = get_object_or_404(Resource.objects.select_related("jurisdiction"), pk=pk)
    permissions.require_view(request.user, found)
    if not found.file:
        raise Http404("this resource has no file")
    # The type stored at upload was sniffed from the content; never trust a guess from the name.
    kind = next((k for k in KINDS.values() if k.content_type == found.content_type), None)
    if kind is None:
        raise Http404("the stored file has no known type")
    name = found.file_name or PurePath(found.file.name or "download").name
    response = FileResponse(
        found.file.open("rb"), as_attachment=not kind.inline, filename=name,
        content_type=kind.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Even an inline PDF or image gets no script and no same-origin privileges.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'"
    response["Cache-Control"] = "private, no-store" if not found.is_published else "private"
    return response
