"""The read-only JSON API under /api/v1/ (built out by the API work)."""

urlpatterns: list = []
