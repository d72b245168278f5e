"""The estimate change form as an editor's browser would post it, for the admin tests."""

from django.urls import reverse


def change_url(estimate):
    return reverse("admin:tracker_estimate_change", args=[estimate.pk])


def form_data(client, estimate, **changes):
    """Return the change form as the page renders it, with `changes` typed in."""
    form = client.get(change_url(estimate)).context["adminform"].form
    data = {name: "" if form[name].value() is None else form[name].value() for name in form.fields}
    return {**data, **changes}
