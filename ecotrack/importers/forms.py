"""The upload form: which jurisdiction, which file; the file is checked by size and content."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecotrack.accounts.permissions import editable_jurisdictions
from ecotrack.core.plandoc import FORMATS
from ecotrack.importers import sniff

KIND_NAMES = {
    "empty": _("an empty file"),
    "text": _("plain text"),
    "pdf": _("a PDF document"),
    "docx": _("a Word document"),
    "xlsx": _("an Excel workbook"),
    "zip": _("a ZIP archive"),
    "ole": _("an encrypted (password-protected) or old-format (.doc/.xls) Office file"),
    "png": _("a PNG image"),
    "jpeg": _("a JPEG image"),
    "gif": _("a GIF image"),
    "tiff": _("a TIFF image"),
    "archive": _("a compressed archive"),
    "executable": _("a program"),
    "binary": _("binary data"),
}


class UploadForm(forms.Form):
    jurisdiction = forms.ChoiceField(label=_("Jurisdiction"))
    document = forms.FileField(
        label=_("Plan document"),
        allow_empty_file=True,  # refused in clean_document, with the file's name
        help_text=_("A .txt, .docx, .pdf, .xlsx or .csv file."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FORMATS)}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        places = editable_jurisdictions(user).order_by("path")
        field = self.fields["jurisdiction"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(p.code, str(p)) for p in places]
        self.data_bytes = b""

    def clean_document(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["document"]
        name = upload.name or ""
        limit = settings.ECOTRACK_UPLOAD_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(
                gettext("%(name)s is too large (%(size)s; the limit is %(limit)s).")
                % {
                    "name": name,
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(limit),
                }
            )
        if sniff.extension(name) not in sniff.ACCEPTED:
            raise forms.ValidationError(
                gettext("%(name)s: unsupported format; use one of %(formats)s.")
                % {"name": name, "formats": ", ".join(FORMATS)}
            )
        data = upload.read()
        kind = sniff.detect_kind(data)
        if kind == "empty":
            raise forms.ValidationError(gettext("%(name)s: the file is empty.") % {"name": name})
        if not sniff.content_matches(name, kind):
            raise forms.ValidationError(
                gettext(
                    "%(name)s: the file's content is %(kind)s, not what its extension %(ext)s "
                    "says; it was not read."
                )
                % {"name": name, "kind": KIND_NAMES[kind], "ext": sniff.extension(name)}
            )
        self.data_bytes = data
        return upload
