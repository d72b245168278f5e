"""Fixtures of the route-by-route tests (permissions, CSRF): a row of every model, a client per role."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client

from tests.factories import EstimateFactory
from tracker.models import ApiToken

# What the Editors group may do in the admin, per model (see migration 0003_editors_group).
EDITOR_ADMIN = {
    "tracker/source": {"view", "add", "change"},
    "tracker/report": {"view", "change"},  # reports are added by uploads, not in the admin
    "tracker/estimate": {"view", "change"},
}


@pytest.fixture
def route_objects(db):
    """One row of every model a route can name, so each route finds what it asks for."""
    estimate = EstimateFactory()
    estimate.report.original_file.save("article.txt", ContentFile(b"At least 3 civilians were killed."))
    owner = User.objects.create(username="token-owner")
    attempt = {"username": "someone", "ip_address": "127.0.0.1", "user_agent": "test"}
    return {
        "tracker/estimate": estimate,
        "tracker/report": estimate.report,
        "tracker/source": estimate.source,
        "tracker/apitoken": ApiToken.objects.issue(user=owner, name="matrix")[0],
        "auth/user": owner,
        "auth/group": Group.objects.get_or_create(name="Readers")[0],
        "axes/accessattempt": AccessAttempt.objects.create(failures_since_start=1, **attempt),
        "axes/accesslog": AccessLog.objects.create(**attempt),
        "axes/accessfailurelog": AccessFailureLog.objects.create(**attempt),
    }


@pytest.fixture
def role_clients(db):
    # No password: hashing one costs more than the whole matrix of one route.
    staff = User.objects.create(username="staff-no-perms", is_staff=True)
    editor = User.objects.create(username="editor-matrix", is_staff=True)
    group = Group.objects.filter(name="Editors").first()
    if group:
        editor.groups.add(group)
    else:  # transactional tests elsewhere may have flushed the group: give the same permissions
        for model, actions in EDITOR_ADMIN.items():
            content_type = ContentType.objects.get(app_label="tracker", model=model.split("/")[1])
            for action in actions:
                editor.user_permissions.add(
                    Permission.objects.get(
                        content_type=content_type, codename=f"{action}_{content_type.model}"
                    )
                )
    by_role = {"anonymous": Client()}
    for role, user in [("staff", staff), ("editor", editor)]:
        by_role[role] = Client()
        by_role[role].force_login(user)
    return by_role
