"""Upload pages for editors (built out by the ingest work)."""

app_name = "ingest"

urlpatterns: list = []
