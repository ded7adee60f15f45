from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ecotrack.accounts.models import Membership, Role
from ecotrack.places.models import Jurisdiction


class MembershipForm(forms.Form):
    """Give an existing user a role in this jurisdiction or one below it."""

    username = forms.CharField(label=_("Username"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    jurisdiction_code = forms.CharField(label=_("Jurisdiction code"), max_length=12)

    def __init__(self, *args: Any, within: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.within = within
        self.fields["jurisdiction_code"].initial = within.code

    def clean_username(self) -> Any:
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError(_("No user with this username."))
        return user

    def clean_jurisdiction_code(self) -> Jurisdiction:
        code = self.cleaned_data["jurisdiction_code"].strip()
        place = Jurisdiction.objects.filter(code=code).first()
        if place is None:
            raise forms.ValidationError(_("No jurisdiction with this code."))
        if not place.is_within(self.within):
            raise forms.ValidationError(
                _("You can only give roles in this jurisdiction or below it.")
            )
        return place

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        user, place, role = (cleaned.get(k) for k in ("username", "jurisdiction_code", "role"))
        exists = Membership.objects.filter(user=user, jurisdiction=place, role=role).exists
        if user and place and role and exists():
            raise forms.ValidationError(_("This user already has this role there."))
        return cleaned
