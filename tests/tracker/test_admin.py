import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import HttpRequest
from django.urls import reverse

from tests.factories import EstimateFactory, ReportFactory, SourceFactory, UserFactory
from tests.tracker.admin_pages import change_url, form_data
from tracker.admin import EstimateForm
from tracker.models import Estimate, Source
from tracker.services import estimate_correct, source_resolve

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Coalition admits more deaths\n"
    'The coalition said <script>alert("pwned")</script> at least 603 civilians were killed.\n'
    "Airwars puts the toll at 4,354 civilians."
)


def span(text, number):
    start = text.index(number)
    return start, start + len(number)


@pytest.fixture
def coalition():
    return SourceFactory(name="CJTF-OIR", kind=Source.Kind.OFFICIAL, aliases=["Operation Inherent Resolve"])


@pytest.fixture
def airwars():
    return SourceFactory(name="Airwars", kind=Source.Kind.INDEPENDENT)


@pytest.fixture
def report():
    return ReportFactory(title="Coalition admits more deaths", text=ARTICLE)


@pytest.fixture
def admitted(report, coalition):
    """The coalition's figure, whose quote holds a <script> tag."""
    start, end = span(ARTICLE, "603")
    return EstimateFactory(
        report=report,
        source=coalition,
        value=603,
        qualifier="at_least",
        start=start,
        end=end,
        quote='The coalition said <script>alert("pwned")</script> at least 603 civilians were killed.',
        confidence=0.9,
        machine_reading={
            "claimant": "CJTF-OIR",
            "claimant_kind": "official",
            "value": 603,
            "qualifier": "at_least",
            "as_of": "2017-05-31",
        },
    )


@pytest.fixture
def counted(report, airwars):
    start, end = span(ARTICLE, "4,354")
    return EstimateFactory(
        report=report,
        source=airwars,
        value=4354,
        qualifier="exact",
        start=start,
        end=end,
        quote="Airwars puts the toll at 4,354 civilians.",
        confidence=0.4,
        as_of=datetime.date(2017, 6, 30),
        machine_reading={"claimant": "Airwars", "value": 4354, "qualifier": "exact"},
    )


# --- Pages --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?review_status__exact=extracted",
        "?source__kind__exact=official",
        "?qualifier__exact=at_least",
        "?casualty__exact=killed",
        "?victims__exact=civilians",
        "?scope__exact=cumulative",
        "?geography__exact=iraq_syria",
        "?perpetrator__exact=coalition",
        "?confidence=low",
        "?as_of__gte=2017-01-01",
        "?as_of__year=2017&as_of__month=5",
        "?queue=1",
        "?q=script",
        "?o=1",
    ],
)
def test_the_estimate_list_opens_for_an_editor_with_every_filter(editor_client, admitted, counted, query):
    response = editor_client.get(reverse("admin:tracker_estimate_changelist") + query)

    assert response.status_code == 200
    assert "?e=1" not in response.get("Location", "")


def test_the_estimate_list_shows_figure_claimant_and_report(editor_client, admitted):
    response = editor_client.get(reverse("admin:tracker_estimate_changelist"))

    content = response.content.decode()
    assert "at least 603" in content
    assert "CJTF-OIR" in content
    assert reverse("admin:tracker_estimate_review_report", args=[admitted.report_id]) in content
    assert "Review queue (1 figure)" in content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?source__kind__exact=official", {"603"}),
        ("?source__kind__exact=independent", {"4354"}),
        ("?confidence=low", {"4354"}),
        ("?confidence=high", {"603"}),
        ("?as_of__year=2017&as_of__month=6", {"4354"}),
        ("?q=pwned", {"603"}),
        ("?q=Airwars", {"4354"}),
        ("?q=Operation+Inherent", {"603"}),
        ("?q=Coalition+admits", {"603", "4354"}),
    ],
)
def test_filters_and_search_narrow_the_list(editor_client, admitted, counted, query, expected):
    response = editor_client.get(reverse("admin:tracker_estimate_changelist") + query)

    shown = {str(e.value) for e in response.context["cl"].result_list}
    assert shown == expected


def test_the_queue_lists_unreviewed_figures_weakest_first(editor_client, admitted, counted):
    EstimateFactory(confidence=0.1, review_status="confirmed")
    weakest = EstimateFactory(confidence=0.2)

    response = editor_client.get(reverse("admin:tracker_estimate_changelist") + "?queue=1")

    assert list(response.context["cl"].result_list) == [weakest, counted, admitted]


def test_the_change_form_shows_the_quote_in_its_paragraph_escaped_and_highlighted(editor_client, admitted):
    response = editor_client.get(change_url(admitted))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in content
    assert 'at least <mark class="figure figure--current">603</mark> civilians' in content
    assert "Airwars puts the toll" not in content  # another paragraph


def test_the_change_form_shows_the_machine_reading_beside_the_current_values(
    editor_client, admitted, airwars
):
    estimate_correct(estimate=admitted, user=UserFactory(), source=airwars, value=604)

    content = editor_client.get(change_url(admitted)).content.decode()

    assert '<p class="machine-reading">The machine read: 603</p>' in content
    assert '<p class="machine-reading">The machine read: CJTF-OIR</p>' in content
    assert content.count('class="machine-reading"') == 2  # the qualifier and the date are as read


def test_an_estimate_cannot_be_added_by_hand(editor_client):
    assert editor_client.get(reverse("admin:tracker_estimate_add")).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, admitted):
    response = client.get(change_url(admitted))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


# --- Saving -------------------------------------------------------------------------------


def test_saving_a_change_marks_the_figure_corrected_by_the_editor(editor_client, editor, admitted):
    data = form_data(editor_client, admitted, value="604", editor_note="The briefing says 604.")

    response = editor_client.post(change_url(admitted), data)

    assert response.status_code == 302
    admitted.refresh_from_db()
    assert admitted.value == 604
    assert admitted.review_status == Estimate.ReviewStatus.CORRECTED
    assert admitted.reviewed_by == editor
    assert admitted.reviewed_at is not None
    assert admitted.machine_reading["value"] == 603
    latest = admitted.history.latest()
    assert latest.history_user == editor
    assert latest.value == 604


def test_saving_without_changes_confirms_the_figure(editor_client, editor, admitted):
    editor_client.post(change_url(admitted), form_data(editor_client, admitted))

    admitted.refresh_from_db()
    assert admitted.review_status == Estimate.ReviewStatus.CONFIRMED
    assert admitted.reviewed_by == editor
    assert admitted.value == 603


def test_the_history_of_changes_shows_who_changed_what(editor_client, editor, admitted):
    editor_client.post(change_url(admitted), form_data(editor_client, admitted, value="604"))

    content = editor_client.get(change_url(admitted)).content.decode()
    history = editor_client.get(reverse("admin:tracker_estimate_history", args=[admitted.pk]))

    assert f"Value 603 → 604 by {editor.username} on " in content
    assert "review_status" not in content and "Deleted user" not in content
    assert history.status_code == 200
    assert f"Value 603 → 604 by {editor.username} on " in history.content.decode()


def test_an_old_version_can_be_read_but_not_reverted(editor_client, admitted):
    editor_client.post(change_url(admitted), form_data(editor_client, admitted, value="604"))
    first = admitted.history.earliest()
    url = reverse("admin:tracker_estimate_simple_history", args=[admitted.pk, first.history_id])

    assert editor_client.get(url).status_code == 200
    assert editor_client.post(url, form_data(editor_client, admitted)).status_code == 405
    admitted.refresh_from_db()
    assert admitted.value == 604


def test_a_change_made_meanwhile_is_never_silently_overwritten(editor_client, admitted):
    stale = form_data(editor_client, admitted, value="605")
    estimate_correct(estimate=admitted, user=UserFactory(), value=604)

    response = editor_client.post(change_url(admitted), stale)

    assert response.status_code == 200
    assert "Someone else changed this figure" in response.content.decode()
    admitted.refresh_from_db()
    assert admitted.value == 604


def test_a_change_made_between_validation_and_saving_is_reported_not_overwritten(rf, editor, admitted):
    from django.contrib import admin
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.cookie import CookieStorage

    model_admin = admin.site._registry[Estimate]
    form = EstimateForm(
        {
            **EstimateForm(instance=admitted).initial,
            "source": admitted.source_id,
            "value": 605,
            "expected_updated_at": admitted.updated_at.isoformat(),
        },
        instance=admitted,
    )
    assert form.is_valid(), form.errors
    estimate_correct(estimate=admitted, user=UserFactory(), value=604)  # lands meanwhile
    request = rf.post(change_url(admitted))
    request.user, request._messages = editor, CookieStorage(request)

    model_admin.save_model(request, form.save(commit=False), form, change=True)
    response = model_admin.response_change(request, admitted)

    admitted.refresh_from_db()
    assert admitted.value == 604
    assert response["Location"] == change_url(admitted)
    [message] = get_messages(request)
    assert message.level_tag == "error"
    assert "changed by someone else" in message.message


def test_save_and_next_opens_the_weakest_unreviewed_figure(editor_client, admitted, counted):
    weakest = EstimateFactory(confidence=0.1)
    EstimateFactory(confidence=0.05, review_status="rejected")

    response = editor_client.post(
        change_url(admitted), {**form_data(editor_client, admitted, value="604"), "_save_and_next": "1"}
    )

    assert response["Location"] == change_url(weakest)
    admitted.refresh_from_db()
    assert admitted.review_status == Estimate.ReviewStatus.CORRECTED


def test_reject_and_next_rejects_with_the_note_and_moves_on(editor_client, editor, admitted, counted):
    data = {**form_data(editor_client, counted, editor_note="Not a count."), "_reject_and_next": "1"}

    response = editor_client.post(change_url(counted), data)

    assert response["Location"] == change_url(admitted)
    counted.refresh_from_db()
    assert counted.review_status == Estimate.ReviewStatus.REJECTED
    assert counted.editor_note == "Not a count."
    assert counted.history.latest().history_user == editor


def test_the_last_figure_of_the_queue_returns_to_the_list(editor_client, admitted):
    response = editor_client.post(
        change_url(admitted), {**form_data(editor_client, admitted), "_save_and_next": "1"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("admin:tracker_estimate_changelist") + "?queue=1"
    assert "Nothing left to review." in response.content.decode()


def test_the_review_page_opens_the_queue_and_skips_forward(editor_client, admitted, counted):
    review = reverse("admin:tracker_estimate_review")

    assert editor_client.get(review)["Location"] == change_url(counted)
    assert editor_client.get(f"{review}?after={counted.pk}")["Location"] == change_url(admitted)
    assert editor_client.get(f"{review}?after={admitted.pk}")["Location"] == reverse(
        "admin:tracker_estimate_changelist"
    )
    assert editor_client.get(f"{review}?after=nonsense")["Location"] == change_url(counted)


# --- Bulk actions -------------------------------------------------------------------------


def run_action(client, action, *estimates):
    return client.post(
        reverse("admin:tracker_estimate_changelist"),
        {"action": action, "_selected_action": [e.pk for e in estimates]},
    )


def test_bulk_confirm_records_the_editor(editor_client, editor, admitted, counted):
    response = run_action(editor_client, "confirm", admitted, counted)

    assert response.status_code == 302
    for estimate in (admitted, counted):
        estimate.refresh_from_db()
        assert estimate.review_status == Estimate.ReviewStatus.CONFIRMED
        assert estimate.reviewed_by == editor
        assert estimate.history.latest().history_user == editor


def test_bulk_reject_keeps_rejected_figures_off_every_public_page(editor_client, client, admitted, counted):
    run_action(editor_client, "reject", admitted)

    admitted.refresh_from_db()
    assert admitted.review_status == Estimate.ReviewStatus.REJECTED
    assert list(Estimate.objects.public()) == [counted]
    assert admitted not in Estimate.objects.for_chart(geography=None, perpetrator=None)
    public_page = client.get(admitted.report.get_absolute_url()).content.decode()
    assert f"estimate-{admitted.pk}" not in public_page
    assert f"estimate-{counted.pk}" in public_page


def test_back_to_review_returns_figures_to_the_queue(editor_client, editor, admitted):
    run_action(editor_client, "reject", admitted)

    run_action(editor_client, "reopen", admitted)

    admitted.refresh_from_db()
    assert admitted.review_status == Estimate.ReviewStatus.EXTRACTED
    assert admitted.reviewed_by is None
    assert list(Estimate.objects.review_queue()) == [admitted]
    assert admitted.history.latest().history_user == editor


# --- Reports ------------------------------------------------------------------------------


def test_the_report_list_counts_figures_and_unreviewed_ones(editor_client, admitted, counted):
    run_action(editor_client, "confirm", admitted)

    response = editor_client.get(reverse("admin:tracker_report_changelist") + "?status__exact=done")

    [report] = response.context["cl"].result_list
    assert (report.figure_count, report.unreviewed_count) == (2, 1)


def test_the_report_page_highlights_every_figure_escaped_and_linked(editor_client, admitted, counted):
    response = editor_client.get(reverse("admin:tracker_report_change", args=[admitted.report_id]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in content
    assert "&lt;script&gt;" in content
    assert (
        f'<a href="{change_url(admitted)}"><mark class="figure figure--official" id="figure-{admitted.pk}"'
        in content
    )
    assert f'<mark class="figure figure--independent" id="figure-{counted.pk}"' in content
    assert content.count(change_url(counted)) >= 2  # highlighted text and the inline


def test_the_report_page_shows_status_error_and_original_file(editor_client):
    from django.core.files.base import ContentFile

    failed = ReportFactory(status="failed", error="The PDF has no text layer.")
    failed.original_file.save("article.pdf", ContentFile(b"%PDF-1.4"))

    content = editor_client.get(reverse("admin:tracker_report_change", args=[failed.pk])).content.decode()

    assert "The PDF has no text layer." in content
    # The original is a download through ingest's view, never MEDIA_URL served inline.
    assert reverse("ingest:original", args=[failed.pk]) in content
    assert failed.original_file.url not in content
    assert "failed" in content


def test_editors_fix_report_metadata_but_not_its_text(editor_client, report):
    url = reverse("admin:tracker_report_change", args=[report.pk])
    data = {
        "title": "Corrected title",
        "outlet": "AFP",
        "url": "",
        "language": "en",
        "published_on": "2017-07-02",
        "published_precision": "day",
        "text": "replaced",
        "estimates-TOTAL_FORMS": "0",
        "estimates-INITIAL_FORMS": "0",
    }

    response = editor_client.post(url, data)

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.title, report.outlet, report.text) == ("Corrected title", "AFP", ARTICLE)


def test_reports_are_not_added_in_the_admin(editor_client):
    assert editor_client.get(reverse("admin:tracker_report_add")).status_code == 403


# --- Sources ------------------------------------------------------------------------------


def test_the_source_pages_open(editor_client, coalition, admitted):
    changelist = reverse("admin:tracker_source_changelist")
    assert editor_client.get(changelist + "?kind__exact=official&needs_review__exact=0").status_code == 200
    page = editor_client.get(reverse("admin:tracker_source_change", args=[coalition.pk]))
    assert page.status_code == 200
    assert "Operation Inherent Resolve" in page.content.decode()
    assert editor_client.get(reverse("admin:tracker_source_add")).status_code == 200


def test_an_alias_added_by_an_editor_is_used_by_the_next_extraction(editor_client, coalition):
    url = reverse("admin:tracker_source_change", args=[coalition.pk])
    data = {
        "name": coalition.name,
        "slug": coalition.slug,
        "kind": "official",
        "aliases": "Operation Inherent Resolve\n  Coalition militaire  \n\n",
        "url": "",
        "description": "",
        "needs_review": "",
    }

    response = editor_client.post(url, data)

    assert response.status_code == 302
    coalition.refresh_from_db()
    assert coalition.aliases == ["Operation Inherent Resolve", "Coalition militaire"]
    assert source_resolve(name="COALITION MILITAIRE") == coalition


def test_an_editor_adds_a_claimant(editor_client):
    data = {
        "name": "Syrian Network for Human Rights",
        "slug": "snhr",
        "kind": "independent",
        "aliases": "SNHR",
        "url": "https://snhr.org",
        "description": "",
        "needs_review": "",
    }

    editor_client.post(reverse("admin:tracker_source_add"), data)

    assert Source.objects.matching("snhr").get().kind == Source.Kind.INDEPENDENT


def test_merge_asks_for_the_claimant_to_keep(editor_client, coalition, airwars):
    response = editor_client.post(
        reverse("admin:tracker_source_changelist"), {"action": "merge", "_selected_action": [airwars.pk]}
    )

    assert response.status_code == 200
    assert "Merge into" in response.content.decode()
    assert Source.objects.filter(pk=airwars.pk).exists()


def test_merge_moves_the_duplicates_figures_and_keeps_its_name(editor_client, editor, admitted):
    duplicate = SourceFactory(name="Combined Joint Task Force", kind=Source.Kind.OFFICIAL)
    moved = EstimateFactory(source=duplicate)

    response = editor_client.post(
        reverse("admin:tracker_source_changelist"),
        {"action": "merge", "_selected_action": [duplicate.pk], "apply": "yes", "into": admitted.source_id},
    )

    assert response.status_code == 302
    moved.refresh_from_db()
    assert moved.source == admitted.source
    assert not Source.objects.filter(pk=duplicate.pk).exists()
    assert Source.objects.matching("Combined Joint Task Force").get() == admitted.source
    assert moved.history.latest().history_user == editor
    assert "merged" in moved.history.latest().history_change_reason


def test_merge_refuses_to_merge_a_claimant_into_itself(editor_client, coalition):
    response = editor_client.post(
        reverse("admin:tracker_source_changelist"),
        {"action": "merge", "_selected_action": [coalition.pk], "apply": "yes", "into": coalition.pk},
    )

    assert response.status_code == 200
    assert "Choose a claimant other than" in response.content.decode()
    assert Source.objects.filter(pk=coalition.pk).exists()


def test_the_history_of_a_merged_figure_still_opens(editor_client, admitted):
    duplicate = SourceFactory(name="Duplicate", kind=Source.Kind.OFFICIAL)
    moved = EstimateFactory(source=duplicate)
    editor_client.post(
        reverse("admin:tracker_source_changelist"),
        {"action": "merge", "_selected_action": [duplicate.pk], "apply": "yes", "into": admitted.source_id},
    )

    assert editor_client.get(change_url(moved)).status_code == 200
    assert editor_client.get(reverse("admin:tracker_estimate_history", args=[moved.pk])).status_code == 200


# --- Editors ------------------------------------------------------------------------------


def test_the_editors_group_has_exactly_the_review_and_upload_permissions():
    editors = Group.objects.get(name="Editors")
    permissions = {f"{p.content_type.app_label}.{p.codename}" for p in editors.permissions.all()}

    assert permissions == {
        "tracker.view_source",
        "tracker.add_source",
        "tracker.change_source",
        "tracker.view_report",
        "tracker.add_report",
        "tracker.change_report",
        "tracker.view_estimate",
        "tracker.change_estimate",
        "tracker.view_historicalestimate",
        # Watched feeds (ingest): editors register, change and remove them, and see their items.
        "ingest.view_feed",
        "ingest.add_feed",
        "ingest.change_feed",
        "ingest.delete_feed",
        "ingest.view_feeditem",
    }


def test_editors_cannot_manage_users(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_the_demo_editor_is_refused_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("demoeditor")


def test_the_demo_editor_can_log_in_with_the_printed_password(client, settings, capsys):
    settings.DEBUG = True
    call_command("demoeditor")
    call_command("demoeditor")  # idempotent: one account, a fresh password

    password = capsys.readouterr().out.strip().splitlines()[-1].rsplit(" ", 1)[-1]
    # django-axes counts login attempts per request, so the login carries one.
    assert client.login(request=HttpRequest(), username="editor", password=password)
    assert client.get(reverse("admin:tracker_estimate_changelist")).status_code == 200


def test_the_review_page_speaks_french(editor_client, admitted):
    page = editor_client.get(change_url(admitted), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Relire un chiffre" in page and "Modification de estimate" not in page
    for label in ("Valeur", "Qualificatif", "Auteur", "Note de l’éditeur", "Confirmer et suivant"):
        assert label in page, label
