"""Issue or revoke an API token from the command line, for a script's deployment."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tracker.models import ApiToken


class Command(BaseCommand):
    help = "Issue an API token for a user and print its key (shown this once), or revoke tokens."

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user the token acts as.")
        parser.add_argument("--name", default="script", help="What the token is for.")
        parser.add_argument(
            "--revoke", metavar="PREFIX", help="Revoke the user's active tokens whose key starts so."
        )

    def handle(self, *args, username, name, revoke, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if revoke:
            count = ApiToken.objects.filter(user=user, prefix__startswith=revoke[:10]).revoke()
            self.stdout.write(f"Revoked {count} token(s).")
            return
        token, key = ApiToken.objects.issue(user=user, name=name)
        self.stdout.write(f"Token {token.prefix}… for {username}; its key (shown this once only):")
        self.stdout.write(key)
