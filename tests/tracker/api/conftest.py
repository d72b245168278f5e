"""Fixtures of the API tests: a DRF client, an editor who holds the permission, a fresh throttle."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import EditorFactory


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Start each test with an empty anonymous request count (the throttle keeps it in the cache)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def api_editor(db):
    """An editor by permission, whether or not the Editors group migration has landed."""
    user = EditorFactory()
    user.user_permissions.add(Permission.objects.get(codename="change_estimate"))
    return user


@pytest.fixture
def editor_api(api, api_editor):
    api.force_authenticate(api_editor)
    return api
