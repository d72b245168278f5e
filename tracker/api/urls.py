"""The read-only JSON API under /api/v1/ (built out by the API work)."""

from django.urls import path

urlpatterns: list = []
