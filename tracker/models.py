"""Claimants, the articles they are quoted in, and every figure those articles state.

Provenance is the point: each Estimate keeps the sentence it came from, the offsets of its
number, the machine's original reading and a full history of editors' changes.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tracker.names import fold_name


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


# --- Source -------------------------------------------------------------------------------


class SourceQuerySet(models.QuerySet):
    def official(self):
        return self.filter(kind=Source.Kind.OFFICIAL)

    def independent(self):
        return self.filter(kind=Source.Kind.INDEPENDENT)

    def matching(self, name):
        """Return the sources whose name or an alias folds to the same key as `name`."""
        key = fold_name(name)
        if not key:
            return self.none()
        return self.filter(match_keys__contains=f"|{key}|")


class Source(TimeStamped):
    """A claimant: whoever states a figure (a military, an NGO, the UN, state media ...)."""

    UNATTRIBUTED = "unattributed"

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("official")
        INDEPENDENT = "independent", _("independent")
        STATE_MEDIA = "state_media", _("state media")
        MEDIA = "media", _("media")
        UNATTRIBUTED = "unattributed", _("unattributed")

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(
        max_length=20,
        choices=Kind,
        default=Kind.MEDIA,
        help_text=_(
            "official: a belligerent counting its own toll; independent: an NGO, monitor or "
            "UN body; state_media: a government's press agency; media: a news outlet."
        ),
    )
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text=_('Other names, matched ignoring case and accents ("OSDH", "SOHR").'),
    )
    url = models.URLField(blank=True)
    description = models.TextField(blank=True)
    needs_review = models.BooleanField(
        default=False, help_text=_("Created automatically from a name the extractor did not know.")
    )
    coalition = models.BooleanField(
        _("speaks for the coalition"),
        default=False,
        help_text=_(
            "An official of the US-led coalition or of one of its members: its figures are the "
            "coalition's admissions, the chart's official trace. Other officials (a government "
            "accusing the coalition) have a trace of their own."
        ),
    )
    # Derived from name and aliases in save(): "|sohr|osdh|...|", so a lookup is one query.
    match_keys = models.TextField(editable=False, default="")

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        # The public site's words, which the admin uses too.
        verbose_name = _("claimant")
        verbose_name_plural = _("claimants")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200] or "source"
        keys = [fold_name(n) for n in [self.name, *self.aliases]]
        self.match_keys = "|" + "|".join(dict.fromkeys(k for k in keys if k)) + "|"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("tracker:source_detail", args=[self.slug])

    @classmethod
    def unattributed(cls):
        """Return the claimant of figures nobody is quoted for (created by a migration)."""
        source, _ = cls.objects.get_or_create(
            slug=cls.UNATTRIBUTED,
            defaults={"name": "Unattributed", "kind": cls.Kind.UNATTRIBUTED},
        )
        return source


# --- Report -------------------------------------------------------------------------------


class ReportQuerySet(models.QuerySet):
    def public(self):
        """Return the reports the public may read: published, neither awaiting nor withdrawn."""
        return self.filter(publication=Report.Publication.PUBLISHED)

    def done(self):
        return self.filter(status=Report.Status.DONE)

    def stale(self, older_than):
        """Return reports still queued since before `older_than`: their task may be lost."""
        return self.filter(status=Report.Status.QUEUED, updated_at__lt=older_than)


class Report(TimeStamped):
    """One uploaded article: the text that was analysed and how its analysis went."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        PROCESSING = "processing", _("processing")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")
        DUPLICATE = "duplicate", _("duplicate")

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        ENGLISH = "en", _("English")

    class Publication(models.TextChoices):
        PUBLISHED = "published", _("published")
        UNPUBLISHED = "unpublished", _("awaiting publication")
        WITHDRAWN = "withdrawn", _("withdrawn")

    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    language = models.CharField(max_length=2, choices=Language, blank=True)
    published_on = models.DateField(null=True, blank=True)
    published_precision = models.CharField(max_length=5, choices=DatePrecision, default=DatePrecision.DAY)
    text = models.TextField(
        blank=True, help_text=_("The plain text that was analysed; empty until a worker reads the file.")
    )
    original_file = models.FileField(upload_to="reports/%Y/%m/", blank=True)
    # Null for a report made without a file; unique, so that one file sent twice at once is stored once.
    original_sha256 = models.CharField(
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        help_text=_("SHA-256 of the original file's bytes."),
    )
    content_type = models.CharField(max_length=100, blank=True)
    # Null until the text is read (after the upload): NULLs never collide in a unique index.
    sha256 = models.CharField(
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Hash of the normalised text: one copy per article."),
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED, db_index=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(
        default=0, help_text=_("How many times a worker started processing this report.")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    extractor_version = models.CharField(max_length=20, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    # A report given by URL: its page is fetched by the worker (ingest/fetch.py).
    requested_url = models.URLField(
        max_length=1000,
        blank=True,
        help_text=_("The URL the article was asked for, normalised (tracking parameters removed)."),
    )
    final_url = models.URLField(max_length=1000, blank=True, help_text=_("Where the redirects led."))
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The report stored earlier with the same text, found once this file was read."),
    )
    publication = models.CharField(
        max_length=11,
        choices=Publication,
        default=Publication.PUBLISHED,
        db_index=True,
        help_text=_(
            "Only a published report's text and figures are public; a withdrawn one is kept for "
            "editors. Uploads wait unpublished when INGEST_PUBLISH_UPLOADS is off."
        ),
    )

    objects = ReportQuerySet.as_manager()
    # Who published or withdrew it, and why; the text itself is the article's, never edited.
    history = HistoricalRecords(
        excluded_fields=["text"], history_change_reason_field=models.TextField(null=True)
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="failed") | ~Q(error=""), name="report_failed_has_error"
            ),
            # One report per URL, even when two people send it at the same instant.
            models.UniqueConstraint(
                fields=["requested_url"], condition=~Q(requested_url=""), name="report_unique_requested_url"
            ),
        ]

    def __str__(self):
        return self.title or f"Report {self.pk}"

    def get_absolute_url(self):
        return reverse("tracker:report_detail", args=[self.pk])


# --- Estimate -----------------------------------------------------------------------------


class EstimateQuerySet(models.QuerySet):
    def public(self):
        """Return what the public may see: the figures of published reports but the rejected ones."""
        return self.exclude(review_status=Estimate.ReviewStatus.REJECTED).filter(
            report__publication=Report.Publication.PUBLISHED
        )

    def reviewed(self):
        return self.filter(
            review_status__in=[Estimate.ReviewStatus.CONFIRMED, Estimate.ReviewStatus.CORRECTED]
        )

    def unreviewed(self):
        return self.filter(review_status=Estimate.ReviewStatus.EXTRACTED)

    def official(self):
        return self.filter(source__kind=Source.Kind.OFFICIAL)

    def independent(self):
        return self.filter(source__kind=Source.Kind.INDEPENDENT)

    def cumulative(self):
        return self.filter(scope=Estimate.Scope.CUMULATIVE)

    def review_queue(self, first=()):
        """Return unreviewed figures for editors to go through, weakest confidence first.

        The ids in `first` (figures that contradict another, see tracker.series.contradictions)
        come before all others: a misread figure is most likely among them.
        """
        return self.unreviewed().order_by(*Estimate.queue_order(first))

    def for_chart(
        self,
        *,
        casualty="killed",
        victims=("civilians",),
        geography=("iraq_syria",),
        perpetrator=("coalition",),
        sources=None,
        reviewed_only=False,
        since=None,
        until=None,
    ):
        """Return the like-with-like cumulative figures the dashboard and the series API plot.

        Defaults compare campaign totals of civilians killed by the coalition in Iraq and Syria
        together, the geography of the coalition's own count: a Syria-only count is no measure
        of the two-country total. Increments and incident figures never reach the chart,
        rejected figures never do. `None` for a group leaves it open (a claimant's page).
        """
        qs = self.public().cumulative().filter(as_of__isnull=False, casualty=casualty)
        if victims:
            qs = qs.filter(victims__in=victims)
        if geography:
            qs = qs.filter(geography__in=geography)
        if perpetrator:
            qs = qs.filter(perpetrator__in=perpetrator)
        if sources:
            qs = qs.filter(
                Q(source__kind=Source.Kind.OFFICIAL, source__coalition=True) | Q(source__slug__in=sources)
            )
        if reviewed_only:
            qs = qs.reviewed()
        if since:
            qs = qs.filter(as_of__gte=since)
        if until:
            qs = qs.filter(as_of__lte=until)
        return qs.select_related("source", "report").order_by("as_of", "pk")


class Estimate(TimeStamped):
    """One figure stated in one report, with its evidence and its review."""

    class Qualifier(models.TextChoices):
        EXACT = "exact", _("exactly")
        AT_LEAST = "at_least", _("at least")
        MORE_THAN = "more_than", _("more than")
        UP_TO = "up_to", _("up to")
        APPROX = "approx", _("about")
        RANGE = "range", _("between")

    class Casualty(models.TextChoices):
        KILLED = "killed", _("killed")
        INJURED = "injured", _("injured")
        KILLED_OR_INJURED = "killed_or_injured", _("killed or injured")

    class Victims(models.TextChoices):
        CIVILIANS = "civilians", _("civilians")
        CHILDREN = "children", _("children")
        WOMEN = "women", _("women")
        PEOPLE = "people", _("people")

    class Scope(models.TextChoices):
        CUMULATIVE = "cumulative", _("cumulative")
        PERIOD = "period", _("period")
        INCIDENT = "incident", _("incident")

    class Geography(models.TextChoices):
        IRAQ = "iraq", _("Iraq")
        SYRIA = "syria", _("Syria")
        IRAQ_SYRIA = "iraq_syria", _("Iraq and Syria")
        AFGHANISTAN = "afghanistan", _("Afghanistan")
        OTHER = "other", _("other")
        UNKNOWN = "unknown", _("unknown")

    class Perpetrator(models.TextChoices):
        COALITION = "coalition", _("US-led coalition")
        RUSSIA = "russia", _("Russia")
        SYRIA_GOV = "syria_gov", _("Syrian government")
        ISIS = "isis", _("Islamic State")
        OTHER = "other", _("other")
        UNKNOWN = "unknown", _("unknown")

    class ReviewStatus(models.TextChoices):
        EXTRACTED = "extracted", _("extracted, not reviewed")
        CONFIRMED = "confirmed", _("confirmed")
        CORRECTED = "corrected", _("corrected")
        REJECTED = "rejected", _("rejected")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="estimates")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="estimates")
    value = models.PositiveIntegerField()
    value_max = models.PositiveIntegerField(null=True, blank=True)
    qualifier = models.CharField(max_length=10, choices=Qualifier, default=Qualifier.EXACT)
    casualty = models.CharField(max_length=20, choices=Casualty, default=Casualty.KILLED)
    victims = models.CharField(max_length=10, choices=Victims, default=Victims.CIVILIANS)
    scope = models.CharField(max_length=10, choices=Scope, default=Scope.INCIDENT)
    geography = models.CharField(max_length=12, choices=Geography, default=Geography.UNKNOWN)
    perpetrator = models.CharField(max_length=10, choices=Perpetrator, default=Perpetrator.UNKNOWN)
    period_start = models.DateField(null=True, blank=True)
    as_of = models.DateField(null=True, blank=True)
    as_of_precision = models.CharField(max_length=5, choices=DatePrecision, default=DatePrecision.DAY)
    quote = models.TextField()
    start = models.PositiveIntegerField(help_text=_("Offset of the number in the report's text."))
    end = models.PositiveIntegerField()
    confidence = models.FloatField(default=0.5)
    machine_reading = models.JSONField(
        default=dict, blank=True, help_text=_("The extractor's original reading, never changed.")
    )
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus, default=ReviewStatus.EXTRACTED, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    editor_note = models.TextField(blank=True)

    objects = EstimateQuerySet.as_manager()
    # Reasons are sentences (who changed what, and the editor's note), not 100-character labels.
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ["report", "start"]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            models.CheckConstraint(
                condition=Q(value_max__isnull=True) | Q(value_max__gte=F("value")),
                name="estimate_value_max_not_below_value",
            ),
            models.CheckConstraint(
                condition=~Q(qualifier="range") | Q(value_max__isnull=False),
                name="estimate_range_has_max",
            ),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="estimate_start_before_end"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="estimate_confidence_between_0_and_1",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(as_of__isnull=True)
                | Q(period_start__lte=F("as_of")),
                name="estimate_period_starts_before_as_of",
            ),
        ]
        indexes = [
            # The time-series query of the dashboard and /api/v1/series/.
            models.Index(fields=["source", "casualty", "scope", "as_of"], name="estimate_series_idx"),
        ]

    def __str__(self):
        return f"{self.display_value} {self.get_casualty_display()} ({self.source})"

    def get_absolute_url(self):
        return f"{self.report.get_absolute_url()}#estimate-{self.pk}"

    @property
    def display_value(self):
        return self.label_of(self.qualifier, self.value, self.value_max)

    @classmethod
    def label_of(cls, qualifier, value, value_max):
        """Return a figure as read aloud: "at least 603", "between 3,923 and 6,102".

        Also for the chart, which reads rows rather than instances. Numbers are grouped as the
        active language writes them ("au moins 1 302").
        """
        if qualifier == cls.Qualifier.RANGE and value_max is not None:
            return _("between %(low)s and %(high)s") % {"low": _grouped(value), "high": _grouped(value_max)}
        if qualifier == cls.Qualifier.EXACT:
            return _grouped(value)
        return f"{cls.Qualifier(qualifier).label} {_grouped(value)}"

    @staticmethod
    def queue_order(first=()):
        """Return the review queue's ordering: the ids in `first`, then weakest confidence first."""
        ahead = [Case(When(pk__in=list(first), then=0), default=1)] if first else []
        return [*ahead, "confidence", "pk"]

    @property
    def is_reviewed(self):
        return self.review_status != self.ReviewStatus.EXTRACTED

    def violated_constraints(self):
        """Return the names of the check constraints of Meta this row breaks, without a query.

        For writes in bulk, where asking the database for each row would cost a query per
        figure; tests/tracker/test_models.py keeps these rules and Meta's the same list.
        """
        rules = {
            "estimate_value_max_not_below_value": self.value_max is None or self.value_max >= self.value,
            "estimate_range_has_max": self.qualifier != self.Qualifier.RANGE or self.value_max is not None,
            "estimate_start_before_end": self.start < self.end,
            "estimate_confidence_between_0_and_1": 0 <= self.confidence <= 1,
            "estimate_period_starts_before_as_of": self.period_start is None
            or self.as_of is None
            or self.period_start <= self.as_of,
        }
        return [name for name, holds in rules.items() if not holds]


# --- Tombstones ---------------------------------------------------------------------------


class EstimateTombstoneQuerySet(models.QuerySet):
    def feed(self, since=None):
        """Return what a mirror of the public figures must drop: the figures removed or rejected.

        Rows of (`estimate`, `at`, `reason`), oldest first; `since` keeps those at or after it.
        A rejected figure, or one of a report withdrawn (or not yet published), is listed by its
        current state, so one reopened or republished since is not.
        """
        removed = self.annotate(
            estimate=F("estimate_id"), at=F("deleted_at"), why=models.Value(EstimateTombstone.REMOVED)
        )
        rejected = Estimate.objects.filter(review_status=Estimate.ReviewStatus.REJECTED).annotate(
            estimate=F("pk"), at=F("updated_at"), why=models.Value(EstimateTombstone.REJECTED)
        )
        hidden = (
            Estimate.objects.exclude(review_status=Estimate.ReviewStatus.REJECTED)
            .exclude(report__publication=Report.Publication.PUBLISHED)
            .annotate(
                estimate=F("pk"), at=F("report__updated_at"), why=models.Value(EstimateTombstone.WITHDRAWN)
            )
        )
        if since is not None:
            removed = removed.filter(deleted_at__gte=since)
            rejected = rejected.filter(updated_at__gte=since)
            hidden = hidden.filter(report__updated_at__gte=since)
        columns = ("estimate", "at", "why")
        return (
            removed.order_by()
            .values_list(*columns, named=True)
            .union(
                rejected.order_by().values_list(*columns, named=True),
                hidden.order_by().values_list(*columns, named=True),
                all=True,
            )
            .order_by("at", "estimate")
        )


class EstimateTombstone(models.Model):
    """The id of a figure that no longer exists, and when it went: the deletions feed lists it.

    Ids are never given again, so a consumer may drop this one for good. Written in bulk by
    re-extraction, and for every other deletion (an editor's, a report's) by tracker.deletions.
    """

    REMOVED = "removed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    estimate_id = models.PositiveBigIntegerField(unique=True)
    deleted_at = models.DateTimeField(default=timezone.now, db_index=True)
    reason = models.CharField(max_length=200, blank=True)

    objects = EstimateTombstoneQuerySet.as_manager()

    class Meta:
        ordering = ["deleted_at", "estimate_id"]

    def __str__(self):
        return f"Figure {self.estimate_id} removed {self.deleted_at:%Y-%m-%d %H:%M}"


def _grouped(number):
    return number_format(number, force_grouping=True)


# --- API tokens -----------------------------------------------------------------------------


class ApiTokenQuerySet(models.QuerySet):
    def issue(self, *, user, name):
        """Create a token for `user` and return (token, key): the key is not stored, only shown."""
        token = self.model(user=user, name=name)
        key = token.set_new_key()
        token.save()
        return token, key

    def active(self):
        return self.filter(revoked_at__isnull=True)

    def revoke(self):
        """Revoke the tokens at once; a revoked token stays listed, so its use can be traced."""
        return self.active().update(revoked_at=timezone.now())


class ApiToken(models.Model):
    """A key a script sends as `Authorization: Token <key>` to write through the API as a user.

    Only the key's SHA-256 digest is stored, so a leaked database or backup reveals no usable
    key; the key itself is shown once, when the token is issued. The digest needs no salt or
    slow hash: the key is 256 random bits, not a password a person chose.
    """

    KEY_PREFIX = "ct_"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(
        max_length=100, help_text=_("What the token is for, e.g. “nightly corrections script”.")
    )
    prefix = models.CharField(
        max_length=12, editable=False, help_text=_("The key's first characters, to recognise it.")
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Set: the token no longer authenticates anyone.")
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix}… ({self.name})"

    @staticmethod
    def digest_of(key):
        return hashlib.sha256(key.encode()).hexdigest()

    def set_new_key(self):
        """Give the token a fresh random key and return it: the only time it can be read."""
        key = self.KEY_PREFIX + secrets.token_urlsafe(32)
        self.prefix = key[:10]
        self.digest = self.digest_of(key)
        return key

    @property
    def is_active(self):
        return self.revoked_at is None
