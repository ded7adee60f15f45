"""Upload a plan document, review and correct what was read, confirm to store it.

Only editors of the chosen jurisdiction may do any of this (403 otherwise). Nothing reaches
the plans tables before the officer confirms; until then the upload lives in an ImportDraft.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecotrack.accounts import permissions
from ecotrack.core.plandoc import PlanImportError
from ecotrack.importers import corrections as fix
from ecotrack.importers import grid, plan_store
from ecotrack.importers.compare import PlanDiff, diff_plans
from ecotrack.importers.confirming import confirm_draft
from ecotrack.importers.drafts import create_draft, previous_import, purge_expired
from ecotrack.importers.forms import UploadForm
from ecotrack.importers.models import DraftStatus, ImportDraft
from ecotrack.importers.warnings_map import PlacedWarnings, place_warnings
from ecotrack.places.models import Jurisdiction


def _user_pk(request: HttpRequest) -> int:
    # Only reached behind login_required: the user is a saved account.
    return int(request.user.pk or 0)


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not permissions.editable_jurisdictions(request.user).exists():
        raise PermissionDenied(_("Only editors of a jurisdiction may import plans."))
    parse_error: PlanImportError | None = None
    if request.method == "POST":
        # Asking for a jurisdiction one may not edit is refused outright, not as a form error.
        place = Jurisdiction.objects.filter(code=request.POST.get("jurisdiction", "")).first()
        if place is not None:
            permissions.require_edit(request.user, place)
        form = UploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid() and place is not None:
            purge_expired()
            name = form.cleaned_data["document"].name
            try:
                draft = create_draft(request.user, place, name, form.data_bytes)
            except PlanImportError as exc:
                parse_error = exc
            else:
                return redirect(draft)
    else:
        form = UploadForm(
            user=request.user, initial={"jurisdiction": request.GET.get("jurisdiction")}
        )
    mine = ImportDraft.objects.filter(user_id=_user_pk(request)).select_related("jurisdiction")
    return render(
        request,
        "importers/upload.html",
        {
            "form": form,
            "parse_error": parse_error,
            "open_drafts": mine.live(),
            "imported": mine.filter(status=DraftStatus.IMPORTED).order_by("-imported_at")[:10],
        },
        status=400 if request.method == "POST" else 200,
    )


@dataclass
class WarningLink:
    text: str
    href: str | None


def _warning_links(placed: PlacedWarnings, page: int) -> list[WarningLink]:
    links = []
    for key, texts in placed.plan.items():
        links += [WarningLink(t, f"#plan-{key}") for t in texts]
    for row, columns in sorted(placed.cells.items()):
        row_page = row // grid.ROWS_PER_PAGE + 1
        prefix = "" if row_page == page else f"?page={row_page}"
        for key, texts in columns.items():
            anchor = f"#cell-{row}-{key}" if key else f"#row-{row}"
            links += [WarningLink(t, prefix + anchor) for t in texts]
    links += [WarningLink(t, None) for t in placed.general]
    return links


def _reupload(draft: ImportDraft, current: dict[str, Any]) -> dict[str, Any]:
    """What the officer should know when this document or this plan was imported before."""
    same_file = plan_store.stored_plan_with_source(draft.jurisdiction, draft.sha256)
    earlier_draft = previous_import(draft)
    like = None if same_file else plan_store.stored_plan_like(draft.jurisdiction, current["plan"])
    diff: PlanDiff | None = None
    if like is not None:
        # Compare with the last web import of that plan, if it came this way.
        for old in ImportDraft.objects.filter(
            jurisdiction=draft.jurisdiction, status=DraftStatus.IMPORTED
        ).exclude(pk=draft.pk):
            old_plan = fix.apply(old.parsed, old.corrections or {})
            if (old_plan["plan"].get("title"), old_plan["plan"].get("period_start")) == (
                current["plan"].get("title"),
                current["plan"].get("period_start"),
            ):
                diff = diff_plans(old_plan, current)
                break
    return {
        "same_file_plan": same_file,
        "earlier_draft": earlier_draft,
        "like_plan": like,
        "diff": diff,
    }


def _owned_draft(request: HttpRequest, pk: int) -> ImportDraft:
    draft = get_object_or_404(
        ImportDraft.objects.select_related("jurisdiction", "user"), pk=pk, user_id=_user_pk(request)
    )
    permissions.require_edit(request.user, draft.jurisdiction)
    return draft


def _page_number(request: HttpRequest) -> int:
    raw = request.POST.get("page") or request.GET.get("page") or "1"
    return int(raw) if raw.isdigit() else 1


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _owned_draft(request, pk)
    page_number = _page_number(request)
    errors: dict[str, str] = {}
    submitted: dict[str, str] = {}
    store_error: PlanImportError | None = None
    if request.method == "POST":
        if not draft.is_open:
            messages.error(request, _("This draft is no longer open for changes."))
            return redirect(draft)
        sub = grid.read_submission(request.POST, draft.parsed)
        if sub.errors:
            errors, submitted = sub.errors, sub.raw
        else:
            draft.corrections = fix.merge(draft.parsed, sub.plan, sub.rows, draft.corrections or {})
            draft.save(update_fields=["corrections"])
            if request.POST.get("action") != "confirm":
                messages.success(request, _("Corrections saved. Nothing is imported yet."))
                return HttpResponseRedirect(f"{draft.get_absolute_url()}?page={page_number}")
            result = _confirm(request, draft)
            if isinstance(result, HttpResponse):
                return result
            store_error = result
    return _render_review(request, draft, page_number, errors, submitted, store_error)


def _confirm(request: HttpRequest, draft: ImportDraft) -> HttpResponse | PlanImportError:
    try:
        done = confirm_draft(draft, request.user)
    except PlanImportError as exc:
        return exc
    if done.created:
        messages.success(request, _("The plan was imported."))
    else:
        messages.info(request, _("This document was already imported; nothing changed."))
    return redirect(done.plan)


def _render_review(
    request: HttpRequest,
    draft: ImportDraft,
    page_number: int,
    errors: dict[str, str],
    submitted: dict[str, str],
    store_error: PlanImportError | None,
) -> HttpResponse:
    current = fix.apply(draft.parsed, draft.corrections or {})
    placed = place_warnings(draft.parsed)
    page = grid.build_page(draft.parsed, current, placed, page_number, errors, submitted)
    context = {
        "draft": draft,
        "plan": current["plan"],
        "plan_cells": grid.plan_cells(draft.parsed, current, placed, errors, submitted),
        "columns": fix.columns(draft.parsed),
        "page": page,
        "pages": range(1, page.count + 1),
        "warning_links": _warning_links(placed, page.number),
        "warning_count": placed.count(),
        "errors": errors,
        "store_error": store_error,
        "projects": current.get("projects", []),
        "indicator_count": len(current["indicators"]),
        **_reupload(draft, current),
    }
    status = 400 if errors or store_error else 200
    return render(request, "importers/review.html", context, status=status)


@login_required
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _owned_draft(request, pk)
    if draft.status == DraftStatus.OPEN:
        draft.file.delete(save=False)
        draft.delete()
        messages.success(request, _("The draft was discarded; nothing was imported."))
    return redirect("importers:upload")
