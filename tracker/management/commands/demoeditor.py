"""Create the demo editor account and print its login: for a local demo only."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

USERNAME = "editor"


class Command(BaseCommand):
    help = "Create (or reset) the demo editor account and print its password. Demo only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never on a real site)."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Refusing to create a demo account with DEBUG off (use --force).")
        group = Group.objects.filter(name="Editors").first()
        if group is None:
            raise CommandError("The Editors group is missing: run `manage.py migrate` first.")
        user, created = get_user_model().objects.get_or_create(username=USERNAME)
        if user.is_superuser:
            raise CommandError(f"{USERNAME!r} is a superuser: not touching it.")
        password = secrets.token_urlsafe(12)
        user.is_staff = True
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(group)
        verb = "Created" if created else "Reset"
        self.stdout.write(f"{verb} the demo editor (demo only): login {USERNAME} / password {password}")
