"""The upload form of the editors' page: one or many files, with optional metadata."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ingest.readers import UnreadableDocument, check_size
from tracker.models import Report
from tracker.partial_dates import parse_partial_date


def validate_upload_size(upload):
    """Refuse a file over INGEST_MAX_UPLOAD_BYTES before it is read.

    Django's upload settings cap the form fields and the number of files, never a file's
    size, so every upload (page and API) passes this validator.
    """
    try:
        check_size(upload.size, max_bytes=settings.INGEST_MAX_UPLOAD_BYTES)
    except UnreadableDocument as exc:
        raise forms.ValidationError(f"{upload.name}: {exc}", code="file_too_big") from None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once and returns them as a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]


class PublicationDateField(forms.CharField):
    """A publication date to the day (2017-07-07) or to the month (2017-07)."""

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return None
        try:
            parse_partial_date(value)
        except ValueError:
            raise forms.ValidationError(_("Give a date as YYYY-MM-DD or YYYY-MM.")) from None
        return value


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Articles (plain text, HTML or PDF)"), validators=[validate_upload_size], required=False
    )
    urls = forms.CharField(
        label=_("Or their addresses"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("http or https URLs, one per line: the pages are fetched and read for you."),
    )
    outlet = forms.CharField(label=_("Outlet"), max_length=200, required=False)
    url = forms.URLField(label=_("URL"), max_length=1000, required=False, assume_scheme="https")
    published = PublicationDateField(
        label=_("Publication date"), required=False, help_text=_("YYYY-MM-DD or YYYY-MM")
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("as the document says")), *Report.Language.choices],
        required=False,
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > settings.INGEST_MAX_FILES:
            raise forms.ValidationError(
                _("At most %(count)d files at once.") % {"count": settings.INGEST_MAX_FILES}
            )
        return files

    def clean_urls(self):
        urls = list(
            dict.fromkeys(line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip())
        )
        if len(urls) > settings.INGEST_MAX_FILES:
            raise forms.ValidationError(
                _("At most %(count)d URLs at once.") % {"count": settings.INGEST_MAX_FILES}
            )
        return urls

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("files") and not cleaned.get("urls") and not self.errors:
            raise forms.ValidationError(_("Choose at least one file or give a URL."))
        return cleaned
