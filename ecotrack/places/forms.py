from __future__ import annotations

from django import forms

from ecotrack.places.models import Profile


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = [
            "about",
            "about_language",
            "population",
            "population_year",
            "area_km2",
            "centre_latitude",
            "centre_longitude",
            "head_of_government",
            "contact_name",
            "contact_email",
            "image",
            "image_description",
            "achievements",
            "country",
            "world_region",
            "is_published",
        ]
        widgets = {
            "about": forms.Textarea(attrs={"rows": 8}),
            "achievements": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned and cleaned.get("population") and not cleaned.get("population_year"):
            self.add_error(
                "population_year",
                forms.ValidationError(
                    self.fields["population_year"].error_messages.get("required", "Required")
                ),
            )
        return cleaned
